package timescale_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/timescale"
)

const anytown = "Anytown CPC procedures 2026, para 4.2"

func localFig(rule string, n int, u timescale.Unit) timescale.LocalTimescale {
	return timescale.LocalTimescale{Rule: rule, Amount: n, Unit: u, Source: anytown}
}

// highland14 is Highland's first Core Group figure as its profile gives it.
var highland14 = timescale.LocalTimescale{Rule: "coregroup.first", Amount: 14, Unit: timescale.CalendarDays,
	Source: "Highland Child Protection Committee 2024 procedures, Core Group", Committee: "Highland Child Protection Committee", Year: 2024}

// A local procedure may tighten a national timescale, never loosen or repeat
// it, and in another unit only where it is tighter whatever the dates.
func TestCheckLocal_TighterAcceptedEqualLooserOrMixedRefused(t *testing.T) {
	e23, e21 := guidance.Edition2023, guidance.Edition2021
	for _, tc := range []struct {
		name    string
		edition guidance.Edition
		local   timescale.LocalTimescale
		kind    guidance.Kind // Other: accepted
		field   string
	}{
		{"coregroup.first 10 working days tightens AD23's 15", e23, localFig("coregroup.first", 10, timescale.WorkingDays), guidance.Other, ""},
		{"coregroup.first 14 calendar days are provably tighter than 15 working days (Highland)", e23, localFig("coregroup.first", 14, timescale.CalendarDays), guidance.Other, ""},
		{"coregroup.first 15 calendar days are no later than 15 working days", e23, localFig("coregroup.first", 15, timescale.CalendarDays), guidance.Other, ""},
		{"coregroup.first 16 calendar days cannot be proven tighter than 15 working days", e23, localFig("coregroup.first", 16, timescale.CalendarDays), guidance.Refused, "timescales[0].days"},
		{"coregroup.first 2014 in working days mixes units with 15 calendar days", guidance.Edition2014, localFig("coregroup.first", 10, timescale.WorkingDays), guidance.Refused, "timescales[0].unit"},
		{"cppm.notice 2023: 5 working days' notice is never shorter than 5 calendar days", e23, localFig("cppm.notice", 5, timescale.WorkingDays), guidance.Other, ""},
		{"cppm.notice 2023: 4 working days' notice could be shorter than 5 calendar days", e23, localFig("cppm.notice", 4, timescale.WorkingDays), guidance.Refused, "timescales[0].days"},
		{"coregroup.first 15 working days only repeats AD23", e23, localFig("coregroup.first", 15, timescale.WorkingDays), guidance.Refused, "timescales[0].days"},
		{"coregroup.first 20 working days loosens AD23", e23, localFig("coregroup.first", 20, timescale.WorkingDays), guidance.Refused, "timescales[0].days"},
		{"cppm.record 12 calendar days could run past 10 working days", e23, localFig("cppm.record", 12, timescale.CalendarDays), guidance.Refused, "timescales[0].days"},
		{"cppm.record 10 calendar days are no later than 10 working days", e23, localFig("cppm.record", 10, timescale.CalendarDays), guidance.Other, ""},
		{"cppm.review 3 months tightens 6 months", e23, localFig("cppm.review", 3, timescale.Months), guidance.Other, ""},
		{"cppm.review in days mixes units with months", e23, localFig("cppm.review", 60, timescale.CalendarDays), guidance.Refused, "timescales[0].unit"},
		{"cppm.review 6 months only repeats", e23, localFig("cppm.review", 6, timescale.Months), guidance.Refused, "timescales[0].months"},
		{"cppm.notice 7 days is a longer notice than 5", e23, localFig("cppm.notice", 7, timescale.CalendarDays), guidance.Other, ""},
		{"cppm.notice 3 days is a shorter notice than 5", e23, localFig("cppm.notice", 3, timescale.CalendarDays), guidance.Refused, "timescales[0].days"},
		{"plan.record: a step the 2021 text leaves without a figure takes a local one", e21, localFig("plan.record", 3, timescale.WorkingDays), guidance.Other, ""},
		{"cppm.record: G21 3.165 gives no figure, a local one sets it", e21, localFig("cppm.record", 5, timescale.WorkingDays), guidance.Other, ""},
		{"ird.follow-up is not in the 2021 edition", e21, localFig("ird.follow-up", 1, timescale.WorkingDays), guidance.NotInEdition, "timescales[0].rule"},
		{"plan.record: a step the 2023 text leaves open takes a local figure", e23, localFig("plan.record", 10, timescale.WorkingDays), guidance.Other, ""},
		{"a step left open still needs a source", e23, timescale.LocalTimescale{Rule: "plan.record", Amount: 5, Unit: timescale.WorkingDays}, guidance.Invalid, "timescales[0].source"},
		{"a step left open still needs an amount in bounds", e23, localFig("plan.record", 0, timescale.WorkingDays), guidance.Invalid, "timescales[0].days"},
		{"cppm.core-agencies is not a timescale rule", e23, localFig("cppm.core-agencies", 5, timescale.WorkingDays), guidance.NotInEdition, "timescales[0].rule"},
		{"an unknown rule", e23, localFig("coregroup.second", 5, timescale.WorkingDays), guidance.UnknownRule, "timescales[0].rule"},
		{"no source", e23, timescale.LocalTimescale{Rule: "coregroup.first", Amount: 10, Unit: timescale.WorkingDays}, guidance.Invalid, "timescales[0].source"},
		{"a negative amount", e23, localFig("coregroup.first", -1, timescale.WorkingDays), guidance.Invalid, "timescales[0].days"},
		{"zero working days", e23, localFig("coregroup.first", 0, timescale.WorkingDays), guidance.Invalid, "timescales[0].days"},
		{"zero months to the review", e23, localFig("cppm.review", 0, timescale.Months), guidance.Invalid, "timescales[0].months"},
		{"a billion working days", e23, localFig("coregroup.first", 1e9, timescale.WorkingDays), guidance.Invalid, "timescales[0].days"},
		{"a billion calendar days", e23, localFig("coregroup.first", 1e9, timescale.CalendarDays), guidance.Invalid, "timescales[0].days"},
		{"a billion days' notice is not a tighter notice", e23, localFig("cppm.notice", 1e9, timescale.CalendarDays), guidance.Invalid, "timescales[0].days"},
		{"367 days' notice", e23, localFig("cppm.notice", 367, timescale.CalendarDays), guidance.Invalid, "timescales[0].days"},
		{"366 days' notice is the longest", e23, localFig("cppm.notice", 366, timescale.CalendarDays), guidance.Other, ""},
		{"25 months", e23, localFig("cppm.review", 25, timescale.Months), guidance.Invalid, "timescales[0].months"},
		{"weeks of gestation", e23, localFig("cppm.pre-birth", 30, timescale.GestationWeeks), guidance.Invalid, "timescales[0].unit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := timescale.CheckLocal([]timescale.LocalTimescale{tc.local}, tc.edition)
			if tc.kind == guidance.Other {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: tc.kind, Field: tc.field}, err), "got %v", err)
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			assert.NotEmpty(t, ge.Hint, "the error says what to fix")
			assert.NotContains(t, err.Error(), "coregroup.second", "an unknown ID is not quoted")
		})
	}
}

func TestCheckLocal_OneFigurePerRule(t *testing.T) {
	err := timescale.CheckLocal([]timescale.LocalTimescale{
		localFig("coregroup.first", 10, timescale.WorkingDays), localFig("coregroup.first", 9, timescale.WorkingDays),
	}, guidance.Edition2023)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "timescales[1].rule"}, err), "got %v", err)
}

// Due refuses a figure that is not tighter, whatever the caller checked.
func TestDue_RefusesALooserLocalFigure(t *testing.T) {
	_, err := timescale.Due("coregroup.first", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)},
		timescale.Options{Local: []timescale.LocalTimescale{localFig("plan.record", 3, timescale.WorkingDays), localFig("coregroup.first", 16, timescale.WorkingDays)}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Refused, Field: "timescales[1].days"}, err), "got %v", err)
}

// The local figure governs when it gives the earlier date, cites its LOCAL
// source and says which national figure it tightens; where the national date
// is earlier (2021: 9 working days over Christmas run past 15 calendar days),
// the national date still governs.
func TestDue_LocalFigureGovernsOnlyWhenEarlier(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edition guidance.Edition
		cppm    timescale.Date
		local   timescale.LocalTimescale
		due     timescale.Date
		gov     string
		governs bool
	}{
		{"2023: 8 working days from Monday 2 March beat 15 working days", guidance.Edition2023, day(2026, 3, 2), localFig("coregroup.first", 8, timescale.WorkingDays), day(2026, 3, 12), "local", true},
		{"2023: 14 calendar days beat 15 working days", guidance.Edition2023, day(2026, 3, 2), localFig("coregroup.first", 14, timescale.CalendarDays), day(2026, 3, 16), "local", true},
		{"2021: 10 working days from Monday 2 March (16 March) beat 15 calendar days (17 March)", guidance.Edition2021, day(2026, 3, 2), localFig("coregroup.first", 10, timescale.WorkingDays), day(2026, 3, 16), "local", true},
		{"2021: 9 working days over Christmas end after 15 calendar days", guidance.Edition2021, day(2026, 12, 18), localFig("coregroup.first", 9, timescale.WorkingDays), day(2027, 1, 2), "calendar", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dl, err := timescale.Due("coregroup.first", tc.edition, timescale.Anchors{timescale.EventCPPM: tc.cppm},
				timescale.Options{Local: []timescale.LocalTimescale{tc.local}})
			require.NoError(t, err)
			assert.Equal(t, tc.due, dl.Due)
			assert.Equal(t, tc.gov, dl.Governing)
			require.NotNil(t, dl.Local)
			assert.Equal(t, tc.governs, dl.Local.Governs)
			assert.Contains(t, dl.Citations, guidance.Citation{Source: guidance.Local, Note: anytown})
			assert.Contains(t, dl.Explanation(), "Local figure: "+anytown)
			f := dl.Assess(timescale.Date{}, tc.cppm, timescale.Variation{})
			assert.Contains(t, f.Citations, guidance.Citation{Source: guidance.Local, Note: anytown}, "findings cite the local source")
		})
	}
}

// A local figure for a rule not computed leaves the deadline exactly as the
// national guidance has it.
func TestDue_LocalFigureForAnotherRuleChangesNothing(t *testing.T) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	want, err := timescale.Due("coregroup.first", guidance.Edition2023, a, timescale.Options{})
	require.NoError(t, err)
	got, err := timescale.Due("coregroup.first", guidance.Edition2023, a, timescale.Options{Local: []timescale.LocalTimescale{localFig("plan.record", 5, timescale.WorkingDays)}})
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

// cppm.initial counts from one of three events: the local figure tightens
// each, and the one the policy chose governs.
func TestDue_LocalFigureFollowsTheChosenAnchor(t *testing.T) {
	a := timescale.Anchors{timescale.EventConcern: day(2026, 3, 2), timescale.EventIRD: day(2026, 3, 4), timescale.EventInvestigation: day(2026, 3, 6)}
	dl, err := timescale.Due("cppm.initial", guidance.Edition2023, a, timescale.Options{
		Policies: map[string]string{"cppm.initial.anchor": "investigation"},
		Local:    []timescale.LocalTimescale{localFig("cppm.initial", 21, timescale.CalendarDays)},
	})
	require.NoError(t, err)
	assert.Equal(t, day(2026, 3, 27), dl.Due)
	assert.Equal(t, "local-investigation", dl.Governing)
}

func TestGolden_CoreGroupFirst2023LocalExplanation(t *testing.T) {
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 3, 30)},
		timescale.Options{Local: []timescale.LocalTimescale{localFig("coregroup.first", 8, timescale.WorkingDays)}})
	require.NoError(t, err)
	js, err := json.MarshalIndent(dl, "", "  ")
	require.NoError(t, err)
	golden(t, filepath.Join("testdata", "2023", "coregroup-first-local.txt"), []byte(dl.Explanation()))
	golden(t, filepath.Join("testdata", "2023", "coregroup-first-local.json"), append(js, '\n'))
}

// FuzzDueLocal: a local figure that CheckLocal accepts never makes a deadline
// later than the national one, and one it refuses makes Due refuse too.
func FuzzDueLocal(f *testing.F) {
	f.Add(uint8(0), uint8(3), int16(0), int32(10), uint8(2))
	f.Add(uint8(9), uint8(2), int16(290), int32(3), uint8(1))
	f.Add(uint8(20), uint8(1), int16(-40), int32(1), uint8(3))
	all := timescale.All()
	base := timescale.Date{Year: 2026, Month: time.March, Day: 2}
	units := []timescale.Unit{timescale.CalendarDays, timescale.WorkingDays, timescale.Months, timescale.GestationWeeks}
	f.Add(uint8(3), uint8(0), int16(0), int32(1e9), uint8(1))
	f.Add(uint8(3), uint8(0), int16(0), int32(-7), uint8(2))
	f.Fuzz(func(t *testing.T, ri, ed uint8, off int16, amount int32, ui uint8) {
		defer fuzzbudget.Start(t, 16)()
		ts := all[int(ri)%len(all)]
		e := ts.Edition
		a := timescale.Anchors{}
		for i, ev := range timescale.Events() {
			a[ev] = base.AddDays(int(off) + 3*i)
		}
		l := timescale.LocalTimescale{Rule: ts.Rule, Amount: int(amount), Unit: units[int(ui)%len(units)], Source: "local procedures"}
		national, err := timescale.Due(ts.Rule, e, a, timescale.Options{})
		if err != nil {
			t.Fatalf("%s %s: %v", ts.Rule, e, err)
		}
		got, err := timescale.Due(ts.Rule, e, a, timescale.Options{Local: []timescale.LocalTimescale{l}})
		if checkErr := timescale.CheckLocal([]timescale.LocalTimescale{l}, e); checkErr != nil {
			if err == nil {
				t.Fatalf("%s %s: CheckLocal refused %v (%v) but Due accepted it", ts.Rule, e, l, checkErr)
			}
			return
		}
		if err != nil {
			t.Fatalf("%s %s: CheckLocal accepted %v but Due refused it: %v", ts.Rule, e, l, err)
		}
		if !got.Due.Valid() || got.Due.Year < 1900 {
			t.Fatalf("%s %s: local %v gave an impossible deadline %s", ts.Rule, e, l, got.Due)
		}
		if got.Due.After(national.Due) {
			t.Fatalf("%s %s: local %v made the deadline later: %s > %s", ts.Rule, e, l, got.Due, national.Due)
		}
		if got.Local == nil || !strings.Contains(got.Explanation(), "Local figure: local procedures") {
			t.Fatalf("%s %s: the explanation does not state the local figure", ts.Rule, e)
		}
	})
}

// A local figure tightens only the national reading that applies to the case:
// the 2014 pre-birth late-notification reading only when the notification was
// late, and under a policy that chose one reading, only that reading.
func TestDue_LocalFigureTightensOnlyTheReadingThatApplies(t *testing.T) {
	for _, tc := range []struct {
		name          string
		rule          string
		edition       guidance.Edition
		anchors       timescale.Anchors
		policies      map[string]string
		local         timescale.LocalTimescale
		due           timescale.Date
		gov           string
		notApplicable bool
	}{
		{"G14 pre-birth: an early concern keeps the 28-week point, whatever a local late-notification figure says", "cppm.pre-birth", guidance.Edition2014,
			timescale.Anchors{timescale.EventConcern: day(2025, 9, 1), timescale.EventExpectedDelivery: day(2026, 6, 1)}, nil,
			localFig("cppm.pre-birth", 14, timescale.CalendarDays), day(2026, 3, 9), "gestation", true},
		{"G14 pre-birth: after a late notification the local figure tightens the 21 days", "cppm.pre-birth", guidance.Edition2014,
			timescale.Anchors{timescale.EventConcern: day(2026, 4, 1), timescale.EventExpectedDelivery: day(2026, 6, 1)}, nil,
			localFig("cppm.pre-birth", 14, timescale.CalendarDays), day(2026, 4, 15), "local", false},
		{"coregroup.first 2021 with the calendar reading chosen: a working figure does not apply", "coregroup.first", guidance.Edition2021,
			timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)}, map[string]string{"coregroup.first.reading": "calendar"},
			localFig("coregroup.first", 10, timescale.WorkingDays), day(2026, 3, 17), "calendar", true},
		{"coregroup.first 2021 with the working reading chosen: a working figure tightens it", "coregroup.first", guidance.Edition2021,
			timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)}, map[string]string{"coregroup.first.reading": "working"},
			localFig("coregroup.first", 8, timescale.WorkingDays), day(2026, 3, 12), "local", false},
		{"coregroup.first 2021 stricter: the earliest local date still governs", "coregroup.first", guidance.Edition2021,
			timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)}, nil,
			localFig("coregroup.first", 10, timescale.CalendarDays), day(2026, 3, 12), "local-calendar", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dl, err := timescale.Due(tc.rule, tc.edition, tc.anchors, timescale.Options{Policies: tc.policies, Local: []timescale.LocalTimescale{tc.local}})
			require.NoError(t, err)
			assert.Equal(t, tc.due, dl.Due)
			assert.Equal(t, tc.gov, dl.Governing)
			require.NotNil(t, dl.Local)
			assert.Equal(t, tc.notApplicable, dl.Local.NotApplicable)
			assert.Equal(t, !tc.notApplicable && strings.HasPrefix(tc.gov, "local"), dl.Local.Governs)
			if tc.notApplicable {
				assert.Contains(t, dl.Explanation(), "does not apply to this case")
				assert.NotContains(t, dl.Explanation(), "already earlier", "the explanation does not contradict the dates")
			}
		})
	}
}

func TestGolden_PreBirth2014LocalNotLateExplanation(t *testing.T) {
	dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2014,
		timescale.Anchors{timescale.EventConcern: day(2025, 9, 1), timescale.EventExpectedDelivery: day(2026, 6, 1)},
		timescale.Options{Local: []timescale.LocalTimescale{localFig("cppm.pre-birth", 14, timescale.CalendarDays)}})
	require.NoError(t, err)
	golden(t, filepath.Join("testdata", "2014", "cppm-pre-birth-local-not-late.txt"), []byte(dl.Explanation()))
}

// A step the edition leaves open (2023 states no national figure for the
// record of the plan) takes its deadline from the local figure alone, counted
// from the CPPM, citing the local source and saying no national figure
// exists.
func TestDue_LocalFigureSetsAStepTheEditionLeavesOpen(t *testing.T) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)}
	_, err := timescale.Due("plan.record", guidance.Edition2023, a, timescale.Options{})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err), "got %v", err)
	dl, err := timescale.Due("plan.record", guidance.Edition2023, a, timescale.Options{Local: []timescale.LocalTimescale{localFig("plan.record", 5, timescale.WorkingDays)}})
	require.NoError(t, err)
	assert.Equal(t, day(2026, 3, 9), dl.Due)
	assert.Equal(t, "local", dl.Governing)
	assert.Contains(t, dl.Citations, guidance.Citation{Source: guidance.Local, Note: anytown})
	assert.Contains(t, dl.Explanation(), "states no national timescale for this step")
}
