package register

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

// Registration holds personal data.
func (x Registration) String() string   { return redactedText("register.Registration") }
func (x Registration) GoString() string { return redactedText("register.Registration") }
func (x Registration) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.Registration"))
}
func (x Registration) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Informed holds personal data.
func (x Informed) String() string               { return redactedText("register.Informed") }
func (x Informed) GoString() string             { return redactedText("register.Informed") }
func (x Informed) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Informed")) }
func (x Informed) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Enquiry holds personal data.
func (x Enquiry) String() string               { return redactedText("register.Enquiry") }
func (x Enquiry) GoString() string             { return redactedText("register.Enquiry") }
func (x Enquiry) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Enquiry")) }
func (x Enquiry) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Refusal holds personal data.
func (x Refusal) String() string               { return redactedText("register.Refusal") }
func (x Refusal) GoString() string             { return redactedText("register.Refusal") }
func (x Refusal) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Refusal")) }
func (x Refusal) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Correction holds personal data.
func (x Correction) String() string   { return redactedText("register.Correction") }
func (x Correction) GoString() string { return redactedText("register.Correction") }
func (x Correction) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.Correction"))
}
func (x Correction) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Event holds personal data.
func (x Event) String() string               { return redactedText("register.Event") }
func (x Event) GoString() string             { return redactedText("register.Event") }
func (x Event) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Event")) }
func (x Event) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Episode holds personal data.
func (x Episode) String() string               { return redactedText("register.Episode") }
func (x Episode) GoString() string             { return redactedText("register.Episode") }
func (x Episode) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Episode")) }
func (x Episode) MarshalJSON() ([]byte, error) { return redactedJSON() }

// State holds personal data.
func (x State) String() string               { return redactedText("register.State") }
func (x State) GoString() string             { return redactedText("register.State") }
func (x State) LogValue() slog.Value         { return slog.StringValue(redactedText("register.State")) }
func (x State) MarshalJSON() ([]byte, error) { return redactedJSON() }

// RegistrationInput holds personal data.
func (x RegistrationInput) String() string   { return redactedText("register.RegistrationInput") }
func (x RegistrationInput) GoString() string { return redactedText("register.RegistrationInput") }
func (x RegistrationInput) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.RegistrationInput"))
}
func (x RegistrationInput) MarshalJSON() ([]byte, error) { return redactedJSON() }

// TemporaryInput holds personal data.
func (x TemporaryInput) String() string   { return redactedText("register.TemporaryInput") }
func (x TemporaryInput) GoString() string { return redactedText("register.TemporaryInput") }
func (x TemporaryInput) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.TemporaryInput"))
}
func (x TemporaryInput) MarshalJSON() ([]byte, error) { return redactedJSON() }

// TransferInput holds personal data.
func (x TransferInput) String() string   { return redactedText("register.TransferInput") }
func (x TransferInput) GoString() string { return redactedText("register.TransferInput") }
func (x TransferInput) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.TransferInput"))
}
func (x TransferInput) MarshalJSON() ([]byte, error) { return redactedJSON() }

// DeregistrationInput holds personal data.
func (x DeregistrationInput) String() string   { return redactedText("register.DeregistrationInput") }
func (x DeregistrationInput) GoString() string { return redactedText("register.DeregistrationInput") }
func (x DeregistrationInput) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.DeregistrationInput"))
}
func (x DeregistrationInput) MarshalJSON() ([]byte, error) { return redactedJSON() }

// CorrectionInput holds personal data.
func (x CorrectionInput) String() string   { return redactedText("register.CorrectionInput") }
func (x CorrectionInput) GoString() string { return redactedText("register.CorrectionInput") }
func (x CorrectionInput) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.CorrectionInput"))
}
func (x CorrectionInput) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Answer holds personal data.
func (x Answer) String() string               { return redactedText("register.Answer") }
func (x Answer) GoString() string             { return redactedText("register.Answer") }
func (x Answer) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Answer")) }
func (x Answer) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Case holds personal data.
func (x Case) String() string               { return redactedText("register.Case") }
func (x Case) GoString() string             { return redactedText("register.Case") }
func (x Case) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Case")) }
func (x Case) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Options holds personal data.
func (x Options) String() string               { return redactedText("register.Options") }
func (x Options) GoString() string             { return redactedText("register.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redactedText("register.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redactedJSON() }

// MeetingRef holds personal data.
func (x MeetingRef) String() string   { return redactedText("register.MeetingRef") }
func (x MeetingRef) GoString() string { return redactedText("register.MeetingRef") }
func (x MeetingRef) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.MeetingRef"))
}
func (x MeetingRef) MarshalJSON() ([]byte, error) { return redactedJSON() }

// AppendBatch holds personal data.
func (x AppendBatch) String() string   { return redactedText("register.AppendBatch") }
func (x AppendBatch) GoString() string { return redactedText("register.AppendBatch") }
func (x AppendBatch) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.AppendBatch"))
}
func (x AppendBatch) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Access holds personal data (the purpose of an enquiry is free text).
func (x Access) String() string   { return redactedText("register.Access") }
func (x Access) GoString() string { return redactedText("register.Access") }
func (x Access) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.Access"))
}
func (x Access) MarshalJSON() ([]byte, error) { return redactedJSON() }

// ChainRow holds personal data (an event, an access entry, their bodies).
func (x ChainRow) String() string   { return redactedText("register.ChainRow") }
func (x ChainRow) GoString() string { return redactedText("register.ChainRow") }
func (x ChainRow) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.ChainRow"))
}
func (x ChainRow) MarshalJSON() ([]byte, error) { return redactedJSON() }

// ChainHead holds personal data (a child's folded state).
func (x ChainHead) String() string   { return redactedText("register.ChainHead") }
func (x ChainHead) GoString() string { return redactedText("register.ChainHead") }
func (x ChainHead) LogValue() slog.Value {
	return slog.StringValue(redactedText("register.ChainHead"))
}
func (x ChainHead) MarshalJSON() ([]byte, error) { return redactedJSON() }
