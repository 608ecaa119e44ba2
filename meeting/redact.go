package meeting

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

// Meeting holds personal data.
func (x Meeting) String() string               { return redactedText("meeting.Meeting") }
func (x Meeting) GoString() string             { return redactedText("meeting.Meeting") }
func (x Meeting) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Meeting")) }
func (x Meeting) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Person holds personal data.
func (x Person) String() string               { return redactedText("meeting.Person") }
func (x Person) GoString() string             { return redactedText("meeting.Person") }
func (x Person) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Person")) }
func (x Person) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Invitation holds personal data.
func (x Invitation) String() string   { return redactedText("meeting.Invitation") }
func (x Invitation) GoString() string { return redactedText("meeting.Invitation") }
func (x Invitation) LogValue() slog.Value {
	return slog.StringValue(redactedText("meeting.Invitation"))
}
func (x Invitation) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Attendee holds personal data.
func (x Attendee) String() string               { return redactedText("meeting.Attendee") }
func (x Attendee) GoString() string             { return redactedText("meeting.Attendee") }
func (x Attendee) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Attendee")) }
func (x Attendee) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Reporter holds personal data.
func (x Reporter) String() string               { return redactedText("meeting.Reporter") }
func (x Reporter) GoString() string             { return redactedText("meeting.Reporter") }
func (x Reporter) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Reporter")) }
func (x Reporter) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Participation holds personal data.
func (x Participation) String() string   { return redactedText("meeting.Participation") }
func (x Participation) GoString() string { return redactedText("meeting.Participation") }
func (x Participation) LogValue() slog.Value {
	return slog.StringValue(redactedText("meeting.Participation"))
}
func (x Participation) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Child holds personal data.
func (x Child) String() string               { return redactedText("meeting.Child") }
func (x Child) GoString() string             { return redactedText("meeting.Child") }
func (x Child) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Child")) }
func (x Child) MarshalJSON() ([]byte, error) { return redactedJSON() }

// FamilyMember holds personal data.
func (x FamilyMember) String() string   { return redactedText("meeting.FamilyMember") }
func (x FamilyMember) GoString() string { return redactedText("meeting.FamilyMember") }
func (x FamilyMember) LogValue() slog.Value {
	return slog.StringValue(redactedText("meeting.FamilyMember"))
}
func (x FamilyMember) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Report holds personal data.
func (x Report) String() string               { return redactedText("meeting.Report") }
func (x Report) GoString() string             { return redactedText("meeting.Report") }
func (x Report) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Report")) }
func (x Report) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Quorum holds personal data.
func (x Quorum) String() string               { return redactedText("meeting.Quorum") }
func (x Quorum) GoString() string             { return redactedText("meeting.Quorum") }
func (x Quorum) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Quorum")) }
func (x Quorum) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Decisions holds personal data.
func (x Decisions) String() string               { return redactedText("meeting.Decisions") }
func (x Decisions) GoString() string             { return redactedText("meeting.Decisions") }
func (x Decisions) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Decisions")) }
func (x Decisions) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Referral holds personal data.
func (x Referral) String() string               { return redactedText("meeting.Referral") }
func (x Referral) GoString() string             { return redactedText("meeting.Referral") }
func (x Referral) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Referral")) }
func (x Referral) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Record holds personal data.
func (x Record) String() string               { return redactedText("meeting.Record") }
func (x Record) GoString() string             { return redactedText("meeting.Record") }
func (x Record) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Record")) }
func (x Record) MarshalJSON() ([]byte, error) { return redactedJSON() }

// PreBirthFacts holds personal data.
func (x PreBirthFacts) String() string   { return redactedText("meeting.PreBirthFacts") }
func (x PreBirthFacts) GoString() string { return redactedText("meeting.PreBirthFacts") }
func (x PreBirthFacts) LogValue() slog.Value {
	return slog.StringValue(redactedText("meeting.PreBirthFacts"))
}
func (x PreBirthFacts) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Series holds personal data.
func (x Series) String() string               { return redactedText("meeting.Series") }
func (x Series) GoString() string             { return redactedText("meeting.Series") }
func (x Series) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Series")) }
func (x Series) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Options holds personal data.
func (x Options) String() string               { return redactedText("meeting.Options") }
func (x Options) GoString() string             { return redactedText("meeting.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redactedText("meeting.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redactedJSON() }
