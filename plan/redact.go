package plan

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

// Person holds personal data.
func (x Person) String() string               { return redact.Text("plan.Person") }
func (x Person) GoString() string             { return redact.Text("plan.Person") }
func (x Person) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Person")) }
func (x Person) MarshalJSON() ([]byte, error) { return redact.JSON() }

// People holds personal data.
func (x People) String() string               { return redact.Text("plan.People") }
func (x People) GoString() string             { return redact.Text("plan.People") }
func (x People) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.People")) }
func (x People) MarshalJSON() ([]byte, error) { return redact.JSON() }

// LeadProfessional holds personal data.
func (x LeadProfessional) String() string   { return redact.Text("plan.LeadProfessional") }
func (x LeadProfessional) GoString() string { return redact.Text("plan.LeadProfessional") }
func (x LeadProfessional) LogValue() slog.Value {
	return slog.StringValue(redact.Text("plan.LeadProfessional"))
}
func (x LeadProfessional) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Risk holds personal data.
func (x Risk) String() string               { return redact.Text("plan.Risk") }
func (x Risk) GoString() string             { return redact.Text("plan.Risk") }
func (x Risk) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Risk")) }
func (x Risk) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Action holds personal data.
func (x Action) String() string               { return redact.Text("plan.Action") }
func (x Action) GoString() string             { return redact.Text("plan.Action") }
func (x Action) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Action")) }
func (x Action) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Outcome holds personal data.
func (x Outcome) String() string               { return redact.Text("plan.Outcome") }
func (x Outcome) GoString() string             { return redact.Text("plan.Outcome") }
func (x Outcome) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Outcome")) }
func (x Outcome) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Objective holds personal data.
func (x Objective) String() string               { return redact.Text("plan.Objective") }
func (x Objective) GoString() string             { return redact.Text("plan.Objective") }
func (x Objective) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Objective")) }
func (x Objective) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Contingency holds personal data.
func (x Contingency) String() string               { return redact.Text("plan.Contingency") }
func (x Contingency) GoString() string             { return redact.Text("plan.Contingency") }
func (x Contingency) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Contingency")) }
func (x Contingency) MarshalJSON() ([]byte, error) { return redact.JSON() }

// ChildInvolvement holds personal data.
func (x ChildInvolvement) String() string   { return redact.Text("plan.ChildInvolvement") }
func (x ChildInvolvement) GoString() string { return redact.Text("plan.ChildInvolvement") }
func (x ChildInvolvement) LogValue() slog.Value {
	return slog.StringValue(redact.Text("plan.ChildInvolvement"))
}
func (x ChildInvolvement) MarshalJSON() ([]byte, error) { return redact.JSON() }

// FamilyInvolvement holds personal data.
func (x FamilyInvolvement) String() string   { return redact.Text("plan.FamilyInvolvement") }
func (x FamilyInvolvement) GoString() string { return redact.Text("plan.FamilyInvolvement") }
func (x FamilyInvolvement) LogValue() slog.Value {
	return slog.StringValue(redact.Text("plan.FamilyInvolvement"))
}
func (x FamilyInvolvement) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Version holds personal data.
func (x Version) String() string               { return redact.Text("plan.Version") }
func (x Version) GoString() string             { return redact.Text("plan.Version") }
func (x Version) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Version")) }
func (x Version) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Plan holds personal data.
func (x Plan) String() string               { return redact.Text("plan.Plan") }
func (x Plan) GoString() string             { return redact.Text("plan.Plan") }
func (x Plan) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Plan")) }
func (x Plan) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Context holds personal data.
func (x Context) String() string               { return redact.Text("plan.Context") }
func (x Context) GoString() string             { return redact.Text("plan.Context") }
func (x Context) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Context")) }
func (x Context) MarshalJSON() ([]byte, error) { return redact.JSON() }

// InterimSafetyPlan holds personal data.
func (x InterimSafetyPlan) String() string   { return redact.Text("plan.InterimSafetyPlan") }
func (x InterimSafetyPlan) GoString() string { return redact.Text("plan.InterimSafetyPlan") }
func (x InterimSafetyPlan) LogValue() slog.Value {
	return slog.StringValue(redact.Text("plan.InterimSafetyPlan"))
}
func (x InterimSafetyPlan) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Answer holds personal data.
func (x Answer) String() string               { return redact.Text("plan.Answer") }
func (x Answer) GoString() string             { return redact.Text("plan.Answer") }
func (x Answer) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Answer")) }
func (x Answer) MarshalJSON() ([]byte, error) { return redact.JSON() }

// Options holds personal data.
func (x Options) String() string               { return redact.Text("plan.Options") }
func (x Options) GoString() string             { return redact.Text("plan.Options") }
func (x Options) LogValue() slog.Value         { return slog.StringValue(redact.Text("plan.Options")) }
func (x Options) MarshalJSON() ([]byte, error) { return redact.JSON() }
