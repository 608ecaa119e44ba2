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

// usedIn reports whether v changes a finding of rep (Variation.UsedBy),
// reading the findings without their text.
func usedIn(v timescale.Variation, rep *guidance.Report, today Date) bool {
	for i := range rep.Len() {
		if v.UsedBy(rep.Brief(i), today) {
			return true
		}
	}
	return false
}

// unused keeps of each variation that changed nothing what identifies it
// (see UnusedVariation).
func unused(c Case, rep *guidance.Report, today Date) []UnusedVariation {
	var out []UnusedVariation
	var known map[string]bool
	for i, v := range c.Variations {
		if usedIn(v, rep, today) {
			continue
		}
		if known == nil {
			known = make(map[string]bool, rep.Len()+len(c.Meetings))
			for i := range rep.Len() {
				known[rep.Brief(i).Subject] = true
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
