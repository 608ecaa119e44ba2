package timescale

import (
	"log/slog"

	"github.com/cpguide/cpguide/internal/redact"
)

// The types below hold personal data (names, dates of birth, free text
// about the family). fmt (%v, %+v, %s, %#v), json.Marshal and log/slog
// (text and JSON handlers) show none of their content, alone, behind a
// pointer or in a slice; TestRedaction_NoPersonalTypeLeaksThroughAnyChannel
// in the module root holds them to it. The explicit export paths that keep
// the data are cpguide.MarshalCase and register.MarshalEvent.

// Variation holds personal data.
func (x Variation) String() string   { return redact.Text("timescale.Variation") }
func (x Variation) GoString() string { return redact.Text("timescale.Variation") }
func (x Variation) LogValue() slog.Value {
	return slog.StringValue(redact.Text("timescale.Variation"))
}
func (x Variation) MarshalJSON() ([]byte, error) { return redact.JSON() }
