package timescale

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/cpguide/cpguide/guidance"
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
	case strings.TrimSpace(v.Approver) == "":
		return bad("approver", "record who approved the variation")
	case strings.TrimSpace(v.Reason) == "":
		return bad("reason", "record why the alternative timescale keeps the child safe")
	case !v.Recorded.Valid():
		return bad("recorded", "give the date the variation was recorded, YYYY-MM-DD")
	}
	if _, err := guidance.Lookup(v.Rule); err != nil {
		return err
	}
	return nil
}

// LogValue implements slog.LogValuer, leaving out the approver's name and the
// reason, which may identify people.
func (v Variation) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("rule", v.Rule),
		slog.String("subject", v.Subject),
		slog.String("new_date", v.NewDate.String()),
		slog.String("approver", "[redacted]"),
		slog.String("reason", "[redacted]"),
		slog.String("recorded", v.Recorded.String()),
	)
}

// String describes the variation without personal data.
func (v Variation) String() string {
	return fmt.Sprintf("variation of %s to %s (recorded %s)", v.Rule, v.NewDate, v.Recorded)
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
func (dl Deadline) Assess(done, today Date, variations ...Variation) guidance.Finding {
	f := guidance.Finding{
		Rule: dl.Rule, Title: dl.Title, Edition: dl.Edition, Strength: dl.Strength,
		Due: dl.Due, Done: done, Citations: dl.Citations,
	}
	var v *Variation
	for i := range variations {
		if variations[i].Rule == dl.Rule && (v == nil || !variations[i].Recorded.Before(v.Recorded)) {
			v = &variations[i]
		}
	}
	due := fmt.Sprintf("%s (last working day %s)", dl.Due, dl.LastWorkingDay)
	if dl.LastWorkingDay == dl.Due {
		due = dl.Due.String()
	}
	switch {
	case !done.IsZero() && !done.After(dl.Due):
		f.Status = guidance.Met
		f.Message = fmt.Sprintf("done on %s, due by %s", done, dl.Due)
	case !done.IsZero() && v != nil && !done.After(v.NewDate):
		f.Status = guidance.MetUnderVariation
		f.Message = fmt.Sprintf("done on %s, after the due date %s but within the approved variation to %s", done, dl.Due, v.NewDate)
	case !done.IsZero():
		f.Status = guidance.Late
		f.Message = fmt.Sprintf("done on %s, %d day(s) after the due date %s; record the reasons", done, done.Sub(dl.Due), dl.Due)
		if v != nil {
			f.Message += fmt.Sprintf(" (an approved variation allowed until %s)", v.NewDate)
		}
	case today.IsZero():
		f.Status = guidance.Unknown
		f.Message = fmt.Sprintf("no completion date recorded and no date of check given; %s by %s", dl.Action, due)
	default:
		limit := dl.Due
		if v != nil && v.NewDate.After(limit) {
			limit = v.NewDate
		}
		if !today.After(limit) {
			f.Status = guidance.Pending
			f.Message = fmt.Sprintf("%s by %s", dl.Action, due)
			if limit != dl.Due {
				f.Message += fmt.Sprintf("; an approved variation allows until %s", limit)
			}
		} else {
			f.Status = guidance.Overdue
			f.Message = fmt.Sprintf("%s now: it was due by %s, %d day(s) ago", dl.Action, dl.Due, today.Sub(dl.Due))
			if limit != dl.Due {
				f.Message += fmt.Sprintf(", and the approved variation to %s has passed too", limit)
			}
		}
	}
	return f
}
