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
	if len(r.Findings) < 2 {
		return
	}
	// Compute each finding's key once and sort small keys, not the large
	// Finding values.
	type key struct {
		urgency int
		due     Date
		i       int
	}
	keys := make([]key, len(r.Findings))
	for i, f := range r.Findings {
		keys[i] = key{urgency(f), f.Due, i}
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.urgency, b.urgency); c != 0 {
			return c
		}
		if c := compareDue(a.due, b.due); c != 0 {
			return c
		}
		return strings.Compare(r.Findings[a.i].Rule, r.Findings[b.i].Rule)
	})
	sorted := make([]Finding, len(r.Findings))
	for i, k := range keys {
		sorted[i] = r.Findings[k.i]
	}
	copy(r.Findings, sorted)
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
