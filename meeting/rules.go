package meeting

import (
	"slices"
	"sync"

	"github.com/cpguide/cpguide/timescale"

	"github.com/cpguide/cpguide/guidance"
)

// RuleIDs lists the rules Check reports on: the meeting timescales of the
// catalogue (RULES.md section 1), then every rule of area meeting (section
// 3). A report from Check holds exactly one finding for each, in Check's own
// order (call Report.Sort to order by urgency).
func RuleIDs() []string {
	return []string{
		"cppm.notice", "cppm.initial", "cppm.pre-birth", "cppm.transfer",
		"cppm.review", "cppm.review-pre-birth", "cppm.review-subsequent", "cppm.reconvene",
		"cppm.record", "plan.record", "reporter.referral",
		"cppm.core-agencies", "cppm.child-family-participation", "cppm.parent-exclusion", "cppm.older-child-non-attendance",
		"cppm.decision-risk", "cppm.decision-plan-registration", "cppm.reporter-considered", "cppm.emergency-measures",
		"cppm.interim-safety-plan-reviewed", "cppm.pre-birth-birth-notifier", "reporter.referral-contents",
		"cppm.quorum-recorded", "cppm.inquorate-interim-plan", "cppm.inquorate-proceeded", "cppm.inquorate-not-twice",
		"cppm.inquorate-cannot-end-plan", "cppm.transfer-cannot-end-plan",
		"cppm.reporter-observer", "cppm.note-taker-not-chair", "cppm.record-contents", "cppm.reports-shared",
	}
}

type key struct {
	id string
	e  guidance.Edition
}

// editionsOf maps each rule Check uses to the editions that state it,
// computed once from the catalogue.
var editionsOf = sync.OnceValue(func() map[key]bool {
	out := map[key]bool{}
	for _, id := range RuleIDs() {
		r, err := guidance.Lookup(id)
		if err != nil {
			panic("meeting: rule " + id + " is not in the catalogue")
		}
		for _, e := range r.Editions() {
			out[key{id, e}] = true
		}
	}
	return out
})

func inEdition(id string, e guidance.Edition) bool { return editionsOf()[key{id, e}] }

// templates holds, for each rule Check uses and each edition that states
// it, the finding guidance.NewFinding builds (title, strength, citations from
// the catalogue), so Check does not look the catalogue up for every finding.
// The citation slices are shared and clipped: appending copies them.
var templates = sync.OnceValue(func() map[key]guidance.Finding {
	out := map[key]guidance.Finding{}
	for k := range editionsOf() {
		f := guidance.NewFinding(k.id, k.e, guidance.Unknown, "")
		f.Citations = slices.Clip(f.Citations)
		out[k] = f
	}
	return out
})

// timescales holds each timescale Check and Next compute, by rule and
// edition; a rule the edition gives no timescale is absent.
var timescales = sync.OnceValue(func() map[key]timescale.Timescale {
	out := map[key]timescale.Timescale{}
	for _, t := range timescale.All() {
		out[key{t.Rule, t.Edition}] = t
	}
	return out
})

// due computes a deadline from the cached timescale; a rule the edition
// gives no timescale is an error of kind NotInEdition, as from timescale.Due.
func due(id string, e guidance.Edition, a timescale.Anchors, o timescale.Options) (timescale.Deadline, error) {
	t, ok := timescales()[key{id, e}]
	if !ok {
		return timescale.Due(id, e, a, o)
	}
	return t.Due(a, o)
}
