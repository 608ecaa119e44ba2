package cpguide

import (
	"sync"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// Options control Check. The zero value checks under the edition in force on
// the case's first event, with the date of the check unknown (steps not yet
// done are then Unknown), the Scotland calendar and every policy's default.
type Options struct {
	// Edition is the edition to check under; zero means the edition in force
	// on the date of the case's first event. Editions are never blended.
	Edition guidance.Edition
	// Today is the date of the check. The library never reads the clock.
	Today Date
	// Calendar decides working days; nil means timescale.Scotland().
	Calendar *timescale.Calendar
	// Policies choose a named policy's reading instead of its default
	// (see timescale.Policies).
	Policies map[string]string
	// Overlay adds a local Child Protection Committee's holidays and
	// tighter timescales. Check refuses an overlay timescale that is not
	// tighter than the national one of the edition checked.
	Overlay *Overlay
	// Procedures is a council procedure profile (package procedures, e.g.
	// procedures.Lookup("highland-2024")): its local holidays and its
	// timescales, which can only tighten the national ones, for cases under
	// the edition it follows. Give Procedures or Overlay, not both.
	Procedures *procedures.Profile
	// MaxCoreGroupGap is the most calendar days allowed between Core Group
	// meetings under local procedures; zero leaves
	// coregroup.regular-meetings Unknown (the guidance sets no interval).
	MaxCoreGroupGap int
	// RegisterPolicy is the access policy the case's register enquiries
	// are checked against (rule register.access); nil means
	// register.DefaultPolicy().
	RegisterPolicy *register.Policy
}

// Result is what Check found in a case.
type Result struct {
	// Report holds every finding under one edition, sorted by urgency.
	Report *guidance.Report `json:"report"`
	// Deadlines are the steps the case still owes, earliest first, each
	// with its due date and, when read (timescale.Owed.Deadline), the
	// whole deadline explaining how it was counted; the JSON holds the
	// whole deadlines. Those due before Today are overdue and the Report
	// has a failing finding for them.
	Deadlines []timescale.Owed `json:"deadlines"`
	// UnusedVariations are approved variations that changed nothing: no
	// finding of their rule (and subject, when they name one) has a due
	// date before the variation's new date. Check that they name the right
	// rule and occurrence. Only what identifies each variation is kept,
	// not who approved it or why.
	UnusedVariations []UnusedVariation `json:"unused_variations,omitempty"`
	// Calendar is the name of the calendar the deadlines were counted on.
	Calendar string `json:"calendar"`
}

// Err returns nil when no must or should requirement is overdue, late or
// missing, and otherwise a *guidance.BreachError listing the breaches.
func (r *Result) Err() error {
	if r == nil || r.Report == nil {
		return nil
	}
	return r.Report.Err()
}

// FirstEvent returns the date of the earliest event the case records, or the
// zero Date if it records none. It decides the edition when none is chosen.
func (c Case) FirstEvent() Date {
	var first Date
	see := func(d Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	see(c.Concern)
	var r ird.IRD
	if c.irdRecord(&r) {
		see(r.Started())
		see(r.Decisions.Investigation)
	}
	see(c.MoveNotified)
	if p := c.InterimSafetyPlan; p != nil {
		see(p.IRD)
	}
	for i := range c.Meetings { // by index: a Meeting is 824 bytes
		m := &c.Meetings[i]
		see(m.Case.Concern)
		see(m.Case.IRD)
		see(m.Case.Investigation)
		see(m.Case.MoveNotified)
		see(m.Convened)
		see(m.Held)
	}
	if p := c.Plan; p != nil {
		see(p.CPPM)
	}
	if g := c.CoreGroup; g != nil {
		see(g.CPPM)
	}
	for i := range c.Register {
		see(c.Register[i].Date)
	}
	return first
}

// Edition returns the edition the case is checked under with these options:
// the one chosen, else the one in force on the case's first event, else
// guidance.DefaultEdition for a case with no dates.
func (c Case) Edition(opts Options) (guidance.Edition, error) {
	if opts.Edition != guidance.EditionUnset {
		if !opts.Edition.Valid() {
			return 0, &guidance.Error{Kind: guidance.UnknownEdition, Field: "options.edition", Hint: engine.EditionHint()}
		}
		return opts.Edition, nil
	}
	first := c.FirstEvent()
	if first.IsZero() {
		return guidance.DefaultEdition, nil
	}
	e, err := guidance.InForce(first)
	if err != nil {
		// InForce's error quotes the date, which may be a date of birth:
		// it is neither wrapped nor quoted.
		if !first.Valid() {
			return 0, &guidance.Error{Kind: guidance.Invalid, Field: "case",
				Hint: "the case's first event has an impossible date: give real calendar dates (YYYY-MM-DD)"}
		}
		return 0, &guidance.Error{Kind: guidance.NotInForce, Field: "case",
			Hint: "the case's first event is before the earliest modelled edition (2014, in force from " +
				guidance.Edition2014.InForceFrom().String() + "): choose an edition explicitly (Options.Edition, or --edition)"}
	}
	return e, nil
}

// Check checks the whole case against every applicable rule of one edition
// and returns the findings, the deadlines still owed and the unused
// variations. It never stops at the first problem. The register events, if
// the case gives them, are folded into the child's register state and
// checked against the register rules (and against what the CPPMs decided);
// their findings join the one report.
//
// The error is non-nil only for bad input or options (an impossible date, an
// unknown policy, a bad overlay, no edition in force on the first event); it
// is a *guidance.Error naming the field at fault. The case's failings are
// findings: Result.Err says whether any is a breach.
//
// The result is the caller's: it shares nothing that can change with the
// catalogue, the timescale tables or any other result. A finding read from
// its report is a new value each time, whose citations are the catalogue's,
// read-only (see guidance.Report); a deadline read from a step owed
// (timescale.Owed.Deadline) is a new value each time, all its own.
//
// Check runs the very check values that packages meeting, plan, coregroup
// and register export, through package engine: one pass, one order.
func Check(c Case, opts Options) (*Result, error) {
	var s setup
	if err := s.prepare(&c, &opts); err != nil {
		return nil, err
	}
	return s.check()
}

// setup is a case made ready to check: validated, with its shared facts
// filled in (see withSharedFacts), and the options resolved.
type setup struct {
	c     Case
	opts  Options
	ed    guidance.Edition
	cal   *timescale.Calendar
	local []timescale.LocalTimescale
}

// prepare validates the case and the options and resolves the edition, the
// calendar and the local timescales, into s, where check reads them
// (check takes s by pointer: each copy of a Case is 232 bytes of the frame
// it is made in, and a large frame makes the runtime copy the goroutine's
// whole stack).
func (s *setup) prepare(c *Case, opts *Options) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if !opts.Today.IsZero() && !opts.Today.Valid() {
		return invalid("options.today", "give a real date or leave it zero")
	}
	ed, err := c.Edition(*opts)
	if err != nil {
		return err
	}
	cal := opts.Calendar
	if cal == nil {
		cal = timescale.Scotland()
	}
	if o := opts.Overlay; o != nil && len(o.Holidays) > 0 {
		cal, err = o.Calendar(cal)
		if err != nil {
			return prefix("overlay", err)
		}
	}
	local, err := opts.Overlay.LocalTimescales(ed)
	if err != nil {
		return err
	}
	if pr := opts.Procedures; pr != nil {
		if opts.Overlay != nil {
			return invalid("options.procedures", "give a procedure profile or an overlay, not both (an overlay is an older, smaller profile)")
		}
		if cal, err = pr.Calendar(cal); err != nil {
			return prefix("procedures", err)
		}
		if local, err = pr.LocalTimescales(ed); err != nil {
			return err
		}
	}
	if err := timescale.CheckPolicies(opts.Policies); err != nil {
		return prefix("options", err)
	}
	shared := c.withSharedFacts()
	if shared.Plan != c.Plan {
		// The plan with the case's dates filled in, which the checks read,
		// is validated too (the checks do not validate again: see check).
		if err := shared.Plan.Validate(); err != nil {
			return prefix("plan", err)
		}
	}
	*s = setup{c: shared, opts: *opts, ed: ed, cal: cal, local: local}
	return nil
}

// check runs every package's checks on one pass, in one order: the case's
// CPPMs with the steps before and after them (package meeting), the Interim
// Safety Plan and the Child Protection Plan (package plan), the Core Group
// (package coregroup), the register history (package register), and the
// fuller IRD after an out-of-hours one. Each step of the case has one owner,
// so nothing is reported twice and nothing needs merging.
func (s *setup) check() (*Result, error) {
	c, opts := &s.c, &s.opts
	w := works.Get().(*work)
	defer func() {
		w.ird = ird.IRD{}
		works.Put(w)
	}()
	p := &w.pass
	p.Reset(engine.Options{Today: opts.Today, Calendar: s.cal, Policies: opts.Policies,
		Variations: c.Variations, Local: s.local}, s.ed)
	p.Validated = true // prepare validated the case, and each record the checks read

	var r *ird.IRD // once: the IRD rules and the CPPM timings read it
	if c.irdRecord(&w.ird) {
		r = &w.ird
	}
	if r != nil || !c.Concern.IsZero() {
		if err := ird.Run(p, ird.Facts{Concern: c.Concern, IRD: r, InterimSafetyPlan: c.InterimSafetyPlan}); err != nil {
			return nil, prefix("ird", err)
		}
	}
	if err := meeting.Run(p, c.series(r)); err != nil {
		return nil, err
	}
	if isp := c.InterimSafetyPlan; isp != nil {
		if err := plan.RunInterim(p, isp); err != nil {
			return nil, prefix("interim_safety_plan", err)
		}
	}
	if pl := c.Plan; pl != nil {
		if err := plan.Run(p, pl); err != nil {
			return nil, prefix("plan", err)
		}
	}
	if g := c.CoreGroup; g != nil {
		if err := coregroup.Run(p, g, opts.MaxCoreGroupGap); err != nil {
			return nil, prefix("core_group", err)
		}
	}
	if err := c.checkRegister(p, opts.RegisterPolicy); err != nil {
		return nil, err
	}
	// The result and its report are one allocation.
	out := new(struct {
		res Result
		rep guidance.Report
	})
	rep := &out.rep
	dls := p.TakeInto(rep)
	if pr := opts.Procedures; pr != nil {
		pr.Apply(rep)
		rep.Sort()
	}
	out.res = Result{
		Report:           rep,
		Deadlines:        dls,
		UnusedVariations: unused(c, rep, opts.Today),
		Calendar:         s.cal.Name(),
	}
	return &out.res, nil
}

// work is what Check needs besides the case, recycled (works): the pass,
// whose buffers grow to a few KB, and the case's IRD record as the checks
// read it. TakeInto leaves the pass holding nothing of the result, so a
// recycled one shares nothing with a result handed out.
type work struct {
	pass engine.Pass
	ird  ird.IRD
}

var works = sync.Pool{New: func() any { return new(work) }}

// series is what package meeting checks of the case: its CPPMs, with the
// case's dates and what the plan and the Core Group record of the steps
// that follow a CPPM (the record of the plan, the first Core Group). r is
// the case's IRD record (Case.IRDRecord), nil when it records none.
func (c *Case) series(r *ird.IRD) meeting.Series {
	s := meeting.Series{
		Meetings: c.Meetings,
		Case:     meeting.CaseFacts{Concern: c.Concern, MoveNotified: c.MoveNotified},
	}
	if r != nil {
		s.Case.IRD, s.Case.Investigation = r.Held, r.Decisions.Investigation
		s.NoCPPM = r.Decisions.CPPM != nil && !*r.Decisions.CPPM
	}
	if c.PreBirth != nil {
		s.PreBirth = &meeting.PreBirthFacts{ExpectedDelivery: c.PreBirth.ExpectedDelivery}
	}
	if pl := c.Plan; pl != nil {
		s.Plan = meeting.Followed{Recorded: true, CPPM: pl.CPPM, Done: pl.RecordSent}
	}
	if g := c.CoreGroup; g != nil {
		s.CoreGroup = meeting.Followed{Recorded: true, CPPM: g.CPPM}
		if len(g.Meetings) > 0 {
			s.CoreGroup.Done = g.Meetings[0].Date
		}
	}
	return s
}

// withSharedFacts returns a copy of c whose pre-birth plan carries the
// case's dates of discharge and of the pre-discharge meeting where it does
// not give its own (meeting.Run shares the case's dates with the meetings).
// The caller's case is not changed.
func (c Case) withSharedFacts() Case {
	if c.Plan != nil && c.Plan.PreBirth && c.PreBirth != nil {
		p := *c.Plan
		fill(&p.Discharge, c.PreBirth.Discharge)
		fill(&p.PreDischargeMeeting, c.PreBirth.PreDischargeMeeting)
		c.Plan = &p
	}
	return c
}

func fill(dst *Date, src Date) {
	if dst.IsZero() {
		*dst = src
	}
}
