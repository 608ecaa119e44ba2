package meeting

import (
	"slices"

	"github.com/cpguide/cpguide/guidance"
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
	var out []timescale.Deadline
	add := func(id string, ev timescale.Event, d Date) error {
		dl, err := due(id, e, timescale.Anchors{ev: d}, tso)
		if err != nil && guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err) {
			return nil // the edition sets no timescale for this step
		}
		if err != nil {
			return err
		}
		out = append(out, dl)
		return nil
	}
	if m.Quorum.inquorateHalted() {
		if err := add("cppm.reconvene", timescale.EventInquorateCPPM, m.Held); err != nil {
			return nil, err
		}
		return out, nil
	}
	steps := []struct {
		id string
		ev timescale.Event
		d  Date
	}{{"cppm.record", timescale.EventCPPM, m.Held}}
	if r := m.Decisions.Referral; r.Outcome == Refer {
		from := r.Decided
		if from.IsZero() {
			from = m.Held
		}
		steps = append(steps, struct {
			id string
			ev timescale.Event
			d  Date
		}{"reporter.referral", timescale.EventReporterDecision, from})
	}
	if p := m.Decisions.PlanRequired; p != nil && *p {
		review, ev := "cppm.review", timescale.EventRegisteringCPPM
		switch m.Kind {
		case PreBirth:
			review, ev = "cppm.review-pre-birth", timescale.EventPreBirthCPPM
		case Review:
			review, ev = "cppm.review-subsequent", timescale.EventReviewCPPM
		}
		steps = append(steps, []struct {
			id string
			ev timescale.Event
			d  Date
		}{
			{"plan.record", timescale.EventCPPM, m.Held},
			{"coregroup.first", timescale.EventCPPM, m.Held},
			{review, ev, m.Held},
		}...)
	}
	for _, s := range steps {
		if err := add(s.id, s.ev, s.d); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b timescale.Deadline) int { return a.Due.Compare(b.Due) })
	return out, nil
}
