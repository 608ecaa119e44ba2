package guidance

import (
	"slices"
	"strings"
)

// Area names the package that checks a rule.
type Area string

// The areas of the library.
const (
	AreaTimescale Area = "timescale"
	AreaMeeting   Area = "meeting"
	AreaPlan      Area = "plan"
	AreaCoreGroup Area = "coregroup"
	AreaRegister  Area = "register"
)

// A Rule is one requirement of the guidance that the library checks. It is
// data: what is required, where each edition says so and how firmly. The
// package named by Area holds the function that checks it.
//
// IDs are stable and append-only: once released, an ID is never renamed or
// reused.
type Rule struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Doc says what the rule requires, paraphrasing the guidance, and how the
	// library checks it.
	Doc   string `json:"doc"`
	Area  Area   `json:"area"`
	Since string `json:"since"` // the library version that added the rule
	// Provisions states the rule once per edition that has it, oldest first.
	Provisions []Provision `json:"provisions"`
}

// A Provision is how one edition states a rule: its strength, its citations
// and, where the editions differ, a note of how.
type Provision struct {
	Edition   Edition    `json:"edition"`
	Strength  Strength   `json:"strength"`
	Citations []Citation `json:"citations"`
	Note      string     `json:"note,omitempty"`
}

// In returns the rule's provision in edition e, and false if the edition does
// not have the rule.
func (r Rule) In(e Edition) (Provision, bool) {
	for _, p := range r.Provisions {
		if p.Edition == e {
			return p, true
		}
	}
	return Provision{}, false
}

// Editions lists the editions that have the rule, oldest first.
func (r Rule) Editions() []Edition {
	eds := make([]Edition, len(r.Provisions))
	for i, p := range r.Provisions {
		eds[i] = p.Edition
	}
	return eds
}

// Rules returns the whole catalogue, sorted by ID. The result is a copy: the
// caller may modify it.
func Rules() []Rule {
	out := make([]Rule, len(catalogue))
	for i, r := range catalogue {
		out[i] = r.clone()
	}
	return out
}

// Lookup returns the rule with the given ID. An unknown ID is an error of
// kind [UnknownRule] whose hint lists the closest known IDs.
func Lookup(id string) (Rule, error) {
	i, ok := slices.BinarySearchFunc(catalogue, id, func(r Rule, id string) int { return strings.Compare(r.ID, id) })
	if ok {
		return catalogue[i].clone(), nil
	}
	return Rule{}, &Error{Kind: UnknownRule, Field: "rule", Value: id, Hint: suggest(id)}
}

// ProvisionOf returns the rule's provision in edition e. An unknown ID is an
// error of kind [UnknownRule]; a rule the edition lacks is [NotInEdition].
func ProvisionOf(id string, e Edition) (Rule, Provision, error) {
	r, err := Lookup(id)
	if err != nil {
		return Rule{}, Provision{}, err
	}
	p, ok := r.In(e)
	if !ok {
		eds := make([]string, 0, len(r.Provisions))
		for _, ed := range r.Editions() {
			eds = append(eds, ed.String())
		}
		return r, Provision{}, &Error{Kind: NotInEdition, Field: "edition", Value: e.String(),
			Hint: "rule " + id + " is stated only in edition(s) " + strings.Join(eds, ", ")}
	}
	return r, p, nil
}

func suggest(id string) string {
	prefix := id
	if i := strings.IndexByte(id, '.'); i >= 0 {
		prefix = id[:i+1]
	}
	var near []string
	for _, r := range catalogue {
		if strings.HasPrefix(r.ID, prefix) {
			near = append(near, r.ID)
		}
	}
	if len(near) == 0 || len(near) > 8 {
		return "list the known rules with the `rules` command or guidance.Rules()"
	}
	return "known rules like it: " + strings.Join(near, ", ")
}

func (r Rule) clone() Rule {
	r.Provisions = slices.Clone(r.Provisions)
	for i := range r.Provisions {
		r.Provisions[i].Citations = slices.Clone(r.Provisions[i].Citations)
	}
	return r
}
