package timescale_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/timescale"
)

func FuzzAddWorkingDays(f *testing.F) {
	f.Add(2026, 12, 18, 15)
	f.Add(2026, 12, 24, 1)
	f.Add(2199, 12, 20, 30)
	f.Add(1900, 1, 5, -10)
	f.Add(1850, 6, 1, 500)
	f.Add(2300, 1, 1, -4999)
	f.Add(2026, 3, 7, 0)
	c := timescale.Scotland()
	f.Fuzz(func(t *testing.T, y, m, d, n int) {
		if y < 1800 || y > 2400 || n < -5000 || n > 5000 {
			t.Skip()
		}
		// The work is the days counted: outside the precomputed years
		// (1900 to 2199) the calendar evaluates day by day.
		defer fuzzbudget.Start(t, 64*(1+max(n, -n)))()
		from := timescale.Date{Year: y, Month: time.Month(m), Day: d}
		if !from.Valid() {
			t.Skip()
		}
		got := c.AddWorkingDays(from, n)
		if !got.Valid() {
			t.Fatalf("AddWorkingDays(%s, %d) = %s, not a valid date", from, n, got)
		}
		if back := c.WorkingDaysBetween(from, got); back != n {
			t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(%s, %d) = %s) = %d", from, from, n, got, back)
		}
		switch {
		case n == 0:
			if got != from {
				t.Fatalf("AddWorkingDays(%s, 0) = %s", from, got)
			}
		case n > 0:
			if !got.After(from) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s is not after", from, n, got)
			}
		default:
			if !got.Before(from) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s is not before", from, n, got)
			}
		}
		if n != 0 {
			if !c.IsWorkingDay(got) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s is not a working day", from, n, got)
			}
			if c.AddWorkingDays(from, c.WorkingDaysBetween(from, got)) != got {
				t.Fatalf("inversion failed at %s -> %s", from, got)
			}
		}
	})
}

func FuzzDue(f *testing.F) {
	f.Add(uint8(0), uint8(3), int16(0), int16(100), uint16(0xffff), uint8(0), uint8(0))
	f.Add(uint8(7), uint8(2), int16(-50), int16(180), uint16(0x0001), uint8(1), uint8(2))
	f.Add(uint8(200), uint8(0), int16(300), int16(-300), uint16(0), uint8(3), uint8(5))
	all := timescale.All()
	pols := timescale.Policies()
	base := timescale.Date{Year: 2026, Month: time.March, Day: 2}
	f.Fuzz(func(t *testing.T, ri, ed uint8, off, eddOff int16, mask uint16, pi, ci uint8) {
		defer fuzzbudget.Start(t, 64)()
		ts := all[int(ri)%len(all)]
		e := guidance.Edition(ed % 5) // includes unset and one unknown edition
		a := timescale.Anchors{}
		for i, ev := range timescale.Events() {
			if mask&(1<<(i%16)) == 0 {
				continue
			}
			a[ev] = base.AddDays(int(off) + i)
		}
		if _, ok := a[timescale.EventExpectedDelivery]; ok {
			a[timescale.EventExpectedDelivery] = base.AddDays(int(eddOff))
		}
		var opts timescale.Options
		if pi%2 == 1 {
			p := pols[int(pi/2)%len(pols)]
			choice := "bogus"
			if int(ci) < len(p.Choices) {
				choice = p.Choices[ci].Name
			}
			opts.Policies = map[string]string{p.ID: choice}
		}
		dl, err := timescale.Due(ts.Rule, e, a, opts)
		due, last, err2 := timescale.DueDate(ts.Rule, e, a, opts)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("%s %s: Due's error %v, DueDate's %v", ts.Rule, e, err, err2)
		}
		if err == nil && (due != dl.Due || last != dl.LastWorkingDay) {
			t.Fatalf("%s %s: DueDate %s %s, Due %s %s", ts.Rule, e, due, last, dl.Due, dl.LastWorkingDay)
		}
		o, err3 := timescale.Owe(ts.Rule, e, a, opts)
		if (err == nil) != (err3 == nil) || (err != nil && err.Error() != err3.Error()) {
			t.Fatalf("%s %s: Due's error %v, Owe's %v", ts.Rule, e, err, err3)
		}
		if err == nil && !reflect.DeepEqual(o.Deadline(), dl) {
			t.Fatalf("%s %s: the deadline owed is not Due's", ts.Rule, e)
		}
		if err != nil {
			if !guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy}, err) &&
				!guidance.Match(&guidance.Error{Kind: guidance.MissingFact}, err) &&
				!guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err) &&
				!guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition}, err) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !dl.Due.Valid() || !dl.LastWorkingDay.Valid() || dl.LastWorkingDay.After(dl.Due) {
			t.Fatalf("%s %s: Due %s LastWorkingDay %s", ts.Rule, e, dl.Due, dl.LastWorkingDay)
		}
		if dl.Explanation() == "" || dl.Governing == "" {
			t.Fatalf("%s %s: empty explanation or governing reading", ts.Rule, e)
		}
	})
}
