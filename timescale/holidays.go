package timescale

//go:generate go run gen_occurrences.go

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
)

// Where the Scottish bank holidays come from. Dates are checked, year by
// year, against the UK Government's published list for Scotland (see
// testdata/govuk-scotland.tsv).
const (
	srcStatute      = "Banking and Financial Dealings Act 1971, Schedule 1 (Scotland)"
	srcProclamation = "royal proclamation under the Banking and Financial Dealings Act 1971, s.1(3)"
	srcStAndrew     = "St Andrew's Day Bank Holiday (Scotland) Act 2007"
)

// A definition pairs a rickar/cal holiday with where it comes from.
type definition struct {
	h      *cal.Holiday
	source string
}

// In Scotland New Year's Day and 2 January, and Christmas Day and Boxing Day,
// are pairs: a day of a pair that falls at a weekend moves to the next weekday
// not already a holiday. For each day of a pair that is two days later
// whether it falls on Saturday or Sunday:
//
//	1 Jan Sat -> Mon 3 Jan; 1 Jan Sun -> Tue 3 Jan (Mon 2 Jan is itself a holiday)
//	2 Jan Sat -> Mon 4 Jan; 2 Jan Sun -> Tue 4 Jan (Mon 3 Jan is New Year's substitute)
//
// and the same for 25 and 26 December.
var pairAlt = []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 2}}

// A single day at a weekend moves to the following Monday.
var mondayAlt = []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 1}}

func oneOff(name string, y int, m time.Month, d int, source string) definition {
	return definition{&cal.Holiday{
		Name: name, Type: cal.ObservanceBank, Month: m, Day: d,
		StartYear: y, EndYear: y, Func: cal.CalcDayOfMonth,
	}, source}
}

// scotland returns fresh copies of the Scottish bank-holiday definitions, so
// no caller can change the national calendar by mutating them.
func scotland() []definition {
	return []definition{
		{&cal.Holiday{Name: "New Year's Day", Type: cal.ObservanceBank, Month: time.January, Day: 1,
			Observed: pairAlt, Func: cal.CalcDayOfMonth}, srcStatute},
		{&cal.Holiday{Name: "2nd January", Type: cal.ObservanceBank, Month: time.January, Day: 2,
			Observed: pairAlt, Func: cal.CalcDayOfMonth}, srcStatute},
		{gb.GoodFriday.Clone(nil), srcStatute},
		{&cal.Holiday{Name: "Early May bank holiday", Type: cal.ObservanceBank, Month: time.May,
			Weekday: time.Monday, Offset: 1, Func: cal.CalcWeekdayOffset,
			Except: []int{1995, 2020}}, srcStatute},
		{&cal.Holiday{Name: "Spring bank holiday", Type: cal.ObservanceBank, Month: time.May,
			Weekday: time.Monday, Offset: -1, Func: cal.CalcWeekdayOffset,
			Except: []int{2002, 2012, 2022}}, srcProclamation},
		{&cal.Holiday{Name: "Summer bank holiday", Type: cal.ObservanceBank, Month: time.August,
			Weekday: time.Monday, Offset: 1, Func: cal.CalcWeekdayOffset}, srcStatute},
		{&cal.Holiday{Name: "St Andrew's Day", Type: cal.ObservanceBank, Month: time.November, Day: 30,
			StartYear: 2007, Observed: mondayAlt, Func: cal.CalcDayOfMonth}, srcStAndrew},
		{&cal.Holiday{Name: "Christmas Day", Type: cal.ObservanceBank, Month: time.December, Day: 25,
			Observed: pairAlt, Func: cal.CalcDayOfMonth}, srcStatute},
		{&cal.Holiday{Name: "Boxing Day", Type: cal.ObservanceBank, Month: time.December, Day: 26,
			Observed: pairAlt, Func: cal.CalcDayOfMonth}, srcProclamation},

		// Days moved or added by proclamation.
		oneOff("Early May bank holiday (VE Day 50th anniversary)", 1995, time.May, 8, srcProclamation),
		oneOff("Millennium bank holiday", 1999, time.December, 31, srcProclamation),
		oneOff("Spring bank holiday (moved for the Golden Jubilee)", 2002, time.June, 4, srcProclamation),
		oneOff("Queen's Golden Jubilee", 2002, time.June, 3, srcProclamation),
		oneOff("Royal wedding", 2011, time.April, 29, srcProclamation),
		oneOff("Spring bank holiday (moved for the Diamond Jubilee)", 2012, time.June, 4, srcProclamation),
		oneOff("Queen's Diamond Jubilee", 2012, time.June, 5, srcProclamation),
		oneOff("Early May bank holiday (VE Day 75th anniversary)", 2020, time.May, 8, srcProclamation),
		oneOff("Spring bank holiday (moved for the Platinum Jubilee)", 2022, time.June, 2, srcProclamation),
		oneOff("Platinum Jubilee bank holiday", 2022, time.June, 3, srcProclamation),
		oneOff("Bank holiday for the State Funeral of Queen Elizabeth II", 2022, time.September, 19, srcProclamation),
		oneOff("Bank holiday for the Coronation of King Charles III", 2023, time.May, 8, srcProclamation),
		oneOff("Bank holiday for Scotland at the men's FIFA World Cup", 2026, time.June, 15, srcProclamation),
	}
}

// ScottishHolidays returns the rickar/cal definitions of Scotland's bank
// holidays, as fresh copies the caller may change or add to a
// cal.BusinessCalendar. [Scotland] is built from exactly these.
func ScottishHolidays() []*cal.Holiday {
	defs := scotland()
	hs := make([]*cal.Holiday, len(defs))
	for i, d := range defs {
		hs[i] = d.h
	}
	return hs
}
