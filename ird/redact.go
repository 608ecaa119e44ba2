package ird

import (
	"log/slog"

	"github.com/cpguide/cpguide/internal/redact"
)

// The types below hold personal data (names, free text about the family,
// through the variations of the options the names of approvers). fmt (%v,
// %+v, %s, %#v), json.Marshal and log/slog (text and JSON handlers) show
// none of their content; TestRedaction_NoPersonalTypeLeaksThroughAnyChannel
// in the module root holds them to it. The explicit export path that keeps
// the data is cpguide.MarshalCase.

// IRD holds personal data.
func (x IRD) String() string               { return redact.Text("ird.IRD") }
func (x IRD) GoString() string             { return redact.Text("ird.IRD") }
func (x IRD) LogValue() slog.Value         { return slog.StringValue(redact.Text("ird.IRD")) }
func (x IRD) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Decisions holds personal data.
func (x Decisions) String() string               { return redact.Text("ird.Decisions") }
func (x Decisions) GoString() string             { return redact.Text("ird.Decisions") }
func (x Decisions) LogValue() slog.Value         { return slog.StringValue(redact.Text("ird.Decisions")) }
func (x Decisions) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Facts holds personal data.
func (x Facts) String() string               { return redact.Text("ird.Facts") }
func (x Facts) GoString() string             { return redact.Text("ird.Facts") }
func (x Facts) LogValue() slog.Value         { return slog.StringValue(redact.Text("ird.Facts")) }
func (x Facts) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Options holds personal data (the approvers of its variations).
func (x Options) String() string               { return redact.Text("ird.Options") }
func (x Options) GoString() string             { return redact.Text("ird.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redact.Text("ird.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redact.JSON() }
