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
	"unicode/utf8"

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
// case still owes (owed: res.Deadlines read whole), earliest first. A deadline with no finding of its own is
// assessed against the date of the check and the case's approved variations,
// exactly as Check assesses a finding.
func dueItems(c cpguide.Case, res *cpguide.Result, owed []timescale.Deadline) []dueItem {
	var items []dueItem
	for _, f := range res.Report.All() {
		if f.Due.IsZero() || f.Status == guidance.NotApplicable {
			continue
		}
		items = append(items, dueItem{Rule: f.Rule, Title: f.Title, Subject: f.Subject, Edition: f.Edition,
			Strength: f.Strength, Status: f.Status, Due: f.Due, Done: f.Done, Message: f.Message, Citations: f.Citations})
	}
	for i := range owed {
		dl := &owed[i]
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

func joinCitations(cs []guidance.Citation) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, "; ")
}

// An icsEntry is one step as the diary files it.
type icsEntry struct {
	it      dueItem
	filed   guidance.Date // the day the event is on
	overdue bool
	summary string
	head    string // the first lines of the description: when it is due and why it is filed where it is
}

// fileItem decides where the diary files an owed step: an overdue one on
// the date of the check, titled "OVERDUE: ..." with its due date; one due on
// a day that is not a working day on the last working day on or before it
// (never before the date of the check); the rest on the due date. ok is
// false for a step not yet due whose due date is withheld (see privacy.go):
// filing it on any day near its due date would give that date away.
func fileItem(ch *checked, cal *timescale.Calendar, it dueItem) (e icsEntry, ok bool) {
	today := ch.res.Report.Today
	e.it = it
	dueShown := !ch.red.withheld(it.Due)
	due := dayDate(it.Due)
	if !dueShown {
		due = withheldMark
	}
	e.overdue = it.Status == guidance.Overdue || (!today.IsZero() && it.Due.Before(today))
	switch {
	case e.overdue:
		e.filed = today
		e.summary = "OVERDUE: " + it.label() + " (due " + due + ")"
		e.head = fmt.Sprintf("OVERDUE: due %s and not recorded as done by the date of the check, %s; filed on the date of the check.\n", due, dayDate(today))
		return e, true
	case !dueShown:
		return e, false
	}
	e.summary = it.label()
	e.filed = it.Due
	why := ""
	if it.Deadline != nil {
		e.filed, why = it.Deadline.LastWorkingDay, it.Deadline.DueWhy
	} else if !cal.IsWorkingDay(it.Due) {
		e.filed, why = cal.LastWorkingDayOnOrBefore(it.Due), nonWorkingWhy(cal, it.Due)
	}
	if !today.IsZero() && e.filed.Before(today) {
		e.filed = today
	}
	switch {
	case e.filed == it.Due:
		e.head = fmt.Sprintf("Due %s.\n", due)
	case e.filed == today:
		e.head = fmt.Sprintf("Due %s, which is not a working day (%s); filed on the date of the check, %s.\n", due, why, dayDate(today))
	default:
		e.head = fmt.Sprintf("Due %s, which is not a working day (%s); filed on the last working day before it, %s.\n", due, why, dayDate(e.filed))
	}
	return e, true
}

// nonWorkingWhy says why d is not a working day on cal: "Sunday", or the
// holiday's name.
func nonWorkingWhy(cal *timescale.Calendar, d guidance.Date) string {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	for _, h := range cal.Holidays(d.Year) {
		if h.Date == d {
			return h.Name
		}
	}
	return "a holiday"
}

// describeEntry is the DESCRIPTION of a calendar event: when the step is
// due and why it is filed where it is, its status, then the deadline's
// explanation when there is one, else the finding's message and citations.
// The privacy rule applies to all of it.
func describeEntry(ch *checked, e icsEntry) string {
	it := e.it
	s := e.head + fmt.Sprintf("Status: %s.\n", it.Status)
	if it.Deadline != nil {
		s += ch.red.explain(it.Deadline)
	} else {
		s += fmt.Sprintf("%s: %s (%s edition, %s)\n", it.Rule, it.Title, it.Edition, it.Strength)
		if it.Message != "" {
			s += strings.TrimSuffix(capital(it.Message), ".") + ".\n"
		}
		s += "Citations: " + joinCitations(it.Citations) + "."
	}
	return ch.red.text(s)
}

// alarmTrigger is the TRIGGER of the reminder of an all-day event on filed:
// 09:00 on the day remind working days before it (on the day itself for 0),
// but never before the date of the check, today (an overdue step reminds
// on the day), as a duration from the start of the event, so that the
// diary reads it in its own time zone.
func alarmTrigger(cal *timescale.Calendar, filed, today guidance.Date, remind int) string {
	day := cal.AddWorkingDays(filed, -remind)
	if day.Before(today) {
		day = today
	}
	days := filed.Sub(day)
	if days == 0 {
		return "PT9H"
	}
	if days == 1 {
		return "-PT15H"
	}
	return fmt.Sprintf("-P%dDT15H", days-1)
}

// writeICS writes the steps the case still owes as an RFC 5545 calendar:
// one all-day event per owed step (each deadline of Check, and each finding
// with a due date that is pending, overdue, or unknown), filed as fileItem
// says, with a reminder remind working days before it, stamped with stamp.
// Nothing in it comes from the case's free text: SUMMARY is the rule's
// title and the finding's subject (built by the library from the kind of
// meeting and its reference), DESCRIPTION is the explanation under the
// privacy rule and CATEGORIES is the rule's strength. The case ID, which
// Case documents as not personal data, names the calendar. It returns the
// number of steps left out because their due date is withheld.
//
// A case that owes nothing gives a calendar holding one journal entry
// (VJOURNAL, which diaries do not show) saying so: RFC 5545 asks for at
// least one component, and a subscribed calendar then empties rather than
// keeping stale events.
func writeICS(w io.Writer, ch *checked, cal *timescale.Calendar, stamp time.Time, remind int) (int, error) {
	c := ch.c
	iw := &icsWriter{w: w}
	name := "Child protection deadlines: case " + c.ID
	iw.line("BEGIN", "VCALENDAR")
	iw.text("VERSION", "2.0")
	iw.text("PRODID", "-//cpguide//cpguide example CLI//EN")
	iw.text("CALSCALE", "GREGORIAN")
	iw.text("METHOD", "PUBLISH")
	iw.text("NAME", name)
	iw.text("X-WR-CALNAME", name)
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	seen := map[[2]string]int{} // occurrences of each rule and subject
	left, events := 0, 0
	for _, it := range dueItems(c, ch.res, ch.owed) {
		if it.Deadline == nil && !it.owed() { // every deadline of Check is owed
			continue
		}
		e, ok := fileItem(ch, cal, it)
		if !ok {
			left++
			continue
		}
		key := [2]string{it.Rule, it.Subject}
		uid := eventUID(c.ID, it, seen[key])
		seen[key]++
		events++
		iw.line("BEGIN", "VEVENT")
		iw.text("UID", uid)
		iw.line("DTSTAMP", dtstamp)
		iw.line("DTSTART;VALUE=DATE", icsDate(e.filed))
		iw.line("DTEND;VALUE=DATE", icsDate(e.filed.AddDays(1)))
		iw.text("SUMMARY", e.summary)
		iw.text("DESCRIPTION", describeEntry(ch, e))
		iw.text("CATEGORIES", it.Strength.String())
		iw.text("TRANSP", "TRANSPARENT")
		iw.text("CLASS", "CONFIDENTIAL")
		iw.line("BEGIN", "VALARM")
		iw.text("ACTION", "DISPLAY")
		iw.line("TRIGGER", alarmTrigger(cal, e.filed, ch.res.Report.Today, remind))
		iw.text("DESCRIPTION", "Reminder: "+e.summary)
		iw.line("END", "VALARM")
		iw.line("END", "VEVENT")
	}
	if events == 0 {
		iw.line("BEGIN", "VJOURNAL")
		iw.text("UID", eventUID(c.ID, dueItem{Rule: "nothing-owed"}, 0))
		iw.line("DTSTAMP", dtstamp)
		iw.line("DTSTART;VALUE=DATE", icsDate(ch.res.Report.Today))
		iw.text("SUMMARY", "Nothing owed: case "+c.ID)
		iw.text("DESCRIPTION", fmt.Sprintf("On %s the case owed no step with a due date that can be shown.", dayDate(ch.res.Report.Today)))
		iw.text("CLASS", "CONFIDENTIAL")
		iw.line("END", "VJOURNAL")
	}
	iw.line("END", "VCALENDAR")
	return left, iw.err
}

// icsDate is d as an RFC 5545 DATE value: "20260605".
func icsDate(d guidance.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// An icsWriter writes RFC 5545 content lines: CRLF line ends, TEXT values
// escaped, and lines longer than 75 octets folded, preferably at a space
// (the space then starts the continuation line, after the folding space, so
// unfolding keeps it). It keeps the first write error.
type icsWriter struct {
	w   io.Writer
	err error
}

// icsText escapes a TEXT value (RFC 5545, 3.3.11).
var icsText = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `;`, `\;`, `,`, `\,`)

// text writes the property name with the TEXT value v.
func (iw *icsWriter) text(name, v string) { iw.line(name, icsText.Replace(v)) }

// line writes the property name (with its parameters) and the value v as
// it is, folded.
func (iw *icsWriter) line(name, v string) {
	const max = 75
	r := name + ":" + v
	var b strings.Builder
	if len(r) > max {
		l := foldAt(max, r)
		b.WriteString(l + "\r\n")
		r = r[len(l):]
		for len(r) > max-1 {
			l := foldAt(max-1, r)
			b.WriteString(" " + l + "\r\n")
			r = r[len(l):]
		}
		b.WriteByte(' ')
	}
	b.WriteString(r + "\r\n")
	if iw.err == nil {
		_, iw.err = io.WriteString(iw.w, b.String())
	}
}

// foldAt returns the start of s to put on one line of at most max octets:
// up to the last space (or '<', or just after a '>') that falls within them,
// or else as many whole UTF-8 characters as fit.
func foldAt(max int, s string) string {
	n, boundary := 0, -1
	var last rune
	for i, r := range s {
		if r == ' ' || r == '<' || last == '>' {
			boundary = i
		}
		last = r
		if n+utf8.RuneLen(r) > max {
			break
		}
		n += utf8.RuneLen(r)
	}
	if boundary > 0 {
		return s[:boundary]
	}
	return s[:n]
}

// icsCmd is "cpguide ics CASE [-o FILE] [--remind N] [case flags]".
func icsCmd(args []string, w, stderr io.Writer) error {
	fs := newFlags("ics")
	out := fs.String("o", "", "write the calendar to FILE instead of standard output")
	remind := fs.Int("remind", 2, "working days before each entry to remind, 0 to 20")
	cf := addCaseFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"ics needs one CASE file (- for standard input), e.g. cpguide ics examples/cases/initial-registration.json -o case.ics"}
	}
	if *remind < 0 || *remind > 20 {
		return errUsage{"--remind: give a number of working days from 0 to 20"}
	}
	ch, err := loadCase(pos[0], cf)
	if err != nil {
		return err
	}
	stamp := ch.res.Report.Today.In(time.UTC)
	left := 0
	err = writeOutput(*out, "-o", w, func(w io.Writer) error {
		var err error
		left, err = writeICS(w, ch, ch.cal, stamp, *remind)
		return err
	})
	if err == nil && left > 0 {
		fmt.Fprintf(stderr, "cpguide: %d step(s) not yet due were left out because their due date gives a birth away; --show-birth-dates includes them\n", left)
	}
	return err
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
		return errUsage{fmt.Sprintf("%s: cannot write the file: check that its folder exists and is writable", flagName)}
	}
	return nil
}
