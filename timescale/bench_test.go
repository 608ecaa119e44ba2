package timescale_test

import (
	"testing"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
	"github.com/rickar/cal/v2"
)

var (
	sinkDate, sinkDate2 timescale.Date
	sinkInt             int
	sinkString          string
)

// benchDates are the days of 2020 to 2029, so each iteration starts elsewhere.
var benchDates = func() []timescale.Date {
	var ds []timescale.Date
	for d := day(2020, 1, 1); d.Year < 2030; d = d.AddDays(1) {
		ds = append(ds, d)
	}
	return ds
}()

func benchAdd(b *testing.B, n int) {
	c := timescale.Scotland()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate = c.AddWorkingDays(benchDates[i%len(benchDates)], n)
		i++
	}
}

func BenchmarkAddWorkingDays10(b *testing.B)   { benchAdd(b, 10) }
func BenchmarkAddWorkingDays1000(b *testing.B) { benchAdd(b, 1000) }

func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := timescale.Scotland()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := benchDates[i%len(benchDates)]
		sinkInt = c.WorkingDaysBetween(d, d.AddDays(200))
		i++
	}
}

func benchRickar(b *testing.B, cached bool) {
	bc := cal.NewBusinessCalendar()
	bc.AddHoliday(timescale.ScottishHolidays()...)
	bc.Cacheable = cached
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate = fromTime(bc.WorkdaysFrom(noon(benchDates[i%len(benchDates)]), 10))
		i++
	}
}

func BenchmarkRickarWorkdaysFrom10(b *testing.B)       { benchRickar(b, false) }
func BenchmarkRickarWorkdaysFrom10Cached(b *testing.B) { benchRickar(b, true) }

func BenchmarkDueCoreGroupFirst(b *testing.B) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	b.ReportAllocs()
	for b.Loop() {
		dl, err := timescale.Due("coregroup.first", guidance.Edition2023, a, timescale.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = dl.Due
	}
}

// BenchmarkDueDateOnly is the date alone (DueDate) for the same deadline as
// BenchmarkDueCoreGroupFirst builds with its explanation; compare both with
// BenchmarkRickarWorkdaysFrom10, in the same run.
func BenchmarkDueDateOnly(b *testing.B) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	b.ReportAllocs()
	for b.Loop() {
		due, last, err := timescale.DueDate("coregroup.first", guidance.Edition2023, a, timescale.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sinkDate, sinkDate2 = due, last
	}
}

// BenchmarkDueExplanation is the explanation of that deadline, built on
// demand from the deadline Due returns.
func BenchmarkDueExplanation(b *testing.B) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023, a, timescale.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkString = dl.Explanation()
	}
}
