package guidance

import "fmt"

// Strength is how firmly the guidance states a requirement. It decides the
// severity of a finding: only [Must] and [Should] requirements make
// [Report.Err] non-nil.
type Strength uint8

// Strengths, strongest first after the zero value. New strengths are added at
// the end.
const (
	StrengthUnset Strength = iota // not stated
	Must                          // "must", "always"
	Should                        // "should", "normally", "recommended"
	WherePossible                 // "where possible", "wherever possible"
	May                           // "may": a permission or option, never a breach
)

var strengthNames = [...]string{StrengthUnset: "unset", Must: "must", Should: "should", WherePossible: "where possible", May: "may"}

// String returns the word the guidance uses: "must", "should", "where
// possible" or "may".
func (s Strength) String() string {
	if int(s) < len(strengthNames) {
		return strengthNames[s]
	}
	return fmt.Sprintf("Strength(%d)", uint8(s))
}

// Binding reports whether a failure of a requirement of this strength is a
// breach: true for [Must] and [Should].
func (s Strength) Binding() bool { return s == Must || s == Should }

// MarshalText encodes the strength as its word; [StrengthUnset] encodes as
// empty text.
func (s Strength) MarshalText() ([]byte, error) {
	if int(s) >= len(strengthNames) {
		return nil, &Error{Kind: Invalid, Field: "strength", Value: s.String()}
	}
	if s == StrengthUnset {
		return []byte{}, nil
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes "must", "should", "where possible" or "may"; empty
// text is [StrengthUnset].
func (s *Strength) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = StrengthUnset
		return nil
	}
	for i, n := range strengthNames {
		if i > 0 && n == string(b) {
			*s = Strength(i)
			return nil
		}
	}
	return &Error{Kind: Invalid, Field: "strength", Value: string(b),
		Hint: `use "must", "should", "where possible" or "may"`}
}
