package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/timescale"
)

// Options control a check.
type Options struct {
	// Options are the options of every check. The zero Edition means the
	// edition in force on the CPPM (or, if it is not recorded, on the date
	// of the plan's first version; for an Interim Safety Plan, on the IRD).
	// Editions are never blended.
	engine.Options
}

// Checks are the rules of a Child Protection Plan, each bound to the
// function that checks it: every rule of RULES.md section 4 and the
// timescale birth.pre-discharge. [Check], [Deadlines] and cpguide.Check run
// these values, in this order. (The record of the plan, plan.record, is
// owed by the CPPM that agreed it: package meeting checks it.)
var Checks = []engine.Check[Plan]{
	{Rule: "plan.collaboration", Run: engine.Findings(checkCollaboration)},
	{Rule: "plan.actions-linked-to-risk", Run: engine.Findings(checkActionsLinked)},
	{Rule: "plan.outcomes-current", Run: engine.Findings(checkOutcomes)},
	{Rule: "plan.action-responsibility", Run: engine.Findings(checkResponsibility)},
	{Rule: "plan.lead-professional", Run: engine.Findings(checkLead)},
	{Rule: "plan.lead-professional-childs-plan", Run: engine.Findings(checkLeadChildsPlan)},
	{Rule: "plan.lead-professional-social-worker", Run: engine.Findings(checkLeadSocialWorker)},
	{Rule: "plan.core-group-named", Run: engine.Findings(checkCoreGroup)},
	{Rule: "plan.contingencies", Run: engine.Findings(checkContingencies)},
	{Rule: "plan.child-involvement", Run: engine.Findings(checkChild)},
	{Rule: "plan.objectives-smarter", Run: engine.Findings(checkObjectives)},
	{Rule: "plan.proportionate-interventions", Run: engine.Findings(checkProportionate)},
	{Rule: "plan.risks-considered", Run: engine.Findings(checkRisks)},
	{Rule: "plan.in-place", Run: engine.Findings(checkInPlace)},
	{Rule: "plan.pre-birth-birth-notifier", Run: engine.Findings(checkPreBirth)},
	{Rule: "plan.single-plan", Run: engine.Findings(checkSinglePlan)},
	{Rule: "plan.provisional", Run: engine.Findings(checkProvisional)},
	{Rule: "birth.pre-discharge", Run: engine.Findings(checkPreDischarge)},
}

// InterimChecks are the rules of an Interim Safety Plan: isp.contents (G21
// 3.110). [CheckInterim] and cpguide.Check run these values.
var InterimChecks = []engine.Check[InterimSafetyPlan]{
	{Rule: "isp.contents", Run: engine.Findings(checkInterimContents)},
}

// Run checks the plan on the pass: the rules of [Checks], each stated in
// the pass's edition, with findings about "plan" unless a check names a
// part of it. It is the entry point of cpguide.Check; [Check] and
// [Deadlines] run it on a pass of their own. An invalid plan is an error
// and nothing is reported.
func Run(p *engine.Pass, pl *Plan) error {
	if pl == nil || !p.Validated {
		if err := validate(pl); err != nil {
			return err
		}
	}
	return engine.Run(p, "plan", pl, Checks)
}

// RunInterim checks the Interim Safety Plan on the pass: the rules of
// [InterimChecks]. It is the entry point of cpguide.Check; [CheckInterim]
// runs it on a pass of its own.
func RunInterim(p *engine.Pass, isp *InterimSafetyPlan) error {
	if isp == nil || !p.Validated {
		if err := validateInterim(isp); err != nil {
			return err
		}
	}
	return engine.Run(p, "interim safety plan", isp, InterimChecks)
}

func validate(pl *Plan) error {
	if pl == nil {
		return &guidance.Error{Kind: guidance.Invalid, Field: "plan", Hint: "give a plan"}
	}
	return pl.Validate()
}

func validateInterim(isp *InterimSafetyPlan) error {
	if isp == nil {
		return &guidance.Error{Kind: guidance.Invalid, Field: "interim_safety_plan", Hint: "give an interim safety plan"}
	}
	return isp.Validate()
}

// planPass is the pass of a check of pl on its own, under the edition in
// force on the CPPM or, if it is not recorded, the plan's first version.
func planPass(pl *Plan, opts Options) (*engine.Pass, error) {
	if err := validate(pl); err != nil {
		return nil, err
	}
	var first Date
	if len(pl.Versions) > 0 {
		first = pl.Versions[0].Date
	}
	return opts.ValidatedPassOn("cppm", pl.CPPM, first)
}

// Check checks a Child Protection Plan against the rules of [Checks]: every
// rule of RULES.md section 4 and, for a pre-birth plan, the timescale
// birth.pre-discharge, computed and explained by package timescale. It
// returns every finding, sorted by urgency; it never stops at the first. A
// rule the edition does not state has one NotApplicable finding saying so.
//
// The error is non-nil only for bad input or options (an invalid plan, an
// unknown edition or policy, a local timescale that does not tighten the
// national one, no edition determinable); the plan's failings are findings,
// and [guidance.Report.Err] says whether any is a breach.
//
// The checks look at what the record can show. Each message says what to
// fix and, where the guidance asks for a judgement (is the objective
// attainable, is the contingency specific enough), what a person must still
// judge. The prompts to reflection are not checked here: see [Reflect].
func Check(pl *Plan, opts Options) (*guidance.Report, error) {
	p, err := planPass(pl, opts)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, pl); err != nil {
		return nil, err
	}
	rep := p.TakeSortedReport()
	return rep, nil
}

// Deadlines returns what the plan still owes, each deadline explaining how
// it was counted: for a pre-birth plan, the pre-discharge meeting while it
// has not been held. They are the deadlines the checks of [Checks] find
// owed, sorted by due date. (The record of the plan is owed by the CPPM:
// see package meeting.)
func Deadlines(pl *Plan, opts Options) ([]timescale.Deadline, error) {
	p, err := planPass(pl, opts)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, pl); err != nil {
		return nil, err
	}
	dls := p.TakeDeadlines()
	return dls, nil
}

// CheckInterim checks an Interim Safety Plan against the rules of
// [InterimChecks]: isp.contents (G21 3.110). The edition defaults to the
// one in force on the IRD.
func CheckInterim(isp *InterimSafetyPlan, opts Options) (*guidance.Report, error) {
	if err := validateInterim(isp); err != nil {
		return nil, err
	}
	p, err := opts.ValidatedPassOn("ird", isp.IRD)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := RunInterim(p, isp); err != nil {
		return nil, err
	}
	rep := p.TakeSortedReport()
	return rep, nil
}

// list renders up to a few paths: "actions[0], actions[2]".
func list(paths []string) string {
	const max = 6
	if len(paths) > max {
		return strings.Join(paths[:max], ", ") + fmt.Sprintf(" and %d more", len(paths)-max)
	}
	return strings.Join(paths, ", ")
}

func checkCollaboration(p *engine.Pass, pl *Plan) {
	miss := make([]string, 0, 8)
	if blank.Is(pl.Family.How) && blank.Is(pl.Family.NotPossible) {
		miss = append(miss, "how the family was involved (family.how)")
	}
	if blank.Is(pl.Child.How) && blank.Is(pl.Child.Views) && blank.Is(pl.Child.NotPossible) {
		miss = append(miss, "how the child was consulted (child.how or child.views, or child.not_possible)")
	}
	if len(miss) > 0 {
		p.Report(guidance.Missing, p.List("record ", miss, " and ", ": the plan must be developed with the child and family"))
		return
	}
	p.Report(guidance.Met, "the plan records how the child and family were involved; whether they truly shaped it is for the Chair and Core Group to judge")
}

// actionGaps are the paths of what the plan's actions leave unrecorded.
type actionGaps struct {
	unlinked, unknown, noPerson, noAgency, noOutcome []string
}

func gapsOf(pl *Plan) actionGaps {
	// A few risks are looked up by scanning; many, through a set, so that
	// the time stays linear in the plan.
	var risks map[string]bool
	if len(pl.Risks) > 8 {
		risks = make(map[string]bool, len(pl.Risks))
		for _, r := range pl.Risks {
			risks[r.ID] = true
		}
	}
	known := func(id string) bool {
		if risks != nil {
			return risks[id]
		}
		return slices.ContainsFunc(pl.Risks, func(r Risk) bool { return r.ID == id })
	}
	var g actionGaps
	for i, a := range pl.Actions {
		// The paths are made only for the gaps found.
		f := func(field string) string { return idx("actions", i) + field }
		switch {
		case blank.Is(a.Risk):
			g.unlinked = append(g.unlinked, f(".risk"))
		case !known(a.Risk):
			g.unknown = append(g.unknown, f(".risk"))
		}
		if blank.Is(a.Responsible.Name) {
			g.noPerson = append(g.noPerson, f(".responsible.name"))
		}
		if blank.Is(a.Responsible.Agency) {
			g.noAgency = append(g.noAgency, f(".responsible.agency"))
		}
		if blank.Is(a.Outcome) {
			g.noOutcome = append(g.noOutcome, f(".outcome"))
		}
	}
	return g
}

func checkActionsLinked(p *engine.Pass, pl *Plan) {
	const subj = "actions"
	if len(pl.Actions) == 0 {
		p.ReportOn(subj, guidance.Missing, "the plan records no actions: add each action with the risk it reduces or removes")
		return
	}
	g := gapsOf(pl)
	if len(g.unlinked)+len(g.unknown) > 0 {
		parts := make([]string, 0, 8)
		if len(g.unlinked) > 0 {
			parts = append(parts, "name the risk each action reduces or removes at "+list(g.unlinked))
		}
		if len(g.unknown) > 0 {
			parts = append(parts, "use the ID of a risk listed in risks at "+list(g.unknown))
		}
		p.ReportOn(subj, guidance.Missing, p.Join(parts, "; "))
		return
	}
	p.ReportOnNumbers(subj, guidance.Met, "each of %d action(s) names a recorded risk", len(pl.Actions))
}

func checkResponsibility(p *engine.Pass, pl *Plan) {
	const subj = "actions"
	if len(pl.Actions) == 0 {
		p.ReportOn(subj, guidance.Missing, "the plan records no actions: add each action with the person and agency responsible")
		return
	}
	if g := gapsOf(pl); len(g.noPerson)+len(g.noAgency) > 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("state who is responsible: ", list(append(g.noPerson, g.noAgency...))))
		return
	}
	p.ReportOnNumbers(subj, guidance.Met, "each of %d action(s) names a responsible person and agency", len(pl.Actions))
}

func checkProportionate(p *engine.Pass, pl *Plan) {
	const subj = "actions"
	if len(pl.Actions) == 0 {
		p.ReportOn(subj, guidance.Missing, "the plan records no actions: add each with its intended outcome")
		return
	}
	if g := gapsOf(pl); len(g.noOutcome) > 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("record the intended outcome of each action at ", list(g.noOutcome)))
		return
	}
	p.ReportOn(subj, guidance.Met, "each action records its intended outcome; whether each is proportionate and understood by the child and parents is for the Core Group to judge")
}

func checkOutcomes(p *engine.Pass, pl *Plan) {
	var have [3]bool
	for _, o := range pl.Outcomes {
		switch o.Term {
		case Short:
			have[0] = have[0] || !blank.Is(o.Description)
		case Medium:
			have[1] = have[1] || !blank.Is(o.Description)
		case Long:
			have[2] = have[2] || !blank.Is(o.Description)
		}
	}
	miss := make([]string, 0, 8)
	for i, t := range []Term{Short, Medium, Long} {
		if !have[i] {
			miss = append(miss, string(t))
		}
	}
	if len(miss) > 0 {
		p.ReportOn("outcomes", guidance.Missing, p.List("record the child's outcome(s) for the ", miss, ", ", " term (outcomes)"))
		return
	}
	if p.Today.IsZero() {
		p.ReportOn("outcomes", guidance.Unknown, "outcomes are recorded for each term; give the date of the check to confirm no action is past its timescale")
		return
	}
	// An ended plan is judged as it stood when it ended.
	asOf := p.Today
	if !pl.Ended.IsZero() && pl.Ended.Before(asOf) {
		asOf = pl.Ended
	}
	stale, noBy := make([]string, 0, 8), make([]string, 0, 8)
	for i, a := range pl.Actions {
		switch {
		case a.By.IsZero():
			noBy = append(noBy, idx("actions", i)+".by")
		case a.Done.IsZero() && a.By.Before(asOf):
			stale = append(stale, idx("actions", i))
		}
	}
	switch {
	case len(stale) > 0:
		p.Report(guidance.Overdue, p.Concat("the plan is not current: ", list(stale), " passed its timescale without being done; review and update the plan"))
	case len(noBy) > 0:
		p.Report(guidance.Unknown, p.Concat("give each action a timescale so the plan's currency can be checked: ", list(noBy)))
	default:
		p.Report(guidance.Met, "outcomes are recorded for each term and no action is past its timescale; whether the plan still fits the child's circumstances is for the Core Group to judge")
	}
}

func checkLead(p *engine.Pass, pl *Plan) {
	const subj = "lead professional"
	lp := pl.LeadProfessional
	switch {
	case lp == nil || blank.Is(lp.Name):
		p.ReportOn(subj, guidance.Missing, "name the lead professional (lead_professional.name)")
	case blank.Is(lp.Agency):
		p.ReportOn(subj, guidance.Missing, "record the lead professional's agency (lead_professional.agency)")
	default:
		p.ReportOn(subj, guidance.Met, "a lead professional is named")
	}
}

// checkLeadChildsPlan checks what the record shows of G21 1.83: the lead
// professional answers for producing and reviewing the agreed multi-agency
// child's plan, and that plan integrates the single agencies' plans.
// Naming the lead professional is plan.lead-professional's step.
func checkLeadChildsPlan(p *engine.Pass, pl *Plan) {
	const subj = "child's plan"
	lp := pl.LeadProfessional
	missing, unknown := make([]string, 0, 8), make([]string, 0, 8)
	switch {
	case lp == nil:
		unknown = append(unknown, "a lead professional responsible for producing and reviewing the child's plan (lead_professional)")
	case lp.ResponsibleForChildsPlan == nil:
		unknown = append(unknown, "lead_professional.responsible_for_childs_plan")
	case !*lp.ResponsibleForChildsPlan:
		missing = append(missing, "make the lead professional responsible for producing and reviewing the agreed multi-agency child's plan")
	}
	switch {
	case pl.SingleAgencyPlansIntegrated == nil:
		unknown = append(unknown, "single_agency_plans_integrated")
	case !*pl.SingleAgencyPlansIntegrated:
		missing = append(missing, "integrate the single agencies' plans into the multi-agency plan")
	}
	switch {
	case len(missing) > 0 && len(unknown) > 0:
		// Each switch adds to one list: one step missing, the other unknown.
		p.ReportOn(subj, guidance.Missing, p.Concat(missing[0], "; also record ", unknown[0]))
	case len(missing) > 0:
		p.ReportOn(subj, guidance.Missing, p.Join(missing, "; "))
	case len(unknown) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("record ", unknown, ", ", ""))
	default:
		p.ReportOn(subj, guidance.Met, "the lead professional is responsible for producing and reviewing the child's plan, which integrates the single agencies' plans")
	}
}

func checkLeadSocialWorker(p *engine.Pass, pl *Plan) {
	const subj = "lead professional"
	lp := pl.LeadProfessional
	switch {
	case lp == nil:
		p.ReportOn(subj, guidance.Unknown, "no lead professional recorded; name one who is a qualified social worker")
	case lp.QualifiedSocialWorker == nil:
		p.ReportOn(subj, guidance.Unknown, "record whether the lead professional is a qualified social worker (lead_professional.qualified_social_worker)")
	case !*lp.QualifiedSocialWorker:
		p.ReportOn(subj, guidance.Missing, "in child protection cases the lead professional must be a qualified social worker: appoint one")
	default:
		p.ReportOn(subj, guidance.Met, "the lead professional is recorded as a qualified social worker")
	}
}

func checkCoreGroup(p *engine.Pass, pl *Plan) {
	const subj = "core group"
	if len(pl.CoreGroup) == 0 {
		p.ReportOn(subj, guidance.Missing, "name the key contributors, the Core Group (core_group)")
		return
	}
	miss := make([]string, 0, 8)
	for i, m := range pl.CoreGroup {
		if blank.Is(m.Name) {
			miss = append(miss, idx("core_group", i)+".name")
		}
		if blank.Is(m.Agency) {
			miss = append(miss, idx("core_group", i)+".agency")
		}
	}
	if len(miss) > 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("complete each Core Group member's name and agency: ", list(miss)))
		return
	}
	p.ReportOnNumbers(subj, guidance.Met, "%d Core Group member(s) named with their agency", len(pl.CoreGroup))
}

func checkContingencies(p *engine.Pass, pl *Plan) {
	const subj = "contingencies"
	if len(pl.Contingencies) == 0 {
		p.ReportOn(subj, guidance.Missing, "add detailed contingencies: what will trigger them if the plan is not fully implemented, and the response")
		return
	}
	miss := make([]string, 0, 8)
	for i, k := range pl.Contingencies {
		if blank.Is(k.Trigger) {
			miss = append(miss, idx("contingencies", i)+".trigger")
		}
		if blank.Is(k.Response) {
			miss = append(miss, idx("contingencies", i)+".response")
		}
	}
	if len(miss) > 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("each contingency needs a trigger and a response: ", list(miss)))
		return
	}
	p.ReportOnNumbers(subj, guidance.Met, "%d contingency(ies) with trigger and response; whether they are specific enough to act on is for the Core Group to judge", len(pl.Contingencies))
}

func checkChild(p *engine.Pass, pl *Plan) {
	const subj = "child"
	switch {
	case !blank.Is(pl.Child.How) || !blank.Is(pl.Child.Views):
		p.ReportOn(subj, guidance.Met, "the plan records how the child was involved or their views; whether this was sensitive to their age and stage is for the Core Group to judge")
	case !blank.Is(pl.Child.NotPossible):
		p.ReportOn(subj, guidance.Met, "the plan records why the child could not be involved; whether their views could still be represented is for the Core Group to judge")
	default:
		p.ReportOn(subj, guidance.Missing, "record how the child was involved and their views represented (child.how, child.views), or why that was not possible (child.not_possible)")
	}
}

func checkObjectives(p *engine.Pass, pl *Plan) {
	const subj = "objectives"
	// The 2023 update asks for SMARTER objectives (S0): evaluated and
	// re-evaluated. The 2021 wording (S3) is SMART and regularly
	// re-evaluated: the first evaluation date is not demanded.
	smarter := p.Edition != guidance.Edition2021
	wording, when, met := smarterWording, smarterWhen, &objectivesMet[0]
	if !smarter {
		wording, when, met = smartWording, smartWhen, &objectivesMet[1]
	}
	if len(pl.Objectives) == 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("record the plan's objectives, each with what is measured, by when, and ", when, ": objectives should be ", wording))
		return
	}
	risks := make(map[string]bool, len(pl.Risks))
	for _, r := range pl.Risks {
		risks[r.ID] = true
	}
	today := p.Today
	miss, late := make([]string, 0, 8), make([]string, 0, 8)
	for i, o := range pl.Objectives {
		f := idx("objectives", i)
		if blank.Is(o.Description) {
			miss = append(miss, f+".description")
		}
		if blank.Is(o.Measure) {
			miss = append(miss, f+".measure")
		}
		if (blank.Is(o.Risk) || !risks[o.Risk]) && o.Outcome == "" {
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
		if today.IsZero() || !pl.Ended.IsZero() {
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
		p.ReportOn(subj, guidance.Missing, p.Concat(objectivesPrefix, wording, ": record the attributes missing at ", list(miss)))
	case len(late) > 0:
		p.ReportOn(subj, guidance.Overdue, p.Concat(objectivesPrefix, wording, ": an evaluation date has passed with no evaluation recorded: evaluate the objectives and record the date at ", list(late)))
	case today.IsZero():
		p.ReportOn(subj, guidance.Met, met[0])
	default:
		p.ReportOn(subj, guidance.Met, met[1])
	}
}

// The wordings of plan.objectives-smarter: SMARTER in the 2023 update,
// SMART and regularly re-evaluated in 2021.
const (
	smarterWording = "SMARTER (2023 wording)"
	smarterWhen    = "when it is evaluated and re-evaluated"
	smartWording   = "SMART and regularly re-evaluated (2021 wording)"
	smartWhen      = "when it is re-evaluated"
)

// objectivesMet holds the Met messages of plan.objectives-smarter:
// SMARTER then SMART, each without and with the date of the check.
var objectivesMet = [2][2]string{
	{objectivesPrefix + smarterWording + objectivesMetMiddle + smarterWhen + objectivesMetNoToday + objectivesMetEnd,
		objectivesPrefix + smarterWording + objectivesMetMiddle + smarterWhen + objectivesMetEnd},
	{objectivesPrefix + smartWording + objectivesMetMiddle + smartWhen + objectivesMetNoToday + objectivesMetEnd,
		objectivesPrefix + smartWording + objectivesMetMiddle + smartWhen + objectivesMetEnd},
}

// The parts of the messages of plan.objectives-smarter (the prefix begins
// every one; the rest make the Met messages), joined when the program is
// compiled.
const (
	objectivesPrefix     = "objectives should be "
	objectivesMetMiddle  = ": each records a measure, a date, what it serves and "
	objectivesMetNoToday = " (give the date of the check to confirm the evaluations are on time)"
	objectivesMetEnd     = "; whether each is specific, attainable and its measure meaningful is for the Core Group to judge"
)

func checkRisks(p *engine.Pass, pl *Plan) {
	const subj = "risks"
	if len(pl.Risks) == 0 {
		p.ReportOn(subj, guidance.Missing, "record the risks identified, each with its horizon (immediate, short or long term)")
		return
	}
	miss := make([]string, 0, 8)
	for i, r := range pl.Risks {
		if r.Horizon == "" {
			miss = append(miss, idx("risks", i)+".horizon")
		}
		if blank.Is(r.Description) {
			miss = append(miss, idx("risks", i)+".description")
		}
	}
	if len(miss) > 0 {
		p.ReportOn(subj, guidance.Missing, p.Concat("describe each risk and its horizon: ", list(miss)))
		return
	}
	p.ReportOn(subj, guidance.Met, "risks are recorded with their horizon; whether immediate, short-term and longer-term risks were all considered is for the CPPM to judge")
}

func checkPreBirth(p *engine.Pass, pl *Plan) {
	const subj = "birth notification"
	switch {
	case !pl.PreBirth:
		p.ReportOn(subj, guidance.NotApplicable, "not a pre-birth plan")
	case pl.BirthNotifier == nil || blank.Is(pl.BirthNotifier.Name) || blank.Is(pl.BirthNotifier.Agency):
		p.ReportOn(subj, guidance.Missing, "name who will notify the agencies of the birth, with their agency (birth_notifier)")
	default:
		p.ReportOn(subj, guidance.Met, "the plan names who notifies the birth")
	}
}

func checkInPlace(p *engine.Pass, pl *Plan) {
	const subj = "plan in place"
	switch {
	case pl.Ended.IsZero():
		p.ReportOn(subj, guidance.Met, "the plan is in force")
	case pl.EndedByCPPM.IsZero():
		p.ReportOn(subj, guidance.Missing, "the plan ended without a recorded CPPM decision that the child is no longer at risk of significant harm: record that CPPM (ended_by_cppm) or reinstate the plan")
	case pl.Ended.Before(pl.EndedByCPPM):
		p.ReportOn(subj, guidance.Missing, "the plan ended before the CPPM that decided the risk of significant harm had passed: record the correct dates or reinstate the plan")
	default:
		p.ReportOn(subj, guidance.Met, "the plan ended after a CPPM decided the child is no longer at risk of significant harm; whether that decision was right is for the CPPM to judge")
	}
}

func checkSinglePlan(p *engine.Pass, pl *Plan) {
	const subj = "one plan"
	switch {
	case pl.IncorporatedInChildsPlan == nil:
		p.ReportOn(subj, guidance.Unknown, "record whether the child's plan incorporates the Child Protection Plan (incorporated_in_childs_plan)")
	case !*pl.IncorporatedInChildsPlan:
		p.ReportOn(subj, guidance.Missing, "the Child Protection Plan is recorded as separate from the child's plan: incorporate it in the child's plan, with one plan and one meeting structure")
	default:
		p.ReportOn(subj, guidance.Met, "the child's plan incorporates the Child Protection Plan")
	}
}

// checkProvisional checks that a provisional plan does not outlive the first
// Core Group, where the full plan is formulated with the family.
func checkProvisional(p *engine.Pass, pl *Plan) {
	const subj = "provisional plan"
	const fix = ": formulate the full plan with the family and record it as a new, not provisional, version"
	first := pl.FirstCoreGroup
	var last Date
	if n := len(pl.Versions); n > 0 {
		last = pl.Versions[n-1].Date
	}
	switch {
	case !pl.Provisional:
		p.ReportOn(subj, guidance.Met, "the plan is not marked provisional")
	case first.IsZero():
		p.ReportOn(subj, guidance.Unknown, "the plan is provisional: record the date of the first Core Group, held or planned (first_core_group), when the full plan is to be formulated")
	case !last.IsZero() && last.After(first):
		p.ReportOn(subj, guidance.Missing, fmt.Sprintf("the latest version (%s) is dated after the first Core Group (%s) and is still provisional%s", last, first, fix))
	case p.Today.IsZero():
		p.ReportOn(subj, guidance.Unknown, fmt.Sprintf("the plan is provisional and the first Core Group is dated %s: give the date of the check to tell whether it has passed", first))
	case p.Today.After(first):
		p.ReportOn(subj, guidance.Missing, fmt.Sprintf("the first Core Group (%s) has passed and the plan is still provisional%s", first, fix))
	default:
		p.ReportOn(subj, guidance.Met, p.Concat("the plan is provisional until the first Core Group (", first.String(), "), where the full plan is to be formulated with the family"))
	}
}

// checkPreDischarge assesses the timescale of the pre-discharge meeting of
// a pre-birth plan (G21 3.144). A plan that is not pre-birth owes none and
// has no finding.
func checkPreDischarge(p *engine.Pass, pl *Plan) {
	const subj = "pre-discharge meeting"
	switch {
	case !pl.PreBirth:
	case pl.Discharge.IsZero():
		p.ReportOn(subj, guidance.Unknown, "give the baby's planned discharge date (discharge): the baby must not be discharged before a pre-discharge meeting")
	default:
		p.Timed(subj, timescale.Anchors{timescale.EventDischarge: pl.Discharge}, pl.PreDischargeMeeting)
	}
}

func checkInterimContents(p *engine.Pass, isp *InterimSafetyPlan) {
	miss := make([]string, 0, 8)
	if isp.IRD.IsZero() {
		miss = append(miss, "the date of the IRD from which the plan runs (ird)")
	}
	if len(isp.Actions) == 0 {
		miss = append(miss, "what each participant will do (actions)")
	}
	for i, a := range isp.Actions {
		if blank.Is(a.Responsible.Name) || blank.Is(a.Responsible.Agency) {
			miss = append(miss, "who does "+idx("actions", i)+" and for which agency ("+idx("actions", i)+".responsible)")
		}
		if blank.Is(a.Description) {
			miss = append(miss, "what "+idx("actions", i)+" is ("+idx("actions", i)+".description)")
		}
	}
	if blank.Is(isp.ChildSeenHeard) {
		miss = append(miss, "how the child will be seen and heard (child_seen_heard)")
	}
	if len(isp.ChildContacts) == 0 {
		miss = append(miss, "whom the child can contact (child_contacts)")
	}
	if blank.Is(isp.NeedsHarm) {
		miss = append(miss, "the needs and harm the plan addresses (needs_harm)")
	}
	if len(isp.HighRiskContexts) == 0 && !isp.NoHighRiskContexts {
		miss = append(miss, "the high-risk contexts and how each is managed, or that none was identified (high_risk_contexts)")
	}
	for i, h := range isp.HighRiskContexts {
		if blank.Is(h.Context) {
			miss = append(miss, "what "+idx("high_risk_contexts", i)+" is ("+idx("high_risk_contexts", i)+".context)")
		}
		if blank.Is(h.Management) {
			miss = append(miss, "how "+idx("high_risk_contexts", i)+" is managed ("+idx("high_risk_contexts", i)+".management)")
		}
	}
	if len(miss) > 0 {
		p.Report(guidance.Missing, p.List("record ", miss, "; ", ""))
		return
	}
	p.Report(guidance.Met, "every element is recorded; whether it is in plain language the child and family understand is for a person to judge")
}
