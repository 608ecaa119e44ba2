package cpguide

import "github.com/cpguide/cpguide/timescale"

// An UnusedVariation is an approved variation that changed nothing, as a
// Result reports it: the rule and occurrence it names, its new date and
// when it was recorded. The approver's name and the reason, which is free
// text about the family, stay in the case: a Result is printed and shared
// (cpguide check --json), and they are not needed to find the mistake.
type UnusedVariation struct {
	Rule     string `json:"rule"`
	Subject  string `json:"subject,omitempty"`
	NewDate  Date   `json:"new_date"`
	Recorded Date   `json:"recorded"`
}

// unused keeps of each variation what identifies it (see UnusedVariation).
func unused(vs []timescale.Variation) []UnusedVariation {
	var out []UnusedVariation
	for _, v := range vs {
		out = append(out, UnusedVariation{Rule: v.Rule, Subject: v.Subject, NewDate: v.NewDate, Recorded: v.Recorded})
	}
	return out
}
