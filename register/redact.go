package register

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

// Registration holds personal data.
func (x Registration) String() string   { return redact.Text("register.Registration") }
func (x Registration) GoString() string { return redact.Text("register.Registration") }
func (x Registration) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.Registration"))
}
func (x Registration) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Informed holds personal data.
func (x Informed) String() string               { return redact.Text("register.Informed") }
func (x Informed) GoString() string             { return redact.Text("register.Informed") }
func (x Informed) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Informed")) }
func (x Informed) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Enquiry holds personal data.
func (x Enquiry) String() string               { return redact.Text("register.Enquiry") }
func (x Enquiry) GoString() string             { return redact.Text("register.Enquiry") }
func (x Enquiry) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Enquiry")) }
func (x Enquiry) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Refusal holds personal data.
func (x Refusal) String() string               { return redact.Text("register.Refusal") }
func (x Refusal) GoString() string             { return redact.Text("register.Refusal") }
func (x Refusal) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Refusal")) }
func (x Refusal) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Correction holds personal data.
func (x Correction) String() string   { return redact.Text("register.Correction") }
func (x Correction) GoString() string { return redact.Text("register.Correction") }
func (x Correction) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.Correction"))
}
func (x Correction) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Event holds personal data.
func (x Event) String() string               { return redact.Text("register.Event") }
func (x Event) GoString() string             { return redact.Text("register.Event") }
func (x Event) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Event")) }
func (x Event) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Episode holds personal data.
func (x Episode) String() string               { return redact.Text("register.Episode") }
func (x Episode) GoString() string             { return redact.Text("register.Episode") }
func (x Episode) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Episode")) }
func (x Episode) MarshalJSON() ([]byte, error) { return redact.JSON() }

// State holds personal data.
func (x State) String() string               { return redact.Text("register.State") }
func (x State) GoString() string             { return redact.Text("register.State") }
func (x State) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.State")) }
func (x State) MarshalJSON() ([]byte, error) { return redact.JSON() }

// RegistrationInput holds personal data.
func (x RegistrationInput) String() string   { return redact.Text("register.RegistrationInput") }
func (x RegistrationInput) GoString() string { return redact.Text("register.RegistrationInput") }
func (x RegistrationInput) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.RegistrationInput"))
}
func (x RegistrationInput) MarshalJSON() ([]byte, error) { return redact.JSON() }

// TemporaryInput holds personal data.
func (x TemporaryInput) String() string   { return redact.Text("register.TemporaryInput") }
func (x TemporaryInput) GoString() string { return redact.Text("register.TemporaryInput") }
func (x TemporaryInput) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.TemporaryInput"))
}
func (x TemporaryInput) MarshalJSON() ([]byte, error) { return redact.JSON() }

// TransferInput holds personal data.
func (x TransferInput) String() string   { return redact.Text("register.TransferInput") }
func (x TransferInput) GoString() string { return redact.Text("register.TransferInput") }
func (x TransferInput) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.TransferInput"))
}
func (x TransferInput) MarshalJSON() ([]byte, error) { return redact.JSON() }

// DeregistrationInput holds personal data.
func (x DeregistrationInput) String() string   { return redact.Text("register.DeregistrationInput") }
func (x DeregistrationInput) GoString() string { return redact.Text("register.DeregistrationInput") }
func (x DeregistrationInput) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.DeregistrationInput"))
}
func (x DeregistrationInput) MarshalJSON() ([]byte, error) { return redact.JSON() }

// CorrectionInput holds personal data.
func (x CorrectionInput) String() string   { return redact.Text("register.CorrectionInput") }
func (x CorrectionInput) GoString() string { return redact.Text("register.CorrectionInput") }
func (x CorrectionInput) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.CorrectionInput"))
}
func (x CorrectionInput) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Answer holds personal data.
func (x Answer) String() string               { return redact.Text("register.Answer") }
func (x Answer) GoString() string             { return redact.Text("register.Answer") }
func (x Answer) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Answer")) }
func (x Answer) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Case holds personal data.
func (x Case) String() string               { return redact.Text("register.Case") }
func (x Case) GoString() string             { return redact.Text("register.Case") }
func (x Case) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Case")) }
func (x Case) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Options holds personal data.
func (x Options) String() string               { return redact.Text("register.Options") }
func (x Options) GoString() string             { return redact.Text("register.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redact.Text("register.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redact.JSON() }

// MeetingRef holds personal data.
func (x MeetingRef) String() string   { return redact.Text("register.MeetingRef") }
func (x MeetingRef) GoString() string { return redact.Text("register.MeetingRef") }
func (x MeetingRef) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.MeetingRef"))
}
func (x MeetingRef) MarshalJSON() ([]byte, error) { return redact.JSON() }

// AppendBatch holds personal data.
func (x AppendBatch) String() string   { return redact.Text("register.AppendBatch") }
func (x AppendBatch) GoString() string { return redact.Text("register.AppendBatch") }
func (x AppendBatch) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.AppendBatch"))
}
func (x AppendBatch) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Access holds personal data (the purpose of an enquiry is free text).
func (x Access) String() string   { return redact.Text("register.Access") }
func (x Access) GoString() string { return redact.Text("register.Access") }
func (x Access) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.Access"))
}
func (x Access) MarshalJSON() ([]byte, error) { return redact.JSON() }

// ChainRow holds personal data (an event, an access entry, their bodies).
func (x ChainRow) String() string   { return redact.Text("register.ChainRow") }
func (x ChainRow) GoString() string { return redact.Text("register.ChainRow") }
func (x ChainRow) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.ChainRow"))
}
func (x ChainRow) MarshalJSON() ([]byte, error) { return redact.JSON() }

// ChainHead holds personal data (a child's folded state).
func (x ChainHead) String() string   { return redact.Text("register.ChainHead") }
func (x ChainHead) GoString() string { return redact.Text("register.ChainHead") }
func (x ChainHead) LogValue() slog.Value {
	return slog.StringValue(redact.Text("register.ChainHead"))
}
func (x ChainHead) MarshalJSON() ([]byte, error) { return redact.JSON() }
