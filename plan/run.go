package plan

import "github.com/cpguide/cpguide/internal/run"

// The entry points of cpguide.Check (see package internal/run).
func init() {
	run.PlanCheck = func(r *run.Run, p, opts any) error {
		_, err := checkPlan(r, p.(*Plan), *opts.(*Options))
		return err
	}
	run.PlanCheckInterim = func(r *run.Run, p, opts any) error {
		_, err := checkInterim(r, p.(*InterimSafetyPlan), *opts.(*Options))
		return err
	}
}
