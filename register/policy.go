package register

import (
	"errors"
	"slices"
	"strings"

	"github.com/cpguide/cpguide/guidance"
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
	// ActionStatistics: counts from the register (Register.Statistics),
	// never an identity.
	ActionStatistics Action = "statistics"
	// ActionAudit: read the access log (Register.Accesses).
	ActionAudit Action = "audit"
)

// Valid reports whether a is a known action.
func (a Action) Valid() bool {
	return slices.Contains(Actions(), a)
}

// Actions lists the actions the access policy governs.
func Actions() []Action {
	return []Action{ActionEnquire, ActionRegister, ActionDeregister, ActionRecord, ActionCorrect, ActionHistory, ActionStatistics, ActionAudit}
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
// own authority's register and may read the history of a child registered
// there; police, health and social work practitioners, and register
// keepers, may enquire of any register at any hour; an authority's
// statisticians may count its register (counts only); its social work
// managers may read the access log about its children and its staff;
// everyone else is refused.
func DefaultPolicy() Policy {
	return Policy{Name: "default", Grants: []Grant{
		{Role: RegisterKeeper, Agencies: []meeting.Agency{meeting.SocialWork}, OwnAuthority: true,
			Actions: []Action{ActionRegister, ActionDeregister, ActionRecord, ActionCorrect, ActionHistory}},
		{Role: RegisterKeeper, Agencies: []meeting.Agency{meeting.SocialWork}, Actions: []Action{ActionEnquire}},
		{Role: Practitioner, Agencies: []meeting.Agency{meeting.Police, meeting.Health, meeting.SocialWork}, Actions: []Action{ActionEnquire}},
		{Role: Statistician, OwnAuthority: true, Actions: []Action{ActionStatistics}},
		{Role: Manager, Agencies: []meeting.Agency{meeting.SocialWork}, OwnAuthority: true, Actions: []Action{ActionAudit}},
	}}
}

// Validate checks that the policy is well formed: it has a name, and every
// grant names a role, at least one known action, and only known agencies,
// with no action or agency listed twice. [New] refuses a policy that is
// not valid, so that a grant with an empty role can never allow actors who
// have no role. Errors are Invalid, naming the grant.
func (p Policy) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return invalid("policy.name", "name the policy, so that refusals can cite it")
	}
	if len(p.Grants) == 0 {
		return invalid("policy.grants", "a policy with no grants refuses everything; give at least one")
	}
	for i, g := range p.Grants {
		f := "policy.grants[" + itoa(int64(i)) + "]"
		if strings.TrimSpace(string(g.Role)) == "" {
			return invalid(f+".role", "every grant names a role; an empty role would allow actors with no role")
		}
		if len(g.Actions) == 0 {
			return invalid(f+".actions", "every grant allows at least one action")
		}
		for j, a := range g.Actions {
			if !a.Valid() {
				return &guidance.Error{Kind: guidance.Invalid, Field: f + ".actions[" + itoa(int64(j)) + "]", Value: string(a), Hint: "not a known action"}
			}
			if slices.Contains(g.Actions[:j], a) {
				return invalid(f+".actions["+itoa(int64(j))+"]", "listed twice")
			}
		}
		for j, ag := range g.Agencies {
			if !ag.Valid() {
				return &guidance.Error{Kind: guidance.Invalid, Field: f + ".agencies[" + itoa(int64(j)) + "]", Value: string(ag), Hint: "not a known agency"}
			}
			if slices.Contains(g.Agencies[:j], ag) {
				return invalid(f+".agencies["+itoa(int64(j))+"]", "listed twice")
			}
		}
	}
	return nil
}

// Allows reports whether the actor may take the action on the register of
// authority.
func (p Policy) Allows(a Actor, act Action, authority string) bool {
	if a.ID == "" || a.Authority == "" || a.Role == "" {
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
