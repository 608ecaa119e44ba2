package ird

import (
	"slices"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/timescale"
)

// Facts are what the IRD rules read of a case: the date the concern was
// raised, the IRD's record (nil: none recorded) and the Interim Safety Plan
// (nil: none recorded). The variations of the pass are the case's approved
// variations of timescales: an exception to the 28 days to the initial CPPM
// is a variation of rule cppm.initial.
type Facts struct {
	Concern           Date
	IRD               *IRD
	InterimSafetyPlan *plan.InterimSafetyPlan
}

// Options are the options of [Check]; see engine.Options. The zero Edition
// means the edition in force on the day the IRD started (or the concern
// was raised).
type Options struct {
	engine.Options
}

// Checks are the IRD's rules, one check value per rule. [Run],
// [Check] and cpguide.Check run these values, in this order.
var Checks = []engine.Check[Facts]{
	{Rule: "ird.required", Run: engine.Findings(checkRequired)},
	{Rule: "ird.prompt", Run: engine.Findings(checkPrompt)},
	{Rule: "ird.follow-up", Run: engine.Findings(checkFollowUp)},
	{Rule: "ird.core-agencies", Run: engine.Findings(checkCoreAgencies)},
	{Rule: "ird.record", Run: engine.Findings(checkRecord)},
	{Rule: "ird.information-shared", Run: engine.Findings(checkInformationShared)},
	{Rule: "ird.cppm-decision", Run: engine.Findings(checkCPPMDecision)},
	{Rule: "ird.cppm-exception", Run: engine.Findings(checkCPPMException)},
	{Rule: "ird.interim-safety-plan", Run: engine.Findings(checkInterimSafetyPlan)},
	{Rule: "ird.closure", Run: engine.Findings(checkClosure)},
	{Rule: "ird.lead-professional", Run: engine.Findings(checkLeadProfessional)},
}

// Subject is what every IRD finding is about.
const Subject = "IRD"

// Run runs [Checks] on the facts, on pass p.
func Run(p *engine.Pass, f Facts) error {
	if !p.Validated {
		if err := f.IRD.Validate(); err != nil {
			return err
		}
	}
	return facts.Run(p, Subject, f, Checks)
}

// facts recycles the records Run checks.
var facts engine.Pool[Facts]

// Check checks a case's IRD against [Checks] and returns every finding,
// sorted by urgency. The error is non-nil only for bad input or options; the
// IRD's failings are findings, and [guidance.Report.Err] says whether any is
// a breach.
func Check(f Facts, opts Options) (*guidance.Report, error) {
	if err := f.IRD.Validate(); err != nil {
		return nil, err
	}
	p, err := opts.ValidatedPassOn("ird", f.IRD.Started(), f.Concern)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, f); err != nil {
		return nil, err
	}
	rep := p.TakeSortedReport()
	return rep, nil
}

// held reports whether an IRD is recorded: its date, the date of an
// out-of-hours discussion, or a decision only an IRD makes (to investigate,
// or on a CPPM), where the case does not date the IRD itself.
func (f *Facts) held() bool {
	r := f.IRD
	return r != nil && (!r.Started().IsZero() || !r.Decisions.Investigation.IsZero() || r.Decisions.CPPM != nil)
}

// record reports whether the rule that needs the record's contents can
// look at them; if not, it reports why and returns false.
func record(p *engine.Pass, f *Facts) bool {
	switch {
	case !f.held():
		p.NotApplicable(noIRD)
		return false
	case f.IRD.DateOnly:
		p.NotApplicable(dateOnly)
		return false
	}
	return true
}

// noIRD is what a rule about an IRD says when none is recorded.
const noIRD = "no IRD is recorded (rule ird.required)"

// dateOnly is what a rule says of an IRD given as a date alone.
const dateOnly = "the case gives only the IRD's date (the old form of a case file): write \"ird\" as a record with its agencies, decisions and closure to check it"

// G21 3.4: every concern which may indicate a risk of significant harm
// leads to an IRD.
func checkRequired(p *engine.Pass, f *Facts) {
	switch {
	case f.held():
		p.Report(guidance.Met, "an IRD is recorded for the concern")
	case f.Concern.IsZero():
		p.NotApplicable("no child protection concern is recorded (concern)")
	default:
		p.Report(guidance.Missing, "a child protection concern is recorded but no IRD: every concern that may indicate a risk of significant harm leads to an IRD; hold one and record it (ird.held)")
	}
}

// G21 3.15, AD23: convened as soon as reasonably practicable. The guidance
// gives no number of days, so the finding says how long it took and leaves
// the judgement to the agencies.
func checkPrompt(p *engine.Pass, f *Facts) {
	start := f.IRD.Started()
	switch {
	case !f.held():
		p.NotApplicable(noIRD)
	case start.IsZero():
		p.Report(guidance.Unknown, "record when the IRD was held (ird.held)")
	case f.Concern.IsZero():
		p.Report(guidance.Unknown, "record the date the concern was raised (concern), so that the time to the IRD can be seen")
	case start.Before(f.Concern):
		p.Report(guidance.Unknown, "the IRD is recorded before the concern was raised: check the dates (concern, ird.held, ird.out_of_hours)")
	default:
		n := start.Sub(f.Concern)
		p.ReportNumbers(guidance.Met, "the IRD started %d day(s) after the concern was raised; the guidance sets no number of days: whether that was as soon as reasonably practicable is for the agencies to judge", n)
	}
}

// AD23: after an IRD held outwith core hours, a more comprehensive IRD
// normally on the next working day.
func checkFollowUp(p *engine.Pass, f *Facts) {
	if f.IRD == nil || f.IRD.OutOfHours.IsZero() {
		p.NotApplicable("no IRD outwith core hours is recorded")
		return
	}
	p.Timed("fuller IRD", timescale.Anchors{timescale.EventOutOfHoursIRD: f.IRD.OutOfHours}, f.IRD.Held)
}

// G21 3.23, 3.31: police, social work and health take part.
func checkCoreAgencies(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	if len(f.IRD.Agencies) == 0 {
		p.Report(guidance.Unknown, "record the agencies that took part (ird.agencies)")
		return
	}
	absent := make([]string, 0, 8)
	for _, a := range CoreAgencies() {
		if !slices.Contains(f.IRD.Agencies, a) {
			absent = append(absent, string(a))
		}
	}
	if len(absent) > 0 {
		p.Report(guidance.Missing, p.List("no ", absent, ", ", " in the IRD: police, social work and health must all take part; reconvene with them or record why the record is wrong"))
		return
	}
	p.Report(guidance.Met, "police, social work and health took part")
}

// G21 3.19: all aspects of the IRD recorded: when and why it started, who
// took part, what was shared, what was decided.
func checkRecord(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	r := f.IRD
	miss := make([]string, 0, 8)
	if r.Held.IsZero() {
		miss = append(miss, "when the IRD was held (held)")
	}
	if blank.Is(r.Reason) {
		miss = append(miss, "why it was started (reason)")
	}
	if len(r.Agencies) == 0 {
		miss = append(miss, "the agencies that took part (agencies)")
	}
	if r.InformationShared == nil {
		miss = append(miss, "whether information was shared (information_shared)")
	}
	if r.Decisions.Investigation.IsZero() && blank.Is(r.Decisions.NoInvestigationReason) {
		miss = append(miss, "the decision on an investigation (decisions.investigation or decisions.no_investigation_reason)")
	}
	if r.Decisions.CPPM == nil {
		miss = append(miss, "the decision on a CPPM (decisions.cppm)")
	}
	if len(miss) > 0 {
		p.Report(guidance.Missing, p.List("record ", miss, "; ", ": all aspects of the IRD must be recorded"))
		return
	}
	p.Report(guidance.Met, "the record holds when and why the IRD started, who took part, what was shared and what was decided")
}

// G21 1.129: information shared without delay where necessary,
// proportionate and lawful, the lawful basis identified and recorded.
func checkInformationShared(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	r := f.IRD
	switch {
	case r.InformationShared == nil:
		p.Report(guidance.Unknown, "record whether the agencies shared what they know (information_shared)")
	case !*r.InformationShared:
		p.Report(guidance.Missing, "the IRD records that information was not shared: share what is necessary and proportionate without delay, and record its lawful basis (lawful_basis)")
	case blank.Is(r.LawfulBasis):
		p.Report(guidance.Missing, "record the lawful basis for sharing the information (lawful_basis)")
	default:
		p.Report(guidance.Met, "information was shared and its lawful basis recorded; whether it was necessary and proportionate is for the agencies to judge")
	}
}

// G21 3.32, 3.35, AD23: a reasoned decision on whether a CPPM is required.
func checkCPPMDecision(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	d := f.IRD.Decisions
	switch {
	case d.CPPM == nil:
		p.Report(guidance.Missing, "record whether the IRD decided a CPPM is required, and why (decisions.cppm, decisions.cppm_reason)")
	case blank.Is(d.CPPMReason):
		p.Report(guidance.Missing, "record the reasons for the decision on a CPPM (decisions.cppm_reason)")
	case *d.CPPM:
		p.Report(guidance.Met, "the IRD decided a CPPM is required and recorded why")
	default:
		p.Report(guidance.Met, "the IRD decided no CPPM is required and recorded why")
	}
}

// G21 3.38: an exception to the 28 days to the initial CPPM is agreed by
// the accountable senior manager, with recorded reasons, only with an
// Interim Safety Plan in place, shared and effective to the CPPM. The
// exception is a variation of cppm.initial.
func checkCPPMException(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	i := slices.IndexFunc(p.Variations, func(v timescale.Variation) bool { return v.Rule == meeting.InitialCheck.Rule })
	if i < 0 {
		p.NotApplicable("no exception to the 28 days to the initial CPPM is recorded (a variation of cppm.initial)")
		return
	}
	if f.InterimSafetyPlan == nil {
		p.ReportNumbers(guidance.Missing, "an exception to the 28 days is recorded (variations[%d]) but no Interim Safety Plan: the senior manager must be satisfied that one is in place, shared and effective up to the CPPM; record it (interim_safety_plan)", i)
		return
	}
	p.Report(guidance.Met, "the exception to the 28 days records its approver and reasons, and an Interim Safety Plan is in place; whether the approver is the accountable senior manager and the plan effective up to the CPPM is for the service to confirm")
}

// G21 3.39, 3.110: agencies work to an Interim Safety Plan from the IRD
// until the CPPM.
func checkInterimSafetyPlan(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	d := f.IRD.Decisions
	switch {
	case d.CPPM == nil && d.Investigation.IsZero():
		p.Report(guidance.Unknown, "record the IRD's decisions (decisions.cppm, decisions.investigation) to see whether an Interim Safety Plan is needed")
	case (d.CPPM == nil || !*d.CPPM) && d.Investigation.IsZero():
		p.NotApplicable("the IRD decided no CPPM and no investigation")
	case f.InterimSafetyPlan == nil:
		p.Report(guidance.Missing, "the IRD decided on a CPPM or an investigation but no Interim Safety Plan is recorded: agree one from the IRD and record it (interim_safety_plan)")
	default:
		p.Report(guidance.Met, "an Interim Safety Plan is recorded from the IRD; package plan checks its contents (isp.contents)")
	}
}

// G21 3.32: the IRD closes on a reasoned, evidenced inter-agency decision,
// made and recorded.
func checkClosure(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	r := f.IRD
	if r.Closed.IsZero() {
		p.NotApplicable("the IRD is not recorded as closed (closed)")
		return
	}
	miss := make([]string, 0, 8)
	if r.Decisions.CPPM == nil {
		miss = append(miss, "the decision it closed on: a CPPM or none (decisions.cppm)")
	}
	if blank.Is(r.ClosureReason) {
		miss = append(miss, "the reasons (closure_reason)")
	}
	if r.ClosedBy == nil {
		miss = append(miss, "who recorded the closure (closed_by)")
	}
	if len(miss) > 0 {
		p.Report(guidance.Missing, p.List("the IRD is closed without a recorded, reasoned decision: record ", miss, "; ", ""))
		return
	}
	p.Report(guidance.Met, "the IRD closed on a recorded, reasoned decision; whether it was evidenced and agreed between the agencies is for them to judge")
}

// G21 3.40: the IRD record names the lead professional, a qualified social
// worker within a child protection investigation, before closure.
func checkLeadProfessional(p *engine.Pass, f *Facts) {
	if !record(p, f) {
		return
	}
	r := f.IRD
	switch {
	case r.LeadProfessional != nil && !blank.Is(r.LeadProfessional.Name):
		p.Report(guidance.Met, "the IRD record names the lead professional")
	case r.Closed.IsZero():
		p.NotApplicable("the IRD is not closed yet: name the lead professional in its record before closure (lead_professional)")
	default:
		p.Report(guidance.Missing, "the IRD closed without naming the lead professional: name them in the record (lead_professional)")
	}
}
