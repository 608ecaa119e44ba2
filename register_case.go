package cpguide

import (
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/register"
)

// This file puts the Child Protection Register into a Case: the register
// rules (RULES.md section 6, package register) run on the case's register
// events and its CPPMs.

// checkRegister checks the register rules (package register) on pass p:
// the case's register events, its CPPMs and the birth of a baby
// registered before birth.
func (c *Case) checkRegister(p *engine.Pass, policy *register.Policy) error {
	rc := register.Case{Events: c.Register, CPPMs: c.Meetings}
	if c.PreBirth != nil {
		rc.Born = c.PreBirth.Birth
	}
	return register.Run(p, &rc, policy)
}
