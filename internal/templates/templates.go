// Package templates holds, for each rule and each edition that states it,
// the finding guidance.NewFinding builds: its rule, title, edition, strength
// and citations from the catalogue. Checkers copy a template and set the
// status, subject and message, which is several times faster than a
// catalogue lookup per finding.
package templates

import (
	"slices"

	"github.com/cpguide/cpguide/guidance"
)

// A Set holds the templates of some rules, by edition then rule ID. It is
// immutable once built and safe for concurrent use. Its findings' citation
// slices are shared and clipped (appending copies them): callers that hand
// findings out must either treat them as read-only or copy them.
type Set []map[string]guidance.Finding

// New builds the templates of the given rules, or of every rule of the
// catalogue when ids is empty. It panics on an ID the catalogue lacks: IDs
// are constants of the library.
func New(ids ...string) Set {
	var rules []guidance.Rule
	if len(ids) == 0 {
		rules = guidance.Rules()
	}
	for _, id := range ids {
		r, err := guidance.Lookup(id)
		if err != nil {
			panic("templates: " + err.Error())
		}
		rules = append(rules, r)
	}
	var s Set
	for _, r := range rules {
		for _, e := range r.Editions() {
			for int(e) >= len(s) {
				s = append(s, map[string]guidance.Finding{})
			}
			f := guidance.NewFinding(r.ID, e, guidance.Unknown, "")
			f.Citations = slices.Clip(f.Citations)
			s[e][r.ID] = f
		}
	}
	return s
}

// Get returns the template of rule id in edition e, and false if the edition
// does not state the rule.
func (s Set) Get(id string, e guidance.Edition) (guidance.Finding, bool) {
	if int(e) >= len(s) {
		return guidance.Finding{}, false
	}
	f, ok := s[e][id]
	return f, ok
}

// Has reports whether edition e states rule id.
func (s Set) Has(id string, e guidance.Edition) bool {
	_, ok := s.Get(id, e)
	return ok
}

// Edition builds the templates of every rule of the catalogue that edition
// e states, by rule ID: the map a Set built by New holds for e.
func Edition(e guidance.Edition) map[string]guidance.Finding {
	m := map[string]guidance.Finding{}
	for _, r := range guidance.Rules() { // a copy: its citations are the templates' own
		if p, ok := r.In(e); ok {
			m[r.ID] = guidance.Finding{Rule: r.ID, Title: r.Title, Edition: e, Strength: p.Strength,
				Status: guidance.Unknown, Citations: slices.Clip(p.Citations)}
		}
	}
	return m
}
