package register

import (
	"log/slog"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// ChildID identifies a child (or an unborn baby) on the register. It must be
// an opaque reference from the case system: never a name, and never a CHI
// number, which encodes the date of birth. IDs of ten digits are refused for
// that reason.
type ChildID = string

// Child is the personal data the register holds about a child. It never
// reaches an error string or a log line: its String, GoString, LogValue and
// MarshalJSON methods redact it; only [MarshalEvent] writes it out.
type Child struct {
	Name        string         `json:"name,omitempty"`
	DateOfBirth timescale.Date `json:"date_of_birth,omitzero"`
	Address     string         `json:"address,omitempty"`
	// Unborn is true for an unborn baby; ExpectedDate is the expected date of
	// delivery. After birth a birth event links the record to the child.
	Unborn       bool           `json:"unborn,omitempty"`
	ExpectedDate timescale.Date `json:"expected_date,omitzero"`
}

// LogValue redacts the personal data, keeping only whether the child is
// unborn.
func (c Child) LogValue() slog.Value {
	return slog.GroupValue(slog.String("personal_data", "redacted"), slog.Bool("unborn", c.Unborn))
}

// String redacts the personal data, so that fmt verbs cannot leak it.
func (c Child) String() string { return "register.Child{redacted}" }

// MarshalJSON redacts the personal data, so that a Child, Event or State
// logged or encoded by accident does not leak it. Stores use [MarshalEvent]
// and [DecodeEvent], which carry it.
func (c Child) MarshalJSON() ([]byte, error) {
	if c.Unborn {
		return []byte(`{"personal_data":"redacted","unborn":true}`), nil
	}
	return []byte(`{"personal_data":"redacted"}`), nil
}

// GoString redacts the personal data for %#v.
func (c Child) GoString() string { return c.String() }

func (c Child) validate(field string) error {
	switch {
	case c.Unborn && !c.DateOfBirth.IsZero():
		return invalid(field+".date_of_birth", "an unborn baby has no date of birth; set it with RecordBirth")
	case !c.DateOfBirth.IsZero() && !c.DateOfBirth.Valid():
		return invalid(field+".date_of_birth", "not a valid date")
	case !c.ExpectedDate.IsZero() && !c.ExpectedDate.Valid():
		return invalid(field+".expected_date", "not a valid date")
	}
	return nil
}

func validChildID(id ChildID) error {
	if strings.TrimSpace(id) == "" || len(id) > 128 {
		return invalid("child_id", "give the case system's opaque reference for the child (1 to 128 characters)")
	}
	if len(id) == 10 && strings.Trim(id, "0123456789") == "" {
		return invalid("child_id", "looks like a CHI number, which encodes the date of birth: use an opaque reference")
	}
	return nil
}

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

func refused(rule, field, value, hint string) error {
	return &guidance.Error{Kind: guidance.Refused, Field: field, Value: value, Hint: "rule " + rule + ": " + hint}
}
