package cpguide

import (
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/timescale"
)

// firstCPPMOwed returns the deadline of the first CPPM the case owes but
// does not record, and the subject of its finding:
//
//   - a permanent move was notified (move_notified) and no transfer CPPM is
//     recorded: cppm.transfer, counted from the notification;
//   - a pre-birth case (pre_birth) decided to investigate and records no
//     pre-birth or initial CPPM: cppm.pre-birth, the earlier of 28 days from
//     the concern and 28 weeks of gestation (edition permitting);
//   - otherwise a case that decided to investigate (and whose IRD did not
//     decide against a CPPM) and records no initial or pre-birth CPPM:
//     cppm.initial.
//
// ok is false when nothing of the kind is owed.
func (c Case) firstCPPMOwed(ed guidance.Edition, tso timescale.Options) (dl timescale.Deadline, subject string, ok bool, err error) {
	has := func(kinds ...meeting.Kind) bool {
		for _, m := range c.Meetings {
			for _, k := range kinds {
				if m.Kind == k {
					return true
				}
			}
		}
		return false
	}
	if !c.MoveNotified.IsZero() {
		if has(meeting.Transfer) {
			return timescale.Deadline{}, "", false, nil
		}
		dl, err := timescale.Due("cppm.transfer", ed, timescale.Anchors{timescale.EventMoveNotified: c.MoveNotified}, tso)
		return dl, "transfer CPPM", err == nil, err
	}
	if c.Investigation.IsZero() || c.NoCPPM || has(meeting.Initial, meeting.PreBirth) {
		return timescale.Deadline{}, "", false, nil
	}
	an := timescale.Anchors{timescale.EventInvestigation: c.Investigation}
	if !c.Concern.IsZero() {
		an[timescale.EventConcern] = c.Concern
	}
	if !c.IRD.IsZero() {
		an[timescale.EventIRD] = c.IRD
	}
	rule, subject := "cppm.initial", "initial CPPM"
	if c.PreBirth != nil {
		rule, subject = "cppm.pre-birth", "pre-birth CPPM"
		if !c.PreBirth.ExpectedDelivery.IsZero() {
			an[timescale.EventExpectedDelivery] = c.PreBirth.ExpectedDelivery
		}
	}
	dl, err = timescale.Due(rule, ed, an, tso)
	return dl, subject, err == nil, err
}

// laterMeetingCovers reports whether a CPPM after meeting i, held or
// convened, is the step rule owed after meeting i: any later CPPM is the
// reconvened meeting; only a review (or, after a permanent move, a transfer
// CPPM) is the review. A later CPPM that has not been held reports its own
// timing.
func (c Case) laterMeetingCovers(i int, rule string) bool {
	for _, n := range c.Meetings[i+1:] {
		if n.Held.IsZero() && n.Convened.IsZero() {
			continue
		}
		switch rule {
		case "cppm.reconvene":
			return true
		case "cppm.review", "cppm.review-pre-birth", "cppm.review-subsequent":
			if n.Kind == meeting.Review || n.Kind == meeting.Transfer {
				return true
			}
		}
	}
	return false
}

// owedFinding is the finding of a step that follows meeting m and that the
// case has not taken: Pending, or Overdue once Today is past its date
// (Unknown when no Today is given). Only the steps that no record's own check
// reports are made here: the next CPPM (the review, or the reconvened
// meeting), whose own check reports its timing once it is recorded, and the
// first Core Group when the case records no Core Group. The record, the
// record of the plan and the referral to the Reporter are reported by the
// CPPM's own check; ok is false for them.
func owedFinding(m *meeting.Meeting, dl timescale.Deadline, today Date, vs []timescale.Variation) (f guidance.Finding, ok bool) {
	var subject string
	switch dl.Rule {
	case "cppm.reconvene", "cppm.review", "cppm.review-pre-birth", "cppm.review-subsequent":
		subject = "the CPPM to follow " + m.Subject()
	case "coregroup.first":
		subject = "first Core Group meeting"
	default:
		return guidance.Finding{}, false
	}
	return dl.AssessFor(subject, Date{}, today, vs...), true
}

// ownCitations gives every finding and deadline of a result its own copy of
// its citations, all carved from one block: the checkers hand out findings
// whose citations are the catalogue's own (finding templates) and deadlines
// a remembered deadline's, and a caller who edits its result must change
// nothing else. A deadline's readings already own theirs (timescale.Due).
func ownCitations(fs []guidance.Finding, dls []timescale.Deadline) {
	n := 0
	for i := range fs {
		n += len(fs[i].Citations)
	}
	for i := range dls {
		n += len(dls[i].Citations)
	}
	block := make([]guidance.Citation, 0, n)
	own := func(cs []guidance.Citation) []guidance.Citation {
		if len(cs) == 0 {
			return cs
		}
		start := len(block)
		block = append(block, cs...)
		return block[start:len(block):len(block)]
	}
	for i := range fs {
		fs[i].Citations = own(fs[i].Citations)
	}
	for i := range dls {
		dls[i].Citations = own(dls[i].Citations)
	}
}
