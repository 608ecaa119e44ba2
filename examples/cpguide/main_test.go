package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// The acceptance example: both readings of the 2023 core group rule
// are explained and the stricter one is given.
func TestDue_CoreGroupFirst2023_ExplainsBothReadingsAndGivesStricter(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Hold the first Core Group meeting by Friday 2027-01-01.")
	assert.Contains(t, out, "14 calendar days after the CPPM (Friday 2026-12-18) = Friday 2027-01-01")
	assert.Contains(t, out, "15 working days after the CPPM (Friday 2026-12-18) = Thursday 2027-01-14")
	assert.Contains(t, out, "Policy coregroup.first.reading = stricter (default)")
	assert.Contains(t, out, "last working day on or before it is Thursday 2026-12-31")
	assert.Contains(t, out, "S0 Highland Child Protection Committee 2024, Core Group")
	assert.Contains(t, out, "AD23 Appendix D")
}

func TestDue_JSONHasRuleDueLastWorkingDayExplanation(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--json")
	require.Equal(t, 0, code, errs)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "coregroup.first", got["rule"])
	assert.Equal(t, "2027-01-01", got["due"])
	assert.Equal(t, "2026-12-31", got["last_working_day"])
	assert.Contains(t, got["explanation"], "coregroup.first.reading")
}

func TestDue_PolicyAndAnchorFlags(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--policy", "coregroup.first.reading=working")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "by Thursday 2027-01-14")

	// Pre-birth, 2023: 28 days from the concern, or 28 weeks of gestation
	// (EDD 2026-06-01 - 84 days = 2026-03-09): the earlier governs.
	code, out, errs = runCLI("due", "--rule", "cppm.pre-birth", "--from", "2026-01-05", "--anchor", "expected-delivery=2026-06-01")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "by Monday 2026-02-02")
	assert.Contains(t, out, "= Monday 2026-03-09")
}

func TestBadInput_OneLineErrorAndStatus2(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown rule", []string{"due", "--rule", "coregroup.frist", "--from", "2026-12-18"}, "coregroup.first"},
		{"malformed date", []string{"due", "--rule", "coregroup.first", "--from", "18/12/2026"}, "YYYY-MM-DD"},
		{"impossible date", []string{"due", "--rule", "coregroup.first", "--from", "2026-02-30"}, "does not exist"},
		{"no from", []string{"due", "--rule", "coregroup.first"}, "--from"},
		{"no rule", []string{"due", "--from", "2026-12-18"}, "--rule"},
		{"rule not in edition", []string{"due", "--rule", "cppm.record", "--edition", "2021", "--from", "2026-12-18"}, "2014, 2023"},
		{"unknown edition", []string{"due", "--rule", "cppm.record", "--edition", "2019", "--from", "2026-12-18"}, "2023"},
		{"unknown policy choice", []string{"due", "--rule", "coregroup.first", "--from", "2026-12-18", "--policy", "coregroup.first.reading=weeks"}, "stricter"},
		{"bad anchor", []string{"due", "--rule", "cppm.pre-birth", "--from", "2026-01-05", "--anchor", "edd=2026-06-01"}, "expected-delivery"},
		{"unknown flag", []string{"due", "--rul", "x"}, "rul"},
		{"unknown command", []string{"duee"}, "due or version"},
		{"bad year", []string{"calendar", "twenty"}, "YEAR"},
		{"no year", []string{"calendar"}, "YEAR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
			assert.Contains(t, errs, tc.want)
		})
	}
}

func TestCalendar2026_ListsScottishBankHolidays(t *testing.T) {
	code, out, errs := runCLI("calendar", "2026")
	require.Equal(t, 0, code, errs)
	for _, want := range []string{"2026-01-02", "2026-04-03", "2026-06-15", "2026-08-03", "2026-11-30", "2026-12-28", "10 day(s)."} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "2026-04-06", "Easter Monday is not a Scottish bank holiday")
	assert.NotContains(t, out, "2026-08-31", "the last Monday in August is not a Scottish bank holiday")
}
