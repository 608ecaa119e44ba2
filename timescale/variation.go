package timescale

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
)

// A Variation is an approved change to one timescale in one case. Appendix D
// of the 2023 guidance allows a timescale to be varied in a specific case when
// the alternative ensures the child's safety and best interests; local
// procedures add that line managers agree it and the reasons are recorded.
//
// A step done after its due date but on or before an approved variation's
// NewDate is "met under variation", not late.
//
// Approver and Reason may hold personal data: they never appear in errors or
// findings, and LogValue redacts them.
type Variation struct {
	Rule     string `json:"rule"`
	Subject  string `json:"subject,omitempty"` // which occurrence, when a case has several (e.g. "review CPPM 2")
	NewDate  Date   `json:"new_date"`
	Approver string `json:"approver"`
	Reason   string `json:"reason"`
	Recorded Date   `json:"recorded"`
}

// Validate reports the first missing or impossible field as a
// *guidance.Error of kind Invalid, naming the field and never its content.
func (v Variation) Validate() error {
	bad := func(field, hint string) error {
		return &guidance.Error{Kind: guidance.Invalid, Field: "variation." + field, Hint: hint}
	}
	switch {
	case v.Rule == "":
		return bad("rule", "name the rule the variation applies to")
	case !v.NewDate.Valid():
		return bad("new_date", "give the approved new date, YYYY-MM-DD")
	case blank.Is(v.Approver):
		return bad("approver", "record who approved the variation")
	case blank.Is(v.Reason):
		return bad("reason", "record why the alternative timescale keeps the child safe")
	case !v.Recorded.Valid():
		return bad("recorded", "give the date the variation was recorded, YYYY-MM-DD")
	}
	return guidance.Known(v.Rule) // an unknown rule's error names the closest IDs
}

// Assess turns the deadline into a finding. done is the date the step was
// done (the zero Date if it has not been); today is the date of the check
// (the zero Date if unknown: then an undone step is Unknown, never guessed
// from the machine clock). An approved variation of the same rule moves the
// date that counts; when several match, the one recorded last applies.
//
//	done on or before Due                  -> Met
//	done after Due, on or before variation -> MetUnderVariation
//	done after Due                         -> Late
//	not done, today on or before the date  -> Pending
//	not done, today after the date         -> Overdue
//
// Assess weighs every variation of the rule, whatever its Subject: use
// AssessFor when a case can have several occurrences of the step.
func (dl Deadline) Assess(done, today Date, variations ...Variation) guidance.Finding {
	return dl.assess(done, today, "", false, variations)
}

// AssessFor is Assess for one occurrence of the step, named by subject (for
// example "review CPPM M-0603"): the finding carries that subject, and only
// the variations that cover it (see Variation.Covers) are weighed, so a
// variation approved for one meeting never excuses another.
func (dl Deadline) AssessFor(subject string, done, today Date, variations ...Variation) guidance.Finding {
	f := dl.assess(done, today, subject, true, variations)
	f.Subject = subject
	return f
}

// Covers reports whether the variation applies to the occurrence named by
// subject: a variation with no Subject covers every occurrence of its rule;
// otherwise its Subject must be subject or a run of whole words in it (a
// meeting reference such as "M-0603", or "review CPPM", covers "review CPPM
// M-0603"; "M-060" covers nothing of it).
func (v Variation) Covers(subject string) bool {
	if v.Subject == "" || v.Subject == subject {
		return true
	}
	return strings.Contains(" "+subject+" ", " "+v.Subject+" ")
}

func (dl *Deadline) assess(done, today Date, subject string, bySubject bool, variations []Variation) guidance.Finding {
	f := guidance.Finding{
		Rule: dl.Rule, Title: dl.Title, Edition: dl.Edition, Strength: dl.Strength,
		Due: dl.Due, Done: done, Citations: dl.Citations,
	}
	var msg []byte
	f.Status, msg = dl.appendAssessment(nil, done, today, subject, bySubject, variations)
	f.Message = string(msg)
	return f
}

// onTime reports whether a step done on date done (zero: not done) was
// done by the due date: an assessment of it is Met, whatever the
// variations, with the message guidance.AppendMet writes.
func (dl *Deadline) onTime(done Date) bool { return !done.IsZero() && !done.After(dl.Due) }

// AppendAssessment is [Deadline.AssessFor] for a checker that records
// findings compactly: it appends the finding's message to b and returns the
// status. The finding's other fields are the deadline's (rule, edition,
// strength, due date, citations), the subject and done.
func (dl *Deadline) AppendAssessment(b []byte, subject string, done, today Date, variations ...Variation) (guidance.Status, []byte) {
	return dl.appendAssessment(b, done, today, subject, true, variations)
}

// Classify returns the status of the step named subject, done on date done
// (zero: not done), assessed on date today: Met, MetUnderVariation, Late,
// Unknown, Pending or Overdue; and the variation that covers it, nil for
// none. It is what AppendAssessment says, without the words.
func (dl *Deadline) Classify(subject string, done, today Date, variations ...Variation) (guidance.Status, *Variation) {
	return dl.classify(done, today, subject, true, variations)
}

func (dl *Deadline) classify(done, today Date, subject string, bySubject bool, variations []Variation) (guidance.Status, *Variation) {
	var v *Variation
	for i := range variations {
		if variations[i].Rule != dl.Rule || (bySubject && !variations[i].Covers(subject)) {
			continue
		}
		if v == nil || !variations[i].Recorded.Before(v.Recorded) {
			v = &variations[i]
		}
	}
	switch {
	case dl.onTime(done):
		return guidance.Met, v
	case !done.IsZero() && v != nil && !done.After(v.NewDate):
		return guidance.MetUnderVariation, v
	case !done.IsZero():
		return guidance.Late, v
	case today.IsZero():
		return guidance.Unknown, v
	}
	if today.After(dl.Due) && (v == nil || today.After(v.NewDate)) {
		return guidance.Overdue, v
	}
	return guidance.Pending, v
}

func (dl *Deadline) appendAssessment(b []byte, done, today Date, subject string, bySubject bool, variations []Variation) (guidance.Status, []byte) {
	st, v := dl.classify(done, today, subject, bySubject, variations)
	// Messages are appended piece by piece: an assessment runs for every
	// timescale of every check, and fmt costs more than the rest of it.
	due := func(b []byte) []byte {
		b = dl.Due.AppendString(b)
		if dl.LastWorkingDay != dl.Due {
			b = append(b, " (last working day "...)
			b = dl.LastWorkingDay.AppendString(b)
			b = append(b, ')')
		}
		return b
	}
	limit := dl.Due
	if v != nil && v.NewDate.After(limit) {
		limit = v.NewDate
	}
	switch st {
	case guidance.Met:
		b = guidance.AppendMet(b, done, dl.Due)
	case guidance.MetUnderVariation:
		b = append(b, "done on "...)
		b = done.AppendString(b)
		b = append(b, ", after the due date "...)
		b = dl.Due.AppendString(b)
		b = append(b, " but within the approved variation to "...)
		b = v.NewDate.AppendString(b)
	case guidance.Late:
		b = guidance.AppendLate(b, done, dl.Due)
		if v != nil {
			b = append(b, " (an approved variation allowed until "...)
			b = v.NewDate.AppendString(b)
			b = append(b, ')')
		}
	case guidance.Unknown:
		b = append(b, "no completion date recorded and no date of check given; "...)
		b = append(b, dl.Action...)
		b = append(b, " by "...)
		b = due(b)
	case guidance.Pending:
		b = append(b, dl.Action...)
		b = append(b, " by "...)
		b = due(b)
		if limit != dl.Due {
			b = append(b, "; an approved variation allows until "...)
			b = limit.AppendString(b)
		}
	default: // Overdue
		b = append(b, dl.Action...)
		b = append(b, " now: it was due by "...)
		b = dl.Due.AppendString(b)
		b = append(b, ", "...)
		b = strconv.AppendInt(b, int64(today.Sub(dl.Due)), 10)
		b = append(b, " day(s) ago"...)
		if limit != dl.Due {
			b = append(b, ", and the approved variation to "...)
			b = limit.AppendString(b)
			b = append(b, " has passed too"...)
		}
	}
	return st, b
}

// UnusedVariations returns the variations that changed nothing in the
// findings of a check made on date today.
//
// A variation is used when a step it covers (its rule, and its subject as
// [Variation.Covers] reads it) was done after the step's due date, or is not
// done and today is past the due date (or today is unknown): that is, when
// the variation changes, or may change, the step's status. One that covers
// only steps done in time, or steps not yet due, changed nothing, as an
// unused lint suppression, and is reported so that someone checks that it
// names the right rule and occurrence.
func UnusedVariations(vs []Variation, fs []guidance.Finding, today Date) []Variation {
	var out []Variation
	for _, v := range vs {
		if !slices.ContainsFunc(fs, func(f guidance.Finding) bool { return v.UsedBy(f, today) }) {
			out = append(out, v)
		}
	}
	return out
}

// UsedBy reports whether the variation changes, or may change, the status
// of finding f of a check made on date today (see UnusedVariations). It
// reads the finding's rule, subject and dates only.
func (v Variation) UsedBy(f guidance.Finding, today Date) bool {
	if f.Rule != v.Rule || f.Due.IsZero() || !f.Due.Before(v.NewDate) || !v.Covers(f.Subject) {
		return false
	}
	if !f.Done.IsZero() {
		return f.Done.After(f.Due)
	}
	return today.IsZero() || today.After(f.Due)
}
