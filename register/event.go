package register

import (
	"slices"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/timescale"
)

// EventType names what an [Event] records. Types only grow.
type EventType string

// Event types.
const (
	Registered      EventType = "registered"        // a registration opened (Registration set)
	Deregistered    EventType = "deregistered"      // a registration ended (Reason set)
	ParentsInformed EventType = "parents-informed"  // parents or carers told (Informed set)
	FamilyToldEnded EventType = "family-told-ended" // child and family told of de-registration
	BirthRecorded   EventType = "birth-recorded"    // an unborn baby was born (Child set)
	Corrected       EventType = "corrected"         // an entry was corrected (Correction set)
	Enquired        EventType = "enquired"          // someone looked (Enquiry set)
	RefusalRecorded EventType = "refused"           // an action was refused (Refusal set)
)

var eventTypes = []EventType{Registered, Deregistered, ParentsInformed, FamilyToldEnded, BirthRecorded, Corrected, Enquired, RefusalRecorded}

// Valid reports whether t is a known event type.
func (t EventType) Valid() bool { return slices.Contains(eventTypes, t) }

// RegistrationKind says how a registration came about.
type RegistrationKind string

// Registration kinds.
const (
	ByInitialCPPM  RegistrationKind = "initial"   // an initial CPPM decided a plan is required
	ByPreBirthCPPM RegistrationKind = "pre-birth" // a pre-birth CPPM decided a plan is required
	ByTransferCPPM RegistrationKind = "transfer"  // the receiving authority's transfer CPPM, on a permanent move
	Temporary      RegistrationKind = "temporary" // the receiving authority, on a temporary move
)

// Valid reports whether k is a known registration kind.
func (k RegistrationKind) Valid() bool {
	return k == ByInitialCPPM || k == ByPreBirthCPPM || k == ByTransferCPPM || k == Temporary
}

// Reason is why a registration ended.
type Reason string

// Reasons for the end of a registration (rule register.end-reason).
const (
	RiskReduced      Reason = "risk-reduced"      // a quorate review CPPM decided no plan is needed
	Transferred      Reason = "transferred"       // the receiving authority's transfer CPPM registered the child
	Died             Reason = "died"              // the child died
	Adulthood        Reason = "adulthood"         // the child reached adulthood
	LeftJurisdiction Reason = "left-jurisdiction" // the child left the jurisdiction (e.g. left Scotland)
	TemporaryEnded   Reason = "temporary-ended"   // a temporary move ended, or became a transfer
)

// Reasons lists the reasons a registration can end.
func Reasons() []Reason {
	return []Reason{RiskReduced, Transferred, Died, Adulthood, LeftJurisdiction, TemporaryEnded}
}

// Valid reports whether r is one of [Reasons].
func (r Reason) Valid() bool { return slices.Contains(Reasons(), r) }

// MeetingRef is what the register needs to know of a CPPM: its reference
// in the case system, its kind, when it was held and whether it could decide.
type MeetingRef struct {
	ID   string         `json:"id"`
	Kind meeting.Kind   `json:"kind"`
	Held timescale.Date `json:"held"`
	// Quorate: the meeting was quorate, core agencies represented.
	Quorate bool `json:"quorate"`
	// ChildFamilyRepresented: the child and family attended or had their
	// views represented.
	ChildFamilyRepresented bool `json:"child_family_represented"`
	// PlanRequired is the meeting's decision: a Child Protection Plan is
	// (still) required.
	PlanRequired bool `json:"plan_required"`
}

func (m MeetingRef) validate(field string) error {
	switch {
	case m.ID == "":
		return invalid(field+".id", "give the case system's reference for the meeting")
	case !m.Kind.Valid():
		return &guidance.Error{Kind: guidance.Invalid, Field: field + ".kind", Value: string(m.Kind), Hint: "one of initial, pre-birth, review, transfer"}
	case !m.Held.Valid():
		return invalid(field+".held", "give the date the meeting was held")
	}
	return nil
}

// Role is what an actor does, for the access policy.
type Role string

// Roles.
const (
	RegisterKeeper Role = "register-keeper" // keeps the authority's register
	Practitioner   Role = "practitioner"    // a police, health or social work practitioner
	Manager        Role = "manager"
	OtherRole      Role = "other"
	// Statistician counts the register (Register.Statistics) and sees no
	// identity.
	Statistician Role = "statistician"
)

// Actor is who does something to the register. Its ID is a staff reference,
// not a child's data.
type Actor struct {
	ID        string         `json:"id"`
	Role      Role           `json:"role"`
	Agency    meeting.Agency `json:"agency"`
	Authority string         `json:"authority"` // the local authority or board the actor works for
}

// Registration is the detail of a [Registered] event.
type Registration struct {
	Kind            RegistrationKind `json:"kind"`
	Concerns        []string         `json:"concerns,omitempty"`
	ConcernsVersion string           `json:"concerns_version,omitempty"`
	// From is the originating authority of a transfer or temporary move.
	From string `json:"from,omitempty"`
	// Child is the personal data given at registration.
	Child *Child `json:"child,omitempty"`
}

// Informed is the detail of a [ParentsInformed] event.
type Informed struct {
	Verbally  bool `json:"verbally"`
	InWriting bool `json:"in_writing"`
}

// Enquiry is the detail of an [Enquired] event: why someone looked, and
// whether the child was on a register.
type Enquiry struct {
	Purpose    string `json:"purpose"`
	OnRegister bool   `json:"on_register"`
}

// Refusal is the detail of a [RefusalRecorded] event.
type Refusal struct {
	Action Action `json:"action"`
	Rule   string `json:"rule"`
}

// Correction is the detail of a [Corrected] event: a new value for an
// entry, replacing (in the derived state, never in the history) what an
// earlier event said.
type Correction struct {
	// Corrects is the version of the event corrected.
	Corrects        int64    `json:"corrects"`
	Concerns        []string `json:"concerns,omitempty"`
	ConcernsVersion string   `json:"concerns_version,omitempty"`
	Child           *Child   `json:"child,omitempty"`
}

// An Event is one entry in a child's history on the register. Events are
// only ever appended; the current state is derived by folding them
// ([Fold]). Version numbers a child's events 1, 2, 3, ... with no gap.
type Event struct {
	ChildID ChildID   `json:"child_id"`
	Version int64     `json:"version"`
	Type    EventType `json:"type"`
	// Recorded is the instant the register recorded the event, from the
	// register's clock.
	Recorded time.Time `json:"recorded"`
	Actor    Actor     `json:"actor"`
	// Authority is the authority whose register the event concerns.
	Authority string `json:"authority,omitempty"`
	// Date is the date the event took effect (a registration, an ending,
	// the day parents were told), which may be before Recorded.
	Date    timescale.Date `json:"date,omitzero"`
	Meeting *MeetingRef    `json:"meeting,omitempty"`
	Reason  Reason         `json:"reason,omitempty"`

	Registration *Registration `json:"registration,omitempty"`
	Informed     *Informed     `json:"informed,omitempty"`
	Child        *Child        `json:"child,omitempty"`
	Enquiry      *Enquiry      `json:"enquiry,omitempty"`
	Refusal      *Refusal      `json:"refusal,omitempty"`
	Correction   *Correction   `json:"correction,omitempty"`
}

// Validate checks that the event is well formed: a known type with the
// detail that type needs, valid dates. It does not check the event against
// the child's history ([Fold] does).
func (e Event) Validate() error {
	if err := validChildID(e.ChildID); err != nil {
		return err
	}
	if e.Version < 1 {
		return invalid("version", "versions start at 1")
	}
	if !e.Type.Valid() {
		return &guidance.Error{Kind: guidance.Invalid, Field: "type", Value: string(e.Type), Hint: "not a known event type"}
	}
	if !e.Date.IsZero() && !e.Date.Valid() {
		return invalid("date", "not a valid date")
	}
	if e.Meeting != nil {
		if err := e.Meeting.validate("meeting"); err != nil {
			return err
		}
	}
	if e.Child != nil {
		if err := e.Child.validate("child"); err != nil {
			return err
		}
	}
	// need returns an error naming the first field that is not ok.
	type field struct {
		ok   bool
		name string
	}
	need := func(fs ...field) error {
		for _, f := range fs {
			if !f.ok {
				return invalid(f.name, "a "+string(e.Type)+" event needs it")
			}
		}
		return nil
	}
	switch e.Type {
	case Registered:
		if err := need(field{e.Registration != nil && e.Registration.Kind != "", "registration.kind"}); err != nil {
			return err
		}
		if !e.Registration.Kind.Valid() {
			return invalid("registration.kind", "one of initial, pre-birth, transfer, temporary")
		}
		if e.Registration.Child != nil {
			if err := e.Registration.Child.validate("registration.child"); err != nil {
				return err
			}
		}
		return need(field{e.Authority != "", "authority"}, field{e.Date.Valid(), "date"})
	case Deregistered:
		if e.Reason != "" && !e.Reason.Valid() {
			return invalid("reason", "one of risk-reduced, transferred, died, adulthood, left-jurisdiction, temporary-ended")
		}
		return need(field{e.Reason.Valid(), "reason"}, field{e.Authority != "", "authority"}, field{e.Date.Valid(), "date"})
	case ParentsInformed:
		return need(field{e.Informed != nil, "informed"}, field{e.Authority != "", "authority"})
	case FamilyToldEnded:
		return need(field{e.Authority != "", "authority"})
	case BirthRecorded:
		return need(field{e.Child != nil, "child"}, field{e.Child != nil && !e.Child.Unborn, "child.unborn"}, field{e.Date.Valid(), "date"})
	case Corrected:
		if err := need(field{e.Correction != nil && e.Correction.Corrects >= 1 && e.Correction.Corrects < e.Version, "correction.corrects"}); err != nil {
			return err
		}
		if e.Correction.Child != nil {
			return e.Correction.Child.validate("correction.child")
		}
	case Enquired:
		return need(field{e.Enquiry != nil, "enquiry"})
	case RefusalRecorded:
		return need(field{e.Refusal != nil && e.Refusal.Action.Valid(), "refusal.action"})
	}
	return nil
}

// MarshalEvent encodes an event as JSON, the form stores keep, with the
// child's personal data. (Plain json.Marshal of an Event, a State or a
// Child redacts the personal data, so that a value logged or printed by
// accident does not leak it; MarshalEvent and DecodeEvent are the only
// JSON paths that carry it.)
func MarshalEvent(e Event) ([]byte, error) { return strictjson.Encode(toWire(e)) }

// The wire types mirror Event with Child replaced by childWire, whose JSON
// is not redacted.
type (
	childWire        Child
	registrationWire struct {
		Kind            RegistrationKind `json:"kind"`
		Concerns        []string         `json:"concerns,omitempty"`
		ConcernsVersion string           `json:"concerns_version,omitempty"`
		From            string           `json:"from,omitempty"`
		Child           *childWire       `json:"child,omitempty"`
	}
	correctionWire struct {
		Corrects        int64      `json:"corrects"`
		Concerns        []string   `json:"concerns,omitempty"`
		ConcernsVersion string     `json:"concerns_version,omitempty"`
		Child           *childWire `json:"child,omitempty"`
	}
	eventWire struct {
		ChildID      ChildID           `json:"child_id"`
		Version      int64             `json:"version"`
		Type         EventType         `json:"type"`
		Recorded     time.Time         `json:"recorded"`
		Actor        Actor             `json:"actor"`
		Authority    string            `json:"authority,omitempty"`
		Date         timescale.Date    `json:"date,omitzero"`
		Meeting      *MeetingRef       `json:"meeting,omitempty"`
		Reason       Reason            `json:"reason,omitempty"`
		Registration *registrationWire `json:"registration,omitempty"`
		Informed     *Informed         `json:"informed,omitempty"`
		Child        *childWire        `json:"child,omitempty"`
		Enquiry      *Enquiry          `json:"enquiry,omitempty"`
		Refusal      *Refusal          `json:"refusal,omitempty"`
		Correction   *correctionWire   `json:"correction,omitempty"`
	}
)

func toWire(e Event) eventWire {
	w := eventWire{ChildID: e.ChildID, Version: e.Version, Type: e.Type, Recorded: e.Recorded, Actor: e.Actor, Authority: e.Authority,
		Date: e.Date, Meeting: e.Meeting, Reason: e.Reason, Informed: e.Informed, Child: (*childWire)(e.Child), Enquiry: e.Enquiry, Refusal: e.Refusal}
	if r := e.Registration; r != nil {
		w.Registration = &registrationWire{Kind: r.Kind, Concerns: r.Concerns, ConcernsVersion: r.ConcernsVersion, From: r.From, Child: (*childWire)(r.Child)}
	}
	if c := e.Correction; c != nil {
		w.Correction = &correctionWire{Corrects: c.Corrects, Concerns: c.Concerns, ConcernsVersion: c.ConcernsVersion, Child: (*childWire)(c.Child)}
	}
	return w
}

func fromWire(w eventWire) Event {
	e := Event{ChildID: w.ChildID, Version: w.Version, Type: w.Type, Recorded: w.Recorded, Actor: w.Actor, Authority: w.Authority,
		Date: w.Date, Meeting: w.Meeting, Reason: w.Reason, Informed: w.Informed, Child: (*Child)(w.Child), Enquiry: w.Enquiry, Refusal: w.Refusal}
	if r := w.Registration; r != nil {
		e.Registration = &Registration{Kind: r.Kind, Concerns: r.Concerns, ConcernsVersion: r.ConcernsVersion, From: r.From, Child: (*Child)(r.Child)}
	}
	if c := w.Correction; c != nil {
		e.Correction = &Correction{Corrects: c.Corrects, Concerns: c.Concerns, ConcernsVersion: c.ConcernsVersion, Child: (*Child)(c.Child)}
	}
	return e
}

// DecodeEvent decodes one event from JSON with the library's strict decoder
// (internal/strictjson), refusing unknown fields, keys given twice or in
// another case than the field's name, wrong types and trailing data, and
// validates it. Errors are *guidance.Error of kind Invalid naming the JSON
// path in the event ("registration.kind"); they never quote the input,
// which may hold personal data.
func DecodeEvent(b []byte) (Event, error) {
	var w eventWire
	if err := strictjson.Decode(b, &w); err != nil {
		return Event{}, err
	}
	e := fromWire(w)
	if err := e.Validate(); err != nil {
		return Event{}, err
	}
	return e, nil
}
