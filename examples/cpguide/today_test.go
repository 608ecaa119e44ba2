package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// writeCase writes a case file into a temporary directory.
func writeCase(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

// An initial CPPM owed since 2025: without --today the check is made on
// today's date in Scotland, so it is overdue, a breach, exit status 1, and
// the header names the date and says it is today's. (No false all-clear.)
func TestCheck_WithoutTodayChecksOnTodayInScotland(t *testing.T) {
	p := writeCase(t, "overdue.json", `{"id":"CASE-OLD","concern":"2025-01-06","ird":"2025-01-07","investigation":"2025-01-07"}`)
	today := guidance.DateOf(time.Now())
	code, out, errs := runCLI("check", p)
	if today != guidance.DateOf(time.Now()) { // midnight passed during the run
		t.Skip("the date changed during the test")
	}
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, "checked on "+dayDate(today)+" (today) against the")
	assert.Contains(t, out, "OVERDUE [should] cppm.initial")
	assert.NotContains(t, out, "No breaches")

	code, out, _ = runCLI("check", p, "--json")
	assert.Equal(t, 1, code)
	var got struct {
		Summary summaryJSON `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, today, got.Summary.Today)
	assert.Equal(t, "clock", got.Summary.TodayFrom)
}

// Today in Scotland is the Europe/London date, not the host's or UTC's.
func TestCheckDate_IsTheDateInScotland(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string
	}{
		{"summer evening UTC is already tomorrow in BST", time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), "2026-07-01"},
		{"winter evening UTC is the same day in GMT", time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC), "2026-11-30"},
		{"morning in Kiritimati is yesterday in Scotland", time.Date(2026, 12, 1, 9, 0, 0, 0, time.FixedZone("LINT", 14*3600)), "2026-11-30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now = func() time.Time { return tc.at }
			d, defaulted, err := (&caseFlags{}).checkDate()
			require.NoError(t, err)
			assert.True(t, defaulted)
			assert.Equal(t, tc.want, d.String())
		})
	}
}

// A case that gives the check nothing to work on says so in one line
// before the summary, and still exits 0, unless --strict asks a test suite
// to fail on it.
func TestCheck_NothingToCheck(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"only an id", `{"id":"CASE-EMPTY"}`},
		{"an id and no variations", `{"id":"CASE-EMPTY","variations":[]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeCase(t, "empty.json", tc.body)
			code, out, errs := runCLI("check", p, "--today", "2026-11-30")
			assert.Equal(t, 0, code, errs)
			lines := strings.Split(out, "\n")
			require.GreaterOrEqual(t, len(lines), 3)
			assert.Equal(t, nothingLine, lines[1], "the line comes before the summary")
			assert.True(t, strings.HasPrefix(lines[2], "No breaches."))

			code, _, _ = runCLI("check", p, "--today", "2026-11-30", "--strict")
			assert.Equal(t, 1, code, "--strict fails a check that checked nothing")

			code, out, _ = runCLI("check", p, "--today", "2026-11-30", "--json")
			assert.Equal(t, 0, code)
			assert.Contains(t, out, `"nothing_to_check": true`)

			code, out, _ = runCLI("report", p, "--today", "2026-11-30", "--html", "-")
			assert.Equal(t, 0, code)
			assert.Contains(t, out, nothingLine)
		})
	}
	// A concern and an IRD are checked (ird.required, ird.prompt: G21 3.4,
	// 3.15), even in the old date-only form.
	p := writeCase(t, "concern.json", `{"id":"CASE-C","concern":"2026-01-05","ird":"2026-01-06"}`)
	code, out, _ := runCLI("check", p, "--today", "2026-11-30", "--strict")
	assert.Equal(t, 0, code)
	assert.NotContains(t, out, "Nothing to check")
	// A case with something to check is not flagged, with or without --strict.
	code, out, _ = runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--strict")
	assert.Equal(t, 0, code)
	assert.NotContains(t, out, "Nothing to check")
}

// "-" reads the case from standard input, JSON or YAML, and a byte order
// mark at the start of a file is dropped.
func TestCheck_StandardInputAndByteOrderMark(t *testing.T) {
	defer func(r io.Reader) { stdin = r }(stdin)
	body := `{"id":"CASE-IN","concern":"2026-11-01","ird":"2026-11-02","investigation":"2026-11-02"}`
	for _, tc := range []struct{ name, in string }{
		{"json", body},
		{"yaml", "id: CASE-IN\nconcern: 2026-11-01\nird: 2026-11-02\ninvestigation: 2026-11-02\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdin = strings.NewReader(tc.in)
			code, out, errs := runCLI("check", "-", "--today", "2026-11-10")
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "Case CASE-IN: checked on Tuesday 2026-11-10")
			assert.Contains(t, out, "Hold the initial CPPM by Sunday 2026-11-29")
		})
	}
	p := writeCase(t, "bom.json", "\ufeff"+body)
	code, out, errs := runCLI("check", p, "--today", "2026-11-10")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Case CASE-IN")
}

// help COMMAND prints that command's help, as COMMAND --help does; test
// takes one scenario file as well as a directory; version names the build.
func TestHelpCommandTestFileAndVersion(t *testing.T) {
	for _, cmd := range []string{"check", "ics", "report", "rules", "explain", "test", "calendar", "due", "version"} {
		code, out, errs := runCLI("help", cmd)
		require.Equal(t, 0, code, errs)
		assert.True(t, strings.HasPrefix(out, "usage: cpguide "+cmd), out)
		_, again, _ := runCLI(cmd, "--help")
		assert.Equal(t, out, again)
	}
	code, out, _ := runCLI("help", "check")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "--show-birth-dates")
	assert.NotContains(t, out, "Commands:", "only check's help, not the general help")

	code, out, errs := runCLI("test", "../scenarios/initial-cppm-overdue.json", "-v")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "1 passed, 0 failed\n", out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:])
	assert.Contains(t, out, "ok   initial-cppm-overdue.json")

	code, out, errs = runCLI("version")
	require.Equal(t, 0, code, errs)
	assert.Regexp(t, `^cpguide (\(devel\)|v\d+\.\d+\.\d+\S*).*, go1\.\d+`, out)
}

// JSON output keeps <, > and & as they are (a case ID can no longer hold
// them: it must be a reference; a deadline's explanation does).
func TestJSON_NoHTMLEscaping(t *testing.T) {
	p := writeCase(t, "amp.json", `{"id":"CASE-1","concern":"2026-11-01","ird":"2026-11-02","investigation":"2026-11-02"}`)
	for _, args := range [][]string{
		{"check", p, "--today", "2026-11-10", "--json"},
		{"rules", "--json"},
		{"due", "--rule", "coregroup.first", "--from", "2026-12-18", "--json"},
	} {
		_, out, errs := runCLI(args...)
		require.NotEmpty(t, out, errs)
		assert.NotContains(t, out, `\u003c`, args)
		assert.NotContains(t, out, `\u0026`, args)
		assert.NotContains(t, out, `\u003e`, args)
	}
	_, out, _ := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--json")
	assert.Regexp(t, `[<>&]`, out)
}
