package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/timescale"
)

// sundayCase raises its concern on Sunday 2026-11-01, so the initial CPPM,
// 28 calendar days later, is due on Sunday 2026-11-29.
const sundayCase = `{"id":"CASE-SUN","concern":"2026-11-01","ird":"2026-11-02","investigation":"2026-11-02"}`

type icsEvent struct{ start, summary, desc, trigger string }

func icsEvents(t *testing.T, out string) []icsEvent {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	var evs []icsEvent
	for _, ev := range cal.Events() {
		start, err := ev.GetAllDayStartAt()
		require.NoError(t, err)
		e := icsEvent{start: start.Format("2006-01-02"), summary: prop(ev, ics.ComponentPropertySummary), desc: prop(ev, ics.ComponentPropertyDescription)}
		require.Len(t, ev.Alarms(), 1, "every event has a VALARM")
		a := ev.Alarms()[0]
		for _, p := range a.Properties {
			if p.IANAToken == "TRIGGER" {
				e.trigger = p.Value
			}
		}
		evs = append(evs, e)
	}
	return evs
}

// The diary files a step where someone can act on it.
func TestICS_FiledWhereADiaryCanActOnIt(t *testing.T) {
	p := writeCase(t, "sunday.json", sundayCase)
	for _, tc := range []struct {
		name, today, remind     string
		start, summary, trigger string
		desc                    []string
	}{
		{"due on a Sunday: filed on the Friday before", "2026-11-10", "",
			"2026-11-27", "Initial CPPM (initial CPPM)", "-P1DT15H", // 09:00 Wednesday 25th, 2 working days before
			[]string{"Due Sunday 2026-11-29, which is not a working day (Sunday); filed on the last working day before it, Friday 2026-11-27."}},
		{"--remind 0: on the day", "2026-11-10", "0", "2026-11-27", "Initial CPPM (initial CPPM)", "PT9H", nil},
		{"--remind 3 across a weekend", "2026-11-10", "3", "2026-11-27", "Initial CPPM (initial CPPM)", "-P2DT15H", nil},
		{"overdue: filed on the date of the check, titled OVERDUE", "2026-12-10", "",
			"2026-12-10", "OVERDUE: Initial CPPM (initial CPPM) (due Sunday 2026-11-29)", "PT9H",
			[]string{"OVERDUE: due Sunday 2026-11-29 and not recorded as done by the date of the check, Thursday 2026-12-10; filed on the date of the check.", "Status: overdue."}},
		{"due Sunday, checked on the Saturday: filed on the date of the check", "2026-11-28", "",
			"2026-11-28", "Initial CPPM (initial CPPM)", "PT9H",
			[]string{"Due Sunday 2026-11-29, which is not a working day (Sunday); filed on the date of the check, Saturday 2026-11-28."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"ics", p, "--today", tc.today}
			if tc.remind != "" {
				args = append(args, "--remind", tc.remind)
			}
			code, out, errs := runCLI(args...)
			require.Equal(t, 0, code, errs)
			evs := icsEvents(t, out)
			require.Len(t, evs, 1)
			assert.Equal(t, tc.start, evs[0].start)
			assert.Equal(t, tc.summary, evs[0].summary)
			assert.Equal(t, tc.trigger, evs[0].trigger)
			for _, d := range tc.desc {
				assert.Contains(t, evs[0].desc, d)
			}
		})
	}
}

// The reminder falls at 09:00 on the day remind working days before the
// entry, skipping weekends and bank holidays, written as a duration from
// the start of the all-day event.
func TestAlarmTrigger(t *testing.T) {
	cal := timescale.Scotland()
	for _, tc := range []struct {
		filed  string
		remind int
		want   string
	}{
		{"2026-11-27", 0, "PT9H"},     // Friday, on the day
		{"2026-11-27", 1, "-PT15H"},   // Thursday 09:00
		{"2026-11-27", 2, "-P1DT15H"}, // Wednesday 09:00
		{"2026-11-30", 1, "-P2DT15H"}, // Monday (St Andrew's Day): Friday 27th
		{"2026-12-29", 1, "-P4DT15H"}, // Tuesday after Christmas: Thursday 24th
	} {
		assert.Equal(t, tc.want, alarmTrigger(cal, mustDate(t, tc.filed), mustDate(t, "2026-11-01"), tc.remind), "%s remind %d", tc.filed, tc.remind)
	}
	// Never before the date of the check.
	assert.Equal(t, "-PT15H", alarmTrigger(cal, mustDate(t, "2026-11-27"), mustDate(t, "2026-11-26"), 2))
	assert.Equal(t, "PT9H", alarmTrigger(cal, mustDate(t, "2026-11-27"), mustDate(t, "2026-11-27"), 2))
}

// A second, independent parser: Python's icalendar (Debian's
// python3-icalendar) reads every calendar the CLI writes, finds what a
// diary needs in each event and one reminder per event, and a component
// even when the case owes nothing. Skipped when /usr/bin/python3 lacks
// icalendar, unless CPGUIDE_ICS_PARSER_TEST=1 (set by .ci/run, which
// installs it) demands it.
func TestICS_SecondParserPythonIcalendar(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import icalendar").Run(); err != nil {
		if os.Getenv("CPGUIDE_ICS_PARSER_TEST") == "1" {
			t.Fatalf("CPGUIDE_ICS_PARSER_TEST=1 but %s cannot import icalendar (apt-get install -y python3-icalendar): %v", py, err)
		}
		t.Skip("python3-icalendar not installed")
	}
	dir := t.TempDir()
	sunday := writeCase(t, "sunday.json", sundayCase)
	type run struct {
		name string
		args []string
		want func(t *testing.T, r pyResult)
	}
	runs := []run{
		{"sunday", []string{sunday, "--today", "2026-11-10"}, func(t *testing.T, r pyResult) {
			require.Len(t, r.Summaries, 1)
			assert.Equal(t, "2026-11-27", r.Summaries[0].Start)
		}},
		{"overdue", []string{sunday, "--today", "2026-12-10"}, func(t *testing.T, r pyResult) {
			require.Len(t, r.Summaries, 1)
			assert.Equal(t, "2026-12-10", r.Summaries[0].Start)
			assert.True(t, strings.HasPrefix(r.Summaries[0].Summary, "OVERDUE: "))
		}},
		{"nothing-owed", []string{cases + "deregistration.json", "--today", "2026-06-15"}, func(t *testing.T, r pyResult) {
			assert.Equal(t, 0, r.Events)
			assert.Equal(t, 1, r.Journals)
		}},
	}
	for _, s := range samples(t) {
		runs = append(runs, run{"sample-" + s.name, []string{s.path, "--today", s.today}, nil},
			run{"sample-" + s.name + "-birth-dates", []string{s.path, "--today", s.today, "--show-birth-dates"}, nil})
	}
	var files []string
	for _, r := range runs {
		f := filepath.Join(dir, r.name+".ics")
		code, _, errs := runCLI(append([]string{"ics", "-o", f}, r.args...)...)
		require.Equal(t, 0, code, errs)
		files = append(files, f)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, append([]string{"testdata/check_ics.py"}, files...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	sc := bufio.NewScanner(bytes.NewReader(out))
	i := 0
	for ; sc.Scan(); i++ {
		var r pyResult
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		t.Run(runs[i].name, func(t *testing.T) {
			assert.Empty(t, r.Problems)
			if runs[i].want != nil {
				runs[i].want(t, r)
			}
		})
	}
	assert.Equal(t, len(runs), i, "one result per calendar")
}

type pyResult struct {
	File      string   `json:"file"`
	Events    int      `json:"events"`
	Journals  int      `json:"journals"`
	Problems  []string `json:"problems"`
	Summaries []struct {
		Start, Summary, Trigger string
	} `json:"summaries"`
}
