package main

import (
	"slices"
	"strings"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// The privacy rule, one for every output (check, check --json, report
// --html, ics): the dates that give a birth away are withheld unless
// --show-birth-dates is given. They are the expected date of delivery, the
// date of birth and the baby's discharge from hospital (a discharge comes
// within days of the birth), wherever the case records them (pre_birth, the
// register's unborn-baby and birth events), and every date counted from
// them: the 28-week point of gestation, the due date of the pre-discharge
// meeting and the last working day before such a date. Any of these dates
// is printed as withheldMark wherever it would appear, whatever it labels,
// so that no output can give it away by another route; in JSON a date value
// that is withheld is null. A step whose due date is withheld is still
// listed, with its rule and status.
const withheldMark = "[date withheld]"

// withheldNote is printed once by an output that withheld a date.
const withheldNote = "Dates that give a birth away (expected delivery, birth, discharge, and dates counted from them) are shown as " + withheldMark + "; --show-birth-dates shows them."

// shownAnchors are the anchor events whose dates an output may print: the
// steps of the child protection process (the concern, the IRD, the CPPMs,
// the decisions), which the case system records and the report shows.
// Every other anchor is withheld: the list is an allow list, so an anchor
// added to the library later (a birth) fails safe until someone decides
// here that its date may be shown.
var shownAnchors = map[timescale.Event]bool{
	timescale.EventConcern:          true,
	timescale.EventIRD:              true,
	timescale.EventOutOfHoursIRD:    true,
	timescale.EventInvestigation:    true,
	timescale.EventCPPM:             true,
	timescale.EventRegisteringCPPM:  true,
	timescale.EventReviewCPPM:       true,
	timescale.EventPreBirthCPPM:     true,
	timescale.EventInquorateCPPM:    true,
	timescale.EventMeeting:          true,
	timescale.EventChangeIdentified: true,
	timescale.EventReporterDecision: true,
	timescale.EventMoveNotified:     true,
}

// withheldAnchor reports whether the date of anchor ev must be left out of
// an output: every anchor not in shownAnchors.
func withheldAnchor(ev timescale.Event) bool { return !shownAnchors[ev] }

// A redactor applies the privacy rule to one checked case. The zero value
// (and nil) withholds nothing: --show-birth-dates.
type redactor struct {
	dates map[guidance.Date]bool
	texts map[string]bool // the withheld dates as written ("2006-01-02"); nil: none
	used  bool            // something was withheld
}

// newRedactor gathers the dates to withhold from the case, its result and
// the result's deadlines owed, read whole (owed).
func newRedactor(c cpguide.Case, res *cpguide.Result, owed []timescale.Deadline) *redactor {
	r := &redactor{dates: map[guidance.Date]bool{}}
	add := func(d guidance.Date) {
		if !d.IsZero() {
			r.dates[d] = true
		}
	}
	anchors := timescale.Anchors{}
	if p := c.PreBirth; p != nil {
		add(p.ExpectedDelivery)
		add(p.Birth)
		add(p.Discharge)
		if !p.ExpectedDelivery.IsZero() {
			anchors[timescale.EventExpectedDelivery] = p.ExpectedDelivery
		}
		if !p.Discharge.IsZero() {
			anchors[timescale.EventDischarge] = p.Discharge
		}
	}
	child := func(ch *register.Child) {
		if ch != nil {
			add(ch.DateOfBirth)
			add(ch.ExpectedDate)
		}
	}
	for _, e := range c.Register {
		if e.Type == register.BirthRecorded {
			add(e.Date)
		}
		child(e.Child)
		if e.Registration != nil {
			child(e.Registration.Child)
		}
	}
	fromDeadline := func(dl timescale.Deadline) {
		for _, rd := range dl.Readings {
			if rd.Missing || !withheldAnchor(rd.Anchor) {
				continue
			}
			add(rd.AnchorDate)
			add(rd.Due)
			if rd.Governs {
				add(dl.Due)
			}
		}
		if r.dates[dl.Due] {
			add(dl.LastWorkingDay)
		}
	}
	// Every date counted from a withheld anchor under the edition checked,
	// whether or not the case still owes the step (a pre-birth CPPM held in
	// time has a finding due at the 28-week point).
	if len(anchors) > 0 && res != nil && res.Report != nil {
		for _, ts := range timescale.All() {
			if ts.Edition != res.Report.Edition || !slices.ContainsFunc(ts.Readings, func(rd timescale.Reading) bool { return withheldAnchor(rd.Anchor) }) {
				continue
			}
			if dl, err := ts.Due(anchors, timescale.Options{}); err == nil {
				fromDeadline(dl)
			}
		}
	}
	for _, dl := range owed {
		fromDeadline(dl)
	}
	if len(r.dates) == 0 {
		return r
	}
	r.texts = make(map[string]bool, len(r.dates))
	for d := range r.dates {
		r.texts[d.String()] = true
	}
	return r
}

// withheld reports whether date d is withheld.
func (r *redactor) withheld(d guidance.Date) bool {
	if r == nil || !r.dates[d] {
		return false
	}
	r.used = true
	return true
}

// text replaces every withheld date in s, with its weekday, by withheldMark.
func (r *redactor) text(s string) string {
	if r == nil || r.texts == nil {
		return s
	}
	s, ok := r.replaceDates(s)
	if !ok {
		return s
	}
	r.used = true
	// A count of days from a withheld date and a date shown gives it away.
	s = strings.ReplaceAll(s, withheldMark+" is a working day", "That day is a working day")
	s = dropCounts(s, "", " day(s) after the due date "+withheldMark, "after the due date "+withheldMark)
	return dropCounts(s, withheldMark+", ", " day(s) ago", withheldMark)
}

// weekdays are the names a date may be written after ("Tuesday 2026-03-24").
var weekdays = [...]string{"Monday ", "Tuesday ", "Wednesday ", "Thursday ", "Friday ", "Saturday ", "Sunday "}

// replaceDates replaces by withheldMark each withheld date in s that is
// not followed by a letter, digit or underscore, with the weekday written
// just before it, and reports whether it replaced any.
func (r *redactor) replaceDates(s string) (string, bool) {
	var b strings.Builder
	last := 0
	for i := 0; i+10 <= len(s); i++ {
		if s[i] < '0' || s[i] > '9' || s[i+4] != '-' || s[i+7] != '-' || !r.texts[s[i:i+10]] ||
			i+10 < len(s) && isWordByte(s[i+10]) {
			continue
		}
		start := i
		for _, wd := range weekdays {
			if strings.HasSuffix(s[last:i], wd) {
				start = i - len(wd)
				break
			}
		}
		b.WriteString(s[last:start])
		b.WriteString(withheldMark)
		last = i + 10
		i += 9
	}
	if last == 0 {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// dropCounts replaces each count of days between before and after in s
// ("[date withheld], 3 day(s) ago") by with: a count of days from a
// withheld date and a date shown gives it away.
func dropCounts(s, before, after, with string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], after)
		if j < 0 {
			break
		}
		end := i + j // the count ends here
		start := end
		for start > last && s[start-1] >= '0' && s[start-1] <= '9' {
			start--
		}
		if start == end || !strings.HasSuffix(s[last:start], before) {
			i = end + len(after)
			continue
		}
		b.WriteString(s[last : start-len(before)])
		b.WriteString(with)
		last = end + len(after)
		i = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// json withholds the dates of a JSON document: a value that is a withheld
// date becomes null, and a withheld date inside a longer string (an
// explanation) becomes withheldMark.
func (r *redactor) json(b []byte) []byte {
	if r == nil || r.texts == nil {
		return b
	}
	s := string(b)
	for d := range r.dates {
		q := `"` + d.String() + `"`
		if strings.Contains(s, q) {
			r.used = true
			s = strings.ReplaceAll(s, q, "null")
		}
	}
	return []byte(r.text(s))
}

// deadlines returns copies of dls for an output: a reading counted from a
// withheld anchor loses the non-working days it skipped and its clamping,
// which would tell how its withheld dates fall.
func (r *redactor) deadlines(dls []timescale.Deadline) []timescale.Deadline {
	if r == nil || r.texts == nil {
		return dls
	}
	out := make([]timescale.Deadline, len(dls))
	for i, dl := range dls {
		dl.Readings = slices.Clone(dl.Readings)
		for j := range dl.Readings {
			if withheldAnchor(dl.Readings[j].Anchor) {
				dl.Readings[j].Skipped = nil
				dl.Readings[j].Clamped = false
			}
		}
		out[i] = dl
	}
	return out
}

// explain is how a deadline was counted, for an output: with the privacy
// rule applied, the date of a withheld anchor is named "(date withheld)"
// and every date counted from it is withheld.
func (r *redactor) explain(dl *timescale.Deadline) string {
	if r == nil || r.texts == nil {
		return strings.TrimSuffix(dl.Explanation(), "\n")
	}
	return strings.TrimSuffix(r.text(dl.ExplanationWithholding(withheldAnchor)), "\n")
}
