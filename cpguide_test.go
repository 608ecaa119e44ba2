package cpguide_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/timescale"
)

func date(s string) guidance.Date {
	d, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func readCase(t testing.TB, name string) cpguide.Case {
	c, err := cpguide.ReadCaseFile(filepath.Join("examples/cases", name))
	require.NoError(t, err)
	return c
}

func TestCheck_SampleCases_BreachesOnlyInTheBreachCase(t *testing.T) {
	for _, tc := range []struct {
		file     string
		today    string
		breaches int
	}{
		{"initial-registration.json", "2026-05-15", 0},
		{"pre-birth.json", "2026-06-15", 0},
		{"inquorate-reconvened.json", "2026-10-15", 0},
		{"transfer.json", "2026-06-15", 0},
		{"deregistration.json", "2026-06-15", 0},
		{"reviews-referral.json", "2026-10-30", 0},
		{"several-breaches.json", "2026-06-15", 10}, // single-agency plans not integrated (G21 1.83); plan.record 2023 has no national deadline,
	} {
		t.Run(tc.file, func(t *testing.T) {
			res, err := cpguide.Check(readCase(t, tc.file), cpguide.Options{Today: date(tc.today)})
			require.NoError(t, err)
			assert.Len(t, res.Report.Breaches(), tc.breaches)
			if tc.breaches == 0 {
				assert.NoError(t, res.Err())
			} else {
				var be *guidance.BreachError
				assert.True(t, errors.As(res.Err(), &be))
			}
		})
	}
}

func TestCheck_EditionFromFirstEventOrExplicit_NeverBlended(t *testing.T) {
	c := readCase(t, "initial-registration.json")
	res, err := cpguide.Check(c, cpguide.Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Edition2023, res.Report.Edition)
	res, err = cpguide.Check(c, cpguide.Options{Edition: guidance.Edition2021})
	require.NoError(t, err)
	for _, f := range res.Report.Findings() {
		assert.Equal(t, guidance.Edition2021, f.Edition, f.Rule)
	}
	c.Concern = date("2022-05-03")
	e, err := c.Edition(cpguide.Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Edition2021, e)
	c.Concern = date("2001-01-01")
	_, err = cpguide.Check(c, cpguide.Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInForce}, err))
}

func TestCheck_FindingsSortedAndPlanRecordReportedOnce(t *testing.T) {
	res, err := cpguide.Check(readCase(t, "several-breaches.json"), cpguide.Options{Today: date("2026-06-15")})
	require.NoError(t, err)
	n := 0
	for _, f := range res.Report.Findings() {
		if f.Rule == "plan.record" {
			n++
		}
	}
	assert.Equal(t, 1, n, "plan.record comes from both the CPPM and the plan")
	b := res.Report.Breaches()
	require.NotEmpty(t, b)
	assert.Equal(t, b[0], res.Report.Findings()[0], "breaches come first")
}

func TestCheck_UnusedVariationReported(t *testing.T) {
	res, err := cpguide.Check(readCase(t, "several-breaches.json"), cpguide.Options{Today: date("2026-06-15")})
	require.NoError(t, err)
	require.Len(t, res.UnusedVariations, 1)
	assert.Equal(t, "cppm.transfer", res.UnusedVariations[0].Rule)
}

func TestCheck_DeadlinesSortedAndOutstandingOnly(t *testing.T) {
	c := cpguide.Case{ID: "T-1", Concern: date("2026-03-02"), IRD: &ird.IRD{Held: date("2026-03-03")}, Investigation: date("2026-03-03")}
	res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-03-10")})
	require.NoError(t, err)
	require.Len(t, res.Deadlines, 1)
	assert.Equal(t, "cppm.initial", res.Deadlines[0].Rule)
	assert.Equal(t, date("2026-03-30"), res.Deadlines[0].Due, "28 days from the concern, the earliest anchor")

	res, err = cpguide.Check(readCase(t, "initial-registration.json"), cpguide.Options{Today: date("2026-05-15")})
	require.NoError(t, err)
	for i := 1; i < len(res.Deadlines); i++ {
		assert.False(t, res.Deadlines[i].Due.Before(res.Deadlines[i-1].Due))
	}
	for _, d := range res.Deadlines {
		assert.NotEqual(t, "cppm.record", d.Rule, "the record was circulated")
	}
}

func TestCheck_OutOfHoursIRD_FullerIRDNextWorkingDay(t *testing.T) {
	for _, tc := range []struct {
		ird    string
		status guidance.Status
	}{{"2026-03-09", guidance.Met}, {"2026-03-10", guidance.Late}, {"", guidance.Overdue}} {
		c := cpguide.Case{ID: "T-2", IRD: &ird.IRD{OutOfHours: date("2026-03-06")}}
		if tc.ird != "" {
			c.IRD.Held = date(tc.ird)
		}
		res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-03-20")})
		require.NoError(t, err)
		var fs []guidance.Finding
		for _, f := range res.Report.Findings() {
			if f.Rule == "ird.follow-up" {
				fs = append(fs, f)
			}
		}
		require.Len(t, fs, 1)
		f := fs[0]
		assert.Equal(t, tc.status, f.Status, tc.ird)
		assert.Equal(t, date("2026-03-09"), f.Due, "Friday's out-of-hours IRD: Monday")
	}
}

func TestCheck_OverlayHolidayMovesWorkingDayDeadline(t *testing.T) {
	c := readCase(t, "initial-registration.json")
	c.Meetings[0].Record.Circulated = guidance.Date{}
	c.Meetings[0].Record.PlanCirculated = guidance.Date{}
	c.Plan.RecordSent = guidance.Date{}
	base, err := cpguide.Check(c, cpguide.Options{Today: date("2026-04-01")})
	require.NoError(t, err)
	o := &cpguide.Overlay{Name: "council local holidays", Holidays: []timescale.NonWorkingDay{{Date: date("2026-04-06"), Name: "Easter Monday", Source: "council list 2026"}}}
	local, err := cpguide.Check(c, cpguide.Options{Today: date("2026-04-01"), Overlay: o})
	require.NoError(t, err)
	due := func(r *cpguide.Result) guidance.Date {
		for _, d := range r.Deadlines {
			if d.Rule == "cppm.record" {
				return d.Due
			}
		}
		return guidance.Date{}
	}
	assert.Equal(t, date("2026-04-08"), due(base), "Good Friday skipped")
	assert.Equal(t, date("2026-04-09"), due(local), "and the council's Easter Monday")
	assert.Contains(t, local.Calendar, "council local holidays")

	_, err = cpguide.Check(c, cpguide.Options{Overlay: &cpguide.Overlay{Holidays: []timescale.NonWorkingDay{{Date: date("2026-04-06")}}}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err))
}

func TestCheck_BadOptions(t *testing.T) {
	c := readCase(t, "initial-registration.json")
	_, err := cpguide.Check(c, cpguide.Options{Policies: map[string]string{"no.such.policy": "x"}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy}, err))
	_, err = cpguide.Check(c, cpguide.Options{Edition: guidance.Edition(9)})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition}, err))
}

func TestCheck_DoesNotChangeTheCallersCase(t *testing.T) {
	c := readCase(t, "pre-birth.json")
	before := fmt.Sprintf("%+v", c.Meetings)
	_, err := cpguide.Check(c, cpguide.Options{Today: date("2026-06-15")})
	require.NoError(t, err)
	assert.Equal(t, before, fmt.Sprintf("%+v", c.Meetings))
}

func TestDecodeCase_ErrorsNameTheJSONPath(t *testing.T) {
	for _, tc := range []struct {
		name, in, field string
	}{
		{"unknown top-level field", `{"id":"X","nope":1}`, "nope"},
		{"bad top-level date", `{"id":"X","concern":"2026-02-30"}`, "concern"},
		{"wrong type", `{"id":7}`, "id"},
		{"meeting held", `{"meetings":[{"kind":"initial"},{"kind":"review","held":"2026-13-01"}]}`, "meetings[1].held"},
		{"meeting kind", `{"meetings":[{"kind":"weekly"}]}`, "meetings[0].kind"},
		{"meeting unknown field", `{"meetings":[{"kind":"initial","colour":"red"}]}`, "meetings[0].colour"},
		{"plan field", `{"plan":{"risks":[{"id":"r1","description":"x","horizon":"soon"}]}}`, "plan.risks[0].horizon"},
		{"core group attendance", `{"core_group":{"cppm":"2026-03-02","meetings":[{"date":"2026-03-10","attendance":["zz"]}]}}`, "core_group.meetings[0].attendance[0]"},
		{"variation date", `{"variations":[{"rule":"cppm.initial","new_date":"tomorrow"}]}`, "variations[0].new_date"},
		{"variation rule", `{"variations":[{"rule":"cppm.nope","new_date":"2026-03-02","approver":"a","reason":"r","recorded":"2026-03-01"}]}`, "variations[0].rule"},
		{"pre-birth field", `{"pre_birth":{"expected_delivery":"2026-6-1"}}`, "pre_birth.expected_delivery"},
		{"discharge before birth", `{"pre_birth":{"birth":"2026-06-01","discharge":"2026-05-01"}}`, "pre_birth.discharge"},
		{"trailing data", `{"id":"X"} {}`, "input"},
		{"not json", `{"id":`, "input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cpguide.DecodeCase(strings.NewReader(tc.in))
			require.Error(t, err)
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%T %v", err, err)
			if tc.name != "variation rule" {
				assert.Equal(t, guidance.Invalid, ge.Kind)
			}
			assert.Equal(t, tc.field, ge.Field, err.Error())
		})
	}
}

// Names, free text and the date of birth in the samples never reach an
// error, a finding or a deadline.
func TestPersonalDataNeverInOutput(t *testing.T) {
	secrets := []string{"Testcase", "Testchild", "Testparent", "Alex Chairperson", "Jo Social", "Morgan Parent",
		"Chris Parent", "threatening", "2026-05-30", "Pat Nurse", "Lee Constable", "Kim Teacher"}
	files, err := filepath.Glob("examples/cases/*.json")
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		c, err := cpguide.DecodeCase(strings.NewReader(string(data)))
		require.NoError(t, err)
		res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-06-15")})
		require.NoError(t, err)
		var out strings.Builder
		for _, fd := range res.Report.Findings() {
			out.WriteString(fd.String() + "\n")
		}
		for _, d := range res.Deadlines {
			out.WriteString(d.Explanation())
		}
		if err := res.Err(); err != nil {
			out.WriteString(err.Error())
		}
		out.WriteString(c.String())
		// A broken copy of the file: the error must not quote it.
		_, derr := cpguide.DecodeCase(strings.NewReader(strings.Replace(string(data), `"name": "`, `"name": 1, "x": "`, 1)))
		require.Error(t, derr)
		out.WriteString(derr.Error())
		for _, s := range secrets {
			assert.NotContains(t, out.String(), s, f)
		}
	}
}

func ExampleCheck() {
	yes := true
	c := cpguide.Case{
		ID:      "CASE-42",
		Concern: date("2026-03-02"),
		IRD: &ird.IRD{
			Held:              date("2026-03-03"),
			Reason:            "concern reported by the school",
			Agencies:          []ird.Agency{ird.Police, ird.SocialWork, ird.Health, ird.Education},
			InformationShared: &yes,
			LawfulBasis:       "public task",
			Decisions: ird.Decisions{
				Investigation: date("2026-03-03"),
				CPPM:          &yes,
				CPPMReason:    "risk of significant harm",
			},
		},
	}
	res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-04-15")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Report.Breaches() {
		fmt.Println(f)
	}
	fmt.Println(res.Err() != nil)
	// Output:
	// overdue [should] cppm.initial initial CPPM (due 2026-03-30): hold the initial CPPM now: it was due by 2026-03-30, 16 day(s) ago
	// missing [should] ird.interim-safety-plan IRD: the IRD decided on a CPPM or an investigation but no Interim Safety Plan is recorded: agree one from the IRD and record it (interim_safety_plan)
	// true
}
