package cpguide

import (
	"log/slog"

	"github.com/cpguide/cpguide/internal/redact"
	"github.com/cpguide/cpguide/internal/strictjson"
)

// The types below hold personal data (names, dates of birth, free text
// about the family). fmt (%v, %+v, %s, %#v), json.Marshal and log/slog
// (text and JSON handlers) show none of their content, alone, behind a
// pointer or in a slice; TestRedaction_NoPersonalTypeLeaksThroughAnyChannel
// in the module root holds them to it. The explicit export paths that keep
// the data are cpguide.MarshalCase and register.MarshalEvent.

// PreBirth holds personal data.
func (x PreBirth) String() string               { return redact.Text("cpguide.PreBirth") }
func (x PreBirth) GoString() string             { return redact.Text("cpguide.PreBirth") }
func (x PreBirth) LogValue() slog.Value         { return slog.StringValue(redact.Text("cpguide.PreBirth")) }
func (x PreBirth) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Scenario holds personal data.
func (x Scenario) String() string               { return redact.Text("cpguide.Scenario") }
func (x Scenario) GoString() string             { return redact.Text("cpguide.Scenario") }
func (x Scenario) LogValue() slog.Value         { return slog.StringValue(redact.Text("cpguide.Scenario")) }
func (x Scenario) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Case holds personal data; its String and LogValue (case.go) show the case
// ID, a reference, and counts.
func (c Case) GoString() string { return c.String() }

// MarshalJSON writes no personal data: use MarshalCase to export a case.
func (c Case) MarshalJSON() ([]byte, error) { return redact.JSON() }

// MarshalCase is the explicit export path of a case: the JSON that
// DecodeCase reads, with every name, date and free text in it. Plain
// json.Marshal of a Case, or of anything holding personal data, redacts.
func MarshalCase(c Case) ([]byte, error) { return strictjson.Encode(c) }
