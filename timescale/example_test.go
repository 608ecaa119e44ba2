package timescale_test

import (
	"fmt"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

func ExampleScotland() {
	for _, h := range timescale.Scotland().Holidays(2026) {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name)
	}
	// Output:
	// 2026-01-01 Thursday New Year's Day
	// 2026-01-02 Friday 2nd January
	// 2026-04-03 Friday Good Friday
	// 2026-05-04 Monday Early May bank holiday
	// 2026-05-25 Monday Spring bank holiday
	// 2026-06-15 Monday Bank holiday for Scotland at the men's FIFA World Cup
	// 2026-08-03 Monday Summer bank holiday
	// 2026-11-30 Monday St Andrew's Day
	// 2026-12-25 Friday Christmas Day
	// 2026-12-28 Monday Boxing Day (substitute day)
}

func ExampleCalendar_AddWorkingDays() {
	c := timescale.Scotland()
	d := timescale.Date{Year: 2026, Month: time.December, Day: 24}
	fmt.Println(c.AddWorkingDays(d, 1))
	fmt.Println(c.AddWorkingDays(d, 5))
	fmt.Println(c.AddWorkingDays(d, -1))
	// Output:
	// 2026-12-29
	// 2027-01-06
	// 2026-12-23
}

func ExampleCalendar_WorkingDaysBetween() {
	c := timescale.Scotland()
	from := timescale.Date{Year: 2026, Month: time.December, Day: 18}
	to := timescale.Date{Year: 2027, Month: time.January, Day: 14}
	fmt.Println(c.WorkingDaysBetween(from, to))
	fmt.Println(c.WorkingDaysBetween(to, from))
	// Output:
	// 15
	// -15
}

func ExampleDue() {
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023,
		timescale.Anchors{timescale.EventCPPM: {Year: 2026, Month: time.December, Day: 18}}, timescale.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("due:", dl.Due, dl.Due.Weekday())
	fmt.Println("last working day:", dl.LastWorkingDay, dl.LastWorkingDay.Weekday())
	fmt.Println("governing reading:", dl.Governing)
	// Output:
	// due: 2027-01-14 Thursday
	// last working day: 2027-01-14 Thursday
	// governing reading: default
}

func ExampleOwe() {
	o, err := timescale.Owe("cppm.record", guidance.Edition2023,
		timescale.Anchors{timescale.EventCPPM: {Year: 2026, Month: time.December, Day: 18}}, timescale.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.Action, "by", o.Due, o.Due.Weekday())
	// The whole deadline, built when read.
	dl := o.Deadline()
	for _, s := range dl.Readings[0].Skipped {
		fmt.Println("skipped", s.Date, s.Why)
	}
	// Output:
	// send participants the record of the CPPM by 2027-01-07 Thursday
	// skipped 2026-12-19 Saturday
	// skipped 2026-12-20 Sunday
	// skipped 2026-12-25 Christmas Day (Banking and Financial Dealings Act 1971, Schedule 1 (Scotland))
	// skipped 2026-12-26 Saturday
	// skipped 2026-12-27 Sunday
	// skipped 2026-12-28 Boxing Day (substitute day) (royal proclamation under the Banking and Financial Dealings Act 1971, s.1(3))
	// skipped 2027-01-01 New Year's Day (Banking and Financial Dealings Act 1971, Schedule 1 (Scotland))
	// skipped 2027-01-02 Saturday
	// skipped 2027-01-03 Sunday
	// skipped 2027-01-04 2nd January (substitute day) (Banking and Financial Dealings Act 1971, Schedule 1 (Scotland))
}

func ExampleCalendar_With() {
	em := timescale.Date{Year: 2026, Month: time.April, Day: 6}
	glasgow, err := timescale.Scotland().With("Glasgow local holidays",
		timescale.NonWorkingDay{Date: em, Name: "Easter Monday", Source: "Glasgow City Council"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(glasgow.Name())
	fmt.Println(glasgow.IsWorkingDay(em), timescale.Scotland().IsWorkingDay(em))
	fmt.Println(glasgow.Why(em))
	// Output:
	// Scotland + Glasgow local holidays
	// false true
	// Easter Monday (Glasgow City Council)
}
