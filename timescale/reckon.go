package timescale

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// This file decides a deadline's date: which readings have their anchors,
// the date each gives, which governs and whether a local figure tightens
// it. It builds none of the explanation (skipped days, policies applied,
// citations, notes), so that [DueDate] allocates nothing; [Due] builds the
// explanation from what it decided, so both always agree.

// A result is one reading worked out, without its explanation.
type result struct {
	anchor  Date // the anchor's date, unless missing
	due     Date
	missing bool // no date for its anchor
	clamped bool // a month count landed past the end of a month
}

// A policyPart says what part a policy played in choosing the governing
// reading, for the explanation to record.
type policyPart uint8

const (
	noPolicy       policyPart = iota // no policy applied
	stricterChosen                   // the stricter choice: the earliest reading governs
	readingChosen                    // the choice named the reading that governs
	noDeliveryDate                   // 2014 pre-birth: no expected date, so the late-notification reading
	notifiedLate                     // 2014 pre-birth: the notification counts as late
	notifiedInTime                   // 2014 pre-birth: it does not
)

// A reckoning is how a deadline's date was decided.
type reckoning struct {
	gov      int        // the result that governs
	national int        // the national result that governs, before the local figure is weighed
	policy   policyPart // what the timescale's policy did
	// The local figure weighed, if any: its results follow the national
	// ones, one for each national reading it covers.
	nLocal             int
	localGoverns       bool
	localNotApplicable bool
}

// reckon works out t's readings into rs, which holds the dates of their
// anchors (see [Timescale.check]) and room for as many again, and decides
// which governs under the policy choices and the local figure l (nil for
// none), whose results follow the national ones. Its inputs are checked
// already; its errors are those a case's dates cause: a due date beyond the
// supported range, no anchor for any reading, or none for the reading a
// policy chose.
func (t *Timescale) reckon(c *Calendar, choices map[string]string, l *LocalTimescale, rs []result) (reckoning, error) {
	n := len(t.Readings)
	have := 0
	for i := range t.Readings {
		r := &t.Readings[i]
		if rs[i].missing {
			continue
		}
		rs[i].due, rs[i].clamped = dateOf(c, t.Direction, r.Amount, r.Unit, rs[i].anchor)
		if !rs[i].due.Supported() {
			return reckoning{}, beyondRange()
		}
		have++
	}
	if have == 0 {
		evs := make([]string, len(t.Readings))
		for i, r := range t.Readings {
			evs[i] = string(r.Anchor)
		}
		return reckoning{}, &guidance.Error{Kind: guidance.MissingFact, Field: "anchors",
			Hint: t.Rule + " counts from " + strings.Join(slices.Compact(evs), " or ") + ": give that date"}
	}
	rk, err := t.choose(rs[:n], choices)
	rk.national = rk.gov
	if err != nil || l == nil {
		return rk, err
	}
	// Weigh the local figure: a result for each national reading it
	// covers, counted from that reading's anchor.
	counterpart, earliest := -1, -1
	j := n
	for i := range t.Readings {
		r := &t.Readings[i]
		if !covers(t.Direction, *l, *r) {
			continue
		}
		lr := result{anchor: rs[i].anchor, missing: rs[i].missing}
		if !lr.missing {
			lr.due, lr.clamped = dateOf(c, t.Direction, l.Amount, l.Unit, lr.anchor)
		}
		rs[j] = lr
		if !lr.missing {
			if i == rk.gov {
				counterpart = j
			}
			if earliest < 0 || lr.due.Before(rs[earliest].due) {
				earliest = j
			}
		}
		j++
	}
	rk.nLocal = j - n
	onlyGov := t.onlyGoverning(choices)
	pick := counterpart
	if pick < 0 && !onlyGov {
		pick = earliest
	}
	rk.localNotApplicable = pick < 0 && onlyGov
	if pick >= 0 && rs[pick].due.Before(rs[rk.gov].due) {
		rk.localGoverns = true
		rk.gov = pick
	}
	return rk, nil
}

// choose picks the governing reading among the national results rs.
func (t *Timescale) choose(rs []result, choices map[string]string) (reckoning, error) {
	earliest := func() int {
		best := -1
		for i, r := range rs {
			if !r.missing && (best < 0 || r.due.Before(rs[best].due)) {
				best = i
			}
		}
		return best
	}
	switch t.Combine {
	case Single, Earliest:
		return reckoning{gov: earliest()}, nil
	case ByPolicy:
		p, choice, _ := t.policy(choices)
		if choice == Stricter {
			return reckoning{gov: earliest(), policy: stricterChosen}, nil
		}
		for i := range t.Readings {
			r := &t.Readings[i]
			if r.Name != choice {
				continue
			}
			if rs[i].missing {
				return reckoning{}, &guidance.Error{Kind: guidance.MissingFact, Field: "anchors." + string(r.Anchor),
					Hint: fmt.Sprintf("policy %s = %s counts from %s: give that date", p.ID, choice, r.Anchor.Title())}
			}
			return reckoning{gov: i, policy: readingChosen}, nil
		}
		return reckoning{}, &guidance.Error{Kind: guidance.UnknownPolicy, Field: "policies." + p.ID, Value: choice,
			Hint: "that choice is not a reading of " + t.Rule + " in the " + t.Edition.String() + " edition"}
	case LateNotification:
		_, choice, _ := t.policy(choices)
		const gest, late = 0, 1
		g, l := rs[gest], rs[late]
		switch {
		case g.missing:
			return reckoning{gov: late, policy: noDeliveryDate}, nil
		case l.missing:
			return reckoning{gov: gest}, nil
		}
		// The 28-week point was reached by the time of the concern (the
		// late-notification reading's anchor).
		isLate := !g.due.After(l.anchor)
		if choice == "under-21-days" {
			isLate = g.due.Before(l.due)
		}
		if isLate {
			return reckoning{gov: late, policy: notifiedLate}, nil
		}
		return reckoning{gov: gest, policy: notifiedInTime}, nil
	}
	return reckoning{}, fmt.Errorf("timescale: %s (%s) has an unknown combination %d", t.Rule, t.Edition, t.Combine)
}

// dateOf works out one reading, amount of unit counted in direction dir
// from the anchor date a, and reports whether a month count was clamped to
// the end of a month.
func dateOf(c *Calendar, dir Direction, amount int, unit Unit, a Date) (due Date, clamped bool) {
	sign := 1
	if dir == Notice {
		sign = -1
	}
	switch unit {
	case CalendarDays:
		due = a.AddDays(sign * amount)
	case WorkingDays:
		due = c.AddWorkingDays(a, sign*amount)
	case Months:
		due = a.AddMonths(sign * amount)
		clamped = due.Day != a.Day
	case GestationWeeks:
		due = a.AddDays(-(40 - amount) * 7)
	}
	return due, clamped
}
