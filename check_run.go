package cpguide

import (
	"slices"
	"sync"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/run"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/timescale"
)

// check is Check's fast path. It does what checkPlain does, step for step
// and in the same order, with these differences, none of which changes the
// result (TestCheck_SameAsPlainPath_* compare the two):
//
//   - every check appends to one findings buffer (run.Run.Findings), sized
//     once, which dedupInPlace then shortens; checkPlain copies each
//     package's report into a new list;
//   - each deadline is computed once per case (run.Run.Due): the CPPM's
//     record, the plan's record and the first Core Group are counted for
//     the findings and found again for Result.Deadlines;
//   - the findings of plan and coregroup keep their templates' citations
//     rather than each taking a copy: ownCitations, which both paths end
//     with, gives every finding and deadline of the result its own, in one
//     block;
//   - records already validated are not validated again (the earlier
//     meetings given to each CPPM's check, the meeting given to Next, the
//     Core Group given to Deadlines);
//   - the Run itself, with its remembered deadlines, is recycled.
//
// The packages' run entry points are in their run.go files.
func (s setup) check() (*Result, error) {
	c, opts, ed := s.c, s.opts, s.ed
	r := runs.Get().(*run.Run)
	defer func() {
		*r = run.Run{} // keep nothing of this case: the result owns its findings
		runs.Put(r)
	}()
	r.Options = timescale.Options{Calendar: s.cal, Policies: opts.Policies, Local: s.local}
	r.Findings = make([]guidance.Finding, 0, findingsCap(c))
	var deadlines []timescale.Deadline

	// Case-level timescales that no single record can see.
	var err error
	r.Findings, deadlines, err = c.caseTimescales(r.Findings, deadlines, ed, opts.Today, r.Options)
	if err != nil {
		return nil, err
	}

	// Every CPPM, with the earlier ones as its history. (The options
	// reach the checks through run's hooks as pointers, so they live on the
	// heap: one for all the meetings.)
	mo := meeting.Options{Edition: ed, Today: opts.Today, Calendar: s.cal, Policies: opts.Policies,
		Variations: c.Variations, Local: s.local}
	for i := range c.Meetings {
		m := &c.Meetings[i]
		mo.Previous = c.Meetings[:i]
		if err := run.MeetingCheck(r, m, &mo); err != nil {
			return nil, prefix(index("meetings", i), err)
		}
		if m.Held.IsZero() {
			continue
		}
		// Next appends to deadlines; keep the steps the case has not
		// done already.
		from := len(deadlines)
		var err error
		if deadlines, err = run.MeetingNext(r, m, &mo, deadlines); err != nil {
			return nil, prefix(index("meetings", i), err)
		}
		kept := slices.DeleteFunc(deadlines[from:], func(dl timescale.Deadline) bool {
			return c.doneAfterMeeting(i, dl.Rule)
		})
		deadlines = deadlines[:from+len(kept)]
		for _, dl := range kept {
			if f, ok := owedFinding(m, dl, opts.Today, c.Variations); ok {
				r.Findings = append(r.Findings, f)
			}
		}
	}

	po := plan.Options{Edition: ed, Today: opts.Today, Calendar: s.cal, Policies: opts.Policies, Variations: c.Variations, Local: s.local}
	if p := c.InterimSafetyPlan; p != nil {
		if err := run.PlanCheckInterim(r, p, &po); err != nil {
			return nil, prefix("interim_safety_plan", err)
		}
	}
	if p := c.Plan; p != nil {
		if err := run.PlanCheck(r, p, &po); err != nil {
			return nil, prefix("plan", err)
		}
		dls, err := plan.Deadlines(p, po)
		if err != nil {
			return nil, prefix("plan", err)
		}
		deadlines = append(deadlines, dls...)
	}
	if g := c.CoreGroup; g != nil {
		gopts := coregroup.Options{Edition: ed, Today: opts.Today, Calendar: s.cal, Policies: opts.Policies, Variations: c.Variations, Local: s.local, MaxMeetingGap: opts.MaxCoreGroupGap}
		dls, err := run.CoreGroupCheck(r, g, &gopts)
		if err != nil {
			return nil, prefix("core_group", err)
		}
		deadlines = append(deadlines, dls...)
	}

	p := engine.NewPass(engine.Options{Edition: ed, Today: opts.Today, Calendar: s.cal, Policies: opts.Policies,
		Variations: c.Variations, Local: s.local}, ed)
	p.Findings = r.Findings
	if err := c.checkRegister(p, opts); err != nil {
		return nil, err
	}

	rep := &guidance.Report{Edition: ed, Today: opts.Today, Findings: dedupInPlace(p.Findings)}
	rep.Sort()
	deadlines = dedupDeadlines(deadlines)
	ownCitations(rep.Findings, deadlines)
	return &Result{
		Report:           rep,
		Deadlines:        deadlines,
		UnusedVariations: unusedVariations(c.Variations, rep.Findings, opts.Today),
		Calendar:         s.cal.Name(),
	}, nil
}

// runs recycles the runs of Check: a Run holds its remembered deadlines in a
// fixed array, several KB that each check would otherwise allocate.
var runs = sync.Pool{New: func() any { return new(run.Run) }}

// findingsCap is about how many findings a check of c makes before repeats
// are dropped: a CPPM makes one per rule of meeting.RuleIDs and at most two
// for the steps owed after it (see owedFinding), the register about twelve
// plus eight per episode (see register.Checks; an episode takes at least
// two events), the other
// records at most about the figures below (the most any scenario makes). A
// case beyond them only costs the buffer a reallocation.
func findingsCap(c Case) int {
	n := len(c.Meetings) * (meetingRules + 2)
	if !c.OutOfHoursIRD.IsZero() {
		n++ // ird.follow-up
	}
	if !c.Investigation.IsZero() {
		n++ // perhaps the initial CPPM owed
	}
	if c.InterimSafetyPlan != nil {
		n++
	}
	if c.Plan != nil {
		n += 18
	}
	if c.CoreGroup != nil {
		n += 9 + len(c.CoreGroup.ChangeReferrals)
	}
	if len(c.Register) > 0 {
		n += 12 + 4*len(c.Register) // about one episode per two events
	}
	return n + 6
}

// meetingRules is how many findings meeting.Check makes for one CPPM.
var meetingRules = len(meeting.RuleIDs())
