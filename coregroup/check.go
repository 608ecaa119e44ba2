package coregroup

import (
	"slices"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/timescale"
)

// Options control a check.
type Options struct {
	// Options are the options of every check. The zero Edition means the
	// edition in force on the CPPM; editions are never blended. A variation
	// of coregroup.refer-change applies to the referral its Subject names
	// ("change_referrals[0]"), or to every referral if its Subject is empty.
	engine.Options
	// MaxMeetingGap is the most calendar days allowed between Core Group
	// meetings under local procedures. The guidance sets no interval, so
	// zero leaves coregroup.regular-meetings Unknown.
	MaxMeetingGap int
}

// group is the record the checks look at: the Core Group, and the local
// interval between its meetings.
type group struct {
	*CoreGroup
	maxMeetingGap int
}

// Checks are the rules of a Core Group, each bound to the function that
// checks it: every rule of RULES.md section 5 and the timescale
// coregroup.refer-change (one finding per referral). [Check], [Deadlines]
// and cpguide.Check run these values, in this order. (The first Core Group
// meeting, coregroup.first, is owed by the CPPM that decided the plan:
// package meeting checks it.)
var Checks = []engine.Check[group]{
	{Rule: "coregroup.coordinated-by-lead-professional", Run: engine.Findings(checkCoordinator)},
	{Rule: "coregroup.partners", Run: engine.Findings(checkPartners)},
	{Rule: "coregroup.in-person", Run: engine.Findings(checkInPerson)},
	{Rule: "coregroup.regular-meetings", Run: engine.Findings(checkRegular)},
	{Rule: "coregroup.communication", Run: engine.Findings(checkCommunication)},
	{Rule: "coregroup.contingency-activated", Run: engine.Findings(checkContingency)},
	{Rule: "coregroup.escalation", Run: engine.Findings(checkEscalation)},
	{Rule: "coregroup.full-plan-at-first-meeting", Run: engine.Findings(checkFullPlan)},
	{Rule: "coregroup.refer-change", Run: engine.Findings(checkReferrals)},
}

// Run checks the Core Group on the pass: the rules of [Checks], each stated
// in the pass's edition, with findings about "core group" unless a check
// names a part of it. maxMeetingGap is [Options].MaxMeetingGap. It is the
// entry point of cpguide.Check; [Check] and [Deadlines] run it on a pass of
// their own. An invalid group is an error and nothing is reported.
func Run(p *engine.Pass, g *CoreGroup, maxMeetingGap int) error {
	if g == nil || maxMeetingGap < 0 || !p.Validated {
		if err := validate(g, maxMeetingGap); err != nil {
			return err
		}
	}
	return groups.Run(p, "core group", group{CoreGroup: g, maxMeetingGap: maxMeetingGap}, Checks)
}

func validate(g *CoreGroup, maxMeetingGap int) error {
	if g == nil {
		return invalid("core_group", "give a core group")
	}
	if maxMeetingGap < 0 {
		return invalid("options.max_meeting_gap", "give a number of calendar days, or zero for none")
	}
	return g.Validate()
}

// pass makes the pass of a check of g on its own: the options are checked
// and the edition resolved (opts.Edition, else the edition in force on the
// CPPM).
func pass(g *CoreGroup, opts Options) (*engine.Pass, error) {
	if err := validate(g, opts.MaxMeetingGap); err != nil {
		return nil, err
	}
	return opts.ValidatedPassOn("cppm", g.CPPM)
}

// Check checks a Core Group against the rules of [Checks]: every rule of
// RULES.md section 5 and the timescale coregroup.refer-change (one finding
// per referral). It returns every finding, sorted by urgency. A rule the
// edition does not state has one NotApplicable finding saying so.
//
// The error is non-nil only for bad input or options (including a local
// timescale that does not tighten the national one); the group's failings
// are findings, and [guidance.Report.Err] says whether any is a breach.
func Check(g *CoreGroup, opts Options) (*guidance.Report, error) {
	p, err := pass(g, opts)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, g, opts.MaxMeetingGap); err != nil {
		return nil, err
	}
	rep := p.TakeSortedReport()
	return rep, nil
}

// Deadlines returns what the Core Group owes next, each with its
// explanation: a referral to the CPPM Chair for each change identified but
// not yet referred. They are the deadlines the checks of [Checks] find
// owed, sorted by due date. (The first meeting is owed by the CPPM: see
// package meeting.)
func Deadlines(g *CoreGroup, opts Options) ([]timescale.Deadline, error) {
	p, err := pass(g, opts)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, g, opts.MaxMeetingGap); err != nil {
		return nil, err
	}
	dls := p.TakeDeadlines()
	return dls, nil
}

// groups recycles the records Run checks.
var groups engine.Pool[group]

// checkReferrals assesses the timescale of each referral of a significant
// change: one finding per referral, about the referral.
func checkReferrals(p *engine.Pass, g *group) {
	for i, r := range g.ChangeReferrals {
		subject := p.Index("change_referrals", i)
		anchors := timescale.Anchors{timescale.EventChangeIdentified: r.Identified}
		note := ""
		switch {
		case r.Referred.IsZero():
		case r.To == "":
			note = "; record to whom it was referred (to)"
		case r.To == LeadProfessional && p.Edition != guidance.Edition2023:
			note = "; the " + p.Edition.String() + " edition names the CPPM Chair as the recipient: make sure the Chair knows"
		}
		p.TimedNote(subject, anchors, r.Referred, note)
	}
}

func checkCoordinator(p *engine.Pass, g *group) {
	const subj = "co-ordination"
	if g.Coordinator == "" {
		p.ReportOn(subj, guidance.Missing, "record which member co-ordinates the Core Group (coordinator); it should be the lead professional")
		return
	}
	for i, m := range g.Members {
		if m.ID != g.Coordinator {
			continue
		}
		if m.LeadProfessional {
			p.ReportOn(subj, guidance.Met, "the Core Group is co-ordinated by the lead professional")
		} else {
			p.ReportOn(subj, guidance.Missing, p.Concat("the co-ordinator (", p.Index("members", i), ") is not marked as the lead professional: the lead professional should co-ordinate the Core Group"))
		}
		return
	}
}

func checkPartners(p *engine.Pass, g *group) {
	const subj = "partnership with child and parents"
	var child, parent bool
	for _, pt := range g.Partners {
		switch pt.Relationship {
		case Child:
			child = true
		case Parent, Carer:
			parent = true
		}
	}
	miss := make([]string, 0, 8)
	if !child {
		miss = append(miss, "the child (or why they are not involved)")
	}
	if !parent {
		miss = append(miss, "at least one parent or carer (or why none is involved)")
	}
	if len(miss) > 0 {
		p.ReportOn(subj, guidance.Missing, p.List("record as partners ", miss, " and ", " (partners)"))
		return
	}
	p.ReportOn(subj, guidance.Met, "the child and a parent or carer are recorded as partners; whether the partnership is real is for the Core Group and Chair to judge")
}

func checkInPerson(p *engine.Pass, g *group) {
	const subj = "meetings in person"
	if len(g.Meetings) == 0 {
		p.ReportOn(subj, guidance.Unknown, "no Core Group meetings recorded yet")
		return
	}
	remote, excused, unknown := make([]string, 0, 8), make([]string, 0, 8), make([]string, 0, 8)
	for i := range g.Meetings {
		m := &g.Meetings[i]
		switch {
		case m.InPerson == nil:
			unknown = append(unknown, p.Index("meetings", i)+".in_person")
		case *m.InPerson:
		case blank.Is(m.NotInPersonReason):
			remote = append(remote, p.Index("meetings", i))
		default:
			excused = append(excused, p.Index("meetings", i))
		}
	}
	switch {
	case len(remote) > 0:
		p.ReportOn(subj, guidance.Missing, p.List("the Core Group should meet in person: ", remote, ", ", " was not, and no reason is recorded (not_in_person_reason)"))
	case len(unknown) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("record whether each meeting was held in person: ", unknown, ", ", ""))
	case len(excused) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("", excused, ", ", " was not held in person; a reason is recorded, and whether it justified the departure is for the Chair to judge"))
	default:
		p.ReportOnNumbers(subj, guidance.Met, "all %d meeting(s) held in person", len(g.Meetings))
	}
}

// shared reports whether a record says yes: recorded, and true.
func shared(b *bool) bool { return b != nil && *b }

// checkCommunication checks what the record can show of communication
// between agencies and with the family: whether each meeting's note or
// decisions were shared with all members and with the child and family.
func checkCommunication(p *engine.Pass, g *group) {
	const subj = "communication"
	if len(g.Meetings) == 0 {
		p.ReportOn(subj, guidance.Unknown, "no Core Group meetings recorded yet")
		return
	}
	members, family, unknown := make([]string, 0, 8), make([]string, 0, 8), make([]string, 0, 8)
	for i := range g.Meetings {
		m := &g.Meetings[i]
		if shared(m.DecisionsSharedWithMembers) && shared(m.DecisionsSharedWithFamily) {
			continue // nothing to name
		}
		path := p.Index("meetings", i)
		switch {
		case m.DecisionsSharedWithMembers == nil:
			unknown = append(unknown, path+".decisions_shared_with_members")
		case !*m.DecisionsSharedWithMembers:
			members = append(members, path)
		}
		switch {
		case m.DecisionsSharedWithFamily == nil:
			unknown = append(unknown, path+".decisions_shared_with_family")
		case !*m.DecisionsSharedWithFamily:
			family = append(family, path)
		}
	}
	miss := make([]string, 0, 8)
	if len(members) > 0 {
		miss = append(miss, "with all members at "+p.Join(members, ", "))
	}
	if len(family) > 0 {
		miss = append(miss, "with the child and family at "+p.Join(family, ", "))
	}
	switch {
	case len(miss) > 0:
		also := ""
		if len(unknown) > 0 {
			also = "; also record whether they were shared at "
		}
		p.ReportOn(subj, guidance.Missing, p.Concat("the meeting's note or decisions were not shared ", p.Join(miss, "; "),
			": share them and record it, so that communication between agencies and with the family is kept up", also, p.Join(unknown, ", ")))
	case len(unknown) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("record whether each meeting's note or decisions were shared: ", unknown, ", ", ""))
	default:
		p.ReportOnNumbers(subj, guidance.Met, "the note or decisions of all %d meeting(s) were shared with all members and with the child and family; whether communication is effective is for the Core Group and Chair to judge", len(g.Meetings))
	}
}

func checkRegular(p *engine.Pass, g *group) {
	const subj = "regular meetings"
	if len(g.Meetings) == 0 {
		p.ReportOn(subj, guidance.Unknown, "no Core Group meetings recorded yet")
		return
	}
	longest, at := 0, -1
	for i := 1; i < len(g.Meetings); i++ {
		if gap := g.Meetings[i].Date.Sub(g.Meetings[i-1].Date); gap > longest {
			longest, at = gap, i
		}
	}
	last := g.Meetings[len(g.Meetings)-1].Date
	since := -1
	if !p.Today.IsZero() {
		since = p.Today.Sub(last)
	}
	max := g.maxMeetingGap
	switch {
	case max == 0:
		const unset = "; the guidance sets no interval: set the most days allowed between meetings from your local procedures (MaxMeetingGap)"
		switch {
		case len(g.Meetings) == 1 && since >= 0:
			p.ReportOnNumbers(subj, guidance.Unknown, "one meeting is recorded, %d day(s) ago"+unset, since)
		case len(g.Meetings) == 1:
			p.ReportOn(subj, guidance.Unknown, "one meeting is recorded"+unset)
		case since >= 0:
			p.ReportOnNumbers(subj, guidance.Unknown, "the longest gap between meetings is %d day(s) and %d day(s) have passed since the last"+unset, longest, since)
		default:
			p.ReportOnNumbers(subj, guidance.Unknown, "the longest gap between meetings is %d day(s)"+unset, longest)
		}
	case since > max:
		p.Record(subj, guidance.Overdue, last.AddDays(max), guidance.Date{},
			p.Concat("the next Core Group meeting is overdue: ", p.Itoa(since), " day(s) since the last, more than the ", p.Itoa(max), " allowed by local procedures"))
	case longest > max:
		p.ReportOn(subj, guidance.Late, p.Concat(p.Index("meetings", at), " came ", p.Itoa(longest), " day(s) after the meeting before, more than the ", p.Itoa(max), " allowed by local procedures"))
	case since < 0:
		p.ReportOnNumbers(subj, guidance.Unknown, "the gaps between meetings are within %d day(s); give the date of the check to confirm the next is not overdue", max)
	default:
		p.ReportOnNumbers(subj, guidance.Met, "no gap between meetings exceeds %d day(s)", max)
	}
}

func checkContingency(p *engine.Pass, g *group) {
	const subj = "contingency plans"
	if len(g.Meetings) == 0 {
		p.ReportOn(subj, guidance.Unknown, "no Core Group meetings recorded yet")
		return
	}
	missing, elapsed, unrecorded := make([]string, 0, 8), make([]string, 0, 8), make([]string, 0, 8)
	stalled := 0
	for i, m := range g.Meetings {
		noProgress := m.ProgressMade != nil && !*m.ProgressMade
		switch {
		case noProgress || m.Circumstances == Deteriorated:
		case m.CircumstancesChanged && m.Circumstances == "":
			unrecorded = append(unrecorded, p.Index("meetings", i)+".circumstances")
			continue
		case m.ProgressMade == nil:
			unrecorded = append(unrecorded, p.Index("meetings", i)+".progress_made")
			continue
		default:
			continue // progress made, circumstances improved, unchanged or not said to have changed
		}
		stalled++
		j := slices.IndexFunc(g.ContingencyActivations, func(a Activation) bool { return !a.Date.Before(m.Date) })
		if j < 0 {
			missing = append(missing, p.Index("meetings", i))
			continue
		}
		best := g.ContingencyActivations[j].Date
		for _, a := range g.ContingencyActivations {
			if !a.Date.Before(m.Date) && a.Date.Before(best) {
				best = a.Date
			}
		}
		elapsed = append(elapsed, p.Concat(p.Index("meetings", i), " after ", p.Itoa(best.Sub(m.Date)), " day(s)"))
	}
	switch {
	case len(missing) > 0:
		p.ReportOn(subj, guidance.Missing, p.List("progress was not made or circumstances deteriorated at ", missing, ", ", " but no contingency activation is recorded on or after it: activate the contingency plan and record it (contingency_activations)"))
	case stalled > 0:
		p.ReportOn(subj, guidance.Met, p.List("contingency plans were activated: ", elapsed, ", ", "; whether that was prompt enough is for the Core Group and Chair to judge"))
	case len(unrecorded) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("record at each meeting whether the plan is making progress and whether circumstances deteriorated, improved or stayed the same: ", unrecorded, ", ", ""))
	default:
		p.ReportOn(subj, guidance.NotApplicable, "every meeting recorded progress and no deterioration of circumstances")
	}
}

func checkEscalation(p *engine.Pass, g *group) {
	const subj = "escalating concerns"
	if len(g.Escalations) == 0 {
		p.ReportOn(subj, guidance.NotApplicable, "no escalating concerns recorded")
		return
	}
	none, noDate := make([]string, 0, 8), make([]string, 0, 8)
	for i, e := range g.Escalations {
		f := p.Index("escalations", i)
		if len(e.Responses) == 0 && e.ReviewCPPMRequested.IsZero() {
			none = append(none, f+".responses")
		}
		if slices.Contains(e.Responses, ReviewCPPM) && e.ReviewCPPMRequested.IsZero() {
			noDate = append(noDate, f+".review_cppm_requested")
		}
	}
	switch {
	case len(none) > 0:
		p.ReportOn(subj, guidance.Missing, p.List("record the response to each escalating concern (an immediate response, additional support and/or a review CPPM): ", none, ", ", ""))
	case len(noDate) > 0:
		p.ReportOn(subj, guidance.Missing, p.List("record the date the review CPPM was requested: ", noDate, ", ", ""))
	default:
		p.ReportOn(subj, guidance.Met, "each escalating concern has a recorded response; whether it was enough and quick enough is for the Chair to judge")
	}
}

func checkFullPlan(p *engine.Pass, g *group) {
	const subj = "full plan at the first Core Group"
	if len(g.Meetings) == 0 {
		p.ReportOn(subj, guidance.Unknown, "no Core Group meeting recorded yet: formulate the full plan with the family at the first one")
		return
	}
	m := &g.Meetings[0]
	family := false
	for _, a := range m.Attendance {
		for _, pt := range g.Partners {
			if pt.ID == a {
				family = true
			}
		}
	}
	switch {
	case m.FullPlanFormulated == nil:
		p.ReportOn(subj, guidance.Unknown, "record whether the full plan was formulated at the first meeting (meetings[0].full_plan_formulated)")
	case !*m.FullPlanFormulated:
		p.ReportOn(subj, guidance.Missing, "the full plan was not formulated at the first Core Group: formulate it with the family and record it")
	case !family:
		p.ReportOn(subj, guidance.Missing, "the full plan was formulated at the first Core Group but no parent, carer or child is recorded as present: it should be formulated with the family")
	default:
		p.ReportOn(subj, guidance.Met, "the full plan was formulated at the first Core Group with the family present")
	}
}
