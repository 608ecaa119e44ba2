package cpguide

import (
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// An UnusedVariation is an approved variation that changed nothing, as a
// Result reports it: its place in the case's variations, the rule and
// occurrence it names, its new date and when it was recorded. The
// approver's name and the reason, which is free text about the family, stay
// in the case: a Result is printed and shared (cpguide check --json), and
// they are not needed to find the mistake.
//
// Subject is the variation's subject only when it is text the library
// itself wrote: the subject of a finding of the case, or the reference of
// one of its meetings. Any other subject is free text that may name the
// child or a relative, and is left out: Index finds the variation.
type UnusedVariation struct {
	Index    int    `json:"index"` // the variation is variations[Index] of the case
	Rule     string `json:"rule"`
	Subject  string `json:"subject,omitempty"`
	NewDate  Date   `json:"new_date"`
	Recorded Date   `json:"recorded"`
}

// unused keeps of each variation that changed nothing what identifies it
// (see UnusedVariation).
func unused(c Case, rep *guidance.Report, today Date) []UnusedVariation {
	if len(c.Variations) == 0 {
		return nil
	}
	fs := rep.Findings()
	var out []UnusedVariation
	var known map[string]bool
	for i, v := range c.Variations {
		if len(timescale.UnusedVariations(c.Variations[i:i+1], fs, today)) == 0 {
			continue
		}
		if known == nil {
			known = make(map[string]bool, len(fs)+len(c.Meetings))
			for _, f := range fs {
				known[f.Subject] = true
			}
			for _, m := range c.Meetings {
				known[m.Ref] = true
			}
		}
		u := UnusedVariation{Index: i, Rule: v.Rule, NewDate: v.NewDate, Recorded: v.Recorded}
		if known[v.Subject] {
			u.Subject = v.Subject
		}
		out = append(out, u)
	}
	return out
}
