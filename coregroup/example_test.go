package coregroup_test

import (
	"fmt"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
)

func ExampleCheck() {
	g, err := coregroup.Decode([]byte(`{
		"cppm": "2026-03-02",
		"coordinator": "sw1",
		"members": [{"id": "sw1", "name": "A. Worker", "agency": "social work", "role": "social worker", "lead_professional": true}],
		"partners": [{"id": "c1", "name": "C", "relationship": "child"}, {"id": "p1", "name": "P", "relationship": "parent"}],
		"meetings": [{"date": "2026-03-18", "in_person": true, "attendance": ["sw1", "p1"], "progress_made": true, "full_plan_formulated": true}],
		"change_referrals": [{"identified": "2026-03-20", "referred": "2026-03-25", "to": "cppm-chair"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := coregroup.Check(g, coregroup.Options{Options: engine.Options{Today: guidance.Date{Year: 2026, Month: 4, Day: 1}}, MaxMeetingGap: 42})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Breaches() {
		fmt.Println(f)
	}
	// Output:
	// late [should] coregroup.refer-change change_referrals[0] (due 2026-03-23): done on 2026-03-25, 2 day(s) after the due date 2026-03-23; record the reasons
}

func ExampleDeadlines() {
	g := &coregroup.CoreGroup{
		CPPM:            guidance.Date{Year: 2026, Month: 3, Day: 2},
		ChangeReferrals: []coregroup.ChangeReferral{{Identified: guidance.Date{Year: 2026, Month: 3, Day: 5}}},
	}
	dls, err := coregroup.Deadlines(g, coregroup.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, dl := range dls {
		fmt.Println(dl.Rule, "due", dl.Due, "last working day", dl.LastWorkingDay)
	}
	// Output:
	// coregroup.refer-change due 2026-03-08 last working day 2026-03-06
}

func ExampleDecode_error() {
	_, err := coregroup.Decode([]byte(`{"members": [{"id": "sw1"}], "meetings": [{"date": "2026-03-18", "attendance": ["sw2"]}]}`))
	fmt.Println(err)
	// Output:
	// invalid value: meetings[0].attendance[0]: give the ID of a member or partner
}
