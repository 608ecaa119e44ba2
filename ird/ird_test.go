package ird_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/timescale"
)

func d(s string) guidance.Date {
	v, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func ptr[T any](v T) *T { return &v }

// good is a complete IRD record: every rule met.
func good() *ird.IRD {
	return &ird.IRD{
		Held:              d("2026-03-03"),
		Reason:            "concern reported by the school",
		Agencies:          []ird.Agency{ird.Police, ird.SocialWork, ird.Health},
		InformationShared: ptr(true),
		LawfulBasis:       "public task",
		Decisions: ird.Decisions{Investigation: d("2026-03-03"), CPPM: ptr(true),
			CPPMReason: "risk of significant harm"},
		LeadProfessional: &plan.Person{Name: "Morag Quinlan-Testcase", Agency: "social work"},
		Closed:           d("2026-03-24"),
		ClosureReason:    "CPPM convened",
		ClosedBy:         &plan.Person{Name: "Sam Chair-Testcase", Agency: "social work"},
	}
}

func check(t *testing.T, f ird.Facts, o engine.Options) *guidance.Report {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = d("2026-04-15")
	}
	rep, err := ird.Check(f, ird.Options{Options: o})
	require.NoError(t, err)
	return rep
}

func find(t *testing.T, rep *guidance.Report, rule string) guidance.Finding {
	t.Helper()
	for _, f := range rep.Findings() {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding of %s", rule)
	return guidance.Finding{}
}

// Every rule of the IRD, each proved by the paragraph that states it: a
// record that breaks it and the same record mended.
func TestIRD_EveryRule(t *testing.T) {
	isp := &plan.InterimSafetyPlan{IRD: d("2026-03-03")}
	exception := timescale.Variation{Rule: "cppm.initial", NewDate: d("2026-04-10"), Approver: "Senior Manager Testcase",
		Reason: "interview first", Recorded: d("2026-03-20")}
	tests := []struct {
		name string // the paragraph it proves
		rule string
		edit func(*ird.Facts, *engine.Options)
		want guidance.Status
	}{
		{"G21_3_4_ConcernWithoutIRD", "ird.required", func(f *ird.Facts, _ *engine.Options) { f.IRD = nil }, guidance.Missing},
		{"G21_3_4_IRDRecorded", "ird.required", nil, guidance.Met},
		{"G21_3_4_NoConcernNoIRD", "ird.required", func(f *ird.Facts, o *engine.Options) {
			f.IRD, f.Concern, o.Edition = nil, guidance.Date{}, guidance.Edition2023
		}, guidance.NotApplicable},
		{"G21_3_4_DecisionWithoutDateIsAnIRD", "ird.required", func(f *ird.Facts, _ *engine.Options) {
			f.IRD = &ird.IRD{Decisions: ird.Decisions{Investigation: d("2026-03-03")}, DateOnly: true}
		}, guidance.Met},
		{"G21_3_15_DaysCountedJudgementLeft", "ird.prompt", nil, guidance.Met},
		{"G21_3_15_UndatedIRD", "ird.prompt", func(f *ird.Facts, _ *engine.Options) { f.IRD.Held = guidance.Date{} }, guidance.Unknown},
		{"G21_3_15_NoConcernDate", "ird.prompt", func(f *ird.Facts, _ *engine.Options) { f.Concern = guidance.Date{} }, guidance.Unknown},
		{"G21_3_23_NoPolice", "ird.core-agencies", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.Agencies = []ird.Agency{ird.SocialWork, ird.Health, ird.Education}
		}, guidance.Missing},
		{"G21_3_31_AgenciesUnrecorded", "ird.core-agencies", func(f *ird.Facts, _ *engine.Options) { f.IRD.Agencies = nil }, guidance.Unknown},
		{"G21_3_23_AllCore", "ird.core-agencies", nil, guidance.Met},
		{"G21_3_19_NoReason", "ird.record", func(f *ird.Facts, _ *engine.Options) { f.IRD.Reason = " " }, guidance.Missing},
		{"G21_3_19_NoInvestigationDecision", "ird.record", func(f *ird.Facts, _ *engine.Options) { f.IRD.Decisions.Investigation = guidance.Date{} }, guidance.Missing},
		{"G21_3_19_NoInvestigationWithReason", "ird.record", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.Decisions.Investigation, f.IRD.Decisions.NoInvestigationReason = guidance.Date{}, "checks found no harm"
		}, guidance.Met},
		{"G21_1_129_NotShared", "ird.information-shared", func(f *ird.Facts, _ *engine.Options) { f.IRD.InformationShared = ptr(false) }, guidance.Missing},
		{"G21_1_129_NoLawfulBasis", "ird.information-shared", func(f *ird.Facts, _ *engine.Options) { f.IRD.LawfulBasis = "" }, guidance.Missing},
		{"G21_1_129_Unrecorded", "ird.information-shared", func(f *ird.Facts, _ *engine.Options) { f.IRD.InformationShared = nil }, guidance.Unknown},
		{"G21_3_32_NoCPPMDecision", "ird.cppm-decision", func(f *ird.Facts, _ *engine.Options) { f.IRD.Decisions.CPPM = nil }, guidance.Missing},
		{"G21_3_32_NoReasons", "ird.cppm-decision", func(f *ird.Facts, _ *engine.Options) { f.IRD.Decisions.CPPMReason = "" }, guidance.Missing},
		{"G21_3_32_NoCPPMWithReasons", "ird.cppm-decision", func(f *ird.Facts, _ *engine.Options) { f.IRD.Decisions.CPPM = ptr(false) }, guidance.Met},
		{"G21_3_38_NoException", "ird.cppm-exception", nil, guidance.NotApplicable},
		{"G21_3_38_ExceptionWithoutISP", "ird.cppm-exception", func(f *ird.Facts, o *engine.Options) {
			f.InterimSafetyPlan, o.Variations = nil, []timescale.Variation{exception}
		}, guidance.Missing},
		{"G21_3_38_ExceptionWithISP", "ird.cppm-exception", func(_ *ird.Facts, o *engine.Options) { o.Variations = []timescale.Variation{exception} }, guidance.Met},
		{"G21_3_39_NoISP", "ird.interim-safety-plan", func(f *ird.Facts, _ *engine.Options) { f.InterimSafetyPlan = nil }, guidance.Missing},
		{"G21_3_39_NoCPPMNoInvestigation", "ird.interim-safety-plan", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.Decisions = ird.Decisions{CPPM: ptr(false), CPPMReason: "support", NoInvestigationReason: "no harm"}
		}, guidance.NotApplicable},
		{"G21_3_32_ClosedWithoutReasons", "ird.closure", func(f *ird.Facts, _ *engine.Options) { f.IRD.ClosureReason = "" }, guidance.Missing},
		{"G21_3_32_Open", "ird.closure", func(f *ird.Facts, _ *engine.Options) { f.IRD.Closed = guidance.Date{} }, guidance.NotApplicable},
		{"G21_3_32_ClosedRecorded", "ird.closure", nil, guidance.Met},
		{"G21_3_40_ClosedWithoutLeadProfessional", "ird.lead-professional", func(f *ird.Facts, _ *engine.Options) { f.IRD.LeadProfessional = nil }, guidance.Missing},
		{"G21_3_40_OpenWithoutLeadProfessional", "ird.lead-professional", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.LeadProfessional, f.IRD.Closed = nil, guidance.Date{}
		}, guidance.NotApplicable},
		{"G21_3_40_Named", "ird.lead-professional", nil, guidance.Met},
		{"AD23_FollowUpNextWorkingDay", "ird.follow-up", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.OutOfHours, f.IRD.Held = d("2026-03-06"), d("2026-03-09") // Friday night; Monday
			f.IRD.Decisions.Investigation = f.IRD.Held
		}, guidance.Met},
		{"AD23_FollowUpLate", "ird.follow-up", func(f *ird.Facts, _ *engine.Options) {
			f.IRD.OutOfHours, f.IRD.Held = d("2026-03-06"), d("2026-03-10")
			f.IRD.Decisions.Investigation = f.IRD.Held
		}, guidance.Late},
		{"AD23_NoOutOfHours", "ird.follow-up", nil, guidance.NotApplicable},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.rule] = true
		t.Run(tt.name, func(t *testing.T) {
			f := ird.Facts{Concern: d("2026-03-02"), IRD: good(), InterimSafetyPlan: isp}
			var o engine.Options
			if tt.edit != nil {
				tt.edit(&f, &o)
			}
			got := find(t, check(t, f, o), tt.rule)
			assert.Equal(t, tt.want, got.Status, got.Message)
			assert.NotEmpty(t, got.Citations)
			assert.NotContains(t, got.Message, "Quinlan")
		})
	}
	for _, id := range engine.Rules(ird.Checks) {
		assert.True(t, covered[id], "rule %s has no test", id)
	}
}

// A complete record under 2021 and 2023: nothing above met. Under 2014,
// whose IRD section the library has not read, every rule is not applicable.
func TestIRD_CleanRecordByEdition(t *testing.T) {
	f := ird.Facts{Concern: d("2026-03-02"), IRD: good(), InterimSafetyPlan: &plan.InterimSafetyPlan{IRD: d("2026-03-03")}}
	for _, e := range []guidance.Edition{guidance.Edition2021, guidance.Edition2023} {
		rep := check(t, f, engine.Options{Edition: e})
		require.Len(t, rep.Findings(), len(ird.Checks))
		for _, x := range rep.Findings() {
			assert.Contains(t, []guidance.Status{guidance.Met, guidance.NotApplicable}, x.Status, "%s %s", e, x)
		}
		require.NoError(t, rep.Err())
	}
	rep := check(t, f, engine.Options{Edition: guidance.Edition2014})
	require.Len(t, rep.Findings(), len(ird.Checks), "one finding per rule, or this loop proves nothing")
	for _, x := range rep.Findings() {
		assert.Equal(t, guidance.NotApplicable, x.Status, x.Rule)
	}
}

// The old form of a case file gives the IRD as a date: the rules that need
// the record's contents are not applicable, and say how to write it.
func TestIRD_DateOnlyForm(t *testing.T) {
	r := &ird.IRD{}
	require.NoError(t, r.UnmarshalStringForm("2026-03-03"))
	assert.True(t, r.DateOnly)
	assert.Equal(t, d("2026-03-03"), r.Held)
	s, ok := r.MarshalStringForm()
	assert.True(t, ok)
	assert.Equal(t, "2026-03-03", s)
	rep := check(t, ird.Facts{Concern: d("2026-03-02"), IRD: r}, engine.Options{})
	assert.Equal(t, guidance.Met, find(t, rep, "ird.required").Status)
	for _, id := range []string{"ird.core-agencies", "ird.record", "ird.information-shared", "ird.cppm-decision", "ird.cppm-exception",
		"ird.interim-safety-plan", "ird.closure", "ird.lead-professional"} {
		f := find(t, rep, id)
		assert.Equal(t, guidance.NotApplicable, f.Status, id)
		assert.Contains(t, f.Message, `write "ird" as a record`, id)
	}
	require.NoError(t, rep.Err())
	for _, bad := range []string{"2026-02-30", "yesterday", ""} {
		err := (&ird.IRD{}).UnmarshalStringForm(bad)
		var ge *guidance.Error
		require.ErrorAs(t, err, &ge, bad)
		assert.Equal(t, "ird", ge.Field)
		if bad != "" {
			assert.NotContains(t, err.Error(), bad, "the error never quotes the value")
		}
	}
}

func TestDecode_StrictWithPaths(t *testing.T) {
	r, err := ird.Decode([]byte(`{"held":"2026-03-03","agencies":["police","health"],"decisions":{"cppm":false}}`))
	require.NoError(t, err)
	assert.Equal(t, []ird.Agency{ird.Police, ird.Health}, r.Agencies)
	every, err := ird.Decode([]byte(`{"agencies":["other","education","health","social-work","police"]}`))
	require.NoError(t, err, "each agency once")
	assert.Len(t, every.Agencies, len(ird.Agencies()))
	for _, tc := range []struct{ doc, field, hint string }{
		{`{"held":"2026-02-30"}`, "held", ""},
		{`{"helds":"2026-03-03"}`, "helds", ""},
		{`{"held":"2026-03-03","held":"2026-03-04"}`, "held", ""},
		{`{"agencies":["police","coastguard"]}`, "agencies[1]", "use one of"},
		{`{"agencies":["police","police"]}`, "agencies[1]", "name each agency once"},
		{`{"agencies":["police","social-work","health","education","other","other"]}`, "agencies[5]", "name each agency once"},
		{`{"agencies":["other","education","health","social-work","police","health"]}`, "agencies[5]", "name each agency once"},
		{`{"out_of_hours":"2026-03-05","held":"2026-03-04"}`, "held", ""},
		{`{"held":"2026-03-05","closed":"2026-03-04"}`, "closed", ""},
		{`{"held":"2026-03-05","decisions":{"investigation":"2026-03-01"}}`, "decisions.investigation", ""},
		{`{"decisions":{"cppm":"yes"}}`, "decisions.cppm", ""},
		{`{"lead_professional":{"name":"Morag Quinlan-Testcase","agency":"sw","grade":"x"}}`, "lead_professional.grade", ""},
	} {
		_, err := ird.Decode([]byte(tc.doc))
		require.Error(t, err, tc.doc)
		var ge *guidance.Error
		require.True(t, errors.As(err, &ge), "%v", err)
		assert.Equal(t, tc.field, ge.Field, tc.doc)
		assert.Contains(t, ge.Hint, tc.hint, tc.doc)
		assert.NotContains(t, err.Error(), "Quinlan")
		assert.NotContains(t, err.Error(), "coastguard")
	}
}
