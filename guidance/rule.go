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
	AreaIRD       Area = "ird"
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
	// Unconfirmed, when set, says what of this provision was not read in
	// the national document itself (a paragraph's wording, its strength, a
	// figure, or the paragraph number) and how it is known: from councils'
	// procedures that copy the national text around it. Such a provision
	// still cites the national paragraph where the text stands; the figure
	// or strength is the one the copies agree on. Empty means read in the
	// national text.
	Unconfirmed string `json:"unconfirmed,omitempty"`
}

// In returns the rule's provision in edition e, and false if the edition does
// not have the rule.
func (r Rule) In(e Edition) (Provision, bool) {
	if p := r.provision(e); p != nil {
		return *p, true
	}
	return Provision{}, false
}

// provision returns the rule's own provision in edition e, nil when the
// edition does not have the rule: callers must not modify it.
func (r *Rule) provision(e Edition) *Provision {
	for i := range r.Provisions {
		if p := &r.Provisions[i]; p.Edition == e {
			return p
		}
	}
	return nil
}

// citations returns the provision's citations, clipped so that an append
// copies them rather than writing into the catalogue.
func (p *Provision) citations() []Citation {
	return p.Citations[:len(p.Citations):len(p.Citations)]
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
	if r := find(id); r != nil {
		return r.clone(), nil
	}
	return Rule{}, &Error{Kind: UnknownRule, Field: "rule", Value: id, Hint: suggest(id)}
}

// Known returns nil when id is a rule of the catalogue, and otherwise the
// error Lookup returns (kind UnknownRule, with the closest IDs), without
// copying the rule.
func Known(id string) error {
	if find(id) != nil {
		return nil
	}
	_, err := Lookup(id)
	return err
}

// find returns the catalogue's own rule id, or nil: callers must not modify
// it.
func find(id string) *Rule {
	i, ok := slices.BinarySearchFunc(catalogue, id, func(r Rule, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return nil
	}
	return &catalogue[i]
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

// suggest names the known rule IDs closest to id (by edit distance), at most
// three, or says where to list them all.
func suggest(id string) string {
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	for _, r := range catalogue {
		if d := editDistance(id, r.ID); d <= max(3, len(id)/3) {
			cs = append(cs, cand{r.ID, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.dist - b.dist })
	if len(cs) == 0 {
		return "list the known rules with the `rules` command or guidance.Rules()"
	}
	names := make([]string, 0, 3)
	for _, c := range cs[:min(3, len(cs))] {
		names = append(names, c.id)
	}
	return "did you mean " + strings.Join(names, ", ") + "?"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (r Rule) clone() Rule {
	r.Provisions = slices.Clone(r.Provisions)
	for i := range r.Provisions {
		r.Provisions[i].Citations = slices.Clone(r.Provisions[i].Citations)
	}
	return r
}
