package timescale

import (
	"errors"
	"fmt"

	"github.com/cpguide/cpguide/guidance"
)

// An Owed is a step a case owes, with its due date: the Due and
// LastWorkingDay of the deadline [Due] computes, and what it was computed
// from, so that the rest of the deadline (its readings, the days they
// skipped, the policies applied, citations, notes and explanation) is built
// only when read, by [Owed.Deadline]. A check that owes many steps and is
// read for its dates alone does not build their explanations.
//
// An Owed made by [Owe] holds copies of what it needs (the dates its
// readings count from, the policy choice and local figure that apply to its
// rule) and the timescale and calendar, which never change: changing the
// anchors or options it was made from afterwards changes nothing in it. Its
// exported fields are what Owe computed, for reading: the deadline
// [Owed.Deadline] builds comes from what Owe was given, whatever they say.
//
// Its JSON is the deadline's. It cannot be decoded: compute the step again
// with Owe from the case's dates.
type Owed struct {
	Rule    string
	Edition guidance.Edition
	// Action is what to do by Due, as in the deadline: "hold the first
	// Core Group meeting".
	Action string
	// Due and LastWorkingDay are the deadline's (see [Deadline]).
	Due            Date
	LastWorkingDay Date

	// t is the timescale counted (the table's entry, or the one a local
	// figure sets for a step the edition leaves open: then localSets);
	// nil for an Owed Owe did not make.
	t *Timescale
	// anchorDays[i] is the day number (Date.Days) of the date reading i
	// of t counts from, where bit i of anchored is set.
	anchorDays [maxReadings]int32
	anchored   uint8
	localSets  bool
	calendar   *Calendar
	// choice is the choice the options made for t's policy, "" for its
	// default.
	choice string
	// local is the local figure that named the rule, if any.
	local *LocalTimescale
}

// Owe computes the due date of rule in edition e as [DueDate] does, with
// the same errors, and returns it as the step owed, whose [Owed.Deadline]
// is the deadline [Due] computes from the same arguments. It allocates
// nothing, unless it returns an error or a local figure applies to the
// rule (it keeps a copy).
func Owe(rule string, e guidance.Edition, anchors Anchors, opts Options) (Owed, error) {
	var o Owed
	if err := o.owe(rule, e, anchors, opts, true); err != nil {
		return Owed{}, err
	}
	return o, nil
}

// owe sets o to the step owed (see Owe); unless keep, only to its dates,
// for DueDate.
func (o *Owed) owe(rule string, e guidance.Edition, anchors Anchors, opts Options, keep bool) error {
	t, l, err := entry(rule, e, opts.Local)
	if err != nil {
		return err
	}
	if l != nil {
		opts.Local = nil // the figure is the timescale: nothing left to tighten
	}
	var buf results
	rs := t.room(buf[:])
	local, err := t.check(anchors, opts, rs)
	if err != nil {
		return err
	}
	c := calendarOr(opts.Calendar)
	rk, err := t.reckon(c, opts.Policies, local, rs)
	if err != nil {
		return err
	}
	o.Due = rs[rk.gov].due
	o.LastWorkingDay = c.LastWorkingDayOnOrBefore(o.Due)
	if !keep {
		return nil
	}
	if len(t.Readings) > maxReadings {
		// The table's timescales have at most maxReadings readings
		// (TestTable_AtMostMaxReadings); one a local figure sets has one.
		panic("timescale: " + rule + " has more readings than an Owed keeps")
	}
	o.Rule, o.Edition, o.Action, o.t, o.calendar = rule, t.Edition, t.Action, t, opts.Calendar
	for i := range t.Readings {
		if !rs[i].missing {
			o.anchorDays[i] = int32(rs[i].anchor.Days())
			o.anchored |= 1 << i
		}
	}
	if t.Policy != "" {
		o.choice = opts.Policies[t.Policy]
	}
	o.localSets = l != nil
	if l == nil {
		l = local
	}
	if l != nil {
		o.local = new(LocalTimescale)
		*o.local = *l
	}
	return nil
}

// Deadline returns the whole deadline owed, explaining itself: the one
// [Due] computes from the arguments [Owe] was given. For an Owed that Owe
// did not make (the zero value, or one a caller filled in), it is a
// deadline of the exported fields alone.
func (o Owed) Deadline() Deadline {
	dl, err := o.deadline()
	if err != nil {
		// Owe computed the same deadline from the same inputs, checked.
		panic(err)
	}
	return dl
}

func (o *Owed) deadline() (Deadline, error) {
	if o.t == nil {
		return Deadline{Rule: o.Rule, Edition: o.Edition, Action: o.Action, Due: o.Due, LastWorkingDay: o.LastWorkingDay}, nil
	}
	anchors := make(Anchors, len(o.t.Readings))
	for i, r := range o.t.Readings {
		if o.anchored&(1<<i) != 0 {
			anchors[r.Anchor] = guidance.DateFromDays(int(o.anchorDays[i]))
		}
	}
	opts := Options{Calendar: o.calendar}
	if o.choice != "" {
		opts.Policies = map[string]string{o.t.Policy: o.choice}
	}
	var l *LocalTimescale
	switch {
	case o.localSets:
		l = o.local
	case o.local != nil:
		opts.Local = []LocalTimescale{*o.local}
	}
	dl, err := dueOf(o.t, l, anchors, opts)
	if err != nil {
		return Deadline{}, fmt.Errorf("timescale: the deadline owed for %s cannot be computed again: %w", o.Rule, err)
	}
	return dl, nil
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
func (o Owed) MarshalJSON() ([]byte, error) {
	dl, err := o.deadline()
	if err != nil {
		return nil, err
	}
	return dl.MarshalJSON()
}

// UnmarshalJSON refuses: an Owed keeps what its deadline was computed
// from, which its JSON does not hold.
func (o *Owed) UnmarshalJSON([]byte) error {
	return errors.New("timescale: a step owed (Owed) cannot be decoded: compute it again with timescale.Owe from the case's dates")
}
