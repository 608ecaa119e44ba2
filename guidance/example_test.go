package guidance_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/cpguide/cpguide/guidance"
)

func ExampleInForce() {
	for _, s := range []string{"2023-08-31", "2023-08-30", "2014-05-26"} {
		d, _ := guidance.ParseDate(s)
		e, err := guidance.InForce(d)
		if err != nil {
			fmt.Println(s, "error:", guidance.Match(&guidance.Error{Kind: guidance.NotInForce}, err))
			continue
		}
		fmt.Println(s, e)
	}
	// Output:
	// 2023-08-31 2023
	// 2023-08-30 2021
	// 2014-05-26 error: true
}

func ExampleParseDate() {
	d, err := guidance.ParseDate("2024-02-29")
	fmt.Println(d, err, d.Weekday())
	_, err = guidance.ParseDate("2025-02-29")
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil> Thursday
	// invalid value: date: that day does not exist in that month
}

func ExampleDate_AddMonths() {
	d := guidance.Date{Year: 2026, Month: time.August, Day: 31}
	fmt.Println(d.AddMonths(6))
	fmt.Println(d.AddMonths(18))
	fmt.Println(d.AddMonths(-1))
	// Output:
	// 2027-02-28
	// 2028-02-29
	// 2026-07-31
}

func ExampleLookup() {
	r, _ := guidance.Lookup("coregroup.first")
	fmt.Println(r.Title, r.Editions())
	_, err := guidance.Lookup("coregroup.frist")
	fmt.Println(guidance.Match(&guidance.Error{Kind: guidance.UnknownRule, Value: "coregroup.frist"}, err))
	// Output:
	// First Core Group meeting [2014 2021 2023]
	// true
}

func ExampleReport_Err() {
	r := guidance.Report{Edition: guidance.Edition2023}
	r.Add(guidance.NewFinding("cppm.notice", guidance.Edition2023, guidance.Late, "notice was short"))
	fmt.Println(r.Err())

	f := guidance.NewFinding("coregroup.first", guidance.Edition2023, guidance.Overdue, "hold the first core group")
	f.Due = guidance.Date{Year: 2027, Month: time.January, Day: 1}
	r.Add(f)
	err := r.Err()
	var be *guidance.BreachError
	fmt.Println(errors.As(err, &be), len(be.Breaches))
	fmt.Println(err)
	// Output:
	// <nil>
	// true 1
	// 1 breach(es) of the 2023 guidance
	//   overdue [should] coregroup.first (due 2027-01-01): hold the first core group
}
