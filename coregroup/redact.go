package coregroup

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

// Member holds personal data.
func (x Member) String() string               { return redact.Text("coregroup.Member") }
func (x Member) GoString() string             { return redact.Text("coregroup.Member") }
func (x Member) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Member")) }
func (x Member) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Members holds personal data.
func (x Members) String() string               { return redact.Text("coregroup.Members") }
func (x Members) GoString() string             { return redact.Text("coregroup.Members") }
func (x Members) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Members")) }
func (x Members) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Partner holds personal data.
func (x Partner) String() string               { return redact.Text("coregroup.Partner") }
func (x Partner) GoString() string             { return redact.Text("coregroup.Partner") }
func (x Partner) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Partner")) }
func (x Partner) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Partners holds personal data.
func (x Partners) String() string               { return redact.Text("coregroup.Partners") }
func (x Partners) GoString() string             { return redact.Text("coregroup.Partners") }
func (x Partners) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Partners")) }
func (x Partners) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Meeting holds personal data.
func (x Meeting) String() string               { return redact.Text("coregroup.Meeting") }
func (x Meeting) GoString() string             { return redact.Text("coregroup.Meeting") }
func (x Meeting) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Meeting")) }
func (x Meeting) MarshalJSON() ([]byte, error) { return redact.JSON() }

// ChangeReferral holds personal data.
func (x ChangeReferral) String() string   { return redact.Text("coregroup.ChangeReferral") }
func (x ChangeReferral) GoString() string { return redact.Text("coregroup.ChangeReferral") }
func (x ChangeReferral) LogValue() slog.Value {
	return slog.StringValue(redact.Text("coregroup.ChangeReferral"))
}
func (x ChangeReferral) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Activation holds personal data.
func (x Activation) String() string   { return redact.Text("coregroup.Activation") }
func (x Activation) GoString() string { return redact.Text("coregroup.Activation") }
func (x Activation) LogValue() slog.Value {
	return slog.StringValue(redact.Text("coregroup.Activation"))
}
func (x Activation) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Escalation holds personal data.
func (x Escalation) String() string   { return redact.Text("coregroup.Escalation") }
func (x Escalation) GoString() string { return redact.Text("coregroup.Escalation") }
func (x Escalation) LogValue() slog.Value {
	return slog.StringValue(redact.Text("coregroup.Escalation"))
}
func (x Escalation) MarshalJSON() ([]byte, error) { return redact.JSON() }

// CoreGroup holds personal data.
func (x CoreGroup) String() string   { return redact.Text("coregroup.CoreGroup") }
func (x CoreGroup) GoString() string { return redact.Text("coregroup.CoreGroup") }
func (x CoreGroup) LogValue() slog.Value {
	return slog.StringValue(redact.Text("coregroup.CoreGroup"))
}
func (x CoreGroup) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Options holds personal data.
func (x Options) String() string               { return redact.Text("coregroup.Options") }
func (x Options) GoString() string             { return redact.Text("coregroup.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redact.Text("coregroup.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redact.JSON() }
