package ird_test

import (
	"fmt"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
)

// An IRD without the police, and no decision on a CPPM: the findings say
// what to put right, citing the paragraphs.
func ExampleCheck() {
	r, err := ird.Decode([]byte(`{
		"held": "2026-03-03",
		"reason": "concern reported by the school",
		"agencies": ["social-work", "health"],
		"information_shared": true,
		"lawful_basis": "public task",
		"decisions": {"no_investigation_reason": "checks found no harm"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	facts := ird.Facts{Concern: guidance.Date{Year: 2026, Month: 3, Day: 2}, IRD: r}
	rep, err := ird.Check(facts, ird.Options{Options: engine.Options{Today: guidance.Date{Year: 2026, Month: 3, Day: 20}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Breaches() {
		fmt.Println(f.Rule, f.Status, f.Citations[0])
	}
	// Output:
	// ird.core-agencies missing G21 3.23 (2021 edition): carried into the 2023 update
	// ird.cppm-decision missing AD23 Appendix D (2023 edition): a CPPM within 28 calendar days unless an IRD decision that it is not required
	// ird.record missing G21 3.19 (2021 edition): carried into the 2023 update
}
