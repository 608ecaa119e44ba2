package timescale

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/rickar/cal/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eager is a calendar's index computed the plain way, for every day of
// 1900-2199 at once: each year's holidays from the definitions
// (Calendar.holidaysIn, which works year by year and never reads the index)
// and a day-by-day running count of working days.
type eager struct {
	lo      int
	working []bool
	cum     []int // cum[i]: working days among the first i days
	why     map[int]string
	years   map[int][]Holiday
}

func eagerIndex(c *Calendar) *eager {
	e := &eager{lo: chunkLo[0], why: map[int]string{}, years: map[int][]Holiday{}}
	hol := map[int]Holiday{}
	for y := indexFirstYear; y <= indexLastYear; y++ {
		e.years[y] = c.holidaysIn(y)
		for _, h := range e.years[y] {
			hol[h.Date.Days()] = h
		}
	}
	n := chunkLo[numChunks] - chunkLo[0]
	e.working = make([]bool, n)
	e.cum = make([]int, n+1)
	for i := range n {
		d := guidance.DateFromDays(e.lo + i)
		wd := d.Weekday()
		h, isHol := hol[e.lo+i]
		switch {
		case wd == time.Saturday || wd == time.Sunday:
			e.why[e.lo+i] = wd.String()
		case isHol:
			e.why[e.lo+i] = h.Name + " (" + h.Source + ")"
		default:
			e.working[i] = true
		}
		e.cum[i+1] = e.cum[i]
		if e.working[i] {
			e.cum[i+1]++
		}
	}
	return e
}

// add is AddWorkingDays on the eager index, for n != 0, or false when the
// answer is outside it: the working day whose running count is the one
// sought, found by binary search in the counts.
func (e *eager) add(d Date, n int) (Date, bool) {
	i := d.Days() - e.lo
	if i < 0 || i >= len(e.working) {
		return Date{}, false
	}
	var k int // the answer is the k-th working day of the index, from 0
	if n > 0 {
		k = e.cum[i+1] + n - 1
	} else {
		k = e.cum[i] + n
	}
	if k < 0 || k >= e.cum[len(e.working)] {
		return Date{}, false
	}
	j, _ := slices.BinarySearch(e.cum, k+1) // the first count past k is just after the day
	return guidance.DateFromDays(e.lo + j - 1), true
}

// between is WorkingDaysBetween on the eager index.
func (e *eager) between(from, to Date) int {
	a, b := from.Days()-e.lo, to.Days()-e.lo
	if a <= b {
		return e.cum[b+1] - e.cum[a+1]
	}
	return -(e.cum[a] - e.cum[b])
}

// requireEqualsEager proves that c's lazily built index answers exactly as
// the eager computation for every day of 1900-2199: whether it is a working
// day (and, for a calendar that is not derived, as rickar/cal's
// BusinessCalendar says), why not, the holidays of each year, and
// working-day counts and sums from a sample of days, across decades and at
// the index's ends.
func requireEqualsEager(t *testing.T, c *Calendar) {
	t.Helper()
	e := eagerIndex(c)
	rickar := cal.NewBusinessCalendar()
	for _, d := range c.defs {
		rickar.AddHoliday(d.h)
	}
	for i, w := range e.working {
		d := guidance.DateFromDays(e.lo + i)
		require.Equal(t, w, c.IsWorkingDay(d), "IsWorkingDay(%s)", d)
		if c.base == nil { // rickar/cal does not look for observed days in the year before or after
			require.Equal(t, w, rickar.IsWorkday(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)), "rickar/cal IsWorkday(%s)", d)
		}
		require.Equal(t, e.why[e.lo+i], c.Why(d), "Why(%s)", d)
	}
	for y := indexFirstYear; y <= indexLastYear; y++ {
		require.Equal(t, e.years[y], c.Holidays(y), "Holidays(%d)", y)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var days []int
	for k := range chunkLo {
		for _, dd := range []int{-2, -1, 0, 1} {
			days = append(days, chunkLo[k]+dd)
		}
	}
	for range 3000 {
		days = append(days, chunkLo[0]+r.IntN(len(e.working)))
	}
	ns := []int{1, 2, 10, 15, 21, 300, 4000, 60000, -1, -2, -10, -300, -4000, -60000}
	for _, n := range days {
		d := guidance.DateFromDays(n)
		inside := n >= e.lo && n < e.lo+len(e.working)
		for _, k := range ns {
			want, ok := e.add(d, k)
			if !ok && (k > 300 || k < -300) {
				continue // outside the index the answer walks day by day: too slow to test at length
			}
			got := c.AddWorkingDays(d, k)
			if ok && inside {
				require.Equal(t, want, got, "AddWorkingDays(%s, %d)", d, k)
			}
			require.Equal(t, k, c.WorkingDaysBetween(d, got), "WorkingDaysBetween(%s, AddWorkingDays(%s, %d))", d, d, k)
		}
		for _, k := range []int{1, 5, 40, 400, 5000, -1, -5, -40, -400, -5000} {
			to := d.AddDays(k)
			if a, b := n-e.lo, to.Days()-e.lo; a >= 0 && b >= 0 && a < len(e.working) && b < len(e.working) {
				require.Equal(t, e.between(d, to), c.WorkingDaysBetween(d, to), "WorkingDaysBetween(%s, %s)", d, to)
			}
		}
	}
}

func TestIndex_ScotlandEqualsEagerComputation(t *testing.T) {
	requireEqualsEager(t, &Calendar{name: "Scotland", defs: scotland()})
	requireEqualsEager(t, &Calendar{name: "Scotland", defs: scotland(), precomputed: true})
}

// The national calendar's generated occurrences (scotland_occurrences.go)
// are exactly what rickar/cal computes from its definitions, year by year,
// under the host's time zone (the CI runs this under several): run go
// generate after changing a definition.
func TestScotlandOccurrences_AsGenerated(t *testing.T) {
	defs := scotland()
	for i := range numOccYears {
		y := firstOccYear + i
		want := computeOccurrences(defs, 0, y)
		got := scotlandOccurrences[scotlandYearStart[i]:scotlandYearStart[i+1]]
		require.Equal(t, len(want), len(got), "year %d: run go generate ./timescale", y)
		for j := range want {
			require.Equal(t, want[j], got[j], "year %d: run go generate ./timescale", y)
		}
	}
	require.Equal(t, len(scotlandOccurrences), int(scotlandYearStart[numOccYears]))
	require.True(t, Scotland().precomputed)
}

// extraDays are local days that exercise a derived calendar: on a day that
// is already a bank holiday (so the names merge), at a weekend, at the ends
// of the index and of a decade, and a recurring rule whose observed day
// falls in the year before its own.
func extraDays() []NonWorkingDay {
	return []NonWorkingDay{
		{Date: Date{Year: 2026, Month: time.December, Day: 25}, Name: "Office closed", Source: "council decision 12/26"},
		{Date: Date{Year: 2026, Month: time.May, Day: 9}, Name: "Saturday closure", Source: "council decision 4/26"},
		{Date: Date{Year: 1900, Month: time.January, Day: 3}, Name: "First", Source: "test"},
		{Date: Date{Year: 2199, Month: time.December, Day: 31}, Name: "Last", Source: "test"},
		{Date: Date{Year: 2029, Month: time.December, Day: 31}, Name: "End of decade", Source: "test"},
		{Rule: &cal.Holiday{Month: time.September, Weekday: time.Monday, Offset: -1, Func: cal.CalcWeekdayOffset},
			Name: "Local autumn holiday", Source: "council list"},
		{Rule: &cal.Holiday{Month: time.January, Day: 1, CalcOffset: -1, Func: cal.CalcDayOfMonth, StartYear: 2040, EndYear: 2060},
			Name: "Hogmanay closure", Source: "council list"},
		{Rule: &cal.Holiday{Month: time.April, Day: 2, Func: cal.CalcDayOfMonth, StartYear: 2100},
			Name: "Good Friday too", Source: "council list"},
	}
}

func TestIndex_DerivedEqualsEagerComputation(t *testing.T) {
	base := &Calendar{name: "Scotland", defs: scotland()}
	c, err := base.With("Anytown", extraDays()...)
	require.NoError(t, err)
	requireEqualsEager(t, c)

	// A calendar derived from a derived one.
	cc, err := c.With("office", NonWorkingDay{Date: Date{Year: 2026, Month: time.December, Day: 25}, Name: "Staff day", Source: "HR"})
	require.NoError(t, err)
	requireEqualsEager(t, cc)
	assert.Equal(t, "Christmas Day / Office closed / Staff day ("+srcStatute+"; council decision 12/26; HR)",
		cc.Why(Date{Year: 2026, Month: time.December, Day: 25}))
	requireEqualsEager(t, base) // the base is unchanged
}

// A derived calendar shares the decades its extra days do not touch with
// its base, and builds its own only for those they do.
func TestIndex_DerivedSharesUntouchedDecades(t *testing.T) {
	base := &Calendar{name: "Scotland", defs: scotland()}
	c, err := base.With("Anytown", NonWorkingDay{Date: Date{Year: 2026, Month: time.March, Day: 27}, Name: "Spring holiday", Source: "council list"})
	require.NoError(t, err)
	touched := (2026 - indexFirstYear) / chunkYears
	for k := range numChunks {
		if k == touched {
			assert.NotSame(t, base.chunk(k), c.chunk(k), "decade %d", k)
		} else {
			assert.Same(t, base.chunk(k), c.chunk(k), "decade %d", k)
		}
	}
	assert.True(t, base.IsWorkingDay(Date{Year: 2026, Month: time.March, Day: 27}))
	assert.False(t, c.IsWorkingDay(Date{Year: 2026, Month: time.March, Day: 27}))
}

// Each year's holidays are computed once however many decades read them.
func TestIndex_EachYearComputedOnce(t *testing.T) {
	calls := map[int]int{}
	var mu sync.Mutex
	count := &cal.Holiday{Name: "Counted", Month: time.June, Day: 10, Func: func(h *cal.Holiday, year int) time.Time {
		mu.Lock()
		calls[year]++
		mu.Unlock()
		return cal.CalcDayOfMonth(h, year)
	}}
	c := &Calendar{name: "test", defs: []definition{{h: count, source: "test"}}}
	for k := range numChunks {
		c.chunk(k)
	}
	for y := firstOccYear; y < firstOccYear+numOccYears; y++ {
		assert.Equal(t, 1, calls[y], "year %d", y)
	}
	assert.Len(t, calls, numOccYears)
}

// The first use of a calendar from many goroutines at once builds each
// decade once and gives every goroutine the same answers (run with -race).
func TestIndex_ConcurrentFirstUse(t *testing.T) {
	base := &Calendar{name: "Scotland", defs: scotland()}
	derived, err := base.With("Anytown", extraDays()...)
	require.NoError(t, err)
	want := eagerIndex(derived)
	const workers = 8
	chunks := make([][numChunks]*chunk, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Each worker starts at another decade and visits them all.
			for j := range numChunks {
				k := (j + w*7) % numChunks
				chunks[w][k] = derived.chunk(k)
				d := guidance.DateFromDays(chunkLo[k] + 100*w)
				if got := derived.IsWorkingDay(d); got != want.working[d.Days()-want.lo] {
					t.Errorf("worker %d: IsWorkingDay(%s) = %v", w, d, got)
				}
				if base.AddWorkingDays(d, 10).IsZero() {
					t.Errorf("worker %d: AddWorkingDays(%s, 10) is zero", w, d)
				}
			}
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for k := range numChunks {
			require.Same(t, chunks[0][k], chunks[w][k], "decade %d built twice", k)
		}
	}
}
