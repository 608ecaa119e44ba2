package meeting

import (
	"slices"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/run"
	"github.com/cpguide/cpguide/timescale"
)

// Next returns the deadlines that follow from a meeting that has been held,
// earliest first, each explaining itself, for a case system's diary:
//
//   - cppm.reconvene, after an inquorate meeting that did not proceed (and
//     nothing else: its decisions wait for the reconvened meeting);
//   - cppm.record, the record of the meeting (none in the 2021 edition);
//   - reporter.referral, when a referral to the Principal Reporter was
//     decided;
//   - where a Child Protection Plan is required: plan.record, the record of
//     the plan; coregroup.first, the first Core Group; and the next review:
//     cppm.review-pre-birth after a pre-birth CPPM, cppm.review-subsequent
//     after a review, cppm.review after an initial or transfer CPPM.
//
// Options are as for [Check]; Today, Variations and Previous are not used.
// A meeting with no date held is an error of kind MissingFact.
func Next(m Meeting, opts Options) ([]timescale.Deadline, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return next(nil, m, opts, nil)
}

// next is Next for a meeting already validated, appending the deadlines to
// dst. With a run (cpguide.Check) they come from r.Due, which has usually
// computed them already for Check's findings.
func next(r *run.Run, m Meeting, opts Options, dst []timescale.Deadline) ([]timescale.Deadline, error) {
	if m.Held.IsZero() {
		return nil, &guidance.Error{Kind: guidance.MissingFact, Field: "held", Hint: "deadlines follow from the date the meeting was held: give held"}
	}
	e, err := opts.edition(m)
	if err != nil {
		return nil, err
	}
	if err := timescale.CheckLocal(opts.Local, e); err != nil {
		return nil, err
	}
	tso := timescale.Options{Calendar: opts.Calendar, Policies: opts.Policies, Local: opts.Local}
	type step struct {
		id string
		ev timescale.Event
		d  Date
	}
	var buf [5]step // at most: record, referral, plan record, first Core Group, review
	steps := buf[:0]
	if m.Quorum.inquorateHalted() {
		// Nothing else: the decisions wait for the reconvened meeting.
		steps = append(steps, step{"cppm.reconvene", timescale.EventInquorateCPPM, m.Held})
	} else {
		steps = append(steps, step{"cppm.record", timescale.EventCPPM, m.Held})
		if ref := m.Decisions.Referral; ref.Outcome == Refer {
			from := ref.Decided
			if from.IsZero() {
				from = m.Held
			}
			steps = append(steps, step{"reporter.referral", timescale.EventReporterDecision, from})
		}
		if p := m.Decisions.PlanRequired; p != nil && *p {
			review, ev := "cppm.review", timescale.EventRegisteringCPPM
			switch m.Kind {
			case PreBirth:
				review, ev = "cppm.review-pre-birth", timescale.EventPreBirthCPPM
			case Review:
				review, ev = "cppm.review-subsequent", timescale.EventReviewCPPM
			}
			steps = append(steps,
				step{"plan.record", timescale.EventCPPM, m.Held},
				step{"coregroup.first", timescale.EventCPPM, m.Held},
				step{review, ev, m.Held})
		}
	}
	from := len(dst)
	out := slices.Grow(dst, len(steps))
	for _, s := range steps {
		var dl timescale.Deadline
		var err error
		if r != nil {
			dl, err = r.Due(s.id, e, timescale.Anchors{s.ev: s.d})
		} else {
			dl, err = due(s.id, e, timescale.Anchors{s.ev: s.d}, tso)
		}
		if err != nil && guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err) {
			continue // the edition sets no timescale for this step
		}
		if err != nil {
			return nil, err
		}
		out = append(out, dl)
	}
	if len(out) == 0 {
		return dst, nil // for Next, nil as it always was: no slice for no deadlines
	}
	slices.SortStableFunc(out[from:], func(a, b timescale.Deadline) int { return a.Due.Compare(b.Due) })
	return out, nil
}
