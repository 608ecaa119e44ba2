package meeting

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/run"
	"github.com/cpguide/cpguide/timescale"
)

// Options control a check.
type Options struct {
	// Edition is the edition to check under. The zero value means the
	// edition in force on the date the meeting was held (or, before it is
	// held, convened). Editions are never blended.
	Edition guidance.Edition
	// Today is the date of the check, used to tell Pending from Overdue. The
	// zero value means unknown: a step not yet done is then Unknown. The
	// library never reads the machine clock.
	Today Date
	// Calendar decides working days; nil means timescale.Scotland().
	Calendar *timescale.Calendar
	// Policies chooses a named policy's reading instead of its default
	// (see timescale.Policies), e.g. {"cppm.initial.anchor": "ird"}.
	Policies map[string]string
	// Variations are approved variations of timescales in this case.
	Variations []timescale.Variation
	// Local are a local Child Protection Committee's tighter timescales
	// (see timescale.LocalTimescale); a figure that is not tighter than the
	// national one is an error.
	Local []timescale.LocalTimescale
	// Previous are the earlier meetings of the same case, in any order. The
	// latest one held before this meeting decides "no two inquorate CPPMs in
	// a row", whether this meeting reconvenes an inquorate one, and which
	// review timescale applies to a review.
	Previous []Meeting
}

// edition resolves the edition to use.
func (o Options) edition(m Meeting) (guidance.Edition, error) {
	if o.Edition != guidance.EditionUnset {
		if !o.Edition.Valid() {
			return 0, &guidance.Error{Kind: guidance.UnknownEdition, Field: "edition", Value: o.Edition.String()}
		}
		return o.Edition, nil
	}
	for _, d := range []Date{m.Held, m.Convened} {
		if !d.IsZero() {
			return guidance.InForce(d)
		}
	}
	return 0, &guidance.Error{Kind: guidance.MissingFact, Field: "held",
		Hint: "give the date held or convened, or choose an edition in Options.Edition"}
}

// checker gathers findings for one meeting.
type checker struct {
	m    Meeting
	o    Options
	e    guidance.Edition
	prev *Meeting // the latest earlier meeting, if any
	// last is the latest earlier meeting that went ahead (was not halted
	// as inquorate): the one a review's timescale counts from.
	last *Meeting
	tso  timescale.Options
	r    *guidance.Report
	subj string // the subject of every finding
	// run, when cpguide.Check checks a whole case, remembers the deadlines
	// computed (see package internal/run); nil for Check.
	run *run.Run
}

// Check checks the meeting against every rule of the chosen edition about
// convening, holding and recording a CPPM, and returns a report with one
// finding per rule (never stopping at the first problem). A rule that needs
// a fact the meeting does not record is Unknown, never Met; a rule that does
// not apply is NotApplicable; a rule the edition does not state is
// NotApplicable with a message saying so.
//
// Findings of one edition share their citation slices (taken from the
// catalogue once); treat them as read-only.
//
// The error is non-nil only for input that cannot be checked: an invalid
// meeting (see [Meeting.Validate]), an invalid earlier meeting, an unknown
// policy, a local timescale that does not tighten the national one (see
// [timescale.CheckLocal]), or no way to choose an edition.
func Check(m Meeting, opts Options) (*guidance.Report, error) {
	var c checker // on the stack: a meeting record is large
	if err := c.init(m, opts, true); err != nil {
		return nil, err
	}
	c.r = &guidance.Report{Edition: c.e, Today: opts.Today, Findings: make([]guidance.Finding, 0, 32)}
	c.checkAll()
	return c.r, nil
}

// checkAll adds the findings of every rule, in the order of RuleIDs.
func (c *checker) checkAll() {
	c.timescales()
	c.agencies()
	c.participation()
	c.decisions()
	c.quorum()
	c.roles()
	c.recordAndReports()
}

// init sets c up to check m. validatePrevious is false only in a run of
// cpguide.Check, where each earlier meeting was validated when it was
// checked itself.
func (c *checker) init(m Meeting, opts Options, validatePrevious bool) error {
	if err := m.Validate(); err != nil {
		return err
	}
	e, err := opts.edition(m)
	if err != nil {
		return err
	}
	if err := timescale.CheckLocal(opts.Local, e); err != nil {
		return err
	}
	*c = checker{m: m, o: opts, e: e, tso: timescale.Options{Calendar: opts.Calendar, Policies: opts.Policies, Local: opts.Local}}
	c.subj = c.subjectOf()
	for i := range opts.Previous {
		p := &opts.Previous[i]
		if validatePrevious {
			if err := p.Validate(); err != nil {
				var ge *guidance.Error
				if ok := asError(err, &ge); ok {
					return &guidance.Error{Kind: ge.Kind, Field: fmt.Sprintf("previous[%d].%s", i, ge.Field), Value: ge.Value, Hint: ge.Hint}
				}
				return err
			}
		}
		if p.Held.IsZero() || (!m.Held.IsZero() && !p.Held.Before(m.Held)) {
			continue
		}
		if c.prev == nil || c.prev.Held.Before(p.Held) {
			c.prev = p
		}
		if !p.Quorum.inquorateHalted() && (c.last == nil || c.last.Held.Before(p.Held)) {
			c.last = p
		}
	}
	return nil
}

func asError(err error, target **guidance.Error) bool {
	e, ok := err.(*guidance.Error)
	if ok {
		*target = e
	}
	return ok
}

// add appends a finding of rule id. If the edition does not state the rule,
// the finding is NotApplicable and says so, whatever status was asked for.
func (c *checker) add(id string, s guidance.Status, msg string) {
	c.r.Add(c.finding(id, s, msg))
}

func (c *checker) finding(id string, s guidance.Status, msg string) guidance.Finding {
	f, ok := templateSet().Get(id, c.e) // = guidance.NewFinding(id, c.e, s, msg)
	if !ok {
		f = notInEdition(id, c.e)
		f.Subject = c.subj
		return f
	}
	f.Status, f.Message, f.Subject = s, msg, c.subj
	return f
}

func (c *checker) subjectOf() string {
	return c.m.Subject()
}

// notInEdition is the finding for a rule the edition does not state. It
// cannot come from guidance.NewFinding, which only builds findings for a
// provision the edition has. For the rules of RuleIDs it is built once, by
// buildNotInEdition (see notInEditionSet): a checker of an older edition
// asks for it many times per meeting.
func notInEdition(id string, e guidance.Edition) guidance.Finding {
	if f, ok := notInEditionSet()[ruleEdition{id, e}]; ok {
		return f
	}
	return buildNotInEdition(id, e)
}

type ruleEdition struct {
	id string
	e  guidance.Edition
}

// notInEditionSet holds buildNotInEdition's finding for each rule of
// RuleIDs in each edition (those the edition states are asked for too, when
// it gives them no timescale, as 2021 does cppm.record). The findings have
// no citations, so handing out copies shares nothing.
var notInEditionSet = sync.OnceValue(func() map[ruleEdition]guidance.Finding {
	m := map[ruleEdition]guidance.Finding{}
	for _, id := range RuleIDs() {
		for _, e := range guidance.Editions() {
			m[ruleEdition{id, e}] = buildNotInEdition(id, e)
		}
	}
	return m
})

// buildNotInEdition builds notInEdition's finding from the catalogue.
func buildNotInEdition(id string, e guidance.Edition) guidance.Finding {
	r, _ := guidance.Lookup(id)
	msg := "the " + e.String() + " edition, as the library's sources state it, has no such requirement; nothing to check"
	if id == "cppm.record" {
		msg = "the " + e.String() + " edition states no national figure for circulating the record of the CPPM; follow local procedures"
	}
	return guidance.Finding{Rule: id, Title: r.Title, Edition: e, Status: guidance.NotApplicable, Message: msg}
}

// due assesses timescale rule id from the anchors against done. A missing
// anchor is Unknown and says which date to give.
func (c *checker) due(id string, anchors timescale.Anchors, done Date) {
	if !inEdition(id, c.e) {
		c.add(id, guidance.NotApplicable, "")
		return
	}
	var dl timescale.Deadline
	var err error
	if c.run != nil {
		dl, err = c.run.Due(id, c.e, anchors)
	} else {
		dl, err = due(id, c.e, anchors, c.tso)
	}
	if err != nil && guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err) {
		f := notInEdition(id, c.e)
		f.Subject = c.subj
		c.r.Add(f)
		return
	}
	if err != nil {
		hint := "give the dates it counts from"
		if ge, ok := err.(*guidance.Error); ok && ge.Hint != "" {
			hint = ge.Hint
		}
		c.add(id, guidance.Unknown, "cannot compute the due date: "+hint)
		return
	}
	c.r.Add(dl.AssessFor(c.subj, done, c.o.Today, c.o.Variations...))
}

func (c *checker) na(id, why string) { c.add(id, guidance.NotApplicable, why) }

// heldOrUnknown adds an Unknown finding and returns false when the meeting
// has not been held, for rules about what happened at it.
func (c *checker) held(id string) bool {
	if c.m.Held.IsZero() {
		c.add(id, guidance.Unknown, "the meeting has no date held; check again once it has been held and recorded")
		return false
	}
	return true
}

func (c *checker) timescales() {
	m := c.m
	// Notice: the latest invitation sent decides; without invitation dates,
	// the date convened.
	notice := m.Convened
	for _, inv := range m.Invitations {
		if inv.Sent.After(notice) {
			notice = inv.Sent
		}
	}
	switch {
	case m.Held.IsZero():
		c.add("cppm.notice", guidance.Unknown, "no date held: record the date of the meeting to check the notice given")
	case notice.IsZero():
		c.add("cppm.notice", guidance.Unknown, "record when the invitations were sent (or the date convened) to check the notice given")
	default:
		c.due("cppm.notice", timescale.Anchors{timescale.EventMeeting: m.Held}, notice)
	}

	switch m.Kind {
	case Initial:
		a := timescale.Anchors{}
		put(a, timescale.EventConcern, m.Case.Concern)
		put(a, timescale.EventIRD, m.Case.IRD)
		put(a, timescale.EventInvestigation, m.Case.Investigation)
		c.due("cppm.initial", a, m.Held)
	default:
		c.na("cppm.initial", "applies only to an initial CPPM")
	}
	switch m.Kind {
	case PreBirth:
		a := timescale.Anchors{}
		put(a, timescale.EventConcern, m.Case.Concern)
		if m.PreBirth != nil {
			put(a, timescale.EventExpectedDelivery, m.PreBirth.ExpectedDelivery)
		}
		c.due("cppm.pre-birth", a, m.Held)
	default:
		c.na("cppm.pre-birth", "applies only to a pre-birth CPPM")
	}
	switch m.Kind {
	case Transfer:
		a := timescale.Anchors{}
		put(a, timescale.EventMoveNotified, m.Case.MoveNotified)
		c.due("cppm.transfer", a, m.Held)
	default:
		c.na("cppm.transfer", "applies only to a transfer CPPM")
	}
	c.review()
	c.reconvene()

	if m.Held.IsZero() {
		c.add("cppm.record", guidance.Unknown, "the meeting has no date held; the record is due once it has been held")
	} else {
		c.due("cppm.record", timescale.Anchors{timescale.EventCPPM: m.Held}, m.Record.Circulated)
	}
	switch plan := m.Decisions.PlanRequired; {
	case m.Held.IsZero():
		c.add("plan.record", guidance.Unknown, "the meeting has no date held; the record of the plan is due once it has been held")
	case m.Quorum.inquorateHalted():
		c.na("plan.record", "the meeting was inquorate and did not proceed: no plan was agreed")
	case plan == nil:
		c.add("plan.record", guidance.Unknown, "record whether a Child Protection Plan is required: the record of the plan is due only if it is")
	case !*plan:
		c.na("plan.record", "no Child Protection Plan is required")
	default:
		c.due("plan.record", timescale.Anchors{timescale.EventCPPM: m.Held}, m.Record.PlanCirculated)
	}
	ref := m.Decisions.Referral
	switch {
	case ref.Outcome != Refer:
		c.na("reporter.referral", "no decision to refer to the Principal Reporter is recorded at this meeting")
	default:
		from := ref.Decided
		if from.IsZero() {
			from = m.Held
		}
		c.due("reporter.referral", timescale.Anchors{timescale.EventReporterDecision: from}, ref.Sent)
	}
}

func put(a timescale.Anchors, ev timescale.Event, d Date) {
	if !d.IsZero() {
		a[ev] = d
	}
}

// review checks that a review CPPM was held in time after the meeting before
// it: cppm.review-pre-birth after a pre-birth CPPM, cppm.review after the
// CPPM that registered the child, cppm.review-subsequent after a review.
func (c *checker) review() {
	ids := []string{"cppm.review", "cppm.review-pre-birth", "cppm.review-subsequent"}
	if c.m.Kind != Review {
		for _, id := range ids {
			c.na(id, "applies to the timing of a review CPPM")
		}
		return
	}
	p := c.last
	if p == nil {
		for _, id := range ids {
			c.add(id, guidance.Unknown, "give the earlier meetings of the case (at least the last one that went ahead) in Options.Previous to check when this review was due")
		}
		return
	}
	var id string
	var ev timescale.Event
	switch p.Kind {
	case PreBirth:
		id, ev = "cppm.review-pre-birth", timescale.EventPreBirthCPPM
	case Review:
		id, ev = "cppm.review-subsequent", timescale.EventReviewCPPM
	default:
		id, ev = "cppm.review", timescale.EventRegisteringCPPM
	}
	for _, other := range ids {
		if other != id {
			c.na(other, "the previous meeting was of another kind, so another review timescale applies")
		}
	}
	c.due(id, timescale.Anchors{ev: p.Held}, c.m.Held)
}

// reconvene checks cppm.reconvene: for an inquorate meeting that did not
// proceed, the new date set; for a meeting following one, the date it was
// held.
func (c *checker) reconvene() {
	const id = "cppm.reconvene"
	switch {
	case c.m.Quorum.inquorateHalted():
		c.due(id, timescale.Anchors{timescale.EventInquorateCPPM: c.m.Held}, c.m.Quorum.NewDate)
	case c.prev != nil && c.prev.Quorum.inquorateHalted():
		f := c.finding(id, guidance.Unknown, "")
		if f.Status == guidance.NotApplicable {
			c.r.Add(f)
			return
		}
		c.due(id, timescale.Anchors{timescale.EventInquorateCPPM: c.prev.Held}, c.m.Held)
	case c.m.Quorum.Decision == "":
		c.add(id, guidance.Unknown, "record the Chair's quorum decision: an inquorate meeting must be reconvened")
	default:
		c.na(id, "neither this meeting nor the one before it was inquorate without proceeding")
	}
}

func (c *checker) agencies() {
	const id = "cppm.core-agencies"
	if !c.held(id) {
		return
	}
	if c.m.Attendance == nil {
		c.add(id, guidance.Unknown, "record attendance by agency to check that social work, health and police were represented")
		return
	}
	var present [8]bool
	idx := func(a Agency) int {
		for i, x := range Agencies() {
			if x == a {
				return i
			}
		}
		return len(Agencies())
	}
	for _, a := range c.m.Attendance {
		present[idx(a.Agency)] = true
	}
	var missing []string
	for _, a := range CoreAgencies() {
		if !present[idx(a)] {
			missing = append(missing, string(a))
		}
	}
	for _, a := range c.m.Involved {
		if !present[idx(a)] && !contains(missing, string(a)) {
			missing = append(missing, string(a))
		}
	}
	if len(missing) > 0 {
		c.add(id, guidance.Missing, "no attendance recorded from "+strings.Join(missing, ", ")+
			": the core agencies and every agency working with the child and family must be represented; record who attended or why not")
		return
	}
	c.add(id, guidance.Met, "social work, health, police and every listed involved agency attended")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// participation checks the child's and family's participation, exclusions and
// an older child's non-attendance.
func (c *checker) participation() {
	m := c.m
	const id = "cppm.child-family-participation"
	if c.held(id) {
		var unknown, missing []string
		// who is -1 for the child, else the family member's index; the label
		// is written only for a message.
		see := func(who int, p Participation) {
			label := func() string {
				if who < 0 {
					return "the child"
				}
				return "family member " + strconv.Itoa(who+1)
			}
			switch {
			case p.Mode == "":
				unknown = append(unknown, label())
			case p.Mode == Attended:
			case p.Mode == NotInvited && strings.TrimSpace(p.Reason) == "":
				missing = append(missing, label()+" (not invited, no reason recorded)")
			case !p.ViewsSought || !p.ViewsRepresented:
				missing = append(missing, label()+" (did not take part; views not sought and represented)")
			}
		}
		if m.Kind != PreBirth {
			see(-1, m.Child.Participation)
		}
		for i, f := range m.Family {
			see(i, f.Participation)
		}
		switch {
		case len(missing) > 0:
			c.add(id, guidance.Missing, "for "+strings.Join(missing, "; ")+": invite and support them to take part, or seek their views and represent them at the meeting")
		case m.Family == nil:
			c.add(id, guidance.Unknown, "record the relevant family members and how each took part")
		case len(unknown) > 0:
			c.add(id, guidance.Unknown, "record how "+strings.Join(unknown, ", ")+" took part (attended, views represented, not invited or excluded)")
		default:
			c.add(id, guidance.Met, "the child and each family member recorded took part or had their views sought and represented")
		}
	}

	const ex = "cppm.parent-exclusion"
	var excl []string
	excluded := false
	for i, f := range m.Family {
		if f.Mode != Excluded {
			continue
		}
		excluded = true
		var lack []string
		if strings.TrimSpace(f.Reason) == "" {
			lack = append(lack, "the reasons")
		}
		if !f.ViewsSought {
			lack = append(lack, "that their views were obtained")
		}
		if strings.TrimSpace(f.OutcomeToldBy) == "" {
			lack = append(lack, "the named person to tell them the outcome")
		}
		if f.OutcomeBy.IsZero() {
			lack = append(lack, "the date by which they will be told")
		}
		if len(lack) > 0 {
			excl = append(excl, fmt.Sprintf("family member %d: record %s", i+1, strings.Join(lack, ", ")))
		}
	}
	switch {
	case !excluded:
		c.na(ex, "no family member is recorded as excluded by the Chair")
	case len(excl) > 0:
		c.add(ex, guidance.Missing, strings.Join(excl, "; "))
	default:
		c.add(ex, guidance.Met, "each exclusion records its reasons, the views obtained, and who tells them the outcome by when")
	}

	const older = "cppm.older-child-non-attendance"
	switch {
	case m.Kind == PreBirth:
		c.na(older, "a pre-birth meeting has no child to attend")
	case m.Child.Mode == "":
		c.add(older, guidance.Unknown, "record how the child took part")
	case m.Child.Mode == Attended:
		c.na(older, "the child attended")
	case m.Child.Older == nil:
		c.add(older, guidance.Unknown, "record whether the child counts as an older child: if so, the reasons for non-attendance must be recorded")
	case !*m.Child.Older:
		c.na(older, "the child is not recorded as an older child")
	case strings.TrimSpace(m.Child.Reason) == "":
		c.add(older, guidance.Missing, "record the reasons the child did not attend")
	default:
		c.add(older, guidance.Met, "the reasons for the child's non-attendance are recorded")
	}
}

func (c *checker) decisions() {
	m, d := c.m, c.m.Decisions
	held := !m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"

	const risk = "cppm.decision-risk"
	switch {
	case !held:
		c.add(risk, guidance.Unknown, notHeld)
	case c.m.Quorum.inquorateHalted():
		c.na(risk, "the meeting was inquorate and did not proceed: no decisions are made until it reconvenes")
	case d.RiskOfSignificantHarm == nil:
		c.add(risk, guidance.Missing, "record whether the child is at risk of significant harm")
	default:
		c.add(risk, guidance.Met, "the decision on risk of significant harm is recorded")
	}

	const pr = "cppm.decision-plan-registration"
	switch {
	case !held:
		c.add(pr, guidance.Unknown, notHeld)
	case c.m.Quorum.inquorateHalted():
		c.na(pr, "the meeting was inquorate and did not proceed: no decisions are made until it reconvenes")
	case d.PlanRequired == nil || d.Register == nil:
		var lack []string
		if d.PlanRequired == nil {
			lack = append(lack, "whether a Child Protection Plan is required")
		}
		if d.Register == nil {
			lack = append(lack, "whether the child's name is added to (or stays on) the register")
		}
		c.add(pr, guidance.Missing, "record "+strings.Join(lack, " and "))
	case *d.PlanRequired != *d.Register:
		c.add(pr, guidance.Missing, "the decisions disagree: a plan required means registration, and registration means a plan; correct one of them")
	case d.RiskOfSignificantHarm != nil && *d.RiskOfSignificantHarm && !*d.PlanRequired:
		c.add(pr, guidance.Missing, "the child is recorded at risk of significant harm but no plan is required: a plan is in place while that risk remains; correct the decisions or record why")
	default:
		c.add(pr, guidance.Met, "the plan and registration decisions are recorded and agree")
	}

	const rc = "cppm.reporter-considered"
	switch {
	case !m.Case.PriorReferral.IsZero() && m.Decisions.Referral.Outcome == "":
		c.na(rc, "a referral to the Principal Reporter had already been made")
	case !held:
		c.add(rc, guidance.Unknown, notHeld)
	case c.m.Quorum.inquorateHalted():
		c.na(rc, "the meeting was inquorate and did not proceed")
	case m.Decisions.Referral.Outcome == "":
		c.add(rc, guidance.Missing, "record whether a referral to the Principal Reporter is or is not required (or the earlier referral in case.prior_referral)")
	default:
		c.add(rc, guidance.Met, "the decision on a referral to the Principal Reporter is recorded")
	}

	const em = "cppm.emergency-measures"
	switch {
	case !held:
		c.add(em, guidance.Unknown, notHeld)
	case d.ImmediateRisk == nil:
		c.add(em, guidance.Unknown, "record whether an immediate risk of significant harm was identified")
	case !*d.ImmediateRisk:
		c.na(em, "no immediate risk of significant harm was identified")
	case d.EmergencyMeasures == nil || !*d.EmergencyMeasures:
		c.add(em, guidance.Missing, "immediate risk was identified: take emergency measures without delay and record them")
	default:
		c.add(em, guidance.Met, "emergency measures are recorded for the immediate risk identified")
	}

	const isp = "cppm.interim-safety-plan-reviewed"
	switch {
	case m.Kind != Initial && m.Kind != PreBirth:
		c.na(isp, "applies to an initial or pre-birth CPPM, which follows the IRD")
	case !held:
		c.add(isp, guidance.Unknown, notHeld)
	case d.InterimSafetyPlanReviewed == nil:
		c.add(isp, guidance.Unknown, "record whether the Interim Safety Plan was reviewed at the meeting")
	case !*d.InterimSafetyPlanReviewed:
		c.add(isp, guidance.Missing, "review the Interim Safety Plan at the CPPM and develop the Child Protection Plan from it")
	default:
		c.add(isp, guidance.Met, "the Interim Safety Plan was reviewed")
	}

	const pb = "cppm.pre-birth-birth-notifier"
	switch {
	case m.Kind != PreBirth:
		c.na(pb, "applies only to a pre-birth CPPM")
	case d.Register == nil:
		c.add(pb, guidance.Unknown, "record whether the unborn baby is registered")
	case !*d.Register:
		c.na(pb, "the unborn baby was not registered")
	case m.PreBirth == nil || strings.TrimSpace(m.PreBirth.BirthNotifier) == "" || strings.TrimSpace(m.PreBirth.AtBirth) == "":
		c.add(pb, guidance.Missing, "the plan must name who notifies the birth and say what happens then (for example the referral to the Principal Reporter)")
	default:
		c.add(pb, guidance.Met, "the plan names who notifies the birth and what happens then")
	}

	const rcont = "reporter.referral-contents"
	r := d.Referral
	switch {
	case r.Outcome != Refer:
		c.na(rcont, "no referral to the Principal Reporter was decided at this meeting")
	case r.IncludesReasons == nil:
		c.add(rcont, guidance.Unknown, "record whether the referral gives its reasons")
	case !*r.IncludesReasons:
		c.add(rcont, guidance.Missing, "include the reasons for the referral")
	case r.IncludesPlan == nil || r.IncludesAssessment == nil:
		c.add(rcont, guidance.Unknown, "record whether the referral includes the child's plan and a full assessment of risk and need")
	case !*r.IncludesPlan || !*r.IncludesAssessment:
		c.add(rcont, guidance.Met, "the referral gives its reasons; where possible, also send the child's plan and a full assessment of risk and need")
	default:
		c.add(rcont, guidance.Met, "the referral gives its reasons, the child's plan and a full assessment of risk and need")
	}
}

func (c *checker) quorum() {
	m, q := c.m, c.m.Quorum
	const rec = "cppm.quorum-recorded"
	if c.held(rec) {
		socialWork := false
		for _, a := range m.Attendance {
			socialWork = socialWork || a.Agency == SocialWork
		}
		switch {
		case q.Decision == "":
			c.add(rec, guidance.Missing, "record the Chair's decision on quorum, with reasons")
		case strings.TrimSpace(q.Reasons) == "":
			c.add(rec, guidance.Missing, "record the reasons for the Chair's decision on quorum")
		case q.Decision == Quorate && m.Attendance != nil && !socialWork:
			c.add(rec, guidance.Missing, "the meeting is recorded as quorate but no children's social work attendance is recorded: check the attendance or the Chair's decision")
		default:
			c.add(rec, guidance.Met, "the Chair's quorum decision is recorded with reasons")
		}
	}

	const isp = "cppm.inquorate-interim-plan"
	switch {
	case !q.inquorateHalted():
		c.na(isp, "the meeting was not halted as inquorate")
	case !q.InterimSafetyPlan && q.NewDate.IsZero():
		c.add(isp, guidance.Missing, "ensure an interim safety plan is produced or the existing plan reviewed, and set a new date")
	case !q.InterimSafetyPlan:
		c.add(isp, guidance.Missing, "ensure an interim safety plan is produced or the existing plan reviewed")
	case q.NewDate.IsZero():
		c.add(isp, guidance.Missing, "set a new date for the meeting (within the cppm.reconvene timescale)")
	default:
		c.add(isp, guidance.Met, "an interim safety plan is in place and a new date is set")
	}

	const pro = "cppm.inquorate-proceeded"
	switch {
	case q.Decision != Inquorate || !q.Proceeded:
		c.na(pro, "the meeting did not proceed while inquorate")
	case strings.TrimSpace(q.ExceptionalReason) == "" && !q.EarlyReviewArranged:
		c.add(pro, guidance.Missing, "record the exceptional reason for proceeding while inquorate and arrange an early review now")
	case strings.TrimSpace(q.ExceptionalReason) == "":
		c.add(pro, guidance.Missing, "record the exceptional reason for proceeding while inquorate")
	case !q.EarlyReviewArranged:
		c.add(pro, guidance.Missing, "arrange an early review now: the meeting proceeded while inquorate")
	default:
		c.add(pro, guidance.Met, "the exceptional reason is recorded and an early review is arranged")
	}

	const twice = "cppm.inquorate-not-twice"
	switch {
	case q.Decision == "":
		c.add(twice, guidance.Unknown, "record the Chair's quorum decision")
	case q.Decision == Quorate:
		c.add(twice, guidance.Met, "this meeting was quorate")
	case c.prev == nil && len(c.o.Previous) == 0 && (m.Kind == Review || m.Kind == Transfer):
		c.add(twice, guidance.Unknown, "this meeting was inquorate: give the earlier meetings of the case in Options.Previous to check the one before it was not")
	case c.prev != nil && c.prev.Quorum.Decision == Inquorate:
		c.add(twice, guidance.Missing, "this meeting and the one before it were both inquorate: two inquorate CPPMs must not be held in a row; escalate and hold a quorate meeting")
	case c.prev != nil && c.prev.Quorum.Decision == "":
		c.add(twice, guidance.Unknown, "this meeting was inquorate and the quorum decision of the one before it is not recorded")
	case c.prev == nil:
		c.add(twice, guidance.Met, "this meeting was inquorate and no earlier meeting is recorded; the next must be quorate")
	default:
		c.add(twice, guidance.Met, "this meeting was inquorate, but the one before it was not; the next must be quorate")
	}

	ends := func() bool {
		d := m.Decisions
		return (d.PlanRequired != nil && !*d.PlanRequired) || (d.Register != nil && !*d.Register)
	}
	const inq = "cppm.inquorate-cannot-end-plan"
	switch {
	case q.Decision != Inquorate:
		c.na(inq, "the meeting was not inquorate")
	case (m.Kind == Review || m.Kind == Transfer) && ends():
		c.add(inq, guidance.Missing, "an inquorate meeting cannot end the Child Protection Plan or de-register: withdraw that decision and reconvene a quorate review")
	default:
		c.add(inq, guidance.Met, "the inquorate meeting did not end the plan")
	}
	const tr = "cppm.transfer-cannot-end-plan"
	switch {
	case m.Kind != Transfer:
		c.na(tr, "applies only to a transfer CPPM")
	case ends():
		c.add(tr, guidance.Missing, "a transfer CPPM cannot end the Child Protection Plan or de-register: only a quorate review CPPM can")
	case m.Decisions.PlanRequired == nil && m.Decisions.Register == nil:
		c.add(tr, guidance.Unknown, "record the plan and registration decisions")
	default:
		c.add(tr, guidance.Met, "the transfer meeting did not end the plan")
	}
}

func (c *checker) roles() {
	const rep = "cppm.reporter-observer"
	switch r := c.m.Reporter; {
	case r == nil || !r.Attended:
		c.na(rep, "the Children's Reporter did not attend")
	case r.CountedForQuorum || r.TookPartInDecisions:
		c.add(rep, guidance.Missing, "the Children's Reporter attends only to observe: do not count the Reporter towards quorum or in the decisions; review the decisions without the Reporter")
	default:
		c.add(rep, guidance.Met, "the Children's Reporter observed only")
	}

	const nt = "cppm.note-taker-not-chair"
	chair, note := c.m.Chair.Name, c.m.NoteTaker.Name
	switch {
	case strings.TrimSpace(chair) == "" || strings.TrimSpace(note) == "":
		c.add(nt, guidance.Unknown, "record the Chair and the note-taker")
	case sameName(chair, note):
		c.add(nt, guidance.Missing, "the Chair is recorded as the note-taker: someone else should take the record")
	default:
		c.add(nt, guidance.Met, "the note-taker is not the Chair")
	}
}

// sameName reports whether two names are the same once case and spacing are
// ignored: the same words, in order, equal rune by rune in lower case (what
// comparing strings.ToLower of their strings.Fields joined by spaces would
// say). It compares in place, without building normalised copies.
func sameName(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		// Compare one word of each.
		for {
			ra, na := utf8.DecodeRuneInString(a)
			rb, nb := utf8.DecodeRuneInString(b)
			endA, endB := a == "" || unicode.IsSpace(ra), b == "" || unicode.IsSpace(rb)
			if endA || endB {
				if endA != endB {
					return false
				}
				break
			}
			if unicode.ToLower(ra) != unicode.ToLower(rb) {
				return false
			}
			a, b = a[na:], b[nb:]
		}
	}
}

func (c *checker) recordAndReports() {
	m := c.m
	const rc = "cppm.record-contents"
	switch {
	case m.Held.IsZero():
		c.add(rc, guidance.Unknown, "the meeting has no date held; the record is written once it has been held")
	case m.Record.Contents == nil:
		c.add(rc, guidance.Unknown, "list what the record of the meeting holds (record.contents)")
	default:
		plan := m.Decisions.PlanRequired != nil && *m.Decisions.PlanRequired
		var lack []string
		for _, it := range RecordItems() {
			if it.planOnly() && !plan {
				continue
			}
			found := false
			for _, have := range m.Record.Contents {
				found = found || have == it
			}
			if !found {
				lack = append(lack, string(it))
			}
		}
		if len(lack) > 0 {
			c.add(rc, guidance.Missing, "add to the record: "+strings.Join(lack, ", "))
		} else {
			c.add(rc, guidance.Met, "the record holds every essential item")
		}
	}

	const rs = "cppm.reports-shared"
	var unknown, missing []string
	for i, r := range m.Reports {
		label := func() string { return "report " + strconv.Itoa(i+1) + " (" + string(r.Agency) + ")" }
		switch {
		case r.SharedWithFamily == nil || r.Accessible == nil:
			unknown = append(unknown, label())
		case !*r.SharedWithFamily || !*r.Accessible:
			missing = append(missing, label())
		}
	}
	switch {
	case len(missing) > 0:
		c.add(rs, guidance.Missing, "share "+strings.Join(missing, ", ")+" with the child and family, in a form they can understand")
	case m.Reports == nil:
		c.add(rs, guidance.Unknown, "record the reports received for the meeting and whether each was shared with the family")
	case len(unknown) > 0:
		c.add(rs, guidance.Unknown, "record whether "+strings.Join(unknown, ", ")+" was shared with the family in an accessible form")
	default:
		c.add(rs, guidance.Met, "every report was shared with the family in an accessible form")
	}
}
