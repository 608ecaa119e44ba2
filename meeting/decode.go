package meeting

import (
	"fmt"
	"io"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
)

// maxInput bounds what Decode reads: a meeting record is a few kilobytes.
const maxInput = 4 << 20

// Decode reads one meeting as JSON, with the library's strict decoder
// (internal/strictjson): unknown fields, a key given twice or in another
// case than the field's name, a wrong type, trailing data, an
// unknown kind, agency, mode or decision, an impossible date and an impossible
// order of dates (held before convened, a record circulated before the
// meeting) are errors of type *guidance.Error with Kind Invalid, naming the
// field as a JSON path ("attendance[2].agency") and saying what to fix. The
// error never quotes a name or free text from the input.
func Decode(r io.Reader) (Meeting, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return Meeting{}, &guidance.Error{Kind: guidance.Other, Field: "input", Hint: "could not read the meeting", Err: err}
	}
	if len(data) > maxInput {
		return Meeting{}, &guidance.Error{Kind: guidance.Invalid, Field: "input", Hint: "a meeting record must be under 4 MiB"}
	}
	var m Meeting
	if err := strictjson.Decode(data, &m); err != nil {
		return Meeting{}, err
	}
	if err := m.validate(); err != nil {
		return Meeting{}, err
	}
	return m, nil
}

// Validate reports the first impossible value in m as a *guidance.Error of
// kind Invalid naming the field as a JSON path. It checks enumerations, that
// dates are real, and that dates are in a possible order. Missing facts are
// not errors: Check reports them as Unknown or Missing.
func (m Meeting) Validate() error { return m.validate() }

// dates checks dates one after another and keeps the error for the first
// that is neither zero nor a real date.
type dates struct{ err error }

// check checks the date d of field. (The zero date, the commonest, is
// decided here, where the call is inlined.)
func (v *dates) check(field string, d Date) {
	if !d.IsZero() && v.err == nil {
		v.given(field, d)
	}
}

func (v *dates) given(field string, d Date) {
	if !d.Valid() {
		v.err = &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: "give a real calendar date, YYYY-MM-DD"}
	}
}

// validate is Validate without a copy of the meeting.
func (m *Meeting) validate() error {
	bad := func(field, hint string) error {
		return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
	}
	if !m.Kind.Valid() {
		return &guidance.Error{Kind: guidance.Invalid, Field: "kind", Value: safe(string(m.Kind)), Hint: `use one of "initial", "pre-birth", "review" or "transfer"`}
	}
	var expected Date
	if m.PreBirth != nil {
		expected = m.PreBirth.ExpectedDelivery
	}
	// Each date in turn, the first impossible one named, without building
	// a table of the fields on every call.
	var v dates
	v.check("convened", m.Convened)
	v.check("held", m.Held)
	v.check("case.concern", m.Case.Concern)
	v.check("case.ird", m.Case.IRD)
	v.check("case.investigation", m.Case.Investigation)
	v.check("case.move_notified", m.Case.MoveNotified)
	v.check("case.prior_referral", m.Case.PriorReferral)
	v.check("quorum.new_date", m.Quorum.NewDate)
	v.check("decisions.referral.decided", m.Decisions.Referral.Decided)
	v.check("decisions.referral.sent", m.Decisions.Referral.Sent)
	v.check("record.circulated", m.Record.Circulated)
	v.check("record.plan_circulated", m.Record.PlanCirculated)
	v.check("child.outcome_by", m.Child.OutcomeBy)
	v.check("pre_birth.expected_delivery", expected)
	if v.err != nil {
		return v.err
	}
	if !m.Convened.IsZero() && !m.Held.IsZero() && m.Held.Before(m.Convened) {
		return bad("held", "the meeting cannot be held before it was convened: check the held and convened dates")
	}
	after := func(field string, d Date, what string) error {
		if !d.IsZero() && !m.Held.IsZero() && d.Before(m.Held) {
			return bad(field, what+" cannot come before the meeting was held: check this date and held")
		}
		if !d.IsZero() && m.Held.IsZero() {
			return bad(field, what+" needs the date the meeting was held: give held")
		}
		return nil
	}
	// In this order, the first wrong date named (each is checked only when
	// given: most meetings give few).
	for _, a := range [...]struct {
		field string
		d     Date
		what  string
	}{
		{"record.circulated", m.Record.Circulated, "the record"},
		{"record.plan_circulated", m.Record.PlanCirculated, "the record of the plan"},
		{"quorum.new_date", m.Quorum.NewDate, "the reconvened meeting"},
		{"decisions.referral.decided", m.Decisions.Referral.Decided, "the referral decision"},
	} {
		if a.d.IsZero() {
			continue
		}
		if err := after(a.field, a.d, a.what); err != nil {
			return err
		}
	}
	if r := m.Decisions.Referral; !r.Sent.IsZero() {
		from, field := r.Decided, "decisions.referral.decided"
		if from.IsZero() {
			from, field = m.Held, "held"
		}
		if from.IsZero() || r.Sent.Before(from) {
			return bad("decisions.referral.sent", "a referral cannot be sent before it was decided: check this date and "+field)
		}
	}
	for i := range m.Invitations {
		inv := &m.Invitations[i]
		p := path("invitations", i)
		if inv.Invitee.Agency != "" && !inv.Invitee.Agency.Valid() {
			return agencyErr(p.String()+".invitee.agency", inv.Invitee.Agency)
		}
		if !inv.Sent.IsZero() && !inv.Sent.Valid() {
			return bad(p.String()+".sent", "give a real calendar date, YYYY-MM-DD")
		}
		if !inv.Sent.IsZero() && !m.Held.IsZero() && inv.Sent.After(m.Held) {
			return bad(p.String()+".sent", "an invitation cannot be sent after the meeting was held: check this date and held")
		}
	}
	for _, p := range []struct {
		f string
		a Agency
	}{{"chair.agency", m.Chair.Agency}, {"note_taker.agency", m.NoteTaker.Agency}} {
		if p.a != "" && !p.a.Valid() {
			return agencyErr(p.f, p.a)
		}
	}
	for i, a := range m.Involved {
		if !a.Valid() {
			return agencyErr(fmt.Sprintf("involved[%d]", i), a)
		}
	}
	for i := range m.Attendance {
		if a := &m.Attendance[i]; !a.Agency.Valid() {
			return agencyErr(fmt.Sprintf("attendance[%d].agency", i), a.Agency)
		}
	}
	for i := range m.Reports {
		r := &m.Reports[i]
		p := path("reports", i)
		if !r.Agency.Valid() {
			return agencyErr(p.String()+".agency", r.Agency)
		}
		if !r.Received.IsZero() && !r.Received.Valid() {
			return bad(p.String()+".received", "give a real calendar date, YYYY-MM-DD")
		}
	}
	if m.Child.Mode != "" && !m.Child.Mode.Valid() {
		return modeErr("child.mode", m.Child.Mode)
	}
	for i := range m.Family {
		f := &m.Family[i]
		p := path("family", i)
		if f.Mode != "" && !f.Mode.Valid() {
			return modeErr(p.String()+".mode", f.Mode)
		}
		if !f.OutcomeBy.IsZero() && !f.OutcomeBy.Valid() {
			return bad(p.String()+".outcome_by", "give a real calendar date, YYYY-MM-DD")
		}
	}
	switch m.Quorum.Decision {
	case "", Quorate, Inquorate:
	default:
		return &guidance.Error{Kind: guidance.Invalid, Field: "quorum.decision", Value: safe(string(m.Quorum.Decision)), Hint: `use "quorate" or "inquorate", or leave it out if not recorded`}
	}
	if m.Quorum.Decision != Inquorate && (m.Quorum.Proceeded || !m.Quorum.NewDate.IsZero()) {
		return bad("quorum.decision", "proceeding while inquorate or setting a new date applies only to an inquorate meeting: record the decision as inquorate")
	}
	switch m.Decisions.Referral.Outcome {
	case "", Refer, NotRequired:
	default:
		return &guidance.Error{Kind: guidance.Invalid, Field: "decisions.referral.outcome", Value: safe(string(m.Decisions.Referral.Outcome)), Hint: `use "refer" or "not-required", or leave it out if not recorded`}
	}
	if m.Decisions.Referral.Outcome != Refer && !m.Decisions.Referral.Sent.IsZero() {
		return bad("decisions.referral.sent", `a referral was sent, so record the outcome as "refer"`)
	}
	for i, it := range m.Record.Contents {
		if !it.valid() {
			return &guidance.Error{Kind: guidance.Invalid, Field: fmt.Sprintf("record.contents[%d]", i), Value: safe(string(it)), Hint: "use one of the items listed by meeting.RecordItems"}
		}
	}
	if m.PreBirth != nil && m.Kind != PreBirth {
		return bad("pre_birth", `pre-birth facts belong only to a meeting of kind "pre-birth"`)
	}
	return nil
}

// path is a lazily formatted JSON path "name[i]": formatting waits until an
// error needs it, so validating a good meeting does not allocate paths.
type lazyPath struct {
	name string
	i    int
}

func path(name string, i int) lazyPath { return lazyPath{name, i} }

func (p lazyPath) String() string { return fmt.Sprintf("%s[%d]", p.name, p.i) }

func agencyErr(field string, a Agency) error {
	hint := `use one of "social-work", "health", "police", "education", "early-learning-childcare" or "other"`
	if strings.Contains(strings.ToLower(string(a)), "reporter") {
		hint = "the Children's Reporter is not an agency of the meeting: record the Reporter under reporter, as an observer"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Value: safe(string(a)), Hint: hint}
}

func modeErr(field string, m Mode) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Value: safe(string(m)),
		Hint: `use one of "attended", "views-represented", "not-invited" or "excluded"`}
}

// safe returns an enumeration value for an error message if it looks like a
// code word (short, lower case, digits and hyphens), and "" otherwise, so a
// name typed into the wrong field never reaches an error string.
func safe(s string) string {
	if len(s) > 32 {
		return ""
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return ""
		}
	}
	return s
}
