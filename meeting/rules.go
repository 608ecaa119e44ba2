package meeting

import (
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/templates"
	"github.com/cpguide/cpguide/timescale"
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

// templateSet holds, for each rule Check uses and each edition that states
// it, the finding guidance.NewFinding builds (title, strength, citations from
// the catalogue), so Check does not look the catalogue up for every finding.
// The citation slices are shared and clipped: appending copies them.
var templateSet = sync.OnceValue(func() templates.Set { return templates.New(RuleIDs()...) })

func inEdition(id string, e guidance.Edition) bool { return templateSet().Has(id, e) }

// due computes a deadline through timescale.Due; a rule the edition gives no
// timescale is an error of kind NotInEdition.
func due(id string, e guidance.Edition, a timescale.Anchors, o timescale.Options) (timescale.Deadline, error) {
	return timescale.Due(id, e, a, o)
}
