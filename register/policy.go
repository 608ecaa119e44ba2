package register

import (
	"errors"
	"slices"

	"github.com/cpguide/cpguide/meeting"
)

func asErr[T error](err error, target *T) bool { return errors.As(err, target) }

// Action is something an actor asks of the register.
type Action string

// Actions the access policy governs.
const (
	ActionEnquire    Action = "enquire"    // ask whether a child is on a register
	ActionRegister   Action = "register"   // open a registration (CPPM, transfer or temporary)
	ActionDeregister Action = "deregister" // end a registration
	ActionRecord     Action = "record"     // record that people were told, or a birth
	ActionCorrect    Action = "correct"    // correct an entry
	ActionHistory    Action = "history"    // read a child's full history
)

// Valid reports whether a is a known action.
func (a Action) Valid() bool {
	return slices.Contains([]Action{ActionEnquire, ActionRegister, ActionDeregister, ActionRecord, ActionCorrect, ActionHistory}, a)
}

// A Grant allows actors with a role, from an agency, to take some actions.
// An empty Agencies allows every agency. OwnAuthority limits the grant to
// the register of the actor's own authority.
type Grant struct {
	Role         Role             `json:"role"`
	Agencies     []meeting.Agency `json:"agencies,omitempty"`
	Actions      []Action         `json:"actions"`
	OwnAuthority bool             `json:"own_authority"`
}

// A Policy says who may do what to the register (rule register.access). It
// is data: a Child Protection Committee writes its local criteria as grants.
// Anything no grant allows is refused.
type Policy struct {
	Name   string  `json:"name"`
	Grants []Grant `json:"grants"`
}

// DefaultPolicy: the authority's social work register keepers write to their
// own authority's register and may read its history; police, health and
// social work practitioners, and register keepers, may enquire of any
// register at any hour; everyone else is refused.
func DefaultPolicy() Policy {
	return Policy{Name: "default", Grants: []Grant{
		{Role: RegisterKeeper, Agencies: []meeting.Agency{meeting.SocialWork}, OwnAuthority: true,
			Actions: []Action{ActionRegister, ActionDeregister, ActionRecord, ActionCorrect, ActionHistory}},
		{Role: RegisterKeeper, Agencies: []meeting.Agency{meeting.SocialWork}, Actions: []Action{ActionEnquire}},
		{Role: Practitioner, Agencies: []meeting.Agency{meeting.Police, meeting.Health, meeting.SocialWork}, Actions: []Action{ActionEnquire}},
	}}
}

// Allows reports whether the actor may take the action on the register of
// authority.
func (p Policy) Allows(a Actor, act Action, authority string) bool {
	if a.ID == "" || a.Authority == "" {
		return false
	}
	for _, g := range p.Grants {
		if g.Role != a.Role || !slices.Contains(g.Actions, act) {
			continue
		}
		if len(g.Agencies) > 0 && !slices.Contains(g.Agencies, a.Agency) {
			continue
		}
		if g.OwnAuthority && a.Authority != authority {
			continue
		}
		return true
	}
	return false
}
