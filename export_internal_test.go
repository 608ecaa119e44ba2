package cpguide

import (
	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// CheckPlain exposes checkPlain, the reference Check is held to, to the
// tests of package cpguide_test.
var CheckPlain = checkPlain

// checkPlain is Check written plainly, with the exported functions of
// packages meeting, plan, coregroup and register, each finding list copied
// into one.
// It is the reference the tests hold Check to.
func checkPlain(c Case, opts Options) (*Result, error) {
	s, err := prepare(c, opts)
	if err != nil {
		return nil, err
	}
	c, ed, cal, local := s.c, s.ed, s.cal, s.local
	rep := &guidance.Report{Edition: ed, Today: opts.Today}
	res := &Result{Report: rep, Calendar: cal.Name()}
	// parts holds each check's findings, in order; dedupFindings joins them
	// into one list, allocated once.
	var partsBuf [8][]guidance.Finding
	parts := partsBuf[:0]
	var deadlines []timescale.Deadline
	tso := timescale.Options{Calendar: cal, Policies: opts.Policies, Local: local}

	// Case-level timescales that no single record can see.
	caseFindings, deadlines, err := c.caseTimescales(nil, deadlines, ed, opts.Today, tso)
	if err != nil {
		return nil, err
	}
	parts = append(parts, caseFindings)

	// Every CPPM, with the earlier ones as its history.
	for i, m := range c.Meetings {
		mo := meeting.Options{Edition: ed, Today: opts.Today, Calendar: cal, Policies: opts.Policies,
			Variations: c.Variations, Local: local, Previous: c.Meetings[:i]}
		r, err := meeting.Check(m, mo)
		if err != nil {
			return nil, prefix(index("meetings", i), err)
		}
		parts = append(parts, r.Findings)
		if m.Held.IsZero() {
			continue
		}
		next, err := meeting.Next(m, mo)
		if err != nil {
			return nil, prefix(index("meetings", i), err)
		}
		var owed []guidance.Finding
		for _, dl := range next {
			if !c.doneAfterMeeting(i, dl.Rule) {
				deadlines = append(deadlines, dl)
				if f, ok := owedFinding(&c.Meetings[i], dl, opts.Today, c.Variations); ok {
					owed = append(owed, f)
				}
			}
		}
		parts = append(parts, owed)
	}

	if p := c.InterimSafetyPlan; p != nil {
		r, err := plan.CheckInterim(p, plan.Options{Edition: ed, Today: opts.Today, Calendar: cal, Policies: opts.Policies, Variations: c.Variations, Local: local})
		if err != nil {
			return nil, prefix("interim_safety_plan", err)
		}
		parts = append(parts, r.Findings)
	}
	if p := c.Plan; p != nil {
		po := plan.Options{Edition: ed, Today: opts.Today, Calendar: cal, Policies: opts.Policies, Variations: c.Variations, Local: local}
		r, err := plan.Check(p, po)
		if err != nil {
			return nil, prefix("plan", err)
		}
		parts = append(parts, r.Findings)
		dls, err := plan.Deadlines(p, po)
		if err != nil {
			return nil, prefix("plan", err)
		}
		deadlines = append(deadlines, dls...)
	}
	if g := c.CoreGroup; g != nil {
		gopts := coregroup.Options{Edition: ed, Today: opts.Today, Calendar: cal, Policies: opts.Policies, Variations: c.Variations, Local: local, MaxMeetingGap: opts.MaxCoreGroupGap}
		r, err := coregroup.Check(g, gopts)
		if err != nil {
			return nil, prefix("core_group", err)
		}
		parts = append(parts, r.Findings)
		dls, err := coregroup.Deadlines(g, gopts)
		if err != nil {
			return nil, prefix("core_group", err)
		}
		deadlines = append(deadlines, dls...)
	}

	rc := register.Case{Events: c.Register, CPPMs: c.Meetings}
	if c.PreBirth != nil {
		rc.Born = c.PreBirth.Birth
	}
	rr, err := register.Check(&rc, register.Options{Options: engine.Options{Edition: ed, Today: opts.Today}, Policy: opts.RegisterPolicy})
	if err != nil {
		return nil, err
	}
	parts = append(parts, rr.Findings)

	rep.Findings = dedupFindings(parts)
	rep.Sort()
	res.Deadlines = dedupDeadlines(deadlines)
	ownCitations(rep.Findings, res.Deadlines)
	res.UnusedVariations = unusedVariations(c.Variations, rep.Findings, opts.Today)
	return res, nil
}

// dedupFindings joins the findings of each check, in order, and drops the
// repeats of one step as dedupInPlace does (see sameStep and worse).
func dedupFindings(parts [][]guidance.Finding) []guidance.Finding {
	n := 0
	for _, fs := range parts {
		n += len(fs)
	}
	out := make([]guidance.Finding, 0, n)
	for _, fs := range parts {
		out = append(out, fs...)
	}
	return dedupInPlace(out)
}
