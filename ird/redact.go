package ird

import "log/slog"

// The types below hold personal data (names, free text about the family,
// through the variations of the options the names of approvers). fmt (%v,
// %+v, %s, %#v), json.Marshal and log/slog (text and JSON handlers) show
// none of their content; TestRedaction_NoPersonalTypeLeaksThroughAnyChannel
// in the module root holds them to it. The explicit export path that keeps
// the data is cpguide.MarshalCase.

// redactedText is what fmt and log/slog show of a value of type name.
func redactedText(name string) string { return name + "{redacted}" }

// redactedJSON is what json.Marshal writes of such a value.
func redactedJSON() ([]byte, error) { return []byte(`{"personal_data":"redacted"}`), nil }

// IRD holds personal data.
func (x IRD) String() string               { return redactedText("ird.IRD") }
func (x IRD) GoString() string             { return redactedText("ird.IRD") }
func (x IRD) LogValue() slog.Value         { return slog.StringValue(redactedText("ird.IRD")) }
func (x IRD) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Decisions holds personal data.
func (x Decisions) String() string               { return redactedText("ird.Decisions") }
func (x Decisions) GoString() string             { return redactedText("ird.Decisions") }
func (x Decisions) LogValue() slog.Value         { return slog.StringValue(redactedText("ird.Decisions")) }
func (x Decisions) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Facts holds personal data.
func (x Facts) String() string               { return redactedText("ird.Facts") }
func (x Facts) GoString() string             { return redactedText("ird.Facts") }
func (x Facts) LogValue() slog.Value         { return slog.StringValue(redactedText("ird.Facts")) }
func (x Facts) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Options holds personal data (the approvers of its variations).
func (x Options) String() string               { return redactedText("ird.Options") }
func (x Options) GoString() string             { return redactedText("ird.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redactedText("ird.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redactedJSON() }
