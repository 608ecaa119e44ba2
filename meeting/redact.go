package meeting

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

// Meeting holds personal data.
func (x Meeting) String() string               { return redact.Text("meeting.Meeting") }
func (x Meeting) GoString() string             { return redact.Text("meeting.Meeting") }
func (x Meeting) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Meeting")) }
func (x Meeting) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Person holds personal data.
func (x Person) String() string               { return redact.Text("meeting.Person") }
func (x Person) GoString() string             { return redact.Text("meeting.Person") }
func (x Person) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Person")) }
func (x Person) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Invitation holds personal data.
func (x Invitation) String() string   { return redact.Text("meeting.Invitation") }
func (x Invitation) GoString() string { return redact.Text("meeting.Invitation") }
func (x Invitation) LogValue() slog.Value {
	return slog.StringValue(redact.Text("meeting.Invitation"))
}
func (x Invitation) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Attendee holds personal data.
func (x Attendee) String() string               { return redact.Text("meeting.Attendee") }
func (x Attendee) GoString() string             { return redact.Text("meeting.Attendee") }
func (x Attendee) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Attendee")) }
func (x Attendee) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Reporter holds personal data.
func (x Reporter) String() string               { return redact.Text("meeting.Reporter") }
func (x Reporter) GoString() string             { return redact.Text("meeting.Reporter") }
func (x Reporter) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Reporter")) }
func (x Reporter) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Participation holds personal data.
func (x Participation) String() string   { return redact.Text("meeting.Participation") }
func (x Participation) GoString() string { return redact.Text("meeting.Participation") }
func (x Participation) LogValue() slog.Value {
	return slog.StringValue(redact.Text("meeting.Participation"))
}
func (x Participation) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Child holds personal data.
func (x Child) String() string               { return redact.Text("meeting.Child") }
func (x Child) GoString() string             { return redact.Text("meeting.Child") }
func (x Child) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Child")) }
func (x Child) MarshalJSON() ([]byte, error) { return redact.JSON() }

// FamilyMember holds personal data.
func (x FamilyMember) String() string   { return redact.Text("meeting.FamilyMember") }
func (x FamilyMember) GoString() string { return redact.Text("meeting.FamilyMember") }
func (x FamilyMember) LogValue() slog.Value {
	return slog.StringValue(redact.Text("meeting.FamilyMember"))
}
func (x FamilyMember) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Report holds personal data.
func (x Report) String() string               { return redact.Text("meeting.Report") }
func (x Report) GoString() string             { return redact.Text("meeting.Report") }
func (x Report) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Report")) }
func (x Report) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Quorum holds personal data.
func (x Quorum) String() string               { return redact.Text("meeting.Quorum") }
func (x Quorum) GoString() string             { return redact.Text("meeting.Quorum") }
func (x Quorum) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Quorum")) }
func (x Quorum) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Decisions holds personal data.
func (x Decisions) String() string               { return redact.Text("meeting.Decisions") }
func (x Decisions) GoString() string             { return redact.Text("meeting.Decisions") }
func (x Decisions) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Decisions")) }
func (x Decisions) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Referral holds personal data.
func (x Referral) String() string               { return redact.Text("meeting.Referral") }
func (x Referral) GoString() string             { return redact.Text("meeting.Referral") }
func (x Referral) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Referral")) }
func (x Referral) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Record holds personal data.
func (x Record) String() string               { return redact.Text("meeting.Record") }
func (x Record) GoString() string             { return redact.Text("meeting.Record") }
func (x Record) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Record")) }
func (x Record) MarshalJSON() ([]byte, error) { return redact.JSON() }

// PreBirthFacts holds personal data.
func (x PreBirthFacts) String() string   { return redact.Text("meeting.PreBirthFacts") }
func (x PreBirthFacts) GoString() string { return redact.Text("meeting.PreBirthFacts") }
func (x PreBirthFacts) LogValue() slog.Value {
	return slog.StringValue(redact.Text("meeting.PreBirthFacts"))
}
func (x PreBirthFacts) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Series holds personal data.
func (x Series) String() string               { return redact.Text("meeting.Series") }
func (x Series) GoString() string             { return redact.Text("meeting.Series") }
func (x Series) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Series")) }
func (x Series) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Options holds personal data.
func (x Options) String() string               { return redact.Text("meeting.Options") }
func (x Options) GoString() string             { return redact.Text("meeting.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redact.Text("meeting.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redact.JSON() }
