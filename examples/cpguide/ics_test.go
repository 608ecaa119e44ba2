package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// sampleToday is the date of the check used for each sample case; a sample
// added later is checked on sampleTodayDefault.
var sampleToday = map[string]string{
	"initial-registration": "2026-05-15",
	"pre-birth":            "2026-06-15",
	"inquorate-reconvened": "2026-10-15",
	"transfer":             "2026-06-15",
	"deregistration":       "2026-06-15",
	"reviews-referral":     "2026-10-30",
	"several-breaches":     "2026-06-15",
}

const sampleTodayDefault = "2026-06-15"

// preDischargeOwed is the pre-birth sample with the pre-discharge meeting not
// yet held: the case owes a meeting due by the baby's discharge, a deadline
// anchored on a date that gives the birth away.
const preDischargeOwed = "testdata/pre-discharge-owed.json"

type sample struct{ name, path, today string }

func samples(t *testing.T) []sample {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"*.json", "*.yaml", "*.yml"} {
		ps, err := filepath.Glob(cases + pattern)
		require.NoError(t, err)
		paths = append(paths, ps...)
	}
	require.NotEmpty(t, paths)
	var out []sample
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		today, ok := sampleToday[name]
		if !ok {
			today = sampleTodayDefault
		}
		out = append(out, sample{name, p, today})
	}
	return append(out, sample{"pre-discharge-owed", preDischargeOwed, "2026-05-20"})
}

// personalData returns the strings of a case file that must never reach an
// exported artefact: every string value that is names or free text (it has
// a space or a capital letter), among them the register's child ID, except
// the case ID and meeting references, which Case and Meeting document as
// the identifiers a report may quote, the names of local authorities
// (organisations, which check's report names too), the subject a variation
// names (the library's own wording) and phrases the catalogue itself uses
// ("unborn child"); and the dates of birth and of expected delivery.
func personalData(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	if ext := filepath.Ext(path); ext == ".yaml" || ext == ".yml" {
		c, err := cpguide.ReadCaseFile(path) // the same case, as JSON
		require.NoError(t, err)
		data, err = cpguide.MarshalCase(c)
		require.NoError(t, err)
	}
	code, catalogue, _ := runCLI("rules")
	require.Equal(t, 0, code)
	var doc any
	require.NoError(t, json.Unmarshal(data, &doc))
	var out []string
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				walk(k, e)
			}
		case []any:
			for _, e := range v {
				walk(key, e)
			}
		case string:
			switch {
			case key == "birth" || key == "expected_delivery" || key == "date_of_birth":
				out = append(out, v, strings.ReplaceAll(v, "-", ""))
			case key == "id" || key == "ref" || key == "subject" || key == "authority" || key == "from":
			case strings.ContainsAny(v, " ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !strings.Contains(catalogue, v):
				out = append(out, v)
			}
		}
	}
	walk("", doc)
	slices.Sort(out)
	return slices.Compact(out)
}

func TestPersonalData_FindsNamesFreeTextAndBirth(t *testing.T) {
	pd := personalData(t, cases+"pre-birth.json")
	for _, want := range []string{"Morgan Parent", "Morag Quinlan-Testcase", "weekly home visits", "2026-05-30", "20260530", "2026-06-01"} {
		assert.Contains(t, pd, want)
	}
	assert.NotContains(t, pd, "CASE-0002")
	assert.NotContains(t, pd, "social-work")
	assert.NotContains(t, pd, "unborn child", "the catalogue's own wording (cppm.pre-birth's title)")
	assert.Contains(t, pd, "CHILD-TEST-0002", "the register's child ID")
}

// unfold undoes RFC 5545 line folding after checking the physical lines:
// every line ends with CRLF and is at most 75 octets long.
func checkLines(t *testing.T, out string) {
	t.Helper()
	require.True(t, strings.HasSuffix(out, "\r\n"), "ends with CRLF")
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for i, l := range lines {
		assert.NotContains(t, l, "\n", "line %d has a bare LF", i+1)
		assert.NotContains(t, l, "\r", "line %d has a bare CR", i+1)
		assert.LessOrEqual(t, len(l), 75, "line %d is %d octets: %q", i+1, len(l), l)
	}
}

func prop(c *ics.VEvent, p ics.ComponentProperty) string {
	if v := c.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

var uidPattern = regexp.MustCompile(`^[0-9a-f]{64}@cpguide$`)

// RFC 5545: every sample's calendar parses back with golang-ical's parser;
// it has the calendar properties a diary needs, one all-day event per date
// owed (every deadline of Check among them), UIDs that do not change
// between runs, folded CRLF lines, and none of the case's personal data.
func TestICS_EverySampleParsesBackStableAndWithoutPersonalData(t *testing.T) {
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			// Completeness with the birth dates shown; privacy without.
			code, out, errs := runCLI("ics", s.path, "--today", s.today, "--show-birth-dates")
			require.Equal(t, 0, code, errs)
			_, again, _ := runCLI("ics", s.path, "--today", s.today, "--show-birth-dates")
			assert.Equal(t, out, again, "the same case and date give the same calendar")
			checkLines(t, out)

			cal, err := ics.ParseCalendar(strings.NewReader(out))
			require.NoError(t, err)
			calProps := map[string]string{}
			for _, p := range cal.CalendarProperties {
				calProps[p.IANAToken] = p.Value
			}
			assert.Equal(t, "2.0", calProps["VERSION"])
			assert.Equal(t, "-//cpguide//cpguide example CLI//EN", calProps["PRODID"])
			assert.Equal(t, "GREGORIAN", calProps["CALSCALE"])
			assert.Equal(t, "PUBLISH", calProps["METHOD"])

			c, err := cpguide.ReadCaseFile(s.path)
			require.NoError(t, err)
			today, err := timescale.ParseDate(s.today)
			require.NoError(t, err)
			res, err := cpguide.Check(c, cpguide.Options{Today: today})
			require.NoError(t, err)
			type key struct{ rule, due string }
			want := map[key]bool{}
			for _, dl := range res.Deadlines {
				want[key{dl.Rule, dl.Due.String()}] = true
			}
			for _, f := range res.Report.Findings() {
				if (f.Status == guidance.Pending || f.Status == guidance.Overdue) && !f.Due.IsZero() {
					want[key{f.Rule, f.Due.String()}] = true
				}
			}

			got := map[key]bool{}
			uids := map[string]bool{}
			for _, ev := range cal.Events() {
				uid := prop(ev, ics.ComponentPropertyUniqueId)
				assert.Regexp(t, uidPattern, uid)
				assert.False(t, uids[uid], "UIDs are unique: %s", uid)
				uids[uid] = true
				assert.Equal(t, strings.ReplaceAll(s.today, "-", "")+"T000000Z", prop(ev, ics.ComponentPropertyDtstamp))

				start, err := ev.GetAllDayStartAt()
				require.NoError(t, err)
				end, err := ev.GetAllDayEndAt()
				require.NoError(t, err)
				assert.Equal(t, start.AddDate(0, 0, 1), end, "an all-day event ends the next day")
				assert.Equal(t, []string{"DATE"}, ev.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["VALUE"])

				desc := prop(ev, ics.ComponentPropertyDescription)
				lines := strings.SplitN(desc, "\n", 4)
				require.Len(t, lines, 4, desc)
				rule, _, ok := strings.Cut(lines[2], ":")
				require.True(t, ok, desc)
				m := dueInHead.FindStringSubmatch(lines[0])
				require.NotNil(t, m, "the description starts with the due date: %q", lines[0])
				got[key{rule, m[1]}] = true
				due := mustDate(t, m[1])
				filed := guidance.DateFor(start) // an all-day date, in the zone it was parsed in
				if due.Before(today) {
					assert.Equal(t, today, filed, "an overdue step is filed on the date of the check")
					assert.True(t, strings.HasPrefix(prop(ev, ics.ComponentPropertySummary), "OVERDUE: "))
				} else {
					assert.True(t, timescale.Scotland().IsWorkingDay(filed) || filed == today, "filed on a working day: %s", filed)
					assert.False(t, filed.After(due), "never filed after the due date")
				}
				require.Len(t, ev.Alarms(), 1, "every event has a reminder")
				r, err := guidance.Lookup(rule)
				require.NoError(t, err, "the description names the rule")
				assert.True(t, strings.HasPrefix(strings.TrimPrefix(prop(ev, ics.ComponentPropertySummary), "OVERDUE: "), r.Title), "SUMMARY starts with the rule's title")
				assert.Contains(t, desc, "Citations: ")
				assert.Contains(t, []string{"must", "should", "where possible", "may"}, prop(ev, ics.ComponentPropertyCategories))
			}
			assert.Equal(t, want, got, "one event per deadline and per pending or overdue finding")

			_, out, _ = runCLI("ics", s.path, "--today", s.today)
			for _, secret := range personalData(t, s.path) {
				assert.False(t, strings.Contains(out, secret), "the calendar shows %q", secret)
			}
		})
	}
}

// dueInHead finds the due date in the first line of an event's description.
var dueInHead = regexp.MustCompile(`^(?:OVERDUE: due|Due) (?:[A-Z][a-z]+day )?(\d{4}-\d{2}-\d{2})`)

// The pre-discharge meeting is due by the baby's discharge from hospital,
// a date that gives the birth away: without --show-birth-dates the step is
// left out of the calendar while it is not yet due (filed on any day near
// its due date, it would give that date away), and standard error says so.
// With the opt-in it is filed on its due date, the anchor still named.
func TestICS_Golden_PreDischargeOwedWithholdsTheBirth(t *testing.T) {
	code, out, errs := runCLI("ics", preDischargeOwed, "--today", "2026-05-20")
	require.Equal(t, 0, code, errs)
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	assert.NotContains(t, unfolded, "Pre-discharge meeting")
	assert.NotContains(t, unfolded, "20260605")
	assert.NotContains(t, unfolded, "2026-06-05")
	assert.Contains(t, errs, "1 step(s) not yet due were left out")
	assert.Contains(t, errs, "--show-birth-dates")

	code, out, errs = runCLI("ics", preDischargeOwed, "--today", "2026-05-20", "--show-birth-dates")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	golden(t, "ics-pre-discharge-owed.golden.ics", out)
	unfolded = strings.ReplaceAll(out, "\r\n ", "")
	assert.Contains(t, unfolded, "DTSTART;VALUE=DATE:20260605")
	assert.Contains(t, unfolded, "SUMMARY:Pre-discharge meeting for a baby registered before birth (pre-discharge meeting)")
	assert.Contains(t, unfolded, "CATEGORIES:must")

	// Once overdue, the step is filed on the date of the check, which
	// gives nothing away, with its due date withheld.
	code, out, errs = runCLI("ics", preDischargeOwed, "--today", "2026-06-10")
	require.Equal(t, 0, code, errs)
	unfolded = strings.ReplaceAll(out, "\r\n ", "")
	assert.Contains(t, unfolded, "SUMMARY:OVERDUE: Pre-discharge meeting for a baby registered before birth (pre-discharge meeting) (due [date withheld])")
	assert.Contains(t, unfolded, "DTSTART;VALUE=DATE:20260610")
	assert.NotContains(t, unfolded, "2026-06-05")
	assert.NotContains(t, unfolded, "20260605")
}

// Both readings of the pre-birth CPPM (28 days from the concern, 28 weeks of
// gestation) are explained, but the expected date of delivery and the date
// it gives for the reading that does not govern are withheld.
func TestDescribeDeadline_WithholdsExpectedDeliveryAndWhatGivesItAway(t *testing.T) {
	an := timescale.Anchors{timescale.EventConcern: mustDate(t, "2026-01-05"), timescale.EventExpectedDelivery: mustDate(t, "2026-06-01")}
	dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2023, an, timescale.Options{})
	require.NoError(t, err)
	require.Contains(t, dl.Explanation(), "2026-06-01", "the library's own explanation shows the date")
	red := &redactor{}
	red.texts = map[string]bool{} // active, withholding no date of its own
	got := red.explain(&dl)
	assert.NotContains(t, got, "2026-06-01")
	assert.NotContains(t, got, "2026-03-09", "the gestation reading's result gives the date away")
	assert.Contains(t, got, "12 weeks before the expected date of delivery (date withheld)) = date withheld")
	assert.Contains(t, got, "28 calendar days after the concern was raised (Monday 2026-01-05) = Monday 2026-02-02")
	assert.Contains(t, got, "Hold the pre-birth CPPM by Monday 2026-02-02.")

	// When the gestation reading governs, its result is the due date, which
	// the calendar shows anyway.
	an[timescale.EventConcern] = mustDate(t, "2026-03-01")
	dl, err = timescale.Due("cppm.pre-birth", guidance.Edition2023, an, timescale.Options{})
	require.NoError(t, err)
	got = red.explain(&dl)
	assert.NotContains(t, got, "2026-06-01")
	assert.Contains(t, got, "(date withheld)) = Monday 2026-03-09 [AD23 Appendix D (2023 edition)] <- governs")
}

func mustDate(t *testing.T, s string) guidance.Date {
	t.Helper()
	d, err := timescale.ParseDate(s)
	require.NoError(t, err)
	return d
}

// Only anchors that are steps of the process are shown; any anchor about the
// pregnancy, the birth or the baby's discharge is withheld, and so is any
// anchor nobody has classified yet.
func TestShownAnchors_NeverRevealTheBirth(t *testing.T) {
	events := timescale.Events()
	for ev := range shownAnchors {
		assert.Contains(t, events, ev, "shownAnchors names an event timescale does not have")
	}
	for _, ev := range events {
		title := strings.ReplaceAll(ev.Title(), "pre-birth CPPM", "")
		if strings.Contains(title, "birth") || strings.Contains(title, "deliver") || strings.Contains(title, "baby") || strings.Contains(title, "discharge") {
			assert.False(t, shownAnchors[ev], "%s (%s) gives the birth away: withhold it", ev, ev.Title())
		}
	}
	assert.False(t, shownAnchors[timescale.Event("birth")], "an anchor not yet in the library is withheld")
}

// Without --today the date of the check is today's date in Scotland: the
// stamp is that day and an overdue step is filed on it.
func TestICS_WithoutTodayUsesTodayInScotland(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 6, 9, 23, 30, 0, 0, time.UTC) } // already 10 June in Scotland
	code, out, errs := runCLI("ics", preDischargeOwed)
	require.Equal(t, 0, code, errs)
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	require.NotEmpty(t, cal.Events())
	for _, ev := range cal.Events() {
		assert.Equal(t, "20260610T000000Z", prop(ev, ics.ComponentPropertyDtstamp))
	}
	assert.Contains(t, strings.ReplaceAll(out, "\r\n ", ""), "SUMMARY:OVERDUE: Pre-discharge meeting")
}

func TestICS_OutputFileAndEmptyCalendar(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "case.ics")
	code, out, errs := runCLI("ics", cases+"several-breaches.json", "--today", "2026-06-15", "-o", file)
	require.Equal(t, 0, code, errs, "breaches do not fail the export")
	assert.Empty(t, out)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(data), "BEGIN:VEVENT")

	// A case that owes nothing gives a calendar that still parses, with no
	// events, so a subscribed diary empties, and one journal entry saying
	// so, as RFC 5545 wants at least one component.
	code, out, errs = runCLI("ics", cases+"deregistration.json", "--today", "2026-06-15")
	require.Equal(t, 0, code, errs)
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	assert.Empty(t, cal.Events())
	require.Len(t, cal.Journals(), 1)
	assert.Contains(t, out, "SUMMARY:Nothing owed: case CASE-0005")
}

// Bad input exits with status 2 and one line that says what to fix.
func TestICSAndReport_BadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id":"X","meetings":[{"kind":"initial","held":"2026-02-30","chair":{"name":"Secret Name"}}]}`), 0o644))
	page := filepath.Join(dir, "r.html")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"ics: missing file", []string{"ics", filepath.Join(dir, "none.json")}, "check the path"},
		{"ics: no case", []string{"ics"}, "ics needs one CASE file"},
		{"ics: two cases", []string{"ics", bad, bad}, "ics needs one CASE file"},
		{"ics: bad today", []string{"ics", cases + "transfer.json", "--today", "15/06/2026"}, "--today"},
		{"ics: impossible today", []string{"ics", cases + "transfer.json", "--today", "2026-02-30"}, "does not exist"},
		{"ics: bad case", []string{"ics", bad}, "meetings[0].held"},
		{"ics: unwritable output", []string{"ics", cases + "transfer.json", "-o", filepath.Join(dir, "no", "such", "dir.ics")}, "folder exists"},
		{"ics: unknown flag", []string{"ics", cases + "transfer.json", "--html", page}, "html"},
		{"report: missing file", []string{"report", filepath.Join(dir, "none.json"), "--html", page}, "check the path"},
		{"report: no case", []string{"report", "--html", page}, "report needs one CASE file"},
		{"report: no --html", []string{"report", cases + "transfer.json"}, "--html FILE"},
		{"report: bad today", []string{"report", cases + "transfer.json", "--html", page, "--today", "soon"}, "--today"},
		{"report: bad edition", []string{"report", cases + "transfer.json", "--html", page, "--edition", "1999"}, "2023"},
		{"report: bad case", []string{"report", bad, "--html", page}, "meetings[0].held"},
		{"report: unwritable output", []string{"report", cases + "transfer.json", "--html", filepath.Join(dir, "no", "r.html")}, "folder exists"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
			assert.Contains(t, errs, tc.want)
			assert.NotContains(t, errs, "Secret")
		})
	}
	_, err := os.Stat(page)
	assert.True(t, os.IsNotExist(err), "no page is written on bad input")
}

func TestHelp_ICSAndReport(t *testing.T) {
	for _, tc := range []struct{ cmd, want string }{
		{"ics", "RFC 5545"},
		{"report", "HTML page"},
	} {
		code, out, _ := runCLI(tc.cmd, "--help")
		assert.Equal(t, 0, code)
		assert.Contains(t, out, "usage: cpguide "+tc.cmd+" CASE")
		assert.Contains(t, out, tc.want)
	}
	_, out, _ := runCLI("--help")
	assert.Contains(t, out, "\n  ics CASE")
	assert.Contains(t, out, "\n  report CASE --html FILE")
}

func TestEventUID_StableAndDistinct(t *testing.T) {
	it := dueItem{Rule: "cppm.review", Subject: "", Due: guidance.Date{Year: 2026, Month: 9, Day: 20}}
	a := eventUID("CASE-1", it, 0)
	assert.Equal(t, a, eventUID("CASE-1", it, 0))
	assert.Regexp(t, uidPattern, a)
	assert.NotContains(t, a, "CASE-1", "the case ID appears only hashed")
	for _, other := range []struct {
		id         string
		it         dueItem
		occurrence int
	}{
		{"CASE-2", it, 0},
		{"CASE-1", dueItem{Rule: "cppm.record", Due: it.Due}, 0},
		{"CASE-1", dueItem{Rule: "cppm.review", Subject: "x", Due: it.Due}, 0},
		{"CASE-1c", dueItem{Rule: "ppm.review", Due: it.Due}, 0},
		{"CASE-1", it, 1},
	} {
		assert.NotEqual(t, a, eventUID(other.id, other.it, other.occurrence), other)
	}
}

// A step whose deadline moves keeps its UID, so a re-imported calendar
// moves the diary entry rather than leaving a stale one beside a new one.
func TestEventUID_MovedDeadlineKeepsItsUID(t *testing.T) {
	due := guidance.Date{Year: 2026, Month: 9, Day: 20}
	for _, tc := range []struct {
		name     string
		from, to dueItem
	}{
		{"a review moved by a day", dueItem{Rule: "cppm.review", Due: due}, dueItem{Rule: "cppm.review", Due: due.AddDays(1)}},
		{"a record moved under a variation", dueItem{Rule: "cppm.record", Subject: "initial CPPM M-1", Due: due},
			dueItem{Rule: "cppm.record", Subject: "initial CPPM M-1", Due: due.AddDays(14), Status: guidance.Pending}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, eventUID("CASE-1", tc.from, 0), eventUID("CASE-1", tc.to, 0))
		})
	}
}

// No two events of one calendar share a UID, even two steps of one rule and
// subject.
func TestICS_UIDsUniqueInEverySampleCalendar(t *testing.T) {
	files, err := filepath.Glob(cases + "*")
	require.NoError(t, err)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, out, errs := runCLI("ics", file, "--today", "2026-01-05")
			require.NotEmpty(t, out, errs)
			seen := map[string]bool{}
			for _, line := range strings.Split(strings.ReplaceAll(out, "\r\n ", ""), "\r\n") { // unfolded
				if uid, ok := strings.CutPrefix(line, "UID:"); ok {
					assert.False(t, seen[uid], "duplicate UID %s", uid)
					seen[uid] = true
				}
			}
		})
	}
}

// describeDeadline says what timescale's own explanation says, line for
// line, when no anchor is withheld.
func TestDescribeDeadline_SameAsExplanationWhenNothingIsWithheld(t *testing.T) {
	anchor := mustDate(t, "2026-12-18") // a Friday before Christmas: working days skip holidays
	n := 0
	for _, ts := range timescale.All() {
		an := timescale.Anchors{}
		withheld := false
		for _, r := range ts.Readings {
			an[r.Anchor] = anchor
			withheld = withheld || !shownAnchors[r.Anchor]
		}
		if withheld {
			continue
		}
		dl, err := ts.Due(an, timescale.Options{})
		require.NoError(t, err, ts.Rule)
		assert.Equal(t, dl.Explanation(), (*redactor)(nil).explain(&dl)+"\n", "%s (%s)", ts.Rule, ts.Edition)
		n++
	}
	assert.Greater(t, n, 20, "most timescales count from steps of the process")
}
