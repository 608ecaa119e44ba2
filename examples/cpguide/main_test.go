package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
func TestDue_CoreGroupFirst2023_FifteenWorkingDaysOfAppendixD(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Hold the first Core Group meeting by Thursday 2027-01-14.")
	assert.Contains(t, out, "15 working days after the CPPM (Friday 2026-12-18) = Thursday 2027-01-14")
	assert.Contains(t, out, "AD23 Appendix D")
	assert.NotContains(t, out, "Highland", "Highland's 14 calendar days are its profile's, not national")
	assert.NotContains(t, out, "coregroup.first.reading", "no policy: the national 2023 text has one reading")
}

func TestDue_JSONHasRuleDueLastWorkingDayExplanation(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--json")
	require.Equal(t, 0, code, errs)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "coregroup.first", got["rule"])
	assert.Equal(t, "2027-01-14", got["due"])
	assert.Equal(t, "2027-01-14", got["last_working_day"])
	assert.Contains(t, got["explanation"], "AD23 Appendix D")
}

func TestDue_PolicyAndAnchorFlags(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--edition", "2021", "--policy", "coregroup.first.reading=working")
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

func TestDue_CoreGroupFirst2023_HighlandProceduresFourteenCalendarDays(t *testing.T) {
	code, out, errs := runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--procedures", "highland-2024")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Hold the first Core Group meeting by Friday 2027-01-01.")
	assert.Contains(t, out, "the last working day on or before it is Thursday 2026-12-31")
	assert.Contains(t, out, "Local figure: Highland Child Protection Committee 2024 procedures")
	assert.Contains(t, out, "AD23 Appendix D")

	code, _, errs = runCLI("due", "--rule", "coregroup.first", "--from", "2026-12-18", "--procedures", "nowhere.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--procedures")
}

func TestExplain_ProceduresShowsNationalAndLocal(t *testing.T) {
	for _, tc := range []struct {
		rule, profile string
		want          []string
	}{
		{"coregroup.first", "highland-2024", []string{"2023 edition: should.", "AD23 Appendix D", "Local: Highland Child Protection Committee 2024 procedures", "Timescale (Core Group): 14 calendar days"}},
		{"plan.lead-professional-social-worker", "north-lanarkshire-2023", []string{"Local: North Lanarkshire Child Protection Committee 2023 procedures", "qualified social worker"}},
		{"register.keep", "highland-2024", []string{"No local provision: the national text applies."}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			code, out, errs := runCLI("explain", tc.rule, "--procedures", tc.profile)
			require.Equal(t, 0, code, errs)
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
		})
	}
}

func TestCheck_ProceduresTightenTheCase(t *testing.T) {
	code, out, errs := runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--procedures", "highland-2024")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, "Highland Child Protection Committee 2024 procedures")
	code, _, errs = runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--procedures", "nowhere-2020")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--procedures")
}

func TestTest_ProceduresForScenariosThatNameNone(t *testing.T) {
	code, out, errs := runCLI("test", "../scenarios/initial-registration-highland-2024.json")
	require.Equal(t, 0, code, out+errs)
	// The 2023 scenario expects the national dates: under Highland's
	// procedures its first Core Group and plan record fall due earlier.
	code, out, _ = runCLI("test", "../scenarios/initial-registration-2023.json", "--procedures", "highland-2024")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "1 failed")
}

func TestProcedures_FileRefusedWithItsJSONPathOnEveryCommand(t *testing.T) {
	dir := t.TempDir()
	looser := filepath.Join(dir, "anytown.yaml")
	require.NoError(t, os.WriteFile(looser, []byte("name: anytown-2026\ncommittee: Anytown Child Protection Committee\nyear: 2026\nedition: \"2023\"\nsource: https://example.org\ntimescales:\n  - rule: coregroup.first\n    days: 20\n    unit: working\n    section: \"4.2\"\n"), 0o644))
	for _, args := range [][]string{
		{"due", "--rule", "coregroup.first", "--from", "2026-12-18", "--procedures", looser},
		{"check", cases + "initial-registration.json", "--today", "2026-05-15", "--procedures", looser},
		{"ics", cases + "initial-registration.json", "--today", "2026-05-15", "--procedures", looser},
		{"report", cases + "initial-registration.json", "--today", "2026-05-15", "--html", "-", "--procedures", looser},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errs := runCLI(args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, errs, "--procedures")
			assert.Contains(t, errs, "profile.timescales[0].days")
		})
	}
}

func TestDue_PlanRecord2023_OnlyAProfileSetsIt(t *testing.T) {
	code, _, errs := runCLI("due", "--rule", "plan.record", "--from", "2026-03-24")
	assert.Equal(t, 2, code, "no national 2023 figure")
	assert.Contains(t, errs, "--rule")
	for _, tc := range []struct{ profile, due string }{
		{"north-lanarkshire-2023", "by Wednesday 2026-04-08"},
		{"highland-2024", "by Tuesday 2026-03-31"},
	} {
		code, out, errs := runCLI("due", "--rule", "plan.record", "--from", "2026-03-24", "--procedures", tc.profile)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, tc.due)
		assert.Contains(t, out, "states no national timescale for this step")
	}
}
