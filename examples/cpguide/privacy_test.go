package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// check --json never prints who approved a variation or why: the reason is
// free text about the family, and neither identifies a variation that
// changed nothing. Every sample case is checked, so one whose variations are
// all used proves nothing alone, but several-breaches has an unused one.
func TestCheckJSON_VariationApproverAndReasonNeverPrinted(t *testing.T) {
	files, err := filepath.Glob(cases + "*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sawUnused := false
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			c, err := cpguide.ReadCaseFile(file)
			require.NoError(t, err)
			_, out, errs := runCLI("check", file, "--today", "2026-12-01", "--json")
			require.NotEmpty(t, out, errs)
			if len(c.Variations) > 0 && strings.Contains(out, `"unused_variations"`) {
				sawUnused = true
			}
			for _, v := range c.Variations {
				assert.NotContains(t, out, v.Approver, "approver")
				assert.NotContains(t, out, v.Reason, "reason")
			}
		})
	}
	assert.True(t, sawUnused, "a sample case has an unused variation, so the test can fail")
}

// One privacy rule for every output: the pre-birth samples show the
// expected delivery (2026-06-01), the birth (2026-05-30), the discharge
// (2026-06-05) and the 28-week point counted from the delivery (2026-03-09)
// nowhere in check, check --json, report --html or ics, on dates of check
// before and after them, unless --show-birth-dates is given.
func TestPrivacy_BirthDatesWithheldInEveryOutput(t *testing.T) {
	secrets := []string{"2026-06-01", "2026-05-30", "2026-06-05", "2026-03-09", "20260601", "20260530", "20260605", "20260309"}
	outputs := [][]string{{"check"}, {"check", "--json"}, {"report", "--html", "-"}, {"ics"}}
	for _, file := range []string{cases + "pre-birth.json", preDischargeOwed} {
		for _, today := range []string{"2026-05-20", "2026-06-10", "2026-06-15"} {
			for _, o := range outputs {
				args := append([]string{o[0], file, "--today", today}, o[1:]...)
				t.Run(strings.Join(append([]string{filepath.Base(file)}, args...), " "), func(t *testing.T) {
					code, out, errs := runCLI(args...)
					require.NotEqual(t, 2, code, errs)
					unfolded := strings.ReplaceAll(out, "\r\n ", "")
					for _, s := range secrets {
						assert.NotContains(t, unfolded, s)
					}
					assert.NotRegexp(t, `\d+ day\(s\) (ago|after the due date \[date withheld\])`, unfolded)

					code, out, errs = runCLI(append(args, "--show-birth-dates")...)
					require.NotEqual(t, 2, code, errs)
					if o[0] == "check" && len(o) > 1 || o[0] == "report" {
						assert.Contains(t, out, "2026-06-05", "the opt-in shows the discharge")
					}
				})
			}
		}
	}
}

// JSON keeps its shape: a withheld date value is null, so a consumer's
// date decoding still works, and the summary says dates were withheld.
func TestPrivacy_JSONWithheldDateIsNull(t *testing.T) {
	code, out, errs := runCLI("check", preDischargeOwed, "--today", "2026-06-10", "--json")
	require.Equal(t, 1, code, errs)
	var got struct {
		Summary summaryJSON `json:"summary"`
		Report  struct {
			Findings []guidance.Finding `json:"findings"`
		} `json:"report"`
		Deadlines []map[string]any `json:"deadlines"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.True(t, got.Summary.DatesWithheld)
	var seen bool
	for _, f := range got.Report.Findings {
		if f.Rule == "birth.pre-discharge" {
			seen = true
			assert.True(t, f.Due.IsZero(), "the due date is null")
			assert.Equal(t, guidance.Overdue, f.Status)
		}
	}
	assert.True(t, seen)
	for _, d := range got.Deadlines {
		if d["rule"] == "birth.pre-discharge" {
			assert.Nil(t, d["due"])
			assert.Nil(t, d["last_working_day"])
		}
	}
}
