// Package run carries one cpguide.Check through the checks of packages
// meeting, plan and coregroup, so that the whole case costs as little as the
// checks themselves:
//
//   - every check appends its findings to one buffer (Run.Findings), sized
//     once by cpguide.Check, instead of building a report of its own that
//     Check then copies;
//   - a deadline that several checks need (the record of a CPPM, for the
//     CPPM's finding, again for the plan's and for the diary) is computed
//     once: Run.Due remembers the timescale.Due results of the run;
//   - the findings of plan and coregroup keep their templates' citations
//     (cpguide.Check copies every citation of its result once, at the end).
//
// Being replaced by package engine: packages plan and coregroup still
// hold a Run field in their checkers, which nothing sets any more.
package run

import (
	"cmp"
	"slices"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// A Run is one cpguide.Check in progress. It is not safe for concurrent use.
type Run struct {
	// Findings is the buffer every check appends its findings to, in the
	// order cpguide.Check runs them.
	Findings []guidance.Finding
	// Options are the timescale options of every check of the run: the
	// same calendar, policies and local timescales throughout.
	Options timescale.Options

	// memo holds the deadlines computed most recently, a ring of the last
	// memoSize: a deadline is asked for again soon after it is first
	// computed (by Next after the CPPM's own check, by the plan and the
	// Core Group after the CPPM that required them). n counts every
	// deadline remembered; the next goes in memo[n%memoSize].
	memo [memoSize]entry
	n    int
}

const (
	memoSize = 16
	// maxAnchors is the most anchors a remembered deadline may count
	// from; Due computes deadlines with more without remembering them.
	maxAnchors = 3
)

type anchor struct {
	ev timescale.Event
	d  guidance.Date
}

// entry is one remembered timescale.Due result. Its anchors are sorted by
// event, so that equal maps give equal keys.
type entry struct {
	rule    string
	e       guidance.Edition
	n       int
	anchors [maxAnchors]anchor
	dl      timescale.Deadline
}

// Due is timescale.Due(rule, e, anchors, r.Options), computed once per run
// for each rule, edition and set of anchors. Errors are not remembered.
//
// The deadlines it returns share their slices (readings, citations, notes)
// with each other and with the findings assessed from them; cpguide.Check
// gives its result's findings and deadlines their own citations at the end.
func (r *Run) Due(rule string, e guidance.Edition, anchors timescale.Anchors) (timescale.Deadline, error) {
	if len(anchors) > maxAnchors {
		return timescale.Due(rule, e, anchors, r.Options)
	}
	k := entry{rule: rule, e: e, n: len(anchors)}
	i := 0
	for ev, d := range anchors {
		k.anchors[i] = anchor{ev, d}
		i++
	}
	slices.SortFunc(k.anchors[:k.n], func(a, b anchor) int { return cmp.Compare(a.ev, b.ev) })
	for j := range r.memo[:min(r.n, memoSize)] {
		if m := &r.memo[j]; m.rule == k.rule && m.e == k.e && m.n == k.n && m.anchors == k.anchors {
			return m.dl, nil
		}
	}
	dl, err := timescale.Due(rule, e, anchors, r.Options)
	if err != nil {
		return dl, err
	}
	k.dl = dl
	r.memo[r.n%memoSize] = k
	r.n++
	return dl, nil
}
