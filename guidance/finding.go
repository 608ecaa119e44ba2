package guidance

import (
	"fmt"
	"slices"
	"strings"
)

// Status is the outcome of checking one rule against a case.
// The zero value is [Unknown]: the case lacks the facts to decide.
type Status uint8

// Statuses. New statuses are added at the end.
const (
	Unknown           Status = iota // the case lacks the facts to decide
	Met                             // done, on time or as required
	MetUnderVariation               // done late, but within an approved variation
	Pending                         // not yet due; the finding carries the due date
	Overdue                         // the due date has passed and it is not done
	Late                            // done, after the due date
	Missing                         // a required element is absent
	NotApplicable                   // the rule does not apply to this case
)

var statusNames = [...]string{
	Unknown: "unknown", Met: "met", MetUnderVariation: "met under variation", Pending: "pending",
	Overdue: "overdue", Late: "late", Missing: "missing", NotApplicable: "not applicable",
}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Failed reports whether the status is a failure: [Overdue], [Late] or
// [Missing]. Whether a failure is a breach depends on the rule's strength.
func (s Status) Failed() bool { return s == Overdue || s == Late || s == Missing }

// MarshalText encodes the status as its name in snake_case ("met",
// "met_under_variation", "not_applicable"): the JSON form. String gives the
// name with spaces, for people.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, &Error{Kind: Invalid, Field: "status", Value: s.String()}
	}
	return []byte(strings.ReplaceAll(s.String(), " ", "_")), nil
}

// UnmarshalText decodes a status name, spelt with spaces ("met under
// variation", as MarshalText writes it today) or in snake_case
// ("met_under_variation"), so that input written for either spelling is
// read the same.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) || strings.ReplaceAll(n, " ", "_") == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return &Error{Kind: Invalid, Field: "status", Value: string(b),
		Hint: "use one of: " + strings.Join(statusNames[:], ", ")}
}

// A Finding is the result of checking one rule: which rule, under which
// edition and how firmly it binds, what it is about, its status, the due date
// where there is one, and a message saying what to do.
//
// Subject and Message must not contain personal data (names, dates of birth,
// addresses): they describe the requirement ("initial CPPM", "record of the
// CPPM"), not the people.
type Finding struct {
	Rule      string     `json:"rule"`
	Title     string     `json:"title"`
	Edition   Edition    `json:"edition"`
	Strength  Strength   `json:"strength"`
	Status    Status     `json:"status"`
	Subject   string     `json:"subject,omitempty"`
	Due       Date       `json:"due,omitzero"`
	Done      Date       `json:"done,omitzero"`
	Message   string     `json:"message"`
	Citations []Citation `json:"citations,omitempty"`
}

// Breach reports whether the finding is a failure ([Overdue], [Late] or
// [Missing]) of a [Must] or [Should] requirement.
func (f Finding) Breach() bool { return f.Status.Failed() && f.Strength.Binding() }

// String renders the finding on one line: "overdue [should] coregroup.first
// (due 2027-01-01): message".
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", f.Status, f.Strength, f.Rule)
	if f.Subject != "" {
		fmt.Fprintf(&b, " %s", f.Subject)
	}
	if !f.Due.IsZero() {
		fmt.Fprintf(&b, " (due %s)", f.Due)
	}
	if f.Message != "" {
		fmt.Fprintf(&b, ": %s", f.Message)
	}
	return b.String()
}

// NewFinding returns a finding of rule id under edition e with its title,
// strength and citations taken from the catalogue, and the given status and
// message. Checkers use it so that no finding can carry a strength or a
// citation that disagrees with the catalogue.
//
// It panics if the rule is not in the catalogue or not in edition e: rule IDs
// are constants of the library, never user input, and a test of every
// checker exercises each one.
func NewFinding(id string, e Edition, status Status, message string) Finding {
	r := find(id)
	if r == nil {
		_, _, err := ProvisionOf(id, e)
		panic("guidance.NewFinding: " + err.Error())
	}
	p, ok := r.In(e)
	if !ok {
		_, _, err := ProvisionOf(id, e)
		panic("guidance.NewFinding: " + err.Error())
	}
	// Only the citations are copied: the finding must not share them with
	// the catalogue.
	return Finding{Rule: id, Title: r.Title, Edition: e, Strength: p.Strength, Status: status,
		Message: message, Citations: slices.Clone(p.Citations)}
}
