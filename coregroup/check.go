package coregroup

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/citations"
	"github.com/cpguide/cpguide/internal/templates"
	"github.com/cpguide/cpguide/timescale"
)

// Options control a check. The zero value checks under the edition in force
// on the CPPM, with the date of the check unknown, the Scotland calendar and
// every policy's default.
type Options struct {
	// Edition is the edition to check under; zero means the edition in force
	// on the CPPM. Editions are never blended.
	Edition guidance.Edition
	// Today is the date of the check; zero means unknown (the machine clock
	// is never read).
	Today Date
	// Calendar decides working days; nil means timescale.Scotland().
	Calendar *timescale.Calendar
	// Policies choose readings where the guidance is unclear, e.g.
	// {"coregroup.first.reading": "working"}; see timescale.Policies.
	Policies map[string]string
	// Variations are approved variations of timescales in this case. A
	// variation of coregroup.refer-change applies to the referral its
	// Subject names ("change_referrals[0]"), or to every referral if its
	// Subject is empty.
	Variations []timescale.Variation
	// Local are a local Child Protection Committee's tighter timescales
	// (see timescale.LocalTimescale); a figure that is not tighter than the
	// national one is an error.
	Local []timescale.LocalTimescale
	// MaxMeetingGap is the most calendar days allowed between Core Group
	// meetings under local procedures. The guidance sets no interval, so
	// zero leaves coregroup.regular-meetings Unknown.
	MaxMeetingGap int
}

// templateSet holds, for each rule and edition the catalogue states, the
// finding guidance.NewFinding builds. Checks copy a template, give it its own
// citations and set the status and message.
var templateSet = sync.OnceValue(func() templates.Set { return templates.New() })

// newFinding is guidance.NewFinding through the template cache. The citations
// are copied so that no two findings share them.
func newFinding(id string, e guidance.Edition, st guidance.Status, msg string) guidance.Finding {
	f, ok := templateSet().Get(id, e)
	if !ok {
		return guidance.NewFinding(id, e, st, msg) // panics with the catalogue's explanation
	}
	f.Citations = slices.Clone(f.Citations)
	f.Status, f.Message = st, msg
	return f
}

type checker struct {
	r     *guidance.Report
	e     guidance.Edition
	opts  Options
	cites citations.Store // each finding's own copy of its citations
}

func (c *checker) has(id string) bool { return templateSet().Has(id, c.e) }

func (c *checker) add(id string, st guidance.Status, subject, msg string) {
	f, ok := templateSet().Get(id, c.e)
	if !ok {
		return // the edition does not state the rule
	}
	f.Citations = c.cites.Copy(f.Citations) // a finding of Check owns its citations
	f.Status, f.Message, f.Subject = st, msg, subject
	c.r.Add(f)
}

func (c *checker) due(rule string, anchors timescale.Anchors) (timescale.Deadline, error) {
	return timescale.Due(rule, c.e, anchors, timescale.Options{Calendar: c.opts.Calendar, Policies: c.opts.Policies, Local: c.opts.Local})
}

func start(g *CoreGroup, opts Options) (*checker, error) {
	if g == nil {
		return nil, invalid("core_group", "give a core group")
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	if !opts.Today.IsZero() && !opts.Today.Valid() {
		return nil, invalid("options.today", "give a real date or leave it zero")
	}
	if err := timescale.CheckPolicies(opts.Policies); err != nil {
		return nil, err
	}
	if opts.MaxMeetingGap < 0 {
		return nil, invalid("options.max_meeting_gap", "give a number of calendar days, or zero for none")
	}
	for i, v := range opts.Variations {
		if err := v.Validate(); err != nil {
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: idx("options.variations", i), Hint: "fix the variation", Err: err}
		}
	}
	e := opts.Edition
	switch {
	case e != guidance.EditionUnset && !e.Valid():
		return nil, &guidance.Error{Kind: guidance.UnknownEdition, Field: "options.edition", Value: e.String(),
			Hint: "use guidance.Edition2014, Edition2021 or Edition2023"}
	case e == guidance.EditionUnset && g.CPPM.IsZero():
		return nil, &guidance.Error{Kind: guidance.MissingFact, Field: "cppm",
			Hint: "give the CPPM date or choose Options.Edition, so the group is checked under one edition"}
	case e == guidance.EditionUnset:
		var err error
		if e, err = guidance.InForce(g.CPPM); err != nil {
			return nil, &guidance.Error{Kind: guidance.NotInForce, Field: "cppm", Hint: "choose Options.Edition: no modelled edition was in force then", Err: err}
		}
	}
	if err := timescale.CheckLocal(opts.Local, e); err != nil {
		return nil, err
	}
	return &checker{e: e, opts: opts}, nil
}

// Check checks a Core Group against every rule of RULES.md section 5 stated
// in the chosen edition, and the timescales coregroup.first and
// coregroup.refer-change (one finding per referral). It returns every
// finding, sorted by urgency.
//
// The error is non-nil only for bad input or options (including a local
// timescale that does not tighten the national one); the group's failings
// are findings, and [guidance.Report.Err] says whether any is a breach.
func Check(g *CoreGroup, opts Options) (*guidance.Report, error) {
	c, err := start(g, opts)
	if err != nil {
		return nil, err
	}
	c.r = &guidance.Report{Edition: c.e, Today: opts.Today, Findings: make([]guidance.Finding, 0, 12+len(g.ChangeReferrals))}
	if err := c.checkAll(g); err != nil {
		return nil, err
	}
	c.r.Sort()
	return c.r, nil
}

// checkAll adds the findings of every rule to c.r.
func (c *checker) checkAll(g *CoreGroup) error {
	if err := checkReferrals(c, g); err != nil {
		return err
	}
	checkCoordinator(c, g)
	checkPartners(c, g)
	checkInPerson(c, g)
	checkCommunication(c, g)
	checkRegular(c, g)
	checkContingency(c, g)
	checkEscalation(c, g)
	checkFullPlan(c, g)
	return nil
}

func checkReferrals(c *checker, g *CoreGroup) error {
	const id = "coregroup.refer-change"
	for i, r := range g.ChangeReferrals {
		dl, err := c.due(id, timescale.Anchors{timescale.EventChangeIdentified: r.Identified})
		if err != nil {
			return err
		}
		subject := idx("change_referrals", i)
		f := dl.AssessFor(subject, r.Referred, c.opts.Today, c.opts.Variations...)
		switch {
		case r.Referred.IsZero():
		case r.To == "":
			f.Message += "; record to whom it was referred (to)"
		case r.To == LeadProfessional && c.e != guidance.Edition2023:
			f.Message += fmt.Sprintf("; the %s edition names the CPPM Chair as the recipient: make sure the Chair knows", c.e)
		}
		c.r.Add(f)
	}
	return nil
}

func checkCoordinator(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.coordinated-by-lead-professional", "co-ordination"
	if g.Coordinator == "" {
		c.add(id, guidance.Missing, subj, "record which member co-ordinates the Core Group (coordinator); it should be the lead professional")
		return
	}
	for i, m := range g.Members {
		if m.ID != g.Coordinator {
			continue
		}
		if m.LeadProfessional {
			c.add(id, guidance.Met, subj, "the Core Group is co-ordinated by the lead professional")
		} else {
			c.add(id, guidance.Missing, subj, fmt.Sprintf("the co-ordinator (%s) is not marked as the lead professional: the lead professional should co-ordinate the Core Group", idx("members", i)))
		}
		return
	}
}

func checkPartners(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.partners", "partnership with child and parents"
	var child, parent bool
	for _, p := range g.Partners {
		switch p.Relationship {
		case Child:
			child = true
		case Parent, Carer:
			parent = true
		}
	}
	var miss []string
	if !child {
		miss = append(miss, "the child (or why they are not involved)")
	}
	if !parent {
		miss = append(miss, "at least one parent or carer (or why none is involved)")
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, subj, "record as partners "+strings.Join(miss, " and ")+" (partners)")
		return
	}
	c.add(id, guidance.Met, subj, "the child and a parent or carer are recorded as partners; whether the partnership is real is for the Core Group and Chair to judge")
}

func checkInPerson(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.in-person", "meetings in person"
	if len(g.Meetings) == 0 {
		c.add(id, guidance.Unknown, subj, "no Core Group meetings recorded yet")
		return
	}
	var remote, excused, unknown []string
	for i, m := range g.Meetings {
		switch {
		case m.InPerson == nil:
			unknown = append(unknown, idx("meetings", i)+".in_person")
		case *m.InPerson:
		case strings.TrimSpace(m.NotInPersonReason) == "":
			remote = append(remote, idx("meetings", i))
		default:
			excused = append(excused, idx("meetings", i))
		}
	}
	switch {
	case len(remote) > 0:
		c.add(id, guidance.Missing, subj, "the Core Group should meet in person: "+strings.Join(remote, ", ")+" was not, and no reason is recorded (not_in_person_reason)")
	case len(unknown) > 0:
		c.add(id, guidance.Unknown, subj, "record whether each meeting was held in person: "+strings.Join(unknown, ", "))
	case len(excused) > 0:
		c.add(id, guidance.Unknown, subj, strings.Join(excused, ", ")+" was not held in person; a reason is recorded, and whether it justified the departure is for the Chair to judge")
	default:
		c.add(id, guidance.Met, subj, "all "+strconv.Itoa(len(g.Meetings))+" meeting(s) held in person")
	}
}

// checkCommunication checks what the record can show of communication
// between agencies and with the family: whether each meeting's note or
// decisions were shared with all members and with the child and family.
func checkCommunication(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.communication", "communication"
	if len(g.Meetings) == 0 {
		c.add(id, guidance.Unknown, subj, "no Core Group meetings recorded yet")
		return
	}
	var members, family, unknown []string
	for i, m := range g.Meetings {
		f := idx("meetings", i)
		switch {
		case m.DecisionsSharedWithMembers == nil:
			unknown = append(unknown, f+".decisions_shared_with_members")
		case !*m.DecisionsSharedWithMembers:
			members = append(members, f)
		}
		switch {
		case m.DecisionsSharedWithFamily == nil:
			unknown = append(unknown, f+".decisions_shared_with_family")
		case !*m.DecisionsSharedWithFamily:
			family = append(family, f)
		}
	}
	var miss []string
	if len(members) > 0 {
		miss = append(miss, "with all members at "+strings.Join(members, ", "))
	}
	if len(family) > 0 {
		miss = append(miss, "with the child and family at "+strings.Join(family, ", "))
	}
	switch {
	case len(miss) > 0:
		msg := "the meeting's note or decisions were not shared " + strings.Join(miss, "; ") + ": share them and record it, so that communication between agencies and with the family is kept up"
		if len(unknown) > 0 {
			msg += "; also record whether they were shared at " + strings.Join(unknown, ", ")
		}
		c.add(id, guidance.Missing, subj, msg)
	case len(unknown) > 0:
		c.add(id, guidance.Unknown, subj, "record whether each meeting's note or decisions were shared: "+strings.Join(unknown, ", "))
	default:
		c.add(id, guidance.Met, subj, "the note or decisions of all "+strconv.Itoa(len(g.Meetings))+" meeting(s) were shared with all members and with the child and family; whether communication is effective is for the Core Group and Chair to judge")
	}
}

func checkRegular(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.regular-meetings", "regular meetings"
	if !c.has(id) {
		return
	}
	if len(g.Meetings) == 0 {
		c.add(id, guidance.Unknown, subj, "no Core Group meetings recorded yet")
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
	if !c.opts.Today.IsZero() {
		since = c.opts.Today.Sub(last)
	}
	max := c.opts.MaxMeetingGap
	switch {
	case max == 0:
		msg := "the longest gap between meetings is " + strconv.Itoa(longest) + " day(s)"
		if since >= 0 {
			msg += " and " + strconv.Itoa(since) + " day(s) have passed since the last"
		}
		c.add(id, guidance.Unknown, subj, msg+"; the guidance sets no interval: set Options.MaxMeetingGap from your local procedures")
	case since > max:
		f := newFinding(id, c.e, guidance.Overdue, fmt.Sprintf("the next Core Group meeting is overdue: %d day(s) since the last, more than the %d allowed by local procedures", since, max))
		f.Subject, f.Due = subj, last.AddDays(max)
		c.r.Add(f)
	case longest > max:
		c.add(id, guidance.Late, subj, fmt.Sprintf("%s came %d day(s) after the meeting before, more than the %d allowed by local procedures", idx("meetings", at), longest, max))
	case since < 0:
		c.add(id, guidance.Unknown, subj, fmt.Sprintf("the gaps between meetings are within %d day(s); give the date of the check to confirm the next is not overdue", max))
	default:
		c.add(id, guidance.Met, subj, "no gap between meetings exceeds "+strconv.Itoa(max)+" day(s)")
	}
}

func checkContingency(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.contingency-activated", "contingency plans"
	if len(g.Meetings) == 0 {
		c.add(id, guidance.Unknown, subj, "no Core Group meetings recorded yet")
		return
	}
	var missing, elapsed, unrecorded []string
	stalled := 0
	for i, m := range g.Meetings {
		if m.ProgressMade == nil && !m.CircumstancesChanged {
			unrecorded = append(unrecorded, idx("meetings", i)+".progress_made")
			continue
		}
		if (m.ProgressMade != nil && *m.ProgressMade) && !m.CircumstancesChanged {
			continue
		}
		stalled++
		j := slices.IndexFunc(g.ContingencyActivations, func(a Activation) bool { return !a.Date.Before(m.Date) })
		if j < 0 {
			missing = append(missing, idx("meetings", i))
			continue
		}
		best := g.ContingencyActivations[j].Date
		for _, a := range g.ContingencyActivations {
			if !a.Date.Before(m.Date) && a.Date.Before(best) {
				best = a.Date
			}
		}
		elapsed = append(elapsed, fmt.Sprintf("%s after %d day(s)", idx("meetings", i), best.Sub(m.Date)))
	}
	switch {
	case len(missing) > 0:
		c.add(id, guidance.Missing, subj, "progress was not made or circumstances changed at "+strings.Join(missing, ", ")+" but no contingency activation is recorded on or after it: activate the contingency plan and record it (contingency_activations)")
	case stalled > 0:
		c.add(id, guidance.Met, subj, "contingency plans were activated: "+strings.Join(elapsed, ", ")+"; whether that was prompt enough is for the Core Group and Chair to judge")
	case len(unrecorded) > 0:
		c.add(id, guidance.Unknown, subj, "record at each meeting whether the plan is making progress: "+strings.Join(unrecorded, ", "))
	default:
		c.add(id, guidance.NotApplicable, subj, "every meeting recorded progress and no change of circumstances")
	}
}

func checkEscalation(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.escalation", "escalating concerns"
	if len(g.Escalations) == 0 {
		c.add(id, guidance.NotApplicable, subj, "no escalating concerns recorded")
		return
	}
	var none, noDate []string
	for i, e := range g.Escalations {
		f := idx("escalations", i)
		if len(e.Responses) == 0 && e.ReviewCPPMRequested.IsZero() {
			none = append(none, f+".responses")
		}
		if slices.Contains(e.Responses, ReviewCPPM) && e.ReviewCPPMRequested.IsZero() {
			noDate = append(noDate, f+".review_cppm_requested")
		}
	}
	switch {
	case len(none) > 0:
		c.add(id, guidance.Missing, subj, "record the response to each escalating concern (an immediate response, additional support and/or a review CPPM): "+strings.Join(none, ", "))
	case len(noDate) > 0:
		c.add(id, guidance.Missing, subj, "record the date the review CPPM was requested: "+strings.Join(noDate, ", "))
	default:
		c.add(id, guidance.Met, subj, "each escalating concern has a recorded response; whether it was enough and quick enough is for the Chair to judge")
	}
}

func checkFullPlan(c *checker, g *CoreGroup) {
	const id, subj = "coregroup.full-plan-at-first-meeting", "full plan at the first Core Group"
	if !c.has(id) {
		return
	}
	if len(g.Meetings) == 0 {
		c.add(id, guidance.Unknown, subj, "no Core Group meeting recorded yet: formulate the full plan with the family at the first one")
		return
	}
	m := g.Meetings[0]
	family := false
	for _, a := range m.Attendance {
		for _, p := range g.Partners {
			if p.ID == a {
				family = true
			}
		}
	}
	switch {
	case m.FullPlanFormulated == nil:
		c.add(id, guidance.Unknown, subj, "record whether the full plan was formulated at the first meeting (meetings[0].full_plan_formulated)")
	case !*m.FullPlanFormulated:
		c.add(id, guidance.Missing, subj, "the full plan was not formulated at the first Core Group: formulate it with the family and record it")
	case !family:
		c.add(id, guidance.Missing, subj, "the full plan was formulated at the first Core Group but no parent, carer or child is recorded as present: it should be formulated with the family")
	default:
		c.add(id, guidance.Met, subj, "the full plan was formulated at the first Core Group with the family present")
	}
}

// Deadlines returns what the Core Group owes next, each with its
// explanation: the first meeting (while none is recorded) and a referral to
// the CPPM Chair for each change identified but not yet referred. They are
// sorted by due date.
func Deadlines(g *CoreGroup, opts Options) ([]timescale.Deadline, error) {
	c, err := start(g, opts)
	if err != nil {
		return nil, err
	}
	return c.deadlines(g)
}

// deadlines is Deadlines once c is set up.
func (c *checker) deadlines(g *CoreGroup) ([]timescale.Deadline, error) {
	var out []timescale.Deadline
	for _, r := range g.ChangeReferrals {
		if !r.Referred.IsZero() {
			continue
		}
		dl, err := c.due("coregroup.refer-change", timescale.Anchors{timescale.EventChangeIdentified: r.Identified})
		if err != nil {
			return nil, err
		}
		out = append(out, dl)
	}
	slices.SortStableFunc(out, func(a, b timescale.Deadline) int { return a.Due.Compare(b.Due) })
	return out, nil
}
