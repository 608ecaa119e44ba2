package plan

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
// on the plan's date, with the date of the check unknown, the Scotland
// calendar and every policy's default.
type Options struct {
	// Edition is the edition to check under; zero means the edition in force
	// on the CPPM (or, for an Interim Safety Plan, the IRD). Editions are
	// never blended.
	Edition guidance.Edition
	// Today is the date of the check; zero means unknown (the machine clock
	// is never read). Rules that need it are then Unknown.
	Today Date
	// Calendar decides working days; nil means timescale.Scotland().
	Calendar *timescale.Calendar
	// Policies choose readings where the guidance is unclear; see
	// timescale.Policies.
	Policies map[string]string
	// Variations are approved variations of timescales in this case.
	Variations []timescale.Variation
	// Local are a local Child Protection Committee's tighter timescales
	// (see timescale.LocalTimescale); a figure that is not tighter than the
	// national one is an error.
	Local []timescale.LocalTimescale
}

// templateSet holds, for each rule and edition the catalogue states, the
// finding guidance.NewFinding builds. Checks copy a template, give it its own
// citations and set the status and message.
var templateSet = sync.OnceValue(func() templates.Set { return templates.New() })

// checker accumulates findings under one edition, skipping rules the edition
// does not state.
type checker struct {
	r     *guidance.Report
	e     guidance.Edition
	cites citations.Store // each finding's own copy of its citations
}

// start points c.r at the findings buffer: the run's when there is one (the
// returned index is where this check's findings begin), else a new one of
// capacity n.
func (c *checker) start(n int) int {
	c.r.Findings = make([]guidance.Finding, 0, n)
	return 0
}

// finish sorts this check's findings (from index from) by urgency and hands
// the buffer back to the run, if any.
func (c *checker) finish(from int) {
	own := guidance.Report{Findings: c.r.Findings[from:]}
	own.Sort()
}

// due computes the deadline of timescale id through the run, if any.
func (c *checker) due(id string, anchors timescale.Anchors, opts Options) (timescale.Deadline, error) {
	return timescale.Due(id, c.e, anchors, timescale.Options{Calendar: opts.Calendar, Policies: opts.Policies, Local: opts.Local})
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

func edition(opts Options, anchor Date, anchorField string) (guidance.Edition, error) {
	if opts.Edition != guidance.EditionUnset {
		if !opts.Edition.Valid() {
			return 0, &guidance.Error{Kind: guidance.UnknownEdition, Field: "options.edition", Value: opts.Edition.String(),
				Hint: "use guidance.Edition2014, Edition2021 or Edition2023"}
		}
		return opts.Edition, nil
	}
	if anchor.IsZero() {
		return 0, &guidance.Error{Kind: guidance.MissingFact, Field: anchorField,
			Hint: "give the " + anchorField + " date or choose Options.Edition, so the plan is checked under one edition"}
	}
	e, err := guidance.InForce(anchor)
	if err != nil {
		return 0, &guidance.Error{Kind: guidance.NotInForce, Field: anchorField, Hint: "choose Options.Edition: no modelled edition was in force then", Err: err}
	}
	return e, nil
}

func checkOptions(opts Options) error {
	if !opts.Today.IsZero() && !opts.Today.Valid() {
		return &guidance.Error{Kind: guidance.Invalid, Field: "options.today", Hint: "give a real date or leave it zero"}
	}
	if err := timescale.CheckPolicies(opts.Policies); err != nil {
		return err
	}
	for i, v := range opts.Variations {
		if err := v.Validate(); err != nil {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("options.variations", i), Hint: "fix the variation", Err: err}
		}
	}
	return nil
}

// Check checks a Child Protection Plan against every rule of RULES.md
// section 4 stated in the chosen edition, and the timescale
// (for a pre-birth plan) birth.pre-discharge, computed and explained by
// package timescale. It returns every finding, sorted by urgency; it never
// stops at the first.
//
// The error is non-nil only for bad input or options (an invalid plan, an
// unknown edition or policy, a local timescale that does not tighten the
// national one, no edition determinable); the plan's failings
// are findings, and [guidance.Report.Err] says whether any is a breach.
//
// The checks look at what the record can show. Each message says what to
// fix and, where the guidance asks for a judgement (is the objective
// attainable, is the contingency specific enough), what a person must still
// judge. The prompts to reflection are not checked here: see [Reflect].
func Check(p *Plan, opts Options) (*guidance.Report, error) {
	return checkPlan(p, opts)
}

// checkPlan is Check, in a run of cpguide.Check when r is not nil.
func checkPlan(p *Plan, opts Options) (*guidance.Report, error) {
	if p == nil {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "plan", Hint: "give a plan"}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	anchor := p.CPPM
	if anchor.IsZero() && len(p.Versions) > 0 {
		anchor = p.Versions[0].Date
	}
	e, err := edition(opts, anchor, "cppm")
	if err != nil {
		return nil, err
	}
	if err := timescale.CheckLocal(opts.Local, e); err != nil {
		return nil, err
	}
	c := &checker{r: &guidance.Report{Edition: e, Today: opts.Today}, e: e}
	from := c.start(24)
	checkCollaboration(c, p)
	checkActions(c, p)
	checkOutcomes(c, p, opts.Today)
	checkLead(c, p)
	checkCoreGroup(c, p)
	checkContingencies(c, p)
	checkChild(c, p)
	checkObjectives(c, p, opts.Today)
	checkRisks(c, p)
	checkPreBirth(c, p)
	checkInPlace(c, p)
	checkSinglePlan(c, p)
	checkProvisional(c, p, opts.Today)
	if err := checkPreDischarge(c, p, opts); err != nil {
		return nil, err
	}
	c.finish(from)
	return c.r, nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// list renders up to a few paths: "actions[0], actions[2]".
func list(paths []string) string {
	const max = 6
	if len(paths) > max {
		return strings.Join(paths[:max], ", ") + fmt.Sprintf(" and %d more", len(paths)-max)
	}
	return strings.Join(paths, ", ")
}

func checkCollaboration(c *checker, p *Plan) {
	const id = "plan.collaboration"
	if !c.has(id) {
		return
	}
	var miss []string
	if blank(p.Family.How) && blank(p.Family.NotPossible) {
		miss = append(miss, "how the family was involved (family.how)")
	}
	if blank(p.Child.How) && blank(p.Child.Views) && blank(p.Child.NotPossible) {
		miss = append(miss, "how the child was consulted (child.how or child.views, or child.not_possible)")
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "plan", "record "+strings.Join(miss, " and ")+": the plan must be developed with the child and family")
		return
	}
	c.add(id, guidance.Met, "plan", "the plan records how the child and family were involved; whether they truly shaped it is for the Chair and Core Group to judge")
}

func checkActions(c *checker, p *Plan) {
	risks := make(map[string]bool, len(p.Risks))
	for _, r := range p.Risks {
		risks[r.ID] = true
	}
	var unlinked, unknown, noPerson, noAgency, noOutcome []string
	for i, a := range p.Actions {
		f := idx("actions", i)
		switch {
		case blank(a.Risk):
			unlinked = append(unlinked, f+".risk")
		case !risks[a.Risk]:
			unknown = append(unknown, f+".risk")
		}
		if blank(a.Responsible.Name) {
			noPerson = append(noPerson, f+".responsible.name")
		}
		if blank(a.Responsible.Agency) {
			noAgency = append(noAgency, f+".responsible.agency")
		}
		if blank(a.Outcome) {
			noOutcome = append(noOutcome, f+".outcome")
		}
	}
	const link = "plan.actions-linked-to-risk"
	switch {
	case len(p.Actions) == 0:
		c.add(link, guidance.Missing, "actions", "the plan records no actions: add each action with the risk it reduces or removes")
	case len(unlinked)+len(unknown) > 0:
		var parts []string
		if len(unlinked) > 0 {
			parts = append(parts, "name the risk each action reduces or removes at "+list(unlinked))
		}
		if len(unknown) > 0 {
			parts = append(parts, "use the ID of a risk listed in risks at "+list(unknown))
		}
		c.add(link, guidance.Missing, "actions", strings.Join(parts, "; "))
	default:
		c.add(link, guidance.Met, "actions", "each of "+strconv.Itoa(len(p.Actions))+" action(s) names a recorded risk")
	}
	const resp = "plan.action-responsibility"
	switch {
	case len(p.Actions) == 0:
		c.add(resp, guidance.Missing, "actions", "the plan records no actions: add each action with the person and agency responsible")
	case len(noPerson)+len(noAgency) > 0:
		c.add(resp, guidance.Missing, "actions", "state who is responsible: "+list(append(noPerson, noAgency...)))
	default:
		c.add(resp, guidance.Met, "actions", "each of "+strconv.Itoa(len(p.Actions))+" action(s) names a responsible person and agency")
	}
	const prop = "plan.proportionate-interventions"
	switch {
	case len(p.Actions) == 0:
		c.add(prop, guidance.Missing, "actions", "the plan records no actions: add each with its intended outcome")
	case len(noOutcome) > 0:
		c.add(prop, guidance.Missing, "actions", "record the intended outcome of each action at "+list(noOutcome))
	default:
		c.add(prop, guidance.Met, "actions", "each action records its intended outcome; whether each is proportionate and understood by the child and parents is for the Core Group to judge")
	}
}

func checkOutcomes(c *checker, p *Plan, today Date) {
	const id = "plan.outcomes-current"
	if !c.has(id) {
		return
	}
	var have [3]bool
	for _, o := range p.Outcomes {
		switch o.Term {
		case Short:
			have[0] = have[0] || !blank(o.Description)
		case Medium:
			have[1] = have[1] || !blank(o.Description)
		case Long:
			have[2] = have[2] || !blank(o.Description)
		}
	}
	var miss []string
	for i, t := range []Term{Short, Medium, Long} {
		if !have[i] {
			miss = append(miss, string(t))
		}
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "outcomes", "record the child's outcome(s) for the "+strings.Join(miss, ", ")+" term (outcomes)")
		return
	}
	if today.IsZero() {
		c.add(id, guidance.Unknown, "outcomes", "outcomes are recorded for each term; give the date of the check to confirm no action is past its timescale")
		return
	}
	// An ended plan is judged as it stood when it ended.
	asOf := today
	if !p.Ended.IsZero() && p.Ended.Before(asOf) {
		asOf = p.Ended
	}
	var stale, noBy []string
	for i, a := range p.Actions {
		switch {
		case a.By.IsZero():
			noBy = append(noBy, idx("actions", i)+".by")
		case a.Done.IsZero() && a.By.Before(asOf):
			stale = append(stale, idx("actions", i))
		}
	}
	switch {
	case len(stale) > 0:
		c.add(id, guidance.Overdue, "plan", "the plan is not current: "+list(stale)+" passed its timescale without being done; review and update the plan")
	case len(noBy) > 0:
		c.add(id, guidance.Unknown, "plan", "give each action a timescale so the plan's currency can be checked: "+list(noBy))
	default:
		c.add(id, guidance.Met, "plan", "outcomes are recorded for each term and no action is past its timescale; whether the plan still fits the child's circumstances is for the Core Group to judge")
	}
}

func checkLead(c *checker, p *Plan) {
	lp := p.LeadProfessional
	switch {
	case lp == nil || blank(lp.Name):
		c.add("plan.lead-professional", guidance.Missing, "lead professional", "name the lead professional (lead_professional.name)")
	case blank(lp.Agency):
		c.add("plan.lead-professional", guidance.Missing, "lead professional", "record the lead professional's agency (lead_professional.agency)")
	default:
		c.add("plan.lead-professional", guidance.Met, "lead professional", "a lead professional is named")
	}
	const sw = "plan.lead-professional-social-worker"
	switch {
	case lp == nil:
		c.add(sw, guidance.Unknown, "lead professional", "no lead professional recorded; name one who is a qualified social worker")
	case lp.QualifiedSocialWorker == nil:
		c.add(sw, guidance.Unknown, "lead professional", "record whether the lead professional is a qualified social worker (lead_professional.qualified_social_worker)")
	case !*lp.QualifiedSocialWorker:
		c.add(sw, guidance.Missing, "lead professional", "in child protection cases the lead professional must be a qualified social worker: appoint one")
	default:
		c.add(sw, guidance.Met, "lead professional", "the lead professional is recorded as a qualified social worker")
	}
}

func checkCoreGroup(c *checker, p *Plan) {
	const id = "plan.core-group-named"
	if len(p.CoreGroup) == 0 {
		c.add(id, guidance.Missing, "core group", "name the key contributors, the Core Group (core_group)")
		return
	}
	var miss []string
	for i, m := range p.CoreGroup {
		if blank(m.Name) {
			miss = append(miss, idx("core_group", i)+".name")
		}
		if blank(m.Agency) {
			miss = append(miss, idx("core_group", i)+".agency")
		}
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "core group", "complete each Core Group member's name and agency: "+list(miss))
		return
	}
	c.add(id, guidance.Met, "core group", strconv.Itoa(len(p.CoreGroup))+" Core Group member(s) named with their agency")
}

func checkContingencies(c *checker, p *Plan) {
	const id = "plan.contingencies"
	if len(p.Contingencies) == 0 {
		c.add(id, guidance.Missing, "contingencies", "add detailed contingencies: what will trigger them if the plan is not fully implemented, and the response")
		return
	}
	var miss []string
	for i, k := range p.Contingencies {
		if blank(k.Trigger) {
			miss = append(miss, idx("contingencies", i)+".trigger")
		}
		if blank(k.Response) {
			miss = append(miss, idx("contingencies", i)+".response")
		}
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "contingencies", "each contingency needs a trigger and a response: "+list(miss))
		return
	}
	c.add(id, guidance.Met, "contingencies", strconv.Itoa(len(p.Contingencies))+" contingency(ies) with trigger and response; whether they are specific enough to act on is for the Core Group to judge")
}

func checkChild(c *checker, p *Plan) {
	const id = "plan.child-involvement"
	switch {
	case !blank(p.Child.How) || !blank(p.Child.Views):
		c.add(id, guidance.Met, "child", "the plan records how the child was involved or their views; whether this was sensitive to their age and stage is for the Core Group to judge")
	case !blank(p.Child.NotPossible):
		c.add(id, guidance.Met, "child", "the plan records why the child could not be involved; whether their views could still be represented is for the Core Group to judge")
	default:
		c.add(id, guidance.Missing, "child", "record how the child was involved and their views represented (child.how, child.views), or why that was not possible (child.not_possible)")
	}
}

func checkObjectives(c *checker, p *Plan, today Date) {
	const id = "plan.objectives-smarter"
	if !c.has(id) {
		return
	}
	// The 2023 update asks for SMARTER objectives (S0): evaluated and
	// re-evaluated. The 2021 wording (S3) is SMART and regularly
	// re-evaluated: the first evaluation date is not demanded.
	smarter := c.e != guidance.Edition2021
	wording, when := "SMARTER (2023 wording)", "when it is evaluated and re-evaluated"
	if !smarter {
		wording, when = "SMART and regularly re-evaluated (2021 wording)", "when it is re-evaluated"
	}
	if len(p.Objectives) == 0 {
		c.add(id, guidance.Missing, "objectives", "record the plan's objectives, each with what is measured, by when, and "+when+": objectives should be "+wording)
		return
	}
	risks := make(map[string]bool, len(p.Risks))
	for _, r := range p.Risks {
		risks[r.ID] = true
	}
	var miss, late []string
	for i, o := range p.Objectives {
		f := idx("objectives", i)
		if blank(o.Description) {
			miss = append(miss, f+".description")
		}
		if blank(o.Measure) {
			miss = append(miss, f+".measure")
		}
		if (blank(o.Risk) || !risks[o.Risk]) && o.Outcome == "" {
			miss = append(miss, f+".risk or .outcome")
		}
		if o.By.IsZero() {
			miss = append(miss, f+".by")
		}
		if o.Evaluate.IsZero() && smarter {
			miss = append(miss, f+".evaluate")
		}
		if o.ReEvaluate.IsZero() {
			miss = append(miss, f+".re_evaluate")
		}
		if today.IsZero() || !p.Ended.IsZero() {
			continue
		}
		if smarter && !o.Evaluate.IsZero() && o.Evaluated.IsZero() && o.Evaluate.Before(today) {
			late = append(late, f+".evaluated")
		}
		if !o.ReEvaluate.IsZero() && o.ReEvaluated.IsZero() && o.ReEvaluate.Before(today) {
			late = append(late, f+".re_evaluated")
		}
	}
	switch {
	case len(miss) > 0:
		c.add(id, guidance.Missing, "objectives", "objectives should be "+wording+": record the attributes missing at "+list(miss))
	case len(late) > 0:
		c.add(id, guidance.Overdue, "objectives", "objectives should be "+wording+": an evaluation date has passed with no evaluation recorded: evaluate the objectives and record the date at "+list(late))
	case today.IsZero():
		c.add(id, guidance.Met, "objectives", "objectives should be "+wording+": each records a measure, a date, what it serves and "+when+" (give the date of the check to confirm the evaluations are on time); whether each is specific, attainable and its measure meaningful is for the Core Group to judge")
	default:
		c.add(id, guidance.Met, "objectives", "objectives should be "+wording+": each records a measure, a date, what it serves and "+when+"; whether each is specific, attainable and its measure meaningful is for the Core Group to judge")
	}
}

func checkRisks(c *checker, p *Plan) {
	const id = "plan.risks-considered"
	if len(p.Risks) == 0 {
		c.add(id, guidance.Missing, "risks", "record the risks identified, each with its horizon (immediate, short or long term)")
		return
	}
	var miss []string
	for i, r := range p.Risks {
		if r.Horizon == "" {
			miss = append(miss, idx("risks", i)+".horizon")
		}
		if blank(r.Description) {
			miss = append(miss, idx("risks", i)+".description")
		}
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "risks", "describe each risk and its horizon: "+list(miss))
		return
	}
	c.add(id, guidance.Met, "risks", "risks are recorded with their horizon; whether immediate, short-term and longer-term risks were all considered is for the CPPM to judge")
}

func checkPreBirth(c *checker, p *Plan) {
	const id = "plan.pre-birth-birth-notifier"
	switch {
	case !p.PreBirth:
		c.add(id, guidance.NotApplicable, "birth notification", "not a pre-birth plan")
	case p.BirthNotifier == nil || blank(p.BirthNotifier.Name) || blank(p.BirthNotifier.Agency):
		c.add(id, guidance.Missing, "birth notification", "name who will notify the agencies of the birth, with their agency (birth_notifier)")
	default:
		c.add(id, guidance.Met, "birth notification", "the plan names who notifies the birth")
	}
}

func checkInPlace(c *checker, p *Plan) {
	const id, subj = "plan.in-place", "plan in place"
	switch {
	case p.Ended.IsZero():
		c.add(id, guidance.Met, subj, "the plan is in force")
	case p.EndedByCPPM.IsZero():
		c.add(id, guidance.Missing, subj, "the plan ended without a recorded CPPM decision that the child is no longer at risk of significant harm: record that CPPM (ended_by_cppm) or reinstate the plan")
	case p.Ended.Before(p.EndedByCPPM):
		c.add(id, guidance.Missing, subj, "the plan ended before the CPPM that decided the risk of significant harm had passed: record the correct dates or reinstate the plan")
	default:
		c.add(id, guidance.Met, subj, "the plan ended after a CPPM decided the child is no longer at risk of significant harm; whether that decision was right is for the CPPM to judge")
	}
}

func checkSinglePlan(c *checker, p *Plan) {
	const id, subj = "plan.single-plan", "one plan"
	switch {
	case p.IncorporatedInChildsPlan == nil:
		c.add(id, guidance.Unknown, subj, "record whether the child's plan incorporates the Child Protection Plan (incorporated_in_childs_plan)")
	case !*p.IncorporatedInChildsPlan:
		c.add(id, guidance.Missing, subj, "the Child Protection Plan is recorded as separate from the child's plan: incorporate it in the child's plan, with one plan and one meeting structure")
	default:
		c.add(id, guidance.Met, subj, "the child's plan incorporates the Child Protection Plan")
	}
}

// checkProvisional checks that a provisional plan does not outlive the first
// Core Group, where the full plan is formulated with the family.
func checkProvisional(c *checker, p *Plan, today Date) {
	const id, subj = "plan.provisional", "provisional plan"
	const fix = ": formulate the full plan with the family and record it as a new, not provisional, version"
	first := p.FirstCoreGroup
	var last Date
	if n := len(p.Versions); n > 0 {
		last = p.Versions[n-1].Date
	}
	switch {
	case !p.Provisional:
		c.add(id, guidance.Met, subj, "the plan is not marked provisional")
	case first.IsZero():
		c.add(id, guidance.Unknown, subj, "the plan is provisional: record the date of the first Core Group, held or planned (first_core_group), when the full plan is to be formulated")
	case !last.IsZero() && last.After(first):
		c.add(id, guidance.Missing, subj, fmt.Sprintf("the latest version (%s) is dated after the first Core Group (%s) and is still provisional%s", last, first, fix))
	case today.IsZero():
		c.add(id, guidance.Unknown, subj, fmt.Sprintf("the plan is provisional and the first Core Group is dated %s: give the date of the check to tell whether it has passed", first))
	case today.After(first):
		c.add(id, guidance.Missing, subj, fmt.Sprintf("the first Core Group (%s) has passed and the plan is still provisional%s", first, fix))
	default:
		c.add(id, guidance.Met, subj, "the plan is provisional until the first Core Group ("+first.String()+"), where the full plan is to be formulated with the family")
	}
}

// checkPreDischarge assesses the timescale birth.pre-discharge for a
// pre-birth plan through package timescale.
func checkPreDischarge(c *checker, p *Plan, opts Options) error {
	const id = "birth.pre-discharge"
	if !p.PreBirth || !c.has(id) {
		return nil
	}
	if p.Discharge.IsZero() {
		c.add(id, guidance.Unknown, "pre-discharge meeting", "give the baby's planned discharge date (discharge): the baby must not be discharged before a pre-discharge meeting")
		return nil
	}
	dl, err := c.due(id, timescale.Anchors{timescale.EventDischarge: p.Discharge}, opts)
	if err != nil {
		return err
	}
	c.r.Add(dl.AssessFor("pre-discharge meeting", p.PreDischargeMeeting, opts.Today, opts.Variations...))
	return nil
}

// CheckInterim checks an Interim Safety Plan against isp.contents (G21
// 3.110). The edition defaults to the one in force on the IRD.
func CheckInterim(p *InterimSafetyPlan, opts Options) (*guidance.Report, error) {
	return checkInterim(p, opts)
}

// checkInterim is CheckInterim, in a run of cpguide.Check when r is not nil.
func checkInterim(p *InterimSafetyPlan, opts Options) (*guidance.Report, error) {
	if p == nil {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "interim_safety_plan", Hint: "give an interim safety plan"}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	e, err := edition(opts, p.IRD, "ird")
	if err != nil {
		return nil, err
	}
	c := &checker{r: &guidance.Report{Edition: e, Today: opts.Today}, e: e}
	const id = "isp.contents"
	if !c.has(id) {
		return c.r, nil
	}
	from := c.start(1)
	var miss []string
	if p.IRD.IsZero() {
		miss = append(miss, "the date of the IRD from which the plan runs (ird)")
	}
	if len(p.Actions) == 0 {
		miss = append(miss, "what each participant will do (actions)")
	}
	for i, a := range p.Actions {
		if blank(a.Responsible.Name) || blank(a.Responsible.Agency) {
			miss = append(miss, "who does "+idx("actions", i)+" and for which agency ("+idx("actions", i)+".responsible)")
		}
		if blank(a.Description) {
			miss = append(miss, "what "+idx("actions", i)+" is ("+idx("actions", i)+".description)")
		}
	}
	if blank(p.ChildSeenHeard) {
		miss = append(miss, "how the child will be seen and heard (child_seen_heard)")
	}
	if len(p.ChildContacts) == 0 {
		miss = append(miss, "whom the child can contact (child_contacts)")
	}
	if blank(p.NeedsHarm) {
		miss = append(miss, "the needs and harm the plan addresses (needs_harm)")
	}
	if len(p.HighRiskContexts) == 0 && !p.NoHighRiskContexts {
		miss = append(miss, "the high-risk contexts and how each is managed, or that none was identified (high_risk_contexts)")
	}
	for i, h := range p.HighRiskContexts {
		if blank(h.Context) {
			miss = append(miss, "what "+idx("high_risk_contexts", i)+" is ("+idx("high_risk_contexts", i)+".context)")
		}
		if blank(h.Management) {
			miss = append(miss, "how "+idx("high_risk_contexts", i)+" is managed ("+idx("high_risk_contexts", i)+".management)")
		}
	}
	if len(miss) > 0 {
		c.add(id, guidance.Missing, "interim safety plan", "record "+strings.Join(miss, "; "))
	} else {
		c.add(id, guidance.Met, "interim safety plan", "every element is recorded; whether it is in plain language the child and family understand is for a person to judge")
	}
	c.finish(from)
	return c.r, nil
}

// Deadlines returns what the plan still owes, each deadline explaining how it
// was counted: the record of the plan to participants (while it has not been
// sent) and, for a pre-birth plan, the pre-discharge meeting (while it has not
// been held). They are sorted by due date.
func Deadlines(p *Plan, opts Options) ([]timescale.Deadline, error) {
	if p == nil {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "plan", Hint: "give a plan"}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	anchor := p.CPPM
	if anchor.IsZero() && len(p.Versions) > 0 {
		anchor = p.Versions[0].Date
	}
	e, err := edition(opts, anchor, "cppm")
	if err != nil {
		return nil, err
	}
	if err := timescale.CheckLocal(opts.Local, e); err != nil {
		return nil, err
	}
	c := &checker{e: e}
	topts := timescale.Options{Calendar: opts.Calendar, Policies: opts.Policies, Local: opts.Local}
	var out []timescale.Deadline
	if c.has("birth.pre-discharge") && p.PreBirth && !p.Discharge.IsZero() && p.PreDischargeMeeting.IsZero() {
		dl, err := timescale.Due("birth.pre-discharge", e, timescale.Anchors{timescale.EventDischarge: p.Discharge}, topts)
		if err != nil {
			return nil, err
		}
		out = append(out, dl)
	}
	slices.SortStableFunc(out, func(a, b timescale.Deadline) int { return a.Due.Compare(b.Due) })
	return out, nil
}
