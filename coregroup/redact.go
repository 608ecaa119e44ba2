package coregroup

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

// Member holds personal data.
func (x Member) String() string               { return redactedText("coregroup.Member") }
func (x Member) GoString() string             { return redactedText("coregroup.Member") }
func (x Member) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Member")) }
func (x Member) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Members holds personal data.
func (x Members) String() string               { return redactedText("coregroup.Members") }
func (x Members) GoString() string             { return redactedText("coregroup.Members") }
func (x Members) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Members")) }
func (x Members) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Partner holds personal data.
func (x Partner) String() string               { return redactedText("coregroup.Partner") }
func (x Partner) GoString() string             { return redactedText("coregroup.Partner") }
func (x Partner) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Partner")) }
func (x Partner) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Partners holds personal data.
func (x Partners) String() string               { return redactedText("coregroup.Partners") }
func (x Partners) GoString() string             { return redactedText("coregroup.Partners") }
func (x Partners) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Partners")) }
func (x Partners) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Meeting holds personal data.
func (x Meeting) String() string               { return redactedText("coregroup.Meeting") }
func (x Meeting) GoString() string             { return redactedText("coregroup.Meeting") }
func (x Meeting) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Meeting")) }
func (x Meeting) MarshalJSON() ([]byte, error) { return redactedJSON() }

// ChangeReferral holds personal data.
func (x ChangeReferral) String() string   { return redactedText("coregroup.ChangeReferral") }
func (x ChangeReferral) GoString() string { return redactedText("coregroup.ChangeReferral") }
func (x ChangeReferral) LogValue() slog.Value {
	return slog.StringValue(redactedText("coregroup.ChangeReferral"))
}
func (x ChangeReferral) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Activation holds personal data.
func (x Activation) String() string   { return redactedText("coregroup.Activation") }
func (x Activation) GoString() string { return redactedText("coregroup.Activation") }
func (x Activation) LogValue() slog.Value {
	return slog.StringValue(redactedText("coregroup.Activation"))
}
func (x Activation) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Escalation holds personal data.
func (x Escalation) String() string   { return redactedText("coregroup.Escalation") }
func (x Escalation) GoString() string { return redactedText("coregroup.Escalation") }
func (x Escalation) LogValue() slog.Value {
	return slog.StringValue(redactedText("coregroup.Escalation"))
}
func (x Escalation) MarshalJSON() ([]byte, error) { return redactedJSON() }

// CoreGroup holds personal data.
func (x CoreGroup) String() string   { return redactedText("coregroup.CoreGroup") }
func (x CoreGroup) GoString() string { return redactedText("coregroup.CoreGroup") }
func (x CoreGroup) LogValue() slog.Value {
	return slog.StringValue(redactedText("coregroup.CoreGroup"))
}
func (x CoreGroup) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Options holds personal data.
func (x Options) String() string               { return redactedText("coregroup.Options") }
func (x Options) GoString() string             { return redactedText("coregroup.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redactedText("coregroup.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redactedJSON() }
