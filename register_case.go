package cpguide

import (
	"errors"
	"strconv"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// This file puts the Child Protection Register into a Case: decoding the
// case's register events, checking that they fold into a history, and the
// findings of the register rules (RULES.md section 6), including the
// consistency a case system expects between the CPPMs and the register.

// scrubbed drops the offending value from a *guidance.Error: a case file's
// values may be personal data and are never quoted.
func scrubbed(err error) error {
	var ge *guidance.Error
	if !errors.As(err, &ge) || ge.Value == "" {
		return err
	}
	out := *ge
	out.Value = ""
	return &out
}

// validateRegister checks each register event and that together they are
// one child's history: versions 1, 2, 3, ... with no gap, no second open
// registration in an authority, no ending without a registration.
func validateRegister(evs []register.Event) error {
	if len(evs) == 0 {
		return nil
	}
	for i, e := range evs {
		if err := e.Validate(); err != nil {
			return scrubbed(prefix(index("register", i), err))
		}
	}
	child := evs[0].ChildID
	if _, err := register.Fold(child, evs); err == nil {
		return nil
	}
	// Find the first event the history cannot take: failing is monotone in
	// the length of the prefix, so search for the shortest failing one.
	lo, hi := 0, len(evs)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if _, err := register.Fold(child, evs[:mid+1]); err != nil {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	j := lo
	_, ferr := register.Fold(child, evs[:j+1])
	field, hint := index("register", j)+".type", "the event contradicts the history before it (a second open registration in one authority, an ending or telling with no registration): correct the register"
	switch {
	case evs[j].ChildID != child:
		field, hint = index("register", j)+".child_id", "every register event of a case is about the same child: give the same child_id"
	case evs[j].Version != int64(j)+1:
		field, hint = index("register", j)+".version", "give the events in order with versions 1, 2, 3, ... and no gap (this one should be "+strconv.Itoa(j+1)+")"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint, Err: scrubbed(ferr)}
}

// checkRegister checks the register rules (package register) on pass p:
// the case's register events, its CPPMs and the birth of a baby
// registered before birth.
func (c Case) checkRegister(p *engine.Pass, opts Options) error {
	rc := register.Case{Events: c.Register, CPPMs: c.Meetings}
	if c.PreBirth != nil {
		rc.Born = c.PreBirth.Birth
	}
	return register.Run(p, &rc, opts.RegisterPolicy)
}
