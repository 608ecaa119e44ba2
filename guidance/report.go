package guidance

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Report collects the findings of a check under one edition. The zero
// value is an empty report ready to use.
type Report struct {
	Edition  Edition   `json:"edition"`
	Today    Date      `json:"today,omitzero"`
	Findings []Finding `json:"findings"`
}

// Add appends findings to the report.
func (r *Report) Add(fs ...Finding) { r.Findings = append(r.Findings, fs...) }

// Breaches returns the findings that are breaches: Overdue, Late or Missing
// for a Must or Should rule.
func (r *Report) Breaches() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Breach() {
			out = append(out, f)
		}
	}
	return out
}

// Count returns how many findings have the status s.
func (r *Report) Count(s Status) int {
	n := 0
	for _, f := range r.Findings {
		if f.Status == s {
			n++
		}
	}
	return n
}

// Sort orders the findings by urgency: breaches of must before should, then
// other failures, unknowns, pending items by due date, and met or not
// applicable last. Ties keep rule-ID order, so output is stable.
func (r *Report) Sort() {
	n := len(r.Findings)
	if n < 2 {
		return
	}
	var buf [64]int
	perm := buf[:0]
	if n > len(buf) {
		perm = make([]int, 0, n)
	}
	perm = r.order(perm)
	// Apply the permutation in place, cycle by cycle: position j takes the
	// finding that was at perm[j]. Each finding moves once.
	for start := range perm {
		if perm[start] == start {
			continue
		}
		held := r.Findings[start]
		j := start
		for {
			k := perm[j]
			perm[j] = j
			if k == start {
				r.Findings[j] = held
				break
			}
			r.Findings[j] = r.Findings[k]
			j = k
		}
	}
}

// order appends to perm the index of each finding, in sorted order: by
// urgency, then due date (none last), then rule ID, then position, which
// makes the order total and equal to a stable sort's.
func (r *Report) order(perm []int) []int {
	// Usually every key packs into a uint64 (see packKey): sorting those is
	// several times faster than comparing findings field by field.
	var buf [64]uint64
	keys := buf[:0]
	if len(r.Findings) > len(buf) {
		keys = make([]uint64, 0, len(r.Findings))
	}
	for i := range r.Findings {
		k, ok := packKey(&r.Findings[i], i)
		if !ok {
			return r.orderByFields(perm)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		perm = append(perm, int(k&indexMask))
	}
	return perm
}

// A packed sort key is, from the most significant bit: the urgency (3 bits),
// the due date as a day number from 0000-03-01, all ones for none (23 bits),
// the rule's place in the catalogue's ID order (12 bits) and the finding's
// position (16 bits). Comparing keys compares those fields in that order.
const (
	indexBits = 16
	rankBits  = 12
	dueBits   = 23
	indexMask = 1<<indexBits - 1
	noDue     = 1<<dueBits - 1
	dayZero   = 719468 // Date{0, March, 1}.Days() is -719468
)

// ruleRank is each catalogue rule's place in ID order.
var ruleRank = func() map[string]uint64 {
	m := make(map[string]uint64, len(catalogue))
	for i, r := range catalogue {
		m[r.ID] = uint64(i)
	}
	return m
}()

// packKey returns f's sort key at position i, or false when a field does not
// fit: a rule outside the catalogue, a due date that is not a real date from
// year 1 to 9999, or more findings than the index holds.
func packKey(f *Finding, i int) (uint64, bool) {
	rank, ok := ruleRank[f.Rule]
	if !ok || i > indexMask || rank >= 1<<rankBits {
		return 0, false
	}
	due := uint64(noDue)
	if !f.Due.IsZero() {
		if !f.Due.Valid() {
			return 0, false
		}
		due = uint64(f.Due.Days() + dayZero)
	}
	return uint64(urgency(*f))<<(dueBits+rankBits+indexBits) | due<<(rankBits+indexBits) | rank<<indexBits | uint64(i), true
}

// orderByFields is order for findings whose keys do not pack: it compares
// the fields themselves.
func (r *Report) orderByFields(perm []int) []int {
	perm = perm[:0]
	for i := range r.Findings {
		perm = append(perm, i)
	}
	slices.SortStableFunc(perm, func(a, b int) int {
		fa, fb := &r.Findings[a], &r.Findings[b]
		if c := cmp.Compare(urgency(*fa), urgency(*fb)); c != 0 {
			return c
		}
		if c := compareDue(fa.Due, fb.Due); c != 0 {
			return c
		}
		return strings.Compare(fa.Rule, fb.Rule)
	})
	return perm
}

func urgency(f Finding) int {
	switch {
	case f.Breach() && f.Strength == Must:
		return 0
	case f.Breach():
		return 1
	case f.Status.Failed():
		return 2
	case f.Status == Unknown:
		return 3
	case f.Status == Pending:
		return 4
	default:
		return 5
	}
}

func compareDue(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Err returns nil when no Must or Should rule is Overdue, Late or Missing,
// and otherwise a *[BreachError] listing the breaches. A test suite asserts
// compliance with require.NoError(t, report.Err()).
func (r *Report) Err() error {
	bs := r.Breaches()
	if len(bs) == 0 {
		return nil
	}
	return &BreachError{Edition: r.Edition, Breaches: bs}
}

// BreachError is returned by [Report.Err]. It lists every breach found.
type BreachError struct {
	Edition  Edition
	Breaches []Finding
}

func (e *BreachError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d breach(es) of the %s guidance", len(e.Breaches), e.Edition)
	for _, f := range e.Breaches {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	return b.String()
}
