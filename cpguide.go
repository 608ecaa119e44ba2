package cpguide

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
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
	// explaining how it was counted. Those due before Today are overdue and
	// the Report has a failing finding for them.
	Deadlines []timescale.Deadline `json:"deadlines"`
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
	see(c.OutOfHoursIRD)
	see(c.IRD)
	see(c.Investigation)
	see(c.MoveNotified)
	if p := c.InterimSafetyPlan; p != nil {
		see(p.IRD)
	}
	for _, m := range c.Meetings {
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
	for _, e := range c.Register {
		see(e.Date)
	}
	return first
}

// Edition returns the edition the case is checked under with these options:
// the one chosen, else the one in force on the case's first event, else
// guidance.DefaultEdition for a case with no dates.
func (c Case) Edition(opts Options) (guidance.Edition, error) {
	if opts.Edition != guidance.EditionUnset {
		if !opts.Edition.Valid() {
			return 0, &guidance.Error{Kind: guidance.UnknownEdition, Field: "options.edition", Hint: "use 2014, 2021 or 2023"}
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
// The result is the caller's: its findings and deadlines share no memory
// with the catalogue, the timescale tables or any other result (see
// ownCitations), so a caller may edit it freely.
//
// Check runs the checks of packages meeting, plan and coregroup through one
// findings buffer (see check_run.go); checkPlain is the same check written
// with their exported functions, and the tests prove the two agree.
func Check(c Case, opts Options) (*Result, error) {
	s, err := prepare(c, opts)
	if err != nil {
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
// calendar and the local timescales.
func prepare(c Case, opts Options) (setup, error) {
	if err := c.Validate(); err != nil {
		return setup{}, err
	}
	if !opts.Today.IsZero() && !opts.Today.Valid() {
		return setup{}, invalid("options.today", "give a real date or leave it zero")
	}
	ed, err := c.Edition(opts)
	if err != nil {
		return setup{}, err
	}
	cal := opts.Calendar
	if cal == nil {
		cal = timescale.Scotland()
	}
	if o := opts.Overlay; o != nil && len(o.Holidays) > 0 {
		cal, err = o.calendar(cal)
		if err != nil {
			return setup{}, prefix("overlay", err)
		}
	}
	local, err := opts.Overlay.LocalTimescales(ed)
	if err != nil {
		return setup{}, err
	}
	for id := range opts.Policies {
		if _, err := timescale.LookupPolicy(id); err != nil {
			return setup{}, &guidance.Error{Kind: guidance.UnknownPolicy, Field: "options.policies", Hint: "name a policy of timescale.Policies", Err: err}
		}
	}
	return setup{c: c.withSharedFacts(), opts: opts, ed: ed, cal: cal, local: local}, nil
}

// ruleIn returns rule id's provision in edition e, if the edition states
// it. The provision is shared: callers must not modify its citations.
func ruleIn(id string, e guidance.Edition) (guidance.Provision, bool) {
	p, ok := provisions()[ruleEdition{id, e}]
	return p, ok
}

type ruleEdition struct {
	id string
	e  guidance.Edition
}

// provisions holds every rule's provision in every edition that states it,
// looked up in the catalogue once.
var provisions = sync.OnceValue(func() map[ruleEdition]guidance.Provision {
	m := map[ruleEdition]guidance.Provision{}
	for _, r := range guidance.Rules() {
		for _, p := range r.Provisions {
			p.Citations = slices.Clip(p.Citations)
			m[ruleEdition{r.ID, p.Edition}] = p
		}
	}
	return m
})

// withSharedFacts returns a copy of c whose meetings and plan carry the
// case-level dates they do not give themselves. The caller's case is not
// changed.
func (c Case) withSharedFacts() Case {
	ms := slices.Clone(c.Meetings)
	for i := range ms {
		f := &ms[i].Case
		fill(&f.Concern, c.Concern)
		fill(&f.IRD, c.IRD)
		fill(&f.Investigation, c.Investigation)
		fill(&f.MoveNotified, c.MoveNotified)
		if ms[i].Kind == meeting.PreBirth && c.PreBirth != nil && !c.PreBirth.ExpectedDelivery.IsZero() {
			pb := meeting.PreBirthFacts{}
			if ms[i].PreBirth != nil {
				pb = *ms[i].PreBirth
			}
			fill(&pb.ExpectedDelivery, c.PreBirth.ExpectedDelivery)
			ms[i].PreBirth = &pb
		}
	}
	c.Meetings = ms
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

// caseTimescales checks the case-level timescales that no single record
// can see: the fuller IRD after an out-of-hours one, and the first CPPM a
// case owes but does not record (see firstCPPMOwed). It appends their
// findings to fs and the deadlines still owed to dls. Check and checkPlain
// both call it.
func (c Case) caseTimescales(fs []guidance.Finding, dls []timescale.Deadline, ed guidance.Edition, today Date, tso timescale.Options) ([]guidance.Finding, []timescale.Deadline, error) {
	if !c.OutOfHoursIRD.IsZero() {
		if _, ok := ruleIn("ird.follow-up", ed); ok {
			dl, err := timescale.Due("ird.follow-up", ed, timescale.Anchors{timescale.EventOutOfHoursIRD: c.OutOfHoursIRD}, tso)
			if err != nil {
				return nil, nil, err
			}
			fs = append(fs, dl.AssessFor("fuller IRD", c.IRD, today, c.Variations...))
			if c.IRD.IsZero() {
				dls = append(dls, dl)
			}
		}
	}
	if dl, subject, ok, err := c.firstCPPMOwed(ed, tso); err != nil {
		return nil, nil, err
	} else if ok {
		fs = append(fs, dl.AssessFor(subject, Date{}, today, c.Variations...))
		dls = append(dls, dl)
	}
	return fs, dls, nil
}

// doneAfterMeeting reports whether the step rule that follows meeting i is
// already done according to the case record.
func (c Case) doneAfterMeeting(i int, rule string) bool {
	m := c.Meetings[i]
	switch rule {
	case "cppm.record":
		return !m.Record.Circulated.IsZero()
	case "plan.record":
		return !m.Record.PlanCirculated.IsZero() || (c.Plan != nil && c.Plan.CPPM == m.Held) // the plan reports its own record
	case "reporter.referral":
		return !m.Decisions.Referral.Sent.IsZero()
	case "coregroup.first":
		return c.CoreGroup != nil // the Core Group reports its own first meeting
	case "cppm.reconvene", "cppm.review", "cppm.review-pre-birth", "cppm.review-subsequent":
		return c.laterMeetingCovers(i, rule)
	}
	return false
}

// dedupInPlace drops the findings that repeat a step already reported (see
// sameStep): it keeps the first of each group of repeats in place (replaced
// by a worse repeat, see worse) and returns fs shortened to the findings
// kept, in their order.
//
// Only findings of the same rule can repeat each other, so rather than
// compare each finding with every one kept (as dedupReference in the tests
// does), it chains the kept findings by a hash of their rule and compares
// a finding only with its chain: the same findings in the same order, in
// linear time.
func dedupInPlace(fs []guidance.Finding) []guidance.Finding {
	const buckets = 128 // a power of two, about twice the rules of a case
	// first[b] and last[b] are 1 + the index of the first and last kept
	// finding whose rule hashes to bucket b (0: none); next[j] is 1 + the
	// index of the kept finding after fs[j] in its chain (0: the end).
	// Chains run in index order, so the first match is the earliest kept.
	var first, last [buckets]int32
	var buf [128]int32
	next := buf[:0]
	kept := 0 // fs[:kept] are the findings kept so far; kept <= i below
	for i := range fs {
		f := &fs[i]
		b := maphash.String(ruleSeed, f.Rule) & (buckets - 1)
		dup := -1
		for j := first[b] - 1; j >= 0; j = next[j] - 1 {
			if sameStep(&fs[j], f) {
				dup = int(j)
				break
			}
		}
		switch {
		case dup < 0:
			if kept != i {
				fs[kept] = *f
			}
			next = append(next, 0)
			if last[b] == 0 {
				first[b] = int32(kept + 1)
			} else {
				next[last[b]-1] = int32(kept + 1)
			}
			last[b] = int32(kept + 1)
			kept++
		case worse(*f, fs[dup]):
			fs[dup] = *f
		}
	}
	clear(fs[kept:]) // drop the references the repeats held
	return fs[:kept]
}

var ruleSeed = maphash.MakeSeed()

// sameStep reports whether findings f and g are about the same step of the
// case: the same rule and subject, or, for a step a case takes once but two
// checks report (see dueMerged), the same rule and due date.
func sameStep(g, f *guidance.Finding) bool {
	if g.Rule != f.Rule {
		return false
	}
	return g.Subject == f.Subject || (dueMerged[f.Rule] && !g.Due.IsZero() && g.Due == f.Due)
}

// dueMerged are the rules whose step two checks can report under different
// subjects: the record of the plan (by the CPPM and by the plan), the first
// Core Group (by the CPPM and by the Core Group), and the first CPPM or the
// reconvened one (by an inquorate CPPM and by the one that reconvened it).
// Other rules can have several steps due the same day (two change referrals
// identified on one day), which must each be reported.
var dueMerged = map[string]bool{
	"plan.record": true, "coregroup.first": true, "cppm.initial": true,
	"cppm.pre-birth": true, "cppm.transfer": true, "cppm.reconvene": true,
}

// worse reports whether f should replace g: a known status beats Unknown and
// NotApplicable, then a failure beats a success. Of two findings of one step
// done on the same day, the one that found an approved variation covering it
// (met under variation) beats one that did not look for it (late): the plan
// names its record "record of the plan", the CPPM names it after itself, and
// a variation names only one of them.
func worse(f, g guidance.Finding) bool {
	if f.Due == g.Due && f.Done == g.Done && (f.Status == guidance.MetUnderVariation) != (g.Status == guidance.MetUnderVariation) {
		return f.Status == guidance.MetUnderVariation
	}
	rank := func(s guidance.Status) int {
		switch s {
		case guidance.Overdue, guidance.Late, guidance.Missing:
			return 4
		case guidance.Pending:
			return 3
		case guidance.Met, guidance.MetUnderVariation:
			return 2
		case guidance.Unknown:
			return 1
		}
		return 0
	}
	return rank(f.Status) > rank(g.Status)
}

// dedupDeadlines drops the deadlines that repeat an earlier one (same rule,
// same due date) and sorts the rest by due date, then rule. It reuses dls,
// which the caller must not use again. The result is never nil, so that
// JSON shows no deadlines as [].
func dedupDeadlines(dls []timescale.Deadline) []timescale.Deadline {
	out := dls[:0]
	if out == nil {
		out = []timescale.Deadline{}
	}
	for _, d := range dls { // d is a copy, and out never outgrows the deadlines read
		if !slices.ContainsFunc(out, func(e timescale.Deadline) bool { return e.Rule == d.Rule && e.Due == d.Due }) {
			out = append(out, d)
		}
	}
	clear(dls[len(out):])
	slices.SortStableFunc(out, func(a, b timescale.Deadline) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// unusedVariations returns the variations that changed nothing.
//
// A variation is used when a step it covers (its rule, and its subject as
// timescale.Variation.Covers reads it) was done after the step's due date,
// or is not done and today is past the due date (or today is unknown): that
// is, when the variation changes, or may change, the step's status. One that
// covers only steps done in time, or steps not yet due, changed nothing, as
// an unused lint suppression, and is reported so that someone checks that it
// names the right rule and occurrence.
func unusedVariations(vs []timescale.Variation, fs []guidance.Finding, today Date) []UnusedVariation {
	var out []UnusedVariation
	for _, v := range vs {
		used := slices.ContainsFunc(fs, func(f guidance.Finding) bool {
			if f.Rule != v.Rule || f.Due.IsZero() || !f.Due.Before(v.NewDate) || !v.Covers(f.Subject) {
				return false
			}
			if !f.Done.IsZero() {
				return f.Done.After(f.Due)
			}
			return today.IsZero() || today.After(f.Due)
		})
		if !used {
			out = append(out, UnusedVariation{Rule: v.Rule, Subject: v.Subject, NewDate: v.NewDate, Recorded: v.Recorded})
		}
	}
	return out
}
