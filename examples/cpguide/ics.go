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

// describeDeadline explains a deadline as [timescale.Deadline.Explanation]
// does, except that the date of an anchor not in shownAnchors is withheld,
// with everything that would give it away (see
// [timescale.Deadline.ExplanationWithholding]).
func describeDeadline(dl *timescale.Deadline) string {
	return strings.TrimSuffix(dl.ExplanationWithholding(withheld), "\n")
}

// withheld reports whether the date of anchor ev must be left out of an
// export: every anchor not in shownAnchors.
func withheld(ev timescale.Event) bool { return !shownAnchors[ev] }

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
