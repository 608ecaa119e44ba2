package timescale

import (
	"github.com/cpguide/cpguide/guidance"
)

// An Owed is a step a case owes, with its due date: the Due and
// LastWorkingDay of the deadline [Due] computes, and what it was computed
// from, so that the rest of the deadline (its readings, the days they
// skipped, the policies applied, citations, notes and explanation) is built
// only when read, by [Owed.Deadline]. A check that owes many steps and is
// read for its dates alone does not build their explanations.
//
// An Owed holds copies of what it needs (the dates its readings count
// from, the policy choice and local figure that apply to its rule) and the
// calendar, which never changes: changing the anchors or options it was
// made from afterwards changes nothing in it. Its JSON is the deadline's.
//
// Make one with [Owe]; the zero value owes nothing and explains nothing.
type Owed struct {
	Rule    string
	Edition guidance.Edition
	// Action is what to do by Due, as in the deadline: "hold the first
	// Core Group meeting".
	Action string
	// Due and LastWorkingDay are the deadline's (see [Deadline]).
	Due            Date
	LastWorkingDay Date

	anchors  [maxReadings]owedAnchor
	nAnchors int
	calendar *Calendar
	// policy and choice are the timescale's policy and the choice the
	// options made for it; choice is "" for the default.
	policy, choice string
	// local is the local figure that named the rule, if hasLocal.
	local    LocalTimescale
	hasLocal bool
}

type owedAnchor struct {
	ev Event
	d  Date
}

// Owe computes the due date of rule in edition e as [DueDate] does, with
// the same errors, and returns it as the step owed, whose [Owed.Deadline]
// is the deadline [Due] computes from the same arguments. It allocates
// nothing, unless it returns an error or a local figure sets a step the
// edition leaves open.
func Owe(rule string, e guidance.Edition, anchors Anchors, opts Options) (Owed, error) {
	t, l, err := entry(rule, e, opts.Local)
	if err != nil {
		return Owed{}, err
	}
	if l != nil {
		opts.Local = nil // the figure is the timescale: nothing left to tighten
	}
	var buf results
	rs := t.room(buf[:])
	local, err := t.check(anchors, opts, rs)
	if err != nil {
		return Owed{}, err
	}
	c := calendarOr(opts.Calendar)
	rk, err := t.reckon(c, opts.Policies, local, rs)
	if err != nil {
		return Owed{}, err
	}
	o := Owed{Rule: rule, Edition: t.Edition, Action: t.Action, Due: rs[rk.gov].due, calendar: opts.Calendar}
	o.LastWorkingDay = c.LastWorkingDayOnOrBefore(o.Due)
	for i := range t.Readings {
		if !rs[i].missing {
			o.keep(t.Readings[i].Anchor, rs[i].anchor)
		}
	}
	if t.Policy != "" {
		o.policy, o.choice = t.Policy, opts.Policies[t.Policy]
	}
	switch {
	case l != nil:
		o.local, o.hasLocal = *l, true
	case local != nil:
		o.local, o.hasLocal = *local, true
	}
	return o, nil
}

// keep records the date of event ev, once: a timescale has at most
// maxReadings readings (TestTable_AtMostMaxReadings, which covers the
// timescales local figures set too), each counted from one event.
func (o *Owed) keep(ev Event, d Date) {
	for _, a := range o.anchors[:o.nAnchors] {
		if a.ev == ev {
			return
		}
	}
	o.anchors[o.nAnchors] = owedAnchor{ev, d}
	o.nAnchors++
}

// Deadline returns the whole deadline owed, explaining itself: the one
// [Due] computes from the arguments [Owe] was given. The zero Owed returns
// the zero Deadline.
func (o Owed) Deadline() Deadline {
	if o.Rule == "" {
		return Deadline{}
	}
	opts := Options{Calendar: o.calendar}
	if o.choice != "" {
		opts.Policies = map[string]string{o.policy: o.choice}
	}
	if o.hasLocal {
		opts.Local = []LocalTimescale{o.local}
	}
	anchors := make(Anchors, o.nAnchors)
	for _, a := range o.anchors[:o.nAnchors] {
		anchors[a.ev] = a.d
	}
	dl, err := Due(o.Rule, o.Edition, anchors, opts)
	if err != nil {
		// Owe computed the same deadline from the same inputs, checked.
		panic("timescale: the deadline owed for " + o.Rule + " cannot be computed again: " + err.Error())
	}
	return dl
}

// Explanation is the explanation of the deadline owed (see
// [Deadline.Explanation]).
func (o Owed) Explanation() string {
	dl := o.Deadline()
	return dl.Explanation()
}

// String is [Owed.Explanation].
func (o Owed) String() string { return o.Explanation() }

// MarshalJSON encodes the deadline owed as [Deadline.MarshalJSON] does.
func (o Owed) MarshalJSON() ([]byte, error) { return o.Deadline().MarshalJSON() }
