package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// A dueItem is one due date of a case: a finding that carries a due date, a
// deadline the case still owes, or both when they are the same step (same
// rule, same due date). The ics and report commands draw on the same list.
type dueItem struct {
	Rule, Title, Subject string
	Edition              guidance.Edition
	Strength             guidance.Strength
	Status               guidance.Status
	Due, Done            guidance.Date
	Message              string
	Citations            []guidance.Citation
	// Deadline explains how Due was counted; nil when only a finding
	// gives the date.
	Deadline *timescale.Deadline
}

// owed reports whether the step is still to be done: a due date with no
// completion date that is pending, overdue or unknown (as every step not
// yet done is when the date of the check is not given).
func (it dueItem) owed() bool {
	return it.Done.IsZero() && !it.Due.IsZero() &&
		(it.Status == guidance.Pending || it.Status == guidance.Overdue || it.Status == guidance.Unknown)
}

// dueItems merges the findings that carry a due date with the deadlines the
// case still owes, earliest first. A deadline with no finding of its own is
// assessed against the date of the check and the case's approved variations,
// exactly as Check assesses a finding.
func dueItems(c cpguide.Case, res *cpguide.Result) []dueItem {
	var items []dueItem
	for _, f := range res.Report.Findings {
		if f.Due.IsZero() || f.Status == guidance.NotApplicable {
			continue
		}
		items = append(items, dueItem{Rule: f.Rule, Title: f.Title, Subject: f.Subject, Edition: f.Edition,
			Strength: f.Strength, Status: f.Status, Due: f.Due, Done: f.Done, Message: f.Message, Citations: f.Citations})
	}
	for i := range res.Deadlines {
		dl := &res.Deadlines[i]
		if j := slices.IndexFunc(items, func(it dueItem) bool {
			return it.Rule == dl.Rule && it.Due == dl.Due && it.Deadline == nil
		}); j >= 0 {
			items[j].Deadline = dl
			continue
		}
		f := dl.Assess(guidance.Date{}, res.Report.Today, c.Variations...)
		items = append(items, dueItem{Rule: dl.Rule, Title: dl.Title, Edition: dl.Edition, Strength: dl.Strength,
			Status: f.Status, Due: dl.Due, Message: f.Message, Citations: dl.Citations, Deadline: dl})
	}
	slices.SortStableFunc(items, func(a, b dueItem) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Subject, b.Subject))
	})
	return items
}

// label is the rule's title with the finding's subject, if any:
// "Initial CPPM (initial CPPM M-0501)".
func (it dueItem) label() string {
	if it.Subject == "" {
		return it.Title
	}
	return it.Title + " (" + it.Subject + ")"
}

// eventUID is the stable UID of the calendar event of one step of one case:
// the SHA-256, in hex, of the case ID, rule and subject, at "cpguide". The
// due date is left out: when a step's deadline moves (a later CPPM, an
// approved variation, a corrected date), a re-imported calendar updates the
// event already in the diary instead of adding a second one and leaving the
// stale date behind. occurrence tells apart steps of one calendar that share
// rule and subject (two deadlines of one rule): 0 for the first, earliest
// due, which keeps the plain UID. The case ID appears only hashed.
func eventUID(caseID string, it dueItem, occurrence int) string {
	h := sha256.New()
	parts := []string{caseID, it.Rule, it.Subject}
	if occurrence > 0 {
		parts = append(parts, strconv.Itoa(occurrence))
	}
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0}) // separator: ("ab","c") and ("a","bc") differ
	}
	return hex.EncodeToString(h.Sum(nil)) + "@cpguide"
}

// shownAnchors are the anchor events whose dates the ics calendar and the
// HTML report may print in a "how it was counted" explanation: the steps of
// the child protection process (the concern, the IRD, the CPPMs, the
// decisions), which the case system records and the report already shows.
//
// Every other anchor is withheld, printed as "the expected date of delivery
// (date withheld)": the expected date of delivery and the baby's discharge
// from hospital give away the pregnancy and, within days, the date of birth,
// which is personal data (special category health data for the mother). An
// anchor added to the library later, such as a birth, is withheld too until
// someone decides here that its date may be shown: the list is an allow
// list, so a new anchor fails safe. The due date itself is the purpose of
// the calendar and is always shown, even where it is derived from a withheld
// anchor (the pre-discharge meeting is due by the discharge).
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

// describeDeadline explains a deadline like [timescale.Deadline.Explanation]
// (the due date, whether it is a working day, each reading with its anchor
// and result, the non-working days skipped, the policies, a local figure,
// notes, calendar and citations; the counting convention is left to
// "cpguide explain"), except that the date of an anchor not in shownAnchors is
// withheld, with everything that would give it away: the reading's own
// result unless it is the governing one (whose result is the due date), the
// days it skipped and the day of the month it clamped.
func describeDeadline(dl *timescale.Deadline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s edition, %s)\n", dl.Rule, dl.Title, dl.Edition, dl.Strength)
	by := "by"
	if dl.Direction == timescale.Notice {
		by = "no later than"
	}
	fmt.Fprintf(&b, "%s %s %s.\n", capital(dl.Action), by, dayDate(dl.Due))
	if dl.DueWhy != "" {
		fmt.Fprintf(&b, "%s is not a working day (%s); the last working day on or before it is %s.\n", dl.Due, dl.DueWhy, dayDate(dl.LastWorkingDay))
	} else {
		fmt.Fprintf(&b, "%s is a working day.\n", dl.Due)
	}
	b.WriteString("How it was counted:\n")
	for _, r := range dl.Readings {
		shown := shownAnchors[r.Anchor]
		anchor := r.Anchor.Title()
		if !shown && !r.Missing {
			anchor += " (date withheld)"
		}
		fmt.Fprintf(&b, "  - %s: %s", r.Name, readingText(r.Reading, dl.Direction, anchor))
		switch {
		case r.Missing:
			fmt.Fprintf(&b, ": not computed, no date given for %s", anchor)
		case shown:
			fmt.Fprintf(&b, " (%s) = %s", dayDate(r.AnchorDate), dayDate(r.Due))
		case r.Governs:
			fmt.Fprintf(&b, " = %s", dayDate(r.Due))
		default:
			b.WriteString(" = date withheld")
		}
		fmt.Fprintf(&b, " [%s]", joinCitations(r.Citations))
		if r.Governs {
			b.WriteString(" <- governs")
		}
		b.WriteByte('\n')
		if !shown || r.Missing {
			continue
		}
		if r.Clamped {
			fmt.Fprintf(&b, "      %s %d has no day %d, so the month's last day is used.\n", r.Due.Month, r.Due.Year, r.AnchorDate.Day)
		}
		if r.Unit == timescale.WorkingDays {
			if len(r.Skipped) == 0 {
				b.WriteString("      no non-working days skipped (weekends aside, none fell in the count)\n")
			} else {
				fmt.Fprintf(&b, "      skipped %d non-working day(s):\n", len(r.Skipped))
				for _, s := range r.Skipped {
					fmt.Fprintf(&b, "        %s %s\n", s.Date, s.Why)
				}
			}
		}
	}
	national := 0
	for _, r := range dl.Readings {
		if !r.Local {
			national++
		}
	}
	if national > 1 && len(dl.Policies) == 0 {
		b.WriteString("Both limits apply (the guidance says so), so the earlier date governs.\n")
	}
	for _, p := range dl.Policies {
		def := ""
		if p.Default {
			def = " (default)"
		}
		fmt.Fprintf(&b, "Policy %s = %s%s: %s.\n", p.Policy, p.Choice, def, p.Effect)
	}
	if l := dl.Local; l != nil {
		fmt.Fprintf(&b, "Local figure: %s sets %d %s, tightening the national %s. ", l.Source, l.Amount, l.Unit, l.National)
		switch {
		case l.NotApplicable:
			b.WriteString("That reading does not apply to this case, so the local figure is not weighed and the national date governs.\n")
		case l.Governs:
			b.WriteString("The local date is earlier, so it governs.\n")
		default:
			b.WriteString("The national date is already earlier, so it governs; the local figure cannot make a deadline later.\n")
		}
	}
	for _, n := range dl.Notes {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	fmt.Fprintf(&b, "Calendar: %s.\n", dl.Calendar)
	fmt.Fprintf(&b, "Citations: %s.", joinCitations(dl.Citations))
	return b.String()
}

// readingText renders a reading as timescale does ("15 working days after
// the CPPM"), naming the anchor as given.
func readingText(r timescale.Reading, dir timescale.Direction, anchor string) string {
	switch {
	case r.Unit == timescale.GestationWeeks:
		return fmt.Sprintf("by %d weeks of gestation (%d weeks before %s)", r.Amount, 40-r.Amount, anchor)
	case dir == timescale.Notice && r.Amount == 0:
		return "on or before the day of " + anchor
	case dir == timescale.Notice:
		return fmt.Sprintf("%d %s before %s", r.Amount, r.Unit, anchor)
	case r.Amount == 0:
		return "on the day of " + anchor
	}
	return fmt.Sprintf("%d %s after %s", r.Amount, r.Unit, anchor)
}

func joinCitations(cs []guidance.Citation) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, "; ")
}

// describeItem is the DESCRIPTION of a calendar event: the status, then the
// deadline's explanation when there is one, else the finding's message and
// its citations.
func describeItem(it dueItem, today guidance.Date) string {
	status := it.Status.String()
	if it.Status == guidance.Unknown && today.IsZero() {
		status = "unknown (no date of check given)"
	}
	head := fmt.Sprintf("Status: %s. Due %s.\n", status, dayDate(it.Due))
	if it.Deadline != nil {
		return head + describeDeadline(it.Deadline)
	}
	s := head + fmt.Sprintf("%s: %s (%s edition, %s)\n", it.Rule, it.Title, it.Edition, it.Strength)
	if it.Message != "" {
		s += strings.TrimSuffix(capital(it.Message), ".") + ".\n"
	}
	return s + "Citations: " + joinCitations(it.Citations) + "."
}

// writeICS writes the steps the case still owes as an RFC 5545 calendar:
// one all-day event per due date (each deadline of Check, and each finding
// with a due date that is pending, overdue, or unknown for want of a date
// of check), stamped with stamp. Nothing in it comes
// from the case's free text: SUMMARY is the rule's title and the finding's
// subject (built by the library from the kind of meeting and its reference),
// DESCRIPTION is the explanation with birth-related dates withheld (see
// shownAnchors) and CATEGORIES is the rule's strength. The case ID, which
// Case documents as not personal data, names the calendar.
//
// A case that owes nothing gives a calendar with no events, so that a
// subscribed calendar empties rather than keeping stale events. (RFC 5545
// asks for at least one component; calendar clients accept none.)
func writeICS(w io.Writer, c cpguide.Case, res *cpguide.Result, stamp time.Time) error {
	cal := ics.NewCalendarFor("cpguide")
	cal.SetProductId("-//cpguide//cpguide example CLI//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	name := "Child protection deadlines: case " + c.ID
	cal.SetName(name)
	cal.SetXWRCalName(name)
	seen := map[[2]string]int{} // occurrences of each rule and subject
	for _, it := range dueItems(c, res) {
		if it.Deadline == nil && !it.owed() { // every deadline of Check is owed
			continue
		}
		key := [2]string{it.Rule, it.Subject}
		ev := cal.AddEvent(eventUID(c.ID, it, seen[key]))
		seen[key]++
		ev.SetDtStampTime(stamp)
		start := it.Due.In(time.UTC)
		ev.SetAllDayStartAt(start)
		ev.SetAllDayEndAt(start.AddDate(0, 0, 1))
		ev.SetSummary(it.label())
		ev.SetDescription(describeItem(it, res.Report.Today))
		ev.AddCategory(it.Strength.String())
		ev.SetTimeTransparency(ics.TransparencyTransparent)
		ev.SetClass(ics.ClassificationConfidential)
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// icsCmd is "cpguide ics CASE [-o FILE] [case flags]".
func icsCmd(args []string, w io.Writer) error {
	fs := newFlags("ics")
	out := fs.String("o", "", "write the calendar to FILE instead of standard output")
	cf := addCaseFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"ics needs one CASE file, e.g. cpguide ics examples/cases/initial-registration.json -o case.ics"}
	}
	c, res, err := loadCase(pos[0], cf)
	if err != nil {
		return err
	}
	stamp := time.Now().UTC().Truncate(time.Second)
	if !res.Report.Today.IsZero() {
		stamp = res.Report.Today.In(time.UTC)
	}
	return writeOutput(*out, "-o", w, func(w io.Writer) error { return writeICS(w, c, res, stamp) })
}

// writeOutput renders into memory, then writes to standard output when name
// is "" or "-", else to the file name: a failed render leaves no half file.
func writeOutput(name, flagName string, stdout io.Writer, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if name == "" || name == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return errUsage{fmt.Sprintf("%s %q: cannot write the file: check that its folder exists and is writable", flagName, name)}
	}
	return nil
}
