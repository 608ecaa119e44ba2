package timescale

import (
	"slices"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// A Policy is a named decision the library takes where the guidance is
// silent or contradicts itself. Every explanation that depends on a policy
// names it, the choice applied and whether that was the default. Callers
// change a choice through [Options].Policies.
//
// The default for a contradiction or a missing unit is the stricter reading:
// the one that asks more of the agencies (the earlier deadline, the longer
// notice).
type Policy struct {
	ID       string   `json:"id"`
	Question string   `json:"question"` // what the guidance leaves open
	Default  string   `json:"default"`
	Choices  []Choice `json:"choices"`
}

// A Choice is one answer a policy offers.
type Choice struct {
	Name string `json:"name"`
	Doc  string `json:"doc"`
}

// Stricter is the choice, offered by every policy that weighs readings, that
// takes the earliest date any reading gives: the earlier deadline, or for a
// notice period the longer notice.
const Stricter = "stricter"

var policies = []Policy{
	{
		ID:       "coregroup.first.reading",
		Question: "When must the first Core Group meet? 2023: the national Appendix D (AD23) says within 15 working days; Highland's 2024 procedures (S0, local) say within 14 calendar days; the national 2023 Part 3 paragraph has not been read. 2021: \"within 15 days\" (G21 3.137), no unit.",
		Default:  Stricter,
		Choices: []Choice{
			{Stricter, "the earlier of the readings (14 calendar days in 2023; 15 calendar days in 2021)"},
			{"calendar", "count calendar days (2023: 14, S0; 2021: 15)"},
			{"working", "count working days (2023: 15, AD23; 2021: 15)"},
		},
	},
	{
		ID:       "cppm.notice.unit",
		Question: "2021 asks for \"five days'\" notice of a CPPM (G21 3.131) without a unit.",
		Default:  Stricter,
		Choices: []Choice{
			{Stricter, "the longer notice: 5 working days"},
			{"calendar", "5 calendar days, as the 2014 and 2023 editions say"},
			{"working", "5 working days"},
		},
	},
	{
		ID:       "cppm.initial.anchor",
		Question: "The initial CPPM follows within 28 calendar days once an investigation is progressed (AD23; G21 3.38), but the guidance does not say from which event the 28 days count.",
		Default:  Stricter,
		Choices: []Choice{
			{Stricter, "count from the earliest of the events the case records (concern, IRD, decision to investigate)"},
			{"concern", "count from the date the concern was raised (as the 2014 edition and the pre-birth rule do)"},
			{"ird", "count from the IRD"},
			{"investigation", "count from the decision to progress a child protection investigation"},
		},
	},
	{
		ID:       "reporter.referral.when",
		Question: "A decision to refer to the Principal Reporter is actioned \"straight away\" (S0); the guidance sets no number of days.",
		Default:  Stricter,
		Choices: []Choice{
			{Stricter, "the same day as the decision"},
			{"same-day", "the same day as the decision"},
			{"next-working-day", "by the next working day after the decision"},
		},
	},
	{
		ID:       "cppm.pre-birth.late",
		Question: "2014: the pre-birth CPCC is held by 28 weeks of pregnancy or, after a late notification, within 21 calendar days of it (G14). The guidance does not define a late notification.",
		Default:  "passed",
		Choices: []Choice{
			{"passed", "late means the 28-week point had already been reached when the concern was raised (stricter: any earlier concern keeps the 28-week deadline)"},
			{"under-21-days", "late means fewer than 21 days remained before the 28-week point: the deadline is then 21 days after the concern"},
		},
	},
}

// Policies lists every named policy, sorted by ID.
func Policies() []Policy {
	out := slices.Clone(policies)
	slices.SortFunc(out, func(a, b Policy) int { return strings.Compare(a.ID, b.ID) })
	for i := range out {
		out[i].Choices = slices.Clone(out[i].Choices)
	}
	return out
}

// LookupPolicy returns the policy with the given ID; an unknown ID is a
// *guidance.Error of kind UnknownPolicy.
func LookupPolicy(id string) (Policy, error) {
	for _, p := range policies {
		if p.ID == id {
			p.Choices = slices.Clone(p.Choices)
			return p, nil
		}
	}
	ids := make([]string, len(policies))
	for i, p := range policies {
		ids[i] = p.ID
	}
	slices.Sort(ids)
	return Policy{}, &guidance.Error{Kind: guidance.UnknownPolicy, Field: "policy", Value: id,
		Hint: "known policies: " + strings.Join(ids, ", ")}
}

// findPolicy returns the policy with the given ID, shared: callers must not
// modify it. It is LookupPolicy without the copy, for computing deadlines.
func findPolicy(id string) *Policy {
	for i := range policies {
		if policies[i].ID == id {
			return &policies[i]
		}
	}
	return nil
}

func (p Policy) choice(name string) (Choice, bool) {
	for _, c := range p.Choices {
		if c.Name == name {
			return c, true
		}
	}
	return Choice{}, false
}

func (p Policy) choiceNames() string {
	names := make([]string, len(p.Choices))
	for i, c := range p.Choices {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}
