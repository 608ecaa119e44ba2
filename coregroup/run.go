package coregroup

import (
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/run"
	"github.com/cpguide/cpguide/timescale"
)

// The entry point of cpguide.Check (see package internal/run).
func init() {
	run.CoreGroupCheck = func(r *run.Run, g, opts any) ([]timescale.Deadline, error) {
		return checkRun(r, g.(*CoreGroup), *opts.(*Options))
	}
}

// checkRun is Check followed by Deadlines, set up and validated once, with
// the findings appended to r.Findings (sorted by urgency among themselves,
// as Check sorts them) and the deadlines computed through r.Due.
func checkRun(r *run.Run, g *CoreGroup, opts Options) ([]timescale.Deadline, error) {
	c, err := start(g, opts)
	if err != nil {
		return nil, err
	}
	c.run = r
	from := len(r.Findings)
	c.r = &guidance.Report{Edition: c.e, Today: opts.Today, Findings: r.Findings}
	if err := c.checkAll(g); err != nil {
		return nil, err
	}
	own := guidance.Report{Findings: c.r.Findings[from:]}
	own.Sort()
	r.Findings = c.r.Findings
	return c.deadlines(g)
}
