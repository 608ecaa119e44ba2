package plan

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

// Person holds personal data.
func (x Person) String() string               { return redactedText("plan.Person") }
func (x Person) GoString() string             { return redactedText("plan.Person") }
func (x Person) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Person")) }
func (x Person) MarshalJSON() ([]byte, error) { return redactedJSON() }

// People holds personal data.
func (x People) String() string               { return redactedText("plan.People") }
func (x People) GoString() string             { return redactedText("plan.People") }
func (x People) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.People")) }
func (x People) MarshalJSON() ([]byte, error) { return redactedJSON() }

// LeadProfessional holds personal data.
func (x LeadProfessional) String() string   { return redactedText("plan.LeadProfessional") }
func (x LeadProfessional) GoString() string { return redactedText("plan.LeadProfessional") }
func (x LeadProfessional) LogValue() slog.Value {
	return slog.StringValue(redactedText("plan.LeadProfessional"))
}
func (x LeadProfessional) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Risk holds personal data.
func (x Risk) String() string               { return redactedText("plan.Risk") }
func (x Risk) GoString() string             { return redactedText("plan.Risk") }
func (x Risk) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Risk")) }
func (x Risk) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Action holds personal data.
func (x Action) String() string               { return redactedText("plan.Action") }
func (x Action) GoString() string             { return redactedText("plan.Action") }
func (x Action) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Action")) }
func (x Action) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Outcome holds personal data.
func (x Outcome) String() string               { return redactedText("plan.Outcome") }
func (x Outcome) GoString() string             { return redactedText("plan.Outcome") }
func (x Outcome) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Outcome")) }
func (x Outcome) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Objective holds personal data.
func (x Objective) String() string               { return redactedText("plan.Objective") }
func (x Objective) GoString() string             { return redactedText("plan.Objective") }
func (x Objective) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Objective")) }
func (x Objective) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Contingency holds personal data.
func (x Contingency) String() string               { return redactedText("plan.Contingency") }
func (x Contingency) GoString() string             { return redactedText("plan.Contingency") }
func (x Contingency) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Contingency")) }
func (x Contingency) MarshalJSON() ([]byte, error) { return redactedJSON() }

// ChildInvolvement holds personal data.
func (x ChildInvolvement) String() string   { return redactedText("plan.ChildInvolvement") }
func (x ChildInvolvement) GoString() string { return redactedText("plan.ChildInvolvement") }
func (x ChildInvolvement) LogValue() slog.Value {
	return slog.StringValue(redactedText("plan.ChildInvolvement"))
}
func (x ChildInvolvement) MarshalJSON() ([]byte, error) { return redactedJSON() }

// FamilyInvolvement holds personal data.
func (x FamilyInvolvement) String() string   { return redactedText("plan.FamilyInvolvement") }
func (x FamilyInvolvement) GoString() string { return redactedText("plan.FamilyInvolvement") }
func (x FamilyInvolvement) LogValue() slog.Value {
	return slog.StringValue(redactedText("plan.FamilyInvolvement"))
}
func (x FamilyInvolvement) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Version holds personal data.
func (x Version) String() string               { return redactedText("plan.Version") }
func (x Version) GoString() string             { return redactedText("plan.Version") }
func (x Version) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Version")) }
func (x Version) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Plan holds personal data.
func (x Plan) String() string               { return redactedText("plan.Plan") }
func (x Plan) GoString() string             { return redactedText("plan.Plan") }
func (x Plan) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Plan")) }
func (x Plan) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Context holds personal data.
func (x Context) String() string               { return redactedText("plan.Context") }
func (x Context) GoString() string             { return redactedText("plan.Context") }
func (x Context) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Context")) }
func (x Context) MarshalJSON() ([]byte, error) { return redactedJSON() }

// InterimSafetyPlan holds personal data.
func (x InterimSafetyPlan) String() string   { return redactedText("plan.InterimSafetyPlan") }
func (x InterimSafetyPlan) GoString() string { return redactedText("plan.InterimSafetyPlan") }
func (x InterimSafetyPlan) LogValue() slog.Value {
	return slog.StringValue(redactedText("plan.InterimSafetyPlan"))
}
func (x InterimSafetyPlan) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Answer holds personal data.
func (x Answer) String() string               { return redactedText("plan.Answer") }
func (x Answer) GoString() string             { return redactedText("plan.Answer") }
func (x Answer) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Answer")) }
func (x Answer) MarshalJSON() ([]byte, error) { return redactedJSON() }

// Options holds personal data.
func (x Options) String() string               { return redactedText("plan.Options") }
func (x Options) GoString() string             { return redactedText("plan.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redactedText("plan.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redactedJSON() }
