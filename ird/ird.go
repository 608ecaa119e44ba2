package ird

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/plan"
)

// Date is a civil date; it is guidance.Date (JSON "2006-01-02").
type Date = guidance.Date

// Agency is an agency taking part in an IRD.
type Agency string

// The agencies of an IRD. Police, social work and health are the core
// agencies, which must take part (G21 3.23, 3.31); education and early
// learning and childcare, and others, as the concern needs.
const (
	Police     Agency = "police"
	SocialWork Agency = "social-work"
	Health     Agency = "health"
	Education  Agency = "education"
	Other      Agency = "other"
)

// Agencies lists the agencies an IRD record may name, core agencies first.
func Agencies() []Agency { return []Agency{Police, SocialWork, Health, Education, Other} }

// CoreAgencies lists the agencies that must take part in every IRD.
func CoreAgencies() []Agency { return []Agency{Police, SocialWork, Health} }

// An IRD is the record of the inter-agency referral discussion about one
// concern. Every field is optional: a fact left out is "not recorded", and
// a rule that needs it reports Unknown, never Met. Reason, the decisions'
// free text and the people named may identify the family: the type never
// shows them in fmt, log/slog or json.Marshal.
type IRD struct {
	// OutOfHours is the date of a discussion held outwith core hours,
	// which may deal only with immediate protective actions.
	OutOfHours Date `json:"out_of_hours,omitzero"`
	// Held is the date the IRD was held: after an out-of-hours
	// discussion, the more comprehensive IRD that follows it.
	Held Date `json:"held,omitzero"`
	// Reason is why the IRD was started (free text).
	Reason string `json:"reason,omitempty"`
	// Agencies are the agencies that took part.
	Agencies []Agency `json:"agencies,omitempty"`
	// InformationShared records whether the agencies shared what they know
	// of the child; LawfulBasis is the lawful basis identified for sharing
	// it (G21 1.129).
	InformationShared *bool  `json:"information_shared,omitempty"`
	LawfulBasis       string `json:"lawful_basis,omitempty"`
	// Decisions are what the IRD decided.
	Decisions Decisions `json:"decisions,omitzero"`
	// LeadProfessional is the lead professional the IRD named: a qualified
	// social worker within a child protection investigation (G21 3.40).
	LeadProfessional *plan.Person `json:"lead_professional,omitempty"`
	// Closed is the date the IRD was closed; ClosureReason the reasoned
	// inter-agency decision it closed on and ClosedBy who recorded it.
	Closed        Date         `json:"closed,omitzero"`
	ClosureReason string       `json:"closure_reason,omitempty"`
	ClosedBy      *plan.Person `json:"closed_by,omitempty"`

	// DateOnly marks a record read from the old form of a case file, which
	// gave the IRD as a date alone: the rules that need its contents are
	// not applicable to it. It is never written.
	DateOnly bool `json:"-"`
}

// Decisions are what an IRD decided (G21 3.32, 3.35).
type Decisions struct {
	// Investigation is the date of the decision to progress an
	// inter-agency child protection investigation; NoInvestigationReason
	// records why none was needed.
	Investigation         Date   `json:"investigation,omitzero"`
	NoInvestigationReason string `json:"no_investigation_reason,omitempty"`
	// CPPM records whether a CPPM is required; CPPMReason why, or why not.
	CPPM       *bool  `json:"cppm,omitempty"`
	CPPMReason string `json:"cppm_reason,omitempty"`
	// ImmediateActions are the actions for the child's immediate safety,
	// and EmergencyMeasures any emergency legal measures (for example a
	// Child Protection Order); both free text, empty when none were needed.
	ImmediateActions  string `json:"immediate_actions,omitempty"`
	EmergencyMeasures string `json:"emergency_measures,omitempty"`
}

// UnmarshalStringForm reads the old form of a case file, where the IRD was
// a date alone: the date the IRD was held. Package internal/strictjson calls
// it when the JSON value is a string.
func (r *IRD) UnmarshalStringForm(s string) error {
	var d Date
	if err := d.UnmarshalText([]byte(s)); err != nil || !d.Valid() {
		return &guidance.Error{Kind: guidance.Invalid, Field: "ird",
			Hint: "give the IRD as a record (an object: see schema/case.schema.json) or, in the old form, the date it was held as YYYY-MM-DD"}
	}
	*r = IRD{Held: d, DateOnly: true}
	return nil
}

// MarshalStringForm writes a record read from the old form back as its
// date, so that a case file read and written again checks the same.
func (r IRD) MarshalStringForm() (string, bool) {
	if !r.DateOnly {
		return "", false
	}
	b, _ := r.Held.MarshalText()
	return string(b), true
}

var (
	_ strictjson.StringForm   = (*IRD)(nil)
	_ strictjson.StringFormer = IRD{}
)

// Started is the date the IRD process started: the out-of-hours discussion
// if there was one, else the IRD itself; zero when neither is recorded.
func (r *IRD) Started() Date {
	if r == nil {
		return Date{}
	}
	if !r.OutOfHours.IsZero() {
		return r.OutOfHours
	}
	return r.Held
}

// Decode reads an IRD record from JSON strictly: an unknown or repeated
// field, a wrong type or an impossible date is a *guidance.Error naming its
// JSON path, never the value given.
func Decode(data []byte) (*IRD, error) {
	var r IRD
	if err := strictjson.Decode(data, &r); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

// Validate reports the first impossible value as a *guidance.Error of kind
// Invalid whose Field is the JSON path at fault. Missing facts are not
// errors: the checks report them.
func (r *IRD) Validate() error {
	if r == nil {
		return nil
	}
	for _, d := range []struct {
		f string
		d Date
	}{{"out_of_hours", r.OutOfHours}, {"held", r.Held}, {"closed", r.Closed}, {"decisions.investigation", r.Decisions.Investigation}} {
		if !d.d.IsZero() && !d.d.Valid() {
			return invalid(d.f, "give a real date as YYYY-MM-DD")
		}
	}
	switch {
	case !r.Held.IsZero() && !r.OutOfHours.IsZero() && r.Held.Before(r.OutOfHours):
		return invalid("held", "the IRD that follows an out-of-hours discussion cannot be before it: check both dates")
	case !r.Closed.IsZero() && !r.Started().IsZero() && r.Closed.Before(r.Started()):
		return invalid("closed", "an IRD cannot close before it started: check the dates")
	case !r.Decisions.Investigation.IsZero() && !r.Started().IsZero() && r.Decisions.Investigation.Before(r.Started()):
		return invalid("decisions.investigation", "the decision to investigate is the IRD's: it cannot be before the IRD started")
	}
	var seen uint // bit k: agencies[k] is named
	agencies := Agencies()
	for i, a := range r.Agencies {
		k := slices.Index(agencies, a)
		if k < 0 {
			return invalid(at("agencies", i), "use one of "+list(agencies))
		}
		if seen&(1<<k) != 0 {
			return invalid(at("agencies", i), "name each agency once")
		}
		seen |= 1 << k
	}
	return nil
}

func list(as []Agency) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

func at(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
