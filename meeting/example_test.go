package meeting_test

import (
	"fmt"
	"strings"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
)

// A case system decodes the meeting it recorded, checks it on the day, and
// shows what must be put right.
func ExampleCheck() {
	const record = `{
	  "ref": "M-42", "kind": "initial", "convened": "2026-03-10", "held": "2026-03-24",
	  "chair": {"name": "A. Chair"}, "note_taker": {"name": "A. Chair"},
	  "attendance": [{"agency": "social-work"}, {"agency": "health"}],
	  "child": {"mode": "views-represented", "views_sought": true, "views_represented": true, "older": false},
	  "family": [{"name": "P. Parent", "relationship": "mother", "mode": "attended"}],
	  "quorum": {"decision": "quorate", "reasons": "core agencies present"},
	  "decisions": {"risk_of_significant_harm": true, "plan_required": true, "register": true,
	                "immediate_risk": false, "interim_safety_plan_reviewed": true,
	                "referral": {"outcome": "not-required"}},
	  "record": {"circulated": "2026-04-02"},
	  "case": {"concern": "2026-03-02"}
	}`
	m, err := meeting.Decode(strings.NewReader(record))
	if err != nil {
		fmt.Println(err)
		return
	}
	today, _ := guidance.ParseDate("2026-04-10")
	rep, err := meeting.Check(m, meeting.Options{Options: engine.Options{Today: today}})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.Sort()
	for _, f := range rep.Findings() {
		if f.Status.Failed() {
			fmt.Println(f)
		}
	}
	// Output:
	// missing [must] cppm.core-agencies initial CPPM M-42: no attendance recorded from police: the core agencies and every agency working with the child and family must be represented; record who attended or why not
	// missing [should] cppm.note-taker-not-chair initial CPPM M-42: the Chair is recorded as the note-taker: someone else should take the record
}

// After the meeting, the case system puts what follows on its diary.
func ExampleNext() {
	held, _ := guidance.ParseDate("2026-03-24")
	yes := true
	m := meeting.Meeting{Kind: meeting.Initial, Held: held,
		Decisions: meeting.Decisions{PlanRequired: &yes, Register: &yes}}
	dls, err := meeting.Next(m, meeting.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, dl := range dls {
		fmt.Printf("%s %s: %s\n", dl.Due, dl.Rule, dl.Action)
	}
	fmt.Println()
	fmt.Print(strings.SplitAfter(dls[0].Explanation(), "\n")[1])
	// Output:
	// 2026-04-08 cppm.record: send participants the record of the CPPM
	// 2026-04-15 coregroup.first: hold the first Core Group meeting
	// 2026-09-24 cppm.review: hold the first review CPPM
	//
	// Send participants the record of the CPPM by Wednesday 2026-04-08.
}

// Bad input is a typed error naming the field.
func ExampleDecode_error() {
	_, err := meeting.Decode(strings.NewReader(`{"kind": "initial", "convened": "2026-03-10", "held": "2026-03-24",
	  "attendance": [{"agency": "social-work"}, {"agency": "reporter"}]}`))
	fmt.Println(guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "attendance[1].agency"}, err))
	fmt.Println(err)
	// Output:
	// true
	// invalid value: attendance[1].agency: the Children's Reporter is not an agency of the meeting: record the Reporter under reporter, as an observer
}
