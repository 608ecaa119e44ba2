package plan_test

import (
	"fmt"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/plan"
)

func ExampleCheck() {
	p, err := plan.Decode([]byte(`{
		"cppm": "2026-03-02",
		"risks": [{"id": "r1", "description": "neglect at home", "horizon": "immediate"}],
		"actions": [{"description": "home visits", "responsible": {"name": "A. Worker", "agency": "social work"},
			"risk": "r1", "outcome": "care seen to be met", "by": "2026-06-30"}],
		"outcomes": [{"term": "short", "description": "safe care"}, {"term": "medium", "description": "health"},
			{"term": "long", "description": "stable home"}],
		"lead_professional": {"name": "A. Worker", "agency": "social work", "qualified_social_worker": true},
		"core_group": [{"name": "A. Worker", "agency": "social work"}],
		"child": {"views": "wants to stay at home"},
		"family": {"how": "parents agreed the actions at the CPPM"},
		"record_sent": "2026-03-10"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := plan.Check(p, plan.Options{Options: engine.Options{Today: guidance.Date{Year: 2026, Month: 4, Day: 1}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Breaches() {
		fmt.Println(f.Rule, f.Status)
	}
	// Output:
	// plan.contingencies missing
	// plan.objectives-smarter missing
}

func ExampleDecode_error() {
	_, err := plan.Decode([]byte(`{"actions": [{"responsible": {"name": "A. Worker", "agency": 3}}]}`))
	fmt.Println(err)
	fmt.Println(guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "actions[0].responsible.agency"}, err))
	// Output:
	// invalid value: actions[0].responsible.agency: expected text (a JSON string), got a number
	// true
}

func ExampleCheckInterim() {
	isp, err := plan.DecodeInterim([]byte(`{"ird": "2026-02-10", "child_seen_heard": "daily at school"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := plan.CheckInterim(isp, plan.Options{})
	fmt.Println(r.Findings()[0].Status, r.Findings()[0].Rule)
	// Output:
	// missing isp.contents
}

func ExampleReflect() {
	r := plan.Reflect([]plan.Answer{
		{Prompt: "prompt.01", Answer: "yes: needs, strengths and risks are central"},
		{Prompt: "prompt.15", Answer: "contingencies agreed with the family"},
	})
	fmt.Println(len(r.Answered), "answered;", len(r.Unanswered), "unanswered; first unanswered:", r.Unanswered[0].ID)
	// Output:
	// 2 answered; 15 unanswered; first unanswered: prompt.02
}

func ExamplePrompts() {
	for _, p := range plan.Prompts()[:2] {
		fmt.Println(p.ID, p.Text)
	}
	// Output:
	// prompt.01 Are the child's needs, strengths and risks central to the assessment?
	// prompt.02 Have the child's feelings, thoughts and experience been taken into account, as far as their age and stage allow?
}

func ExampleDeadlines() {
	p := &plan.Plan{CPPM: guidance.Date{Year: 2026, Month: 3, Day: 2}, PreBirth: true,
		Discharge: guidance.Date{Year: 2026, Month: 3, Day: 25}}
	dls, err := plan.Deadlines(p, plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, dl := range dls {
		fmt.Println(dl.Rule, "due", dl.Due)
	}
	// Output:
	// birth.pre-discharge due 2026-03-25
}

func ExamplePlan_Revise() {
	p := &plan.Plan{CPPM: guidance.Date{Year: 2026, Month: 3, Day: 2}, Provisional: true,
		Versions: []plan.Version{{Date: guidance.Date{Year: 2026, Month: 3, Day: 2}, Reason: "agreed at the CPPM", Provisional: true}}}
	err := p.Revise(plan.Version{Date: guidance.Date{Year: 2026, Month: 3, Day: 13}, Reason: "full plan formulated with the family at the first Core Group"})
	fmt.Println(err, len(p.Versions), p.Provisional)
	// Output:
	// <nil> 2 false
}
