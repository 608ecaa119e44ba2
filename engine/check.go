package engine

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/addrcache"
	"github.com/cpguide/cpguide/timescale"
)

// A Check binds one rule of the catalogue to the function that checks it
// against a record of type T. Rule is the rule's ID in guidance.Rules; Run
// reports its findings through the pass ([Pass.Report], [Pass.Timed]),
// never naming the rule itself. Run's error is for input that cannot be
// checked (bad options), never for a failing of the record: those are
// findings.
type Check[T any] struct {
	Rule string
	Run  func(p *Pass, rec *T) error

	// refs is the rule's reference in each edition (a *refEntry), kept
	// on the check's first run so that later runs look nothing up. It is
	// read and written atomically: package-level checks are shared by
	// every goroutine. An entry made for another Rule is not used.
	refs unsafe.Pointer
}

// Findings adapts a check function that only reports findings, never an
// error, to the Run of a Check.
func Findings[T any](f func(p *Pass, rec *T)) func(p *Pass, rec *T) error {
	return func(p *Pass, rec *T) error {
		f(p, rec)
		return nil
	}
}

// Run runs checks, in order, on the record rec, whose findings are about
// subject. A check whose rule the pass's edition does not state does not
// run: the record gets one NotApplicable finding saying so. Run stops at
// the first error. A check must not call Run: the running rule and
// subject are the pass's, one at a time.
func Run[T any](p *Pass, subject string, rec *T, checks []Check[T]) error {
	if p.rule != "" {
		panic("engine.Run: called from the check of " + p.rule + ": a check must not call Run")
	}
	p.subject = subject // once: no check changes it (see above)
	defer p.endRun()
	for i := range checks {
		c := &checks[i]
		e := (*refEntry)(atomic.LoadPointer(&c.refs))
		if e == nil || !addrcache.Same(e.id, c.Rule) {
			e = refCache.Get(c.Rule, refsOf)
			atomic.StorePointer(&c.refs, unsafe.Pointer(e))
		}
		p.setRuleFrom(c.Rule, e)
		if !p.stated {
			p.notStated(subject)
			continue
		}
		if err := c.Run(p, rec); err != nil {
			return err
		}
	}
	return nil
}

// endRun leaves p with no running rule or subject, however Run ends.
func (p *Pass) endRun() { p.rule, p.subject, p.ref, p.stated = "", "", guidance.Ref{}, false }

// Rules returns the IDs of the rules the checks are bound to, in order.
func Rules[T any](checks []Check[T]) []string {
	ids := make([]string, len(checks))
	for i := range checks {
		ids[i] = checks[i].Rule // the field alone: refs may be written meanwhile
	}
	return ids
}

// Take returns the findings of p as a report sorted by urgency and the
// steps owed sorted by due date, and leaves p empty: the result shares
// nothing with p. A finding's citations are the catalogue's, read-only (see
// guidance.Report); a step owed builds its deadline when read
// (timescale.Owed).
func (p *Pass) Take() (*guidance.Report, []timescale.Owed) {
	rep := new(guidance.Report)
	return rep, p.TakeInto(rep)
}

// TakeInto is Take with the report written to *rep.
func (p *Pass) TakeInto(rep *guidance.Report) []timescale.Owed {
	p.findings.SortedReportTo(rep)
	return p.takeDeadlines()
}

// TakeSortedReport is Take for a caller that wants only the report: the
// deadlines owed are dropped, not copied. (TakeReport, unsorted, keeps
// them.)
func (p *Pass) TakeSortedReport() *guidance.Report {
	rep := new(guidance.Report)
	p.findings.SortedReportTo(rep)
	p.dropDeadlines()
	return rep
}

// TakeDeadlines is Take for a caller that wants only the deadlines owed,
// each explaining itself (timescale.Owed.Deadline): the findings are
// dropped, not sorted into a report.
func (p *Pass) TakeDeadlines() []timescale.Deadline {
	p.findings.Reset(p.Edition, p.Today)
	p.sortDeadlines()
	dls := make([]timescale.Deadline, len(p.Deadlines))
	for i := range p.Deadlines {
		dls[i] = p.Deadlines[i].Deadline()
	}
	p.dropDeadlines()
	return dls
}

// takeDeadlines returns the steps owed, sorted by due date (then rule),
// and leaves p without them.
func (p *Pass) takeDeadlines() []timescale.Owed {
	p.sortDeadlines()
	owed := make([]timescale.Owed, len(p.Deadlines))
	copy(owed, p.Deadlines)
	p.dropDeadlines()
	return owed
}

// sortDeadlines sorts the steps owed by due date, then rule.
func (p *Pass) sortDeadlines() {
	slices.SortStableFunc(p.Deadlines, func(a, b timescale.Owed) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// dropDeadlines empties the deadlines owed, keeping their storage and
// holding nothing of them.
func (p *Pass) dropDeadlines() {
	clear(p.Deadlines)
	p.Deadlines = p.Deadlines[:0]
}

// TakeReport returns the findings of p as a report, in the order they were
// reported, and leaves p without them.
func (p *Pass) TakeReport() *guidance.Report { return p.findings.Report() }

// A Pool runs checks on records of type T passed by value, recycling the
// copy that Run needs on the heap (a check reaches its record through a
// pointer, which a function value makes escape): a checker whose records
// are small values runs without an allocation. The zero Pool is ready to
// use, and safe for concurrent use.
type Pool[T any] struct{ pool sync.Pool }

// Run is [Run] on a copy of rec, which is cleared once the checks are done
// so that the pool keeps nothing of the caller's.
func (pl *Pool[T]) Run(p *Pass, subject string, rec T, checks []Check[T]) error {
	v, _ := pl.pool.Get().(*T)
	if v == nil {
		v = new(T)
	}
	*v = rec
	err := Run(p, subject, v, checks)
	var zero T
	*v = zero
	pl.pool.Put(v)
	return err
}
