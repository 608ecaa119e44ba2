package timescale_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
	"github.com/rickar/cal/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestOutsideIndex_AgreesWithRickarCal_1850And2300(t *testing.T) {
	c := timescale.Scotland()
	bc := rickarScotland()
	for _, start := range []timescale.Date{day(1850, 1, 1), day(2300, 1, 1)} {
		for i := 0; i < 300; i++ {
			d := start.AddDays(i)
			tm := noon(d)
			require.Equal(t, bc.IsWorkday(tm), c.IsWorkingDay(d), "IsWorkingDay(%s)", d)
			for _, n := range []int{1, 10, -10} {
				got := c.AddWorkingDays(d, n)
				require.Equal(t, fromTime(bc.WorkdaysFrom(tm, n)), got, "AddWorkingDays(%s, %d)", d, n)
				require.Equal(t, n, c.WorkingDaysBetween(d, got))
			}
			e := d.AddDays(40)
			require.Equal(t, bc.WorkdaysInRange(noon(d.AddDays(1)), noon(e)), c.WorkingDaysBetween(d, e))
		}
	}
}

func TestIndexBoundary_ArithmeticCrossesExactly(t *testing.T) {
	c := timescale.Scotland()
	bc := rickarScotland()
	tests := []struct {
		from timescale.Date
		n    int
	}{
		{day(2199, 12, 20), 30},
		{day(2199, 12, 31), 1},
		{day(2200, 1, 5), -10},
		{day(1900, 1, 5), -10},
		{day(1900, 1, 1), -1},
		{day(1899, 12, 20), 30},
		{day(1899, 12, 29), 2000},
	}
	for _, tt := range tests {
		got := c.AddWorkingDays(tt.from, tt.n)
		assert.Equal(t, fromTime(bc.WorkdaysFrom(noon(tt.from), tt.n)), got, "AddWorkingDays(%s, %d)", tt.from, tt.n)
		assert.Equal(t, tt.n, c.WorkingDaysBetween(tt.from, got), "WorkingDaysBetween(%s, %s)", tt.from, got)
		// From the far end back: [lo, hi) instead of (lo, hi], so the ends swap.
		back := -c.WorkingDaysBetween(got, tt.from)
		if tt.n > 0 {
			assert.Equal(t, tt.n, back-boolInt(c.IsWorkingDay(tt.from))+boolInt(c.IsWorkingDay(got)))
		} else {
			assert.Equal(t, tt.n, back-boolInt(c.IsWorkingDay(got))+boolInt(c.IsWorkingDay(tt.from)))
		}
	}
}

func TestAddWorkingDays_AnchorDayNeverCounts(t *testing.T) {
	c := timescale.Scotland()
	tests := []struct {
		from timescale.Date
		n    int
		want timescale.Date
	}{
		{day(2026, 12, 24), 1, day(2026, 12, 29)},  // Christmas Fri 25, Boxing Day substitute Mon 28
		{day(2026, 12, 25), 1, day(2026, 12, 29)},  // from a holiday
		{day(2026, 12, 26), -1, day(2026, 12, 24)}, // back over Christmas
		{day(2026, 3, 2), 0, day(2026, 3, 2)},
		{day(2026, 3, 7), 1, day(2026, 3, 9)}, // from a Saturday
		{day(2026, 3, 9), -1, day(2026, 3, 6)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, c.AddWorkingDays(tt.from, tt.n), "AddWorkingDays(%s, %d)", tt.from, tt.n)
	}
}

func TestCoreGroupFirst2023_FifteenWorkingDaysOfAppendixD(t *testing.T) {
	anchors := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, anchors, timescale.Options{})
	require.NoError(t, err)
	// 21-24 (4), Christmas and Boxing Day substitute skipped, 29-31 (7), New
	// Year's days skipped, 5-8 (11), 11-14 (15).
	assert.Equal(t, day(2027, 1, 14), dl.Due)
	assert.Equal(t, day(2027, 1, 14), dl.LastWorkingDay)
	assert.Equal(t, "default", dl.Governing)
	require.Len(t, dl.Readings, 1)
	assert.Equal(t, timescale.WorkingDays, dl.Readings[0].Unit)
	assert.Equal(t, 15, dl.Readings[0].Amount)
	assert.Empty(t, dl.Policies, "the national 2023 text has one reading: no policy")
	require.Len(t, dl.Citations, 1)
	assert.Equal(t, guidance.AD23, dl.Citations[0].Source, "Appendix D is cited, and nothing local")
	assert.Equal(t, "Appendix D", dl.Citations[0].Paragraph)
}

// Highland's 14 calendar days (a local figure, provably tighter than 15
// working days) governs over Christmas and New Year.
func TestCoreGroupFirst2023_HighlandFourteenCalendarDaysGovern(t *testing.T) {
	anchors := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, anchors, timescale.Options{Local: []timescale.LocalTimescale{highland14}})
	require.NoError(t, err)
	assert.Equal(t, day(2027, 1, 1), dl.Due)
	assert.Equal(t, day(2026, 12, 31), dl.LastWorkingDay)
	assert.Contains(t, dl.DueWhy, "New Year")
	assert.Equal(t, "local", dl.Governing)
	require.NotNil(t, dl.Local)
	assert.True(t, dl.Local.Governs)
	assert.Contains(t, dl.Explanation(), "Highland Child Protection Committee 2024 procedures")
	assert.Contains(t, dl.Citations, guidance.Citation{Source: guidance.Local, Note: "Core Group", Committee: "Highland Child Protection Committee", Year: 2024})
}

func TestWorkingDayDeadlines_SkipChristmasAndNewYearWithReasons(t *testing.T) {
	tests := []struct {
		rule   string
		anchor timescale.Event
	}{
		{"cppm.record", timescale.EventCPPM},
		{"cppm.reconvene", timescale.EventInquorateCPPM},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			dl, err := timescale.Due(tt.rule, guidance.Edition2023, timescale.Anchors{tt.anchor: day(2026, 12, 18)}, timescale.Options{})
			require.NoError(t, err)
			// 10 working days from Fri 18 Dec 2026: 21-24 Dec (4), 29-31 Dec (7), 5-7 Jan (10).
			assert.Equal(t, day(2027, 1, 7), dl.Due)
			assert.Equal(t, dl.Due, dl.LastWorkingDay)
			why := map[timescale.Date]string{}
			for _, s := range dl.Readings[0].Skipped {
				require.NotEmpty(t, s.Why, "%s", s.Date)
				why[s.Date] = s.Why
			}
			assert.Contains(t, why[day(2026, 12, 25)], "Christmas Day")
			assert.Contains(t, why[day(2026, 12, 28)], "Boxing Day (substitute day)")
			assert.Contains(t, why[day(2027, 1, 1)], "New Year's Day")
			assert.Contains(t, why[day(2027, 1, 4)], "2nd January (substitute day)")
			assert.Equal(t, "Saturday", why[day(2026, 12, 26)])
			assert.Len(t, why, 10) // 19-20, 25-28 Dec, 1-4 Jan
			assert.Contains(t, dl.Explanation(), "skipped 10 non-working day(s)")
		})
	}
}

func TestCalendarDayDeadlineOnHoliday_NotExtendedLastWorkingDayBefore(t *testing.T) {
	// 2014: initial CPCC within 21 calendar days of the concern; 4 Dec + 21 = Christmas Day.
	dl, err := timescale.Due("cppm.initial", guidance.Edition2014, timescale.Anchors{timescale.EventConcern: day(2026, 12, 4)}, timescale.Options{})
	require.NoError(t, err)
	assert.Equal(t, day(2026, 12, 25), dl.Due)
	assert.Equal(t, day(2026, 12, 24), dl.LastWorkingDay)
	assert.Contains(t, dl.DueWhy, "Christmas Day")
	assert.Contains(t, dl.Explanation(), "is not a working day")
}

func TestReviewCPPM_MonthsClampToMonthEnd(t *testing.T) {
	tests := []struct {
		name    string
		from    timescale.Date
		want    timescale.Date
		clamped bool
	}{
		{"31 Aug to 28 Feb", day(2026, 8, 31), day(2027, 2, 28), true},
		{"31 Aug to 29 Feb in a leap year", day(2027, 8, 31), day(2028, 2, 29), true},
		{"same day exists", day(2026, 3, 2), day(2026, 9, 2), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl, err := timescale.Due("cppm.review", guidance.Edition2023, timescale.Anchors{timescale.EventRegisteringCPPM: tt.from}, timescale.Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, dl.Due)
			assert.Equal(t, tt.clamped, dl.Readings[0].Clamped)
		})
	}
}

func TestPreBirth2023_EarlierOfConcernPlus28And28WeeksGestationGoverns(t *testing.T) {
	tests := []struct {
		name          string
		concern, edd  timescale.Date
		want          timescale.Date
		gov           string
		gestationDue  timescale.Date
		gestationMiss bool
	}{
		{"concern governs", day(2026, 1, 5), day(2026, 6, 1), day(2026, 2, 2), "concern", day(2026, 3, 9), false},
		{"gestation governs", day(2026, 3, 1), day(2026, 5, 1), day(2026, 2, 6), "gestation", day(2026, 2, 6), false},
		{"no EDD: concern", day(2026, 1, 5), timescale.Date{}, day(2026, 2, 2), "concern", timescale.Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := timescale.Anchors{timescale.EventConcern: tt.concern}
			if !tt.edd.IsZero() {
				a[timescale.EventExpectedDelivery] = tt.edd
			}
			dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2023, a, timescale.Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, dl.Due)
			assert.Equal(t, tt.gov, dl.Governing)
			var g timescale.Computed
			for _, r := range dl.Readings {
				if r.Name == "gestation" {
					g = r
				}
			}
			assert.Equal(t, tt.gestationMiss, g.Missing)
			assert.Equal(t, tt.gestationDue, g.Due)
			if !tt.edd.IsZero() {
				assert.Equal(t, 84, tt.edd.Sub(g.Due), "28 weeks of gestation is 12 weeks before the EDD")
			}
		})
	}
}

func TestPreBirth2014_LateNotificationPolicy(t *testing.T) {
	// EDD 2026-06-01: 28 weeks = 2026-03-09. Concern 2026-03-01: 21 days = 2026-03-22.
	a := timescale.Anchors{timescale.EventConcern: day(2026, 3, 1), timescale.EventExpectedDelivery: day(2026, 6, 1)}
	tests := []struct {
		choice string
		want   timescale.Date
		gov    string
	}{
		{"", day(2026, 3, 9), "gestation"}, // default "passed": 28 weeks not reached at the concern
		{"passed", day(2026, 3, 9), "gestation"},
		{"under-21-days", day(2026, 3, 22), "late-notification"},
	}
	for _, tt := range tests {
		t.Run("choice="+tt.choice, func(t *testing.T) {
			var opts timescale.Options
			if tt.choice != "" {
				opts.Policies = map[string]string{"cppm.pre-birth.late": tt.choice}
			}
			dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2014, a, opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, dl.Due)
			assert.Equal(t, tt.gov, dl.Governing)
			require.Len(t, dl.Policies, 1)
			assert.Equal(t, "cppm.pre-birth.late", dl.Policies[0].Policy)
			assert.Equal(t, tt.choice == "" || tt.choice == "passed", dl.Policies[0].Default)
		})
	}
	// Concern after the 28-week point: late under the default.
	dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2014,
		timescale.Anchors{timescale.EventConcern: day(2026, 3, 10), timescale.EventExpectedDelivery: day(2026, 6, 1)}, timescale.Options{})
	require.NoError(t, err)
	assert.Equal(t, day(2026, 3, 31), dl.Due)
}

func TestCPPMNotice_2021StricterIs5WorkingDays_2023Is5CalendarDays(t *testing.T) {
	meeting := timescale.Anchors{timescale.EventMeeting: day(2026, 3, 18)} // Wednesday
	tests := []struct {
		e    guidance.Edition
		opts timescale.Options
		want timescale.Date
	}{
		{guidance.Edition2021, timescale.Options{}, day(2026, 3, 11)},
		{guidance.Edition2021, timescale.Options{Policies: map[string]string{"cppm.notice.unit": "calendar"}}, day(2026, 3, 13)},
		{guidance.Edition2023, timescale.Options{}, day(2026, 3, 13)},
		{guidance.Edition2014, timescale.Options{}, day(2026, 3, 13)},
	}
	for _, tt := range tests {
		dl, err := timescale.Due("cppm.notice", tt.e, meeting, tt.opts)
		require.NoError(t, err)
		assert.Equal(t, tt.want, dl.Due, "%s %v", tt.e, tt.opts.Policies)
		assert.Equal(t, timescale.Notice, dl.Direction)
		assert.Contains(t, dl.Explanation(), "no later than")
	}
}

func TestCPPMInitial2023_AnchorPolicy(t *testing.T) {
	all := timescale.Anchors{
		timescale.EventConcern:       day(2026, 3, 2),
		timescale.EventIRD:           day(2026, 3, 4),
		timescale.EventInvestigation: day(2026, 3, 5),
	}
	tests := []struct {
		name    string
		anchors timescale.Anchors
		choice  string
		want    timescale.Date
		gov     string
	}{
		{"stricter takes the earliest anchor", all, "", day(2026, 3, 30), "concern"},
		{"stricter with ird and investigation only", timescale.Anchors{timescale.EventIRD: day(2026, 3, 4), timescale.EventInvestigation: day(2026, 3, 5)}, "", day(2026, 4, 1), "ird"},
		{"chosen ird", all, "ird", day(2026, 4, 1), "ird"},
		{"chosen investigation", all, "investigation", day(2026, 4, 2), "investigation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts timescale.Options
			if tt.choice != "" {
				opts.Policies = map[string]string{"cppm.initial.anchor": tt.choice}
			}
			dl, err := timescale.Due("cppm.initial", guidance.Edition2023, tt.anchors, opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, dl.Due)
			assert.Equal(t, tt.gov, dl.Governing)
		})
	}
	_, err := timescale.Due("cppm.initial", guidance.Edition2023, timescale.Anchors{timescale.EventConcern: day(2026, 3, 2)},
		timescale.Options{Policies: map[string]string{"cppm.initial.anchor": "ird"}})
	require.Error(t, err)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "anchors.ird"}, err), "%v", err)
}

func TestEveryTimescale_ComputesFromFullAnchors(t *testing.T) {
	a := timescale.Anchors{}
	for _, ev := range timescale.Events() {
		a[ev] = day(2026, 3, 2)
	}
	a[timescale.EventExpectedDelivery] = day(2026, 9, 1)
	all := timescale.All()
	require.NotEmpty(t, all)
	for _, ts := range all {
		t.Run(ts.Rule+"/"+ts.Edition.String(), func(t *testing.T) {
			dl, err := ts.Due(a, timescale.Options{})
			require.NoError(t, err)
			assert.True(t, dl.Due.Valid())
			assert.True(t, dl.LastWorkingDay.Valid())
			assert.True(t, timescale.Scotland().IsWorkingDay(dl.LastWorkingDay))
			assert.NotEmpty(t, dl.Explanation())
			assert.NotEmpty(t, dl.Citations)
			assert.NotEmpty(t, dl.Governing)
			assert.Equal(t, "Scotland", dl.Calendar)
			assert.Contains(t, dl.Explanation(), timescale.Counting)
			dl2, err := timescale.Due(ts.Rule, ts.Edition, a, timescale.Options{})
			require.NoError(t, err)
			assert.Equal(t, dl, dl2)
		})
	}
}

func TestDueErrors_AreTypedGuidanceErrors(t *testing.T) {
	cppm := timescale.Anchors{timescale.EventCPPM: day(2026, 3, 2)}
	tests := []struct {
		name    string
		rule    string
		e       guidance.Edition
		anchors timescale.Anchors
		opts    timescale.Options
		want    *guidance.Error
	}{
		{"unknown rule", "no.such.rule", guidance.Edition2023, cppm, timescale.Options{}, &guidance.Error{Kind: guidance.UnknownRule}},
		{"rule not in edition", "cppm.record", guidance.Edition2021, cppm, timescale.Options{}, &guidance.Error{Kind: guidance.NotInEdition}},
		{"unknown edition", "cppm.record", guidance.Edition(99), cppm, timescale.Options{}, &guidance.Error{Kind: guidance.UnknownEdition}},
		{"unknown policy id", "cppm.record", guidance.Edition2023, cppm,
			timescale.Options{Policies: map[string]string{"no.such.policy": "x"}}, &guidance.Error{Kind: guidance.UnknownPolicy}},
		{"unknown choice", "coregroup.first", guidance.Edition2023, cppm,
			timescale.Options{Policies: map[string]string{"coregroup.first.reading": "fortnightly"}},
			&guidance.Error{Kind: guidance.UnknownPolicy, Field: "policies.coregroup.first.reading"}},
		{"invalid anchor date", "cppm.record", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: {Year: 2026, Month: 2, Day: 30}},
			timescale.Options{}, &guidance.Error{Kind: guidance.Invalid, Field: "anchors.cppm"}},
		{"unknown anchor event", "cppm.record", guidance.Edition2023, timescale.Anchors{"lunch": day(2026, 3, 2)},
			timescale.Options{}, &guidance.Error{Kind: guidance.Invalid}},
		{"no anchors", "cppm.record", guidance.Edition2023, nil, timescale.Options{}, &guidance.Error{Kind: guidance.MissingFact}},
		{"wrong anchor only", "cppm.record", guidance.Edition2023, timescale.Anchors{timescale.EventConcern: day(2026, 3, 2)},
			timescale.Options{}, &guidance.Error{Kind: guidance.MissingFact, Field: "anchors"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dl, err := timescale.Due(tt.rule, tt.e, tt.anchors, tt.opts)
			require.Error(t, err)
			assert.True(t, guidance.Match(tt.want, err), "want %v, got %v", tt.want, err)
			assert.Zero(t, dl)
		})
	}
}

func TestCalendarWith_ValidatesEachDay(t *testing.T) {
	easterMonday := &cal.Holiday{Name: "x", Month: time.April, Day: 6, Func: cal.CalcDayOfMonth}
	tests := []struct {
		name  string
		cname string
		days  []timescale.NonWorkingDay
		field string
	}{
		{"calendar name", " ", nil, "name"},
		{"missing name", "local", []timescale.NonWorkingDay{{Date: day(2026, 4, 6), Source: "council"}}, "days[0].name"},
		{"missing source", "local", []timescale.NonWorkingDay{{Date: day(2026, 4, 6), Name: "Easter Monday"}}, "days[0].source"},
		{"neither date nor rule", "local", []timescale.NonWorkingDay{{Name: "x", Source: "y"}}, "days[0].date"},
		{"both date and rule", "local", []timescale.NonWorkingDay{{Date: day(2026, 4, 6), Rule: easterMonday, Name: "x", Source: "y"}}, "days[0].date"},
		{"impossible date", "local", []timescale.NonWorkingDay{{Date: day(2026, 2, 30), Name: "x", Source: "y"}}, "days[0].date"},
		{"rule without Func", "local", []timescale.NonWorkingDay{{Rule: &cal.Holiday{Name: "x", Month: time.April, Day: 6}, Name: "x", Source: "y"}}, "days[0].rule.func"},
		{"second day bad", "local", []timescale.NonWorkingDay{{Date: day(2026, 4, 6), Name: "x", Source: "y"}, {Date: day(2026, 4, 7), Name: "z"}}, "days[1].source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := timescale.Scotland().With(tt.cname, tt.days...)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "%v", err)
		})
	}
}

func TestCalendarWith_DerivesWithoutChangingScotland(t *testing.T) {
	em := day(2026, 4, 6) // Easter Monday 2026: not a Scottish bank holiday
	local, err := timescale.Scotland().With("Glasgow local holidays",
		timescale.NonWorkingDay{Date: em, Name: "Easter Monday", Source: "Glasgow City Council"},
		timescale.NonWorkingDay{Rule: &cal.Holiday{Month: time.September, Weekday: time.Monday, Offset: -1, Func: cal.CalcWeekdayOffset},
			Name: "September weekend", Source: "Glasgow City Council"})
	require.NoError(t, err)
	assert.Equal(t, "Scotland + Glasgow local holidays", local.Name())
	assert.False(t, local.IsWorkingDay(em))
	assert.True(t, timescale.Scotland().IsWorkingDay(em))
	assert.Equal(t, "Easter Monday (Glasgow City Council)", local.Why(em))
	assert.Empty(t, timescale.Scotland().Why(em))
	assert.False(t, local.IsWorkingDay(day(2026, 9, 28)))
	assert.True(t, timescale.Scotland().IsWorkingDay(day(2026, 9, 28)))
	assert.Equal(t, day(2026, 4, 7), local.AddWorkingDays(day(2026, 4, 3), 1))
	assert.Equal(t, day(2026, 4, 6), timescale.Scotland().AddWorkingDays(day(2026, 4, 3), 1))

	dl, err := timescale.Due("cppm.record", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 4, 2)},
		timescale.Options{Calendar: local})
	require.NoError(t, err)
	assert.Equal(t, "Scotland + Glasgow local holidays", dl.Calendar)
	// Good Friday 3 Apr and Easter Monday 6 Apr skipped: 7-10 (4), 13-17 (9), 20 (10).
	assert.Equal(t, day(2026, 4, 20), dl.Due)
}

func TestAssess_Statuses(t *testing.T) {
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)},
		timescale.Options{Local: []timescale.LocalTimescale{highland14}})
	require.NoError(t, err)
	require.Equal(t, day(2027, 1, 1), dl.Due)
	v := timescale.Variation{Rule: "coregroup.first", NewDate: day(2027, 1, 8), Approver: "Jane Q. Approver",
		Reason: "family bereavement", Recorded: day(2026, 12, 20)}
	require.NoError(t, v.Validate())
	other := v
	other.Rule = "cppm.record"
	tests := []struct {
		name       string
		done       timescale.Date
		today      timescale.Date
		variations []timescale.Variation
		want       guidance.Status
	}{
		{"done before due", day(2026, 12, 30), timescale.Date{}, nil, guidance.Met},
		{"done on due", day(2027, 1, 1), day(2027, 3, 1), nil, guidance.Met},
		{"done late", day(2027, 1, 5), day(2027, 3, 1), nil, guidance.Late},
		{"done late within variation", day(2027, 1, 5), timescale.Date{}, []timescale.Variation{v}, guidance.MetUnderVariation},
		{"variation of another rule does not count", day(2027, 1, 5), timescale.Date{}, []timescale.Variation{other}, guidance.Late},
		{"done after variation", day(2027, 1, 9), timescale.Date{}, []timescale.Variation{v}, guidance.Late},
		{"not done, not due", timescale.Date{}, day(2026, 12, 20), nil, guidance.Pending},
		{"not done, due today", timescale.Date{}, day(2027, 1, 1), nil, guidance.Pending},
		{"not done, past due", timescale.Date{}, day(2027, 1, 2), nil, guidance.Overdue},
		{"not done, within variation", timescale.Date{}, day(2027, 1, 5), []timescale.Variation{v}, guidance.Pending},
		{"not done, past variation", timescale.Date{}, day(2027, 1, 9), []timescale.Variation{v}, guidance.Overdue},
		{"not done, no date of check", timescale.Date{}, timescale.Date{}, nil, guidance.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := dl.Assess(tt.done, tt.today, tt.variations...)
			assert.Equal(t, tt.want, f.Status, f.Message)
			assert.Equal(t, "coregroup.first", f.Rule)
			assert.Equal(t, dl.Due, f.Due)
			assert.NotEmpty(t, f.Message)
			assert.NotContains(t, f.Message, v.Approver)
			assert.NotContains(t, f.Message, v.Reason)
		})
	}
}

func TestVariation_LogValueRedactsApproverAndReason(t *testing.T) {
	v := timescale.Variation{Rule: "coregroup.first", Subject: "first core group", NewDate: day(2027, 1, 8),
		Approver: "Morag McSecretname", Reason: "grandmother in hospital", Recorded: day(2026, 12, 20)}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("variation recorded", "variation", v)
	out := buf.String()
	assert.NotContains(t, out, "Morag")
	assert.NotContains(t, out, "McSecretname")
	assert.NotContains(t, out, "grandmother")
	assert.Contains(t, out, "timescale.Variation{redacted}")
	assert.NotContains(t, v.String(), "Morag")
}

func TestVariation_ValidateNamesFieldNotContent(t *testing.T) {
	ok := timescale.Variation{Rule: "coregroup.first", NewDate: day(2027, 1, 8), Approver: "A", Reason: "R", Recorded: day(2026, 12, 20)}
	tests := []struct {
		field string
		mod   func(*timescale.Variation)
		kind  guidance.Kind
	}{
		{"variation.rule", func(v *timescale.Variation) { v.Rule = "" }, guidance.Invalid},
		{"variation.new_date", func(v *timescale.Variation) { v.NewDate = timescale.Date{} }, guidance.Invalid},
		{"variation.approver", func(v *timescale.Variation) { v.Approver = " " }, guidance.Invalid},
		{"variation.reason", func(v *timescale.Variation) { v.Reason = "" }, guidance.Invalid},
		{"variation.recorded", func(v *timescale.Variation) { v.Recorded = day(2026, 2, 30) }, guidance.Invalid},
		{"", func(v *timescale.Variation) { v.Rule = "no.such.rule" }, guidance.UnknownRule},
	}
	for _, tt := range tests {
		v := ok
		tt.mod(&v)
		err := v.Validate()
		assert.True(t, guidance.Match(&guidance.Error{Kind: tt.kind, Field: tt.field}, err), "%s: %v", tt.field, err)
	}
}

func TestGolden_CoreGroupFirst2023Explanation(t *testing.T) {
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}, timescale.Options{})
	require.NoError(t, err)
	js, err := json.MarshalIndent(dl, "", "  ")
	require.NoError(t, err)
	js = append(js, '\n')
	golden(t, filepath.Join("testdata", "2023", "coregroup-first.txt"), []byte(dl.Explanation()))
	golden(t, filepath.Join("testdata", "2023", "coregroup-first.json"), js)
	assert.Equal(t, dl.Explanation(), dl.String())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update and inspect the diff", path)
}

// TestAssessFor_VariationAppliesOnlyToItsOccurrence_AD23 proves that an
// approved variation (Appendix D, 2023: a timescale varied "in a specific
// case") covers the occurrence it names and no other: a record circulated
// late after the initial CPPM is not excused by a variation approved for the
// review CPPM's record.
func TestAssessFor_VariationAppliesOnlyToItsOccurrence_AD23(t *testing.T) {
	dl, err := timescale.Due("cppm.record", guidance.Edition2023,
		timescale.Anchors{timescale.EventCPPM: day(2026, 3, 24)}, timescale.Options{})
	require.NoError(t, err)
	done := dl.Due.AddDays(5)
	vary := func(subject string) timescale.Variation {
		return timescale.Variation{Rule: "cppm.record", Subject: subject, NewDate: dl.Due.AddDays(10),
			Approver: "A", Reason: "R", Recorded: dl.Due.AddDays(-3)}
	}
	tests := []struct {
		name      string
		subject   string
		variation timescale.Variation
		want      guidance.Status
	}{
		{"no subject covers every occurrence", "initial CPPM M-0601", vary(""), guidance.MetUnderVariation},
		{"the same subject", "initial CPPM M-0601", vary("initial CPPM M-0601"), guidance.MetUnderVariation},
		{"the meeting reference", "initial CPPM M-0601", vary("M-0601"), guidance.MetUnderVariation},
		{"the kind of meeting", "initial CPPM M-0601", vary("initial CPPM"), guidance.MetUnderVariation},
		{"another kind of meeting", "initial CPPM M-0601", vary("review CPPM"), guidance.Late},
		{"another meeting's reference", "initial CPPM M-0601", vary("M-0603"), guidance.Late},
		{"another meeting's subject", "initial CPPM M-0601", vary("review CPPM M-0603"), guidance.Late},
		{"a part of a word is not a match", "initial CPPM M-06011", vary("M-0601"), guidance.Late},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := dl.AssessFor(tt.subject, done, day(2026, 6, 15), tt.variation)
			assert.Equal(t, tt.want, f.Status)
			assert.Equal(t, tt.subject, f.Subject)
		})
	}
	// Assess, without a subject, weighs every variation of the rule.
	assert.Equal(t, guidance.MetUnderVariation, dl.Assess(done, day(2026, 6, 15), vary("M-0603")).Status)
}

// TestDue_CallerOwnsTheDeadline proves that a deadline shares no citations
// with the timescale table: editing one deadline's citations leaves the next
// deadline of the same rule as the guidance has it.
func TestDue_CallerOwnsTheDeadline(t *testing.T) {
	an := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	first, err := timescale.Due("coregroup.first", guidance.Edition2023, an, timescale.Options{})
	require.NoError(t, err)
	want, err := json.Marshal(first)
	require.NoError(t, err)
	for i := range first.Citations {
		first.Citations[i].Note = "edited"
	}
	for i := range first.Readings {
		require.NotEmpty(t, first.Readings[i].Citations)
		for j := range first.Readings[i].Citations {
			first.Readings[i].Citations[j].Note = "edited"
		}
	}
	again, err := timescale.Due("coregroup.first", guidance.Edition2023, an, timescale.Options{})
	require.NoError(t, err)
	got, err := json.Marshal(again)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}

// TestExplanationWithholding_LeavesOutTheAnchorDate proves that an export
// can explain a pre-birth CPPM's deadline without the expected date of
// delivery, which gives the date of birth away: the anchor is named "date
// withheld", the gestation reading's own date is left out unless it governs,
// and with nothing withheld the text is Explanation's.
func TestExplanationWithholding_LeavesOutTheAnchorDate(t *testing.T) {
	edd := day(2026, 6, 1)
	an := timescale.Anchors{timescale.EventConcern: day(2026, 3, 2), timescale.EventExpectedDelivery: edd}
	byEDD := func(ev timescale.Event) bool { return ev == timescale.EventExpectedDelivery }
	tests := []struct {
		name    string
		concern timescale.Date
		due     timescale.Date // the governing date, always shown
		hidden  timescale.Date // the gestation reading's date, shown only when it governs
	}{
		{"gestation governs: its date is the due date", day(2026, 3, 2), day(2026, 3, 9), timescale.Date{}},
		{"the concern governs: the gestation date is withheld", day(2026, 1, 5), day(2026, 2, 2), day(2026, 3, 9)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an[timescale.EventConcern] = tt.concern
			dl, err := timescale.Due("cppm.pre-birth", guidance.Edition2023, an, timescale.Options{})
			require.NoError(t, err)
			require.Equal(t, tt.due, dl.Due)
			assert.Equal(t, dl.Explanation(), dl.ExplanationWithholding(nil))
			got := dl.ExplanationWithholding(byEDD)
			assert.NotContains(t, got, edd.String())
			assert.Contains(t, got, "(date withheld)")
			assert.Contains(t, got, tt.due.String())
			if !tt.hidden.IsZero() {
				assert.NotContains(t, got, tt.hidden.String())
				assert.Contains(t, dl.Explanation(), tt.hidden.String())
			}
		})
	}
}

// AD23 Appendix D (notice of the CPPM): a notice period runs before the
// meeting, and its reading says so (explain once said "after").
func TestDescribe_NoticeRunsBeforeTheMeeting(t *testing.T) {
	ts, err := timescale.Lookup("cppm.notice", guidance.Edition2023)
	require.NoError(t, err)
	require.NotEmpty(t, ts.Readings)
	for _, r := range ts.Readings {
		assert.Contains(t, ts.Describe(r), "before the CPPM date")
		assert.NotContains(t, ts.Describe(r), "after")
	}
	ts, err = timescale.Lookup("cppm.record", guidance.Edition2023)
	require.NoError(t, err)
	assert.Equal(t, "10 working days after the CPPM", ts.Describe(ts.Readings[0]))
}
