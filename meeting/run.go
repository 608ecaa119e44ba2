package meeting

import (
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/run"
	"github.com/cpguide/cpguide/timescale"
)

// The entry points of cpguide.Check (see package internal/run).
func init() {
	run.MeetingCheck = func(r *run.Run, m, opts any) error {
		return checkRun(r, m.(*Meeting), opts.(*Options))
	}
	run.MeetingNext = func(r *run.Run, m, opts any, dst []timescale.Deadline) ([]timescale.Deadline, error) {
		return next(r, *m.(*Meeting), *opts.(*Options), dst)
	}
}

// checkRun is Check appending to r.Findings instead of a report of its own.
// It runs the same checks in the same order.
func checkRun(r *run.Run, m *Meeting, opts *Options) error {
	var c checker
	if err := c.init(*m, *opts, false); err != nil {
		return err
	}
	c.run = r
	rep := guidance.Report{Edition: c.e, Today: opts.Today, Findings: r.Findings}
	c.r = &rep
	c.checkAll()
	r.Findings = rep.Findings
	return nil
}
