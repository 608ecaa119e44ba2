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

	// anchorDays[i] is the day number (Date.Days) of the date reading i
	// of the timescale counts from, where bit i of anchored is set.
	anchorDays [maxReadings]int32
	anchored   uint8
	calendar   *Calendar
	// choice is the choice the options made for the timescale's policy,
	// "" for its default.
	choice string
	// local is the local figure that named the rule, if any.
	local *LocalTimescale
}

// Owe computes the due date of rule in edition e as [DueDate] does, with
// the same errors, and returns it as the step owed, whose [Owed.Deadline]
// is the deadline [Due] computes from the same arguments. It allocates
// nothing, unless it returns an error or a local figure applies to the
// rule.
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
	// A table's timescale has at most maxReadings readings
	// (TestTable_AtMostMaxReadings), and one a local figure sets has one.
	for i := range t.Readings[:min(len(t.Readings), maxReadings)] {
		if !rs[i].missing {
			o.anchorDays[i] = int32(rs[i].anchor.Days())
			o.anchored |= 1 << i
		}
	}
	if t.Policy != "" {
		o.choice = opts.Policies[t.Policy]
	}
	if l == nil {
		l = local
	}
	if l != nil {
		o.local = new(LocalTimescale)
		*o.local = *l
	}
	return o, nil
}

// Deadline returns the whole deadline owed, explaining itself: the one
// [Due] computes from the arguments [Owe] was given. The zero Owed returns
// the zero Deadline.
func (o Owed) Deadline() Deadline {
	if o.Rule == "" {
		return Deadline{}
	}
	opts := Options{Calendar: o.calendar}
	if o.local != nil {
		opts.Local = []LocalTimescale{*o.local}
	}
	t, _, err := entry(o.Rule, o.Edition, opts.Local)
	if err == nil {
		if o.choice != "" {
			opts.Policies = map[string]string{t.Policy: o.choice}
		}
		anchors := make(Anchors, len(t.Readings))
		for i, r := range t.Readings[:min(len(t.Readings), maxReadings)] {
			if o.anchored&(1<<i) != 0 {
				anchors[r.Anchor] = guidance.DateFromDays(int(o.anchorDays[i]))
			}
		}
		var dl Deadline
		if dl, err = Due(o.Rule, o.Edition, anchors, opts); err == nil {
			return dl
		}
	}
	// Owe computed the same deadline from the same inputs, checked.
	panic("timescale: the deadline owed for " + o.Rule + " cannot be computed again: " + err.Error())
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
