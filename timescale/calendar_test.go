package timescale_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpguide/cpguide/timescale"
	"github.com/rickar/cal/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(y int, m time.Month, d int) timescale.Date { return timescale.Date{Year: y, Month: m, Day: d} }

func mustDate(t testing.TB, s string) timescale.Date {
	t.Helper()
	d, err := timescale.ParseDate(s)
	require.NoError(t, err, s)
	return d
}

func noon(d timescale.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) timescale.Date {
	y, m, d := t.Date()
	return day(y, m, d)
}

func rickarScotland() *cal.BusinessCalendar {
	bc := cal.NewBusinessCalendar()
	bc.AddHoliday(timescale.ScottishHolidays()...)
	return bc
}

func TestScotland_MatchesUKGovernmentPublishedList(t *testing.T) {
	f, err := os.Open("testdata/govuk-scotland.tsv")
	require.NoError(t, err)
	defer f.Close()

	want := map[int][]timescale.Date{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		require.Len(t, fields, 3, "line %d: %q", line, text)
		d := mustDate(t, fields[0])
		require.NotEmpty(t, fields[1], "line %d has no title", line)
		want[d.Year] = append(want[d.Year], d)
	}
	require.NoError(t, sc.Err())

	c := timescale.Scotland()
	for year := 2012; year <= 2028; year++ {
		require.NotEmpty(t, want[year], "the published list has no holidays for %d", year)
		var got []timescale.Date
		for _, h := range c.Holidays(year) {
			got = append(got, h.Date)
			assert.NotEmpty(t, h.Name)
			assert.NotEmpty(t, h.Source)
		}
		w := slices.Clone(want[year])
		slices.SortFunc(w, func(a, b timescale.Date) int { return a.Compare(b) })
		assert.Equal(t, w, got, "Scottish bank holidays in %d", year)
		for _, d := range want[year] {
			assert.False(t, c.IsWorkingDay(d), "%s is a published bank holiday", d)
			assert.NotEmpty(t, c.Why(d), "%s", d)
		}
	}
}

func TestScotland_HolidaysAreWeekdaysAndSubstitutesNameTheirDay(t *testing.T) {
	for _, h := range timescale.Scotland().Holidays(2026) {
		wd := h.Date.Weekday()
		assert.NotContains(t, []time.Weekday{time.Saturday, time.Sunday}, wd, "%s", h.Date)
		if h.Substitute {
			assert.False(t, h.For.IsZero())
			assert.Contains(t, h.Name, "substitute day")
		}
	}
	// 2026: Boxing Day (Saturday 26 December) moves to Monday 28 December.
	hs := timescale.Scotland().Holidays(2026)
	i := slices.IndexFunc(hs, func(h timescale.Holiday) bool { return h.Date == day(2026, 12, 28) })
	require.GreaterOrEqual(t, i, 0)
	assert.True(t, hs[i].Substitute)
	assert.Equal(t, day(2026, 12, 26), hs[i].For)
}

func TestScotland_AgreesWithRickarCal_1990To2100(t *testing.T) {
	c := timescale.Scotland()
	bc := rickarScotland()
	stride := 4
	if testing.Short() {
		stride = 7
	}
	ns := []int{1, 3, 10, 15, 21, -1, -10}
	ks := []int{1, 14, 40, -14}
	start, end := day(1990, 1, 1), day(2100, 12, 31)
	i := 0
	for d := start; !d.After(end); d, i = d.AddDays(1), i+1 {
		tm := noon(d)
		require.Equal(t, bc.IsWorkday(tm), c.IsWorkingDay(d), "IsWorkingDay(%s)", d)
		if i%stride != 0 {
			continue
		}
		for _, n := range ns {
			got := c.AddWorkingDays(d, n)
			want := fromTime(bc.WorkdaysFrom(tm, n))
			require.Equal(t, want, got, "AddWorkingDays(%s, %d)", d, n)
			// Inversion: WorkingDaysBetween(d, AddWorkingDays(d, n)) == n.
			require.Equal(t, n, c.WorkingDaysBetween(d, got), "WorkingDaysBetween(%s, %s)", d, got)
			// Inversion: for a working day t, AddWorkingDays(f, WorkingDaysBetween(f, t)) == t.
			require.Equal(t, got, c.AddWorkingDays(d, c.WorkingDaysBetween(d, got)))
		}
		for _, k := range ks {
			e := d.AddDays(k)
			var want int
			if k > 0 {
				want = bc.WorkdaysInRange(noon(d.AddDays(1)), noon(e))
			} else {
				want = -bc.WorkdaysInRange(noon(e), noon(d.AddDays(-1)))
			}
			got := c.WorkingDaysBetween(d, e)
			require.Equal(t, want, got, "WorkingDaysBetween(%s, %s)", d, e)
			// (d, e] and [d, e) differ only at the ends: for d before e,
			// WorkingDaysBetween(d, e) + WorkingDaysBetween(e, d) == work(e) - work(d); and mirrored.
			wd, we := boolInt(c.IsWorkingDay(d)), boolInt(c.IsWorkingDay(e))
			if k > 0 {
				require.Equal(t, we-wd, got+c.WorkingDaysBetween(e, d), "antisymmetry %s %s", d, e)
			} else {
				require.Equal(t, wd-we, got+c.WorkingDaysBetween(e, d), "antisymmetry %s %s", d, e)
			}
			if c.IsWorkingDay(e) {
				require.Equal(t, e, c.AddWorkingDays(d, got), "AddWorkingDays(%s, WorkingDaysBetween(%s, %s))", d, d, e)
			}
		}
	}
	assert.Equal(t, 0, c.WorkingDaysBetween(start, start))
	assert.Equal(t, start, c.AddWorkingDays(start, 0))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
