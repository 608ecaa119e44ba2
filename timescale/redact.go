package timescale

import "log/slog"

// The types below hold personal data (names, dates of birth, free text
// about the family). fmt (%v, %+v, %s, %#v), json.Marshal and log/slog
// (text and JSON handlers) show none of their content, alone, behind a
// pointer or in a slice; TestRedaction_NoPersonalTypeLeaksThroughAnyChannel
// in the module root holds them to it. The explicit export paths that keep
// the data are cpguide.MarshalCase and register.MarshalEvent.

// redactedText is what fmt and log/slog show of a value of type name.
func redactedText(name string) string { return name + "{redacted}" }

// redactedJSON is what json.Marshal writes of such a value.
func redactedJSON() ([]byte, error) { return []byte(`{"personal_data":"redacted"}`), nil }

// Variation holds personal data.
func (x Variation) String() string   { return redactedText("timescale.Variation") }
func (x Variation) GoString() string { return redactedText("timescale.Variation") }
func (x Variation) LogValue() slog.Value {
	return slog.StringValue(redactedText("timescale.Variation"))
}
func (x Variation) MarshalJSON() ([]byte, error) { return redactedJSON() }
