package guidance_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func d(y int, m time.Month, day int) guidance.Date { return guidance.Date{Year: y, Month: m, Day: day} }

func TestParseDateAcceptsRealDatesAndRoundTripsString(t *testing.T) {
	tests := []struct {
		in   string
		want guidance.Date
	}{
		{"2026-12-18", d(2026, time.December, 18)},
		{"2024-02-29", d(2024, time.February, 29)},
		{"2000-02-29", d(2000, time.February, 29)},
		{"1900-01-01", d(1900, time.January, 1)},
		{"2199-12-31", d(2199, time.December, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := guidance.ParseDate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.True(t, got.Valid())
			assert.Equal(t, tt.in, got.String())
		})
	}
}

func TestParseDateRejectsMalformedOrImpossibleDatesAsInvalidDate(t *testing.T) {
	for _, in := range []string{
		"2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
		"2026-1-01", "26-12-18", "2026/12/18", "0000-01-01", "", " 2026-12-18",
		"2026-12-18 ", "2026-12-1x", "+026-12-18", "-026-12-18", "2026-12-180",
		"0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31",
	} {
		t.Run(in, func(t *testing.T) {
			got, err := guidance.ParseDate(in)
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err), "err = %v", err)
			if len(in) >= 8 {
				assert.NotContains(t, err.Error(), in, "the error never quotes the text")
			}
			assert.True(t, got.IsZero())
		})
	}
}

func TestDateStringFormatsZeroAndSmallYears(t *testing.T) {
	tests := []struct {
		d    guidance.Date
		want string
	}{
		{guidance.Date{}, "0000-00-00"},
		{d(1, time.January, 2), "0001-01-02"},
		{d(2026, time.July, 1), "2026-07-01"},
		{d(12345, time.March, 4), "12345-03-04"},
		{d(-44, time.March, 15), "-0044-03-15"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.d.String())
	}
}

type withDate struct {
	D guidance.Date `json:"d"`
}

type withOmitZeroDate struct {
	D guidance.Date `json:",omitzero"`
}

func TestDateJSONEncodesAsISOTextAndZeroAsEmpty(t *testing.T) {
	b, err := json.Marshal(withDate{D: d(2026, time.December, 18)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2026-12-18"}`, string(b))

	b, err = json.Marshal(withDate{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":""}`, string(b))

	b, err = json.Marshal(withOmitZeroDate{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))

	b, err = json.Marshal(withOmitZeroDate{D: d(2024, time.February, 29)})
	require.NoError(t, err)
	assert.Equal(t, `{"D":"2024-02-29"}`, string(b))
}

func TestDateJSONMarshalRejectsImpossibleDate(t *testing.T) {
	_, err := json.Marshal(withDate{D: d(2025, time.February, 29)})
	require.Error(t, err)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err), "err = %v", err)
}

func TestDateJSONUnmarshal(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    guidance.Date
		wantErr bool
	}{
		{"valid", `{"d":"2026-12-18"}`, d(2026, time.December, 18), false},
		{"empty is zero", `{"d":""}`, guidance.Date{}, false},
		{"absent is zero", `{}`, guidance.Date{}, false},
		{"impossible", `{"d":"2025-02-29"}`, guidance.Date{}, true},
		{"wrong format", `{"d":"18/12/2026"}`, guidance.Date{}, true},
		{"not a string", `{"d":20261218}`, guidance.Date{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := withDate{D: d(1999, time.January, 1)}
			if tt.name == "absent is zero" {
				v = withDate{}
			}
			err := json.Unmarshal([]byte(tt.in), &v)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, v.D)
		})
	}
	var x withDate
	err := json.Unmarshal([]byte(`{"d":"2026-13-01"}`), &x)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err), "err = %v", err)
}

func TestDateTextRoundTrip(t *testing.T) {
	for _, in := range []guidance.Date{d(2026, time.December, 18), d(2024, time.February, 29), d(1900, time.January, 1), {}} {
		b, err := in.MarshalText()
		require.NoError(t, err)
		var out guidance.Date
		require.NoError(t, out.UnmarshalText(b))
		assert.Equal(t, in, out)
	}
}

func TestDaysAndDateFromDaysAgreeWithTimeFor1600To2500(t *testing.T) {
	start := time.Date(1600, time.January, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2500, time.December, 31, 0, 0, 0, 0, time.UTC)
	n := 0
	for tm := start; !tm.After(end); tm = tm.AddDate(0, 0, 1) {
		y, m, day := tm.Date()
		dt := d(y, m, day)
		wantDays := int(tm.Unix() / 86400)
		if got := dt.Days(); got != wantDays {
			t.Fatalf("%v.Days() = %d, want %d", dt, got, wantDays)
		}
		if got := guidance.DateFromDays(wantDays); got != dt {
			t.Fatalf("DateFromDays(%d) = %v, want %v", wantDays, got, dt)
		}
		if got := dt.Weekday(); got != tm.Weekday() {
			t.Fatalf("%v.Weekday() = %v, want %v", dt, got, tm.Weekday())
		}
		if !dt.Valid() {
			t.Fatalf("%v not Valid", dt)
		}
		n++
	}
	assert.Equal(t, 901*365+219, n) // 901 years, 219 of them leap years
}

func TestDaysEpochIsZero(t *testing.T) {
	assert.Equal(t, 0, d(1970, time.January, 1).Days())
	assert.Equal(t, -1, d(1969, time.December, 31).Days())
	assert.Equal(t, d(1970, time.January, 1), guidance.DateFromDays(0))
	assert.Equal(t, time.Thursday, d(1970, time.January, 1).Weekday())
	assert.Equal(t, time.Wednesday, d(1969, time.December, 31).Weekday())
}

func TestAddDaysAgreesWithTimeAddDateInUTC(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		base := time.Date(1700+r.IntN(700), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		n := r.IntN(40001) - 20000
		y, m, day := base.Date()
		got := d(y, m, day).AddDays(n)
		wy, wm, wd := base.AddDate(0, 0, n).Date()
		if got != d(wy, wm, wd) {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d(y, m, day), n, got, d(wy, wm, wd))
		}
	}
	// Fixed edge cases across month, year and leap boundaries.
	tests := []struct {
		from guidance.Date
		n    int
		want guidance.Date
	}{
		{d(2026, time.December, 31), 1, d(2027, time.January, 1)},
		{d(2024, time.February, 28), 1, d(2024, time.February, 29)},
		{d(2024, time.March, 1), -1, d(2024, time.February, 29)},
		{d(2100, time.February, 28), 1, d(2100, time.March, 1)},
		{d(2026, time.June, 30), 0, d(2026, time.June, 30)},
		{d(2026, time.January, 1), 365, d(2027, time.January, 1)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.from.AddDays(tt.n), "%v + %d", tt.from, tt.n)
	}
}

func TestAddMonthsClampsToLastDayOfTargetMonth(t *testing.T) {
	tests := []struct {
		from guidance.Date
		n    int
		want guidance.Date
	}{
		{d(2026, time.August, 31), 6, d(2027, time.February, 28)},
		{d(2027, time.August, 31), 6, d(2028, time.February, 29)},
		{d(2026, time.January, 31), 1, d(2026, time.February, 28)},
		{d(2026, time.March, 31), -1, d(2026, time.February, 28)},
		{d(2026, time.May, 31), 1, d(2026, time.June, 30)},
		{d(2024, time.February, 29), 12, d(2025, time.February, 28)},
		{d(2026, time.August, 31), 0, d(2026, time.August, 31)},
		{d(2026, time.March, 31), -13, d(2025, time.February, 28)},
		{d(2026, time.January, 15), -13, d(2024, time.December, 15)},
		{d(2026, time.December, 15), 13, d(2028, time.January, 15)},
		{d(2026, time.January, 15), -1, d(2025, time.December, 15)},
		{d(2026, time.December, 15), 1, d(2027, time.January, 15)},
		{d(2026, time.June, 30), -24, d(2024, time.June, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.from.String(), func(t *testing.T) {
			got := tt.from.AddMonths(tt.n)
			assert.Equal(t, tt.want, got, "%v %+d months", tt.from, tt.n)
			assert.True(t, got.Valid())
		})
	}
}

func TestCompareBeforeAfterSub(t *testing.T) {
	a := d(2026, time.December, 18)
	tests := []struct {
		a, b          guidance.Date
		cmp           int
		before, after bool
		sub           int
	}{
		{a, a, 0, false, false, 0},
		{a, d(2026, time.December, 19), -1, true, false, -1},
		{a, d(2026, time.November, 30), 1, false, true, 18},
		{a, d(2027, time.January, 1), -1, true, false, -14},
		{d(2025, time.December, 31), d(2026, time.January, 1), -1, true, false, -1},
		{d(2027, time.January, 1), d(2026, time.January, 1), 1, false, true, 365},
		{d(2025, time.March, 1), d(2024, time.March, 1), 1, false, true, 365},
		{d(2024, time.March, 1), d(2023, time.March, 1), 1, false, true, 366},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.cmp, tt.a.Compare(tt.b), "%v cmp %v", tt.a, tt.b)
		assert.Equal(t, -tt.cmp, tt.b.Compare(tt.a), "%v cmp %v", tt.b, tt.a)
		assert.Equal(t, tt.before, tt.a.Before(tt.b))
		assert.Equal(t, tt.after, tt.a.After(tt.b))
		assert.Equal(t, tt.sub, tt.a.Sub(tt.b), "%v - %v", tt.a, tt.b)
		assert.Equal(t, -tt.sub, tt.b.Sub(tt.a))
	}
}

func TestDateOfUsesLondonWhateverTheHostZone(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want guidance.Date
	}{
		{"BST moves 23:30 UTC to next day", time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC), d(2026, time.July, 1)},
		{"GMT keeps 23:30 UTC on same day", time.Date(2026, time.December, 31, 23, 30, 0, 0, time.UTC), d(2026, time.December, 31)},
		{"BST 22:59 UTC same day", time.Date(2026, time.June, 30, 22, 59, 0, 0, time.UTC), d(2026, time.June, 30)},
		{"instant given in Kiritimati", time.Date(2026, time.July, 1, 12, 0, 0, 0, time.FixedZone("LINT", 14*3600)), d(2026, time.June, 30)},
		{"instant given in Los Angeles offset", time.Date(2026, time.June, 30, 20, 0, 0, 0, time.FixedZone("PDT", -7*3600)), d(2026, time.July, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, guidance.DateOf(tt.t))
			assert.Equal(t, tt.want, guidance.DateOf(tt.t.Local()), "local representation of the same instant")
		})
	}
	assert.Equal(t, "Europe/London", guidance.London().String())
}

func TestDateForKeepsCallersZone(t *testing.T) {
	tm := time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC)
	assert.Equal(t, d(2026, time.June, 30), guidance.DateFor(tm))
}

func TestDateInReturnsMidnight(t *testing.T) {
	got := d(2026, time.July, 1).In(guidance.London())
	assert.Equal(t, time.Date(2026, time.June, 30, 23, 0, 0, 0, time.UTC).Unix(), got.Unix())
	y, m, day := d(2026, time.July, 1).Date()
	assert.Equal(t, 2026, y)
	assert.Equal(t, time.July, m)
	assert.Equal(t, 1, day)
}

func TestValidAndIsZero(t *testing.T) {
	assert.True(t, guidance.Date{}.IsZero())
	assert.False(t, guidance.Date{}.Valid())
	assert.False(t, d(2026, time.February, 29).Valid())
	assert.False(t, d(10000, time.January, 1).Valid())
	assert.False(t, d(2026, 13, 1).Valid())
	assert.True(t, d(2026, time.February, 28).Valid())
}

func TestIsLeapYearAndDaysIn(t *testing.T) {
	for y, want := range map[int]bool{1900: false, 2000: true, 2024: true, 2025: false, 2100: false, 2400: true} {
		assert.Equal(t, want, guidance.IsLeapYear(y), "year %d", y)
		feb := 28
		if want {
			feb = 29
		}
		assert.Equal(t, feb, guidance.DaysIn(y, time.February))
	}
	assert.Equal(t, 30, guidance.DaysIn(2026, time.April))
	assert.Equal(t, 31, guidance.DaysIn(2026, time.December))
}

// refDays is the day number of y-m-d as the time package counts it (days
// since 1970-01-01 in UTC, a day past the month's end carried over): a
// reference written independently of both of Date.Days's algorithms.
func refDays(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Days and DateFromDays take a fast path for years 1 to 9999: on every day
// of those years, and across the edges of the range, they agree with the
// time package and invert each other.
func TestDays_FastPathAgreesWithTheTimePackage(t *testing.T) {
	n := 0
	for y := 1; y <= 9999; y++ {
		for m := time.January; m <= time.December; m++ {
			for d := 1; d <= guidance.DaysIn(y, m); d++ {
				want := refDays(y, int(m), d)
				got := guidance.Date{Year: y, Month: m, Day: d}.Days()
				if got != want {
					t.Fatalf("%04d-%02d-%02d: Days %d, want %d", y, m, d, got, want)
				}
				if back := guidance.DateFromDays(want); back != (guidance.Date{Year: y, Month: m, Day: d}) {
					t.Fatalf("DateFromDays(%d) = %v, want %04d-%02d-%02d", want, back, y, m, d)
				}
				n++
			}
		}
	}
	require.Equal(t, 3652059, n, "days of years 1 to 9999")
	for _, dd := range []guidance.Date{{Year: 0, Month: time.December, Day: 31}, {Year: 10000, Month: time.January, Day: 1},
		{Year: -400, Month: time.March, Day: 1}, {Year: 2026, Month: time.March, Day: 0}, {Year: 2026, Month: time.May, Day: 32}} {
		require.Equal(t, refDays(dd.Year, int(dd.Month), dd.Day), dd.Days(), "%+v, outside the fast path", dd)
	}
	// Not a real date, but inside the fast path (day 1 to 31): the day
	// counts on into the next month, as the time package carries it.
	feb31 := guidance.Date{Year: 2026, Month: time.February, Day: 31}
	require.Equal(t, refDays(2026, 2, 31), feb31.Days())
	require.Equal(t, guidance.Date{Year: 2026, Month: time.March, Day: 3}.Days(), feb31.Days())
	for _, n := range []int{-719163, -719162, 2932896, 2932897, -10_000_000, 10_000_000} {
		require.Equal(t, n, guidance.DateFromDays(n).Days(), "day %d, at the edges", n)
	}
}
