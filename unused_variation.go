package cpguide

import (
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
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
// reading only the findings of its rule, without their text.
func usedIn(v timescale.Variation, rep *guidance.Report, today Date) bool {
	for i := range rep.Len() {
		if rep.RuleAt(i) == v.Rule && v.UsedBy(rep.Brief(i), today) {
			return true
		}
	}
	return false
}

// unused keeps of each variation that changed nothing what identifies it
// (see UnusedVariation).
func unused(c *Case, rep *guidance.Report, today Date) []UnusedVariation {
	var out []UnusedVariation
	var known map[string]bool // the subjects, once more than a few variations are unused
	for i, v := range c.Variations {
		if usedIn(v, rep, today) {
			continue
		}
		u := UnusedVariation{Index: i, Rule: v.Rule, NewDate: v.NewDate, Recorded: v.Recorded}
		if len(out) == scanned && known == nil {
			known = make(map[string]bool, rep.Len()+len(c.Meetings))
			for j := range rep.Len() {
				known[rep.SubjectAt(j)] = true
			}
			for i := range c.Meetings { // by index: a Meeting is 824 bytes
				known[c.Meetings[i].Ref] = true
			}
		}
		if known != nil && known[v.Subject] || known == nil && subjectIn(v.Subject, rep, c.Meetings) {
			u.Subject = v.Subject
		}
		out = append(out, u)
	}
	return out
}

// scanned is how many unused variations unused looks up by scanning the
// findings before it makes a set of their subjects: a few scans cost less
// than the set, many would cost the square.
const scanned = 8

// subjectIn reports whether s is the subject of a finding of rep or the
// reference of one of the meetings.
func subjectIn(s string, rep *guidance.Report, ms []meeting.Meeting) bool {
	for j := range rep.Len() {
		if rep.SubjectAt(j) == s {
			return true
		}
	}
	for i := range ms {
		if ms[i].Ref == s {
			return true
		}
	}
	return false
}
