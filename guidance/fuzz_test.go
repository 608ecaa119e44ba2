package guidance_test

import (
	"testing"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-12-18", "2024-02-29", "2025-02-29", "2026-13-01", "2026-1-01", "26-12-18",
		"2026/12/18", "0000-01-01", "", " 2026-12-18", "2026-12-1x", "9999-12-31", "0001-01-01",
		"+026-12-18", "-001-01-01", "２０２６-12-18",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzbudget.Start(t, len(s))()
		d, err := guidance.ParseDate(s)
		if err != nil {
			if !guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err) {
				t.Fatalf("ParseDate(%q) error of wrong kind: %v", s, err)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %v with an error", s, d)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %#v, not Valid", s, d)
		}
		if got := d.String(); got != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, got)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != s {
			t.Fatalf("ParseDate(%q).MarshalText() = %q, %v", s, b, err)
		}
	})
}

func FuzzDateArithmetic(f *testing.F) {
	f.Add(2026, 12, 18, 0)
	f.Add(2024, 2, 29, 365)
	f.Add(1, 1, 1, -1000000)
	f.Add(9999, 12, 31, 1000000)
	f.Add(1970, 1, 1, -1)
	f.Fuzz(func(t *testing.T, y, m, day, n int) {
		defer fuzzbudget.Start(t, 64)()
		// Fold the inputs onto a valid date and an offset within ±1,000,000 days.
		y = 1 + abs(y%9999)
		m = 1 + abs(m%12)
		day = 1 + abs(day%guidance.DaysIn(y, time.Month(m)))
		n %= 1000001
		d := guidance.Date{Year: y, Month: time.Month(m), Day: day}
		if !d.Valid() {
			t.Fatalf("folded date %v not valid", d)
		}
		e := d.AddDays(n)
		if got := e.Sub(d); got != n {
			t.Fatalf("%v.AddDays(%d).Sub(%v) = %d", d, n, d, got)
		}
		if got := e.AddDays(-n); got != d {
			t.Fatalf("%v.AddDays(%d).AddDays(%d) = %v", d, n, -n, got)
		}
		if got := guidance.DateFromDays(d.Days()); got != d {
			t.Fatalf("DateFromDays(%v.Days()) = %v", d, got)
		}
		if got := guidance.DateFromDays(e.Days()); got != e {
			t.Fatalf("DateFromDays(%v.Days()) = %v", e, got)
		}
		if got, want := e.Days(), refDays(e.Year, int(e.Month), e.Day); got != want {
			t.Fatalf("%v.Days() = %d, the time package %d", e, got, want)
		}
		if got := d.Compare(e); got != sign(-n) {
			t.Fatalf("%v.Compare(%v) = %d, want %d", d, e, got, sign(-n))
		}
		if e.Month < time.January || e.Month > time.December || e.Day < 1 || e.Day > guidance.DaysIn(e.Year, e.Month) {
			t.Fatalf("%v.AddDays(%d) = %#v, not a calendar date", d, n, e)
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
