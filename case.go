package cpguide

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// Date is a civil date; it is guidance.Date (JSON "2006-01-02").
type Date = guidance.Date

// A Case is the events of one child's case as a case system records them.
// Every field is optional: a fact left out is "not recorded", and a rule that
// needs it reports Unknown, never Met.
//
// The dates of the concern, the IRD, the decision to investigate and the
// notification of a move are given once here; Check copies them into each
// meeting's CaseFacts where the meeting does not give its own.
type Case struct {
	// ID is the case system's reference for the case. It must not be
	// personal data: it is the only identifier a report quotes.
	ID string `json:"id"`
	// Concern is the date the child protection concern was raised.
	Concern Date `json:"concern,omitzero"`
	// IRD is the record of the inter-agency referral discussion (package
	// ird). A case file may still give it in the old form, as the date the
	// IRD was held ("ird": "2026-03-02").
	IRD *ird.IRD `json:"ird,omitempty"`
	// OutOfHoursIRD, Investigation and NoCPPM are the old form of the IRD's
	// out-of-hours date (ird.out_of_hours), its decision to investigate
	// (ird.decisions.investigation) and its decision that no CPPM is needed
	// (ird.decisions.cppm false). They are still read, and fill the record
	// where it is silent; give each fact once.
	OutOfHoursIRD Date `json:"out_of_hours_ird,omitzero"`
	Investigation Date `json:"investigation,omitzero"`
	NoCPPM        bool `json:"no_cppm,omitempty"`
	// MoveNotified is the date the receiving authority learned of a
	// permanent move (a transfer).
	MoveNotified Date `json:"move_notified,omitzero"`
	// InterimSafetyPlan is in force from the IRD until the CPPM.
	InterimSafetyPlan *plan.InterimSafetyPlan `json:"interim_safety_plan,omitempty"`
	// Meetings are the CPPMs, held or convened, oldest first: each is checked
	// with the ones before it as its history.
	Meetings []meeting.Meeting `json:"meetings,omitempty"`
	// Plan is the current Child Protection Plan, with its versions.
	Plan *plan.Plan `json:"plan,omitempty"`
	// CoreGroup is the Core Group of the plan.
	CoreGroup *coregroup.CoreGroup `json:"core_group,omitempty"`
	// Variations are the approved variations of timescales in this case.
	Variations []timescale.Variation `json:"variations,omitempty"`
	// PreBirth holds the facts of a case about an unborn child.
	PreBirth *PreBirth `json:"pre_birth,omitempty"`
	// Register is the child's history on the Child Protection Register,
	// oldest first, as register events (one child, versions 1, 2, 3, ...).
	// In a case file each event is in the register package's JSON form
	// (register.MarshalEvent). Check folds them and checks the register
	// rules, and that the register shows what the CPPMs decided.
	Register []register.Event `json:"register,omitempty"`
}

// PreBirth holds the facts of a pre-birth case. Check copies
// ExpectedDelivery into pre-birth meetings and Discharge and
// PreDischargeMeeting into a pre-birth plan, where they do not give their own.
type PreBirth struct {
	ExpectedDelivery Date `json:"expected_delivery,omitzero"`
	// Birth is the baby's date of birth: personal data. It is checked for
	// order (not after the discharge) and never shown in any output.
	Birth               Date `json:"birth,omitzero"`
	Discharge           Date `json:"discharge,omitzero"`
	PreDischargeMeeting Date `json:"pre_discharge_meeting,omitzero"`
}

// LogValue implements slog.LogValuer: the case ID and counts, never names,
// free text or the date of birth.
func (c Case) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", c.ID),
		slog.Int("meetings", len(c.Meetings)),
		slog.Bool("plan", c.Plan != nil),
		slog.Bool("core_group", c.CoreGroup != nil),
		slog.Bool("pre_birth", c.PreBirth != nil),
		slog.Int("variations", len(c.Variations)),
		slog.Int("register_events", len(c.Register)),
	)
}

// String describes the case without personal data.
func (c Case) String() string {
	return "case " + strconv.Quote(c.ID) + " (" + strconv.Itoa(len(c.Meetings)) + " CPPM(s))"
}

// Validate reports the first impossible value in the case as a
// *guidance.Error of kind Invalid whose Field is the JSON path at fault
// ("meetings[1].held"). Missing facts are not errors: Check reports them.
func (c Case) Validate() error {
	for _, d := range []struct {
		f string
		d Date
	}{{"concern", c.Concern}, {"out_of_hours_ird", c.OutOfHoursIRD}, {"investigation", c.Investigation}, {"move_notified", c.MoveNotified}} {
		if !d.d.IsZero() && !d.d.Valid() {
			return invalid(d.f, "give a real date as YYYY-MM-DD")
		}
	}
	if err := c.IRD.Validate(); err != nil {
		return prefix("ird", err)
	}
	if r := c.IRD; r != nil {
		switch {
		case !c.OutOfHoursIRD.IsZero() && !r.OutOfHours.IsZero() && c.OutOfHoursIRD != r.OutOfHours:
			return invalid("out_of_hours_ird", "give the out-of-hours date once, in ird.out_of_hours (out_of_hours_ird is the old form)")
		case !c.Investigation.IsZero() && !r.Decisions.Investigation.IsZero() && c.Investigation != r.Decisions.Investigation:
			return invalid("investigation", "give the decision to investigate once, in ird.decisions.investigation (investigation is the old form)")
		case c.NoCPPM && r.Decisions.CPPM != nil && *r.Decisions.CPPM:
			return invalid("no_cppm", "no_cppm contradicts ird.decisions.cppm: give the decision once, in ird.decisions.cppm (no_cppm is the old form)")
		}
	}
	var r ird.IRD
	if c.irdRecord(&r) {
		// The record as the checks read it, the old fields filled in: what
		// Check accepts, Validate accepts, and no more.
		if err := r.Validate(); err != nil {
			return prefix("ird", err)
		}
		// (r.Validate refuses a fuller IRD before the out-of-hours one.)
		if start := r.Started(); !start.IsZero() && !c.Concern.IsZero() && start.Before(c.Concern) {
			return invalid("ird", "the IRD cannot be before the concern was raised: check both dates")
		}
	}
	if c.InterimSafetyPlan != nil {
		if err := c.InterimSafetyPlan.Validate(); err != nil {
			return prefix("interim_safety_plan", err)
		}
	}
	for i, m := range c.Meetings {
		if err := m.Validate(); err != nil {
			return prefix(index("meetings", i), err)
		}
	}
	if c.Plan != nil {
		if err := c.Plan.Validate(); err != nil {
			return prefix("plan", err)
		}
	}
	if c.CoreGroup != nil {
		if err := c.CoreGroup.Validate(); err != nil {
			return prefix("core_group", err)
		}
	}
	for i, v := range c.Variations {
		if err := guidance.Known(v.Rule); err != nil {
			return &guidance.Error{Kind: guidance.Invalid, Field: index("variations", i) + ".rule", Hint: "name a rule of the catalogue (cpguide rules lists them)", Err: err}
		}
		if err := v.Validate(); err != nil {
			// Variation.Validate names its fields "variation.new_date".
			var ge *guidance.Error
			if errors.As(err, &ge) {
				out := *ge
				out.Field = strings.TrimPrefix(ge.Field, "variation.")
				err = &out
			}
			return prefix(index("variations", i), err)
		}
	}
	if err := register.ValidateHistory(c.Register); err != nil {
		return prefix("register", err)
	}
	if p := c.PreBirth; p != nil {
		for _, d := range []struct {
			f string
			d Date
		}{{"expected_delivery", p.ExpectedDelivery}, {"birth", p.Birth}, {"discharge", p.Discharge}, {"pre_discharge_meeting", p.PreDischargeMeeting}} {
			if !d.d.IsZero() && !d.d.Valid() {
				return invalid("pre_birth."+d.f, "give a real date as YYYY-MM-DD")
			}
		}
		if !p.Birth.IsZero() && !p.Discharge.IsZero() && p.Discharge.Before(p.Birth) {
			return invalid("pre_birth.discharge", "the discharge cannot be before the birth: check both dates")
		}
	}
	return nil
}

// IRDRecord returns the case's IRD record with the old form's facts filled
// in where the record is silent: the out-of-hours date, the decision to
// investigate, the decision that no CPPM is needed. It is nil when the case
// records no IRD in either form, and is a copy: the case is not changed.
// Check reads the IRD through it.
func (c Case) IRDRecord() *ird.IRD {
	r := new(ird.IRD)
	if !c.irdRecord(r) {
		return nil
	}
	return r
}

// irdRecord is IRDRecord into *r, reporting false (with *r untouched)
// when the case records no IRD.
func (c *Case) irdRecord(r *ird.IRD) bool {
	if c.IRD == nil && c.OutOfHoursIRD.IsZero() && c.Investigation.IsZero() && !c.NoCPPM {
		return false
	}
	if c.IRD != nil {
		*r = *c.IRD
	} else {
		*r = ird.IRD{}
		r.DateOnly = true
	}
	if r.OutOfHours.IsZero() {
		r.OutOfHours = c.OutOfHoursIRD
	}
	if r.Decisions.Investigation.IsZero() {
		r.Decisions.Investigation = c.Investigation
	}
	if c.NoCPPM && r.Decisions.CPPM == nil {
		r.Decisions.CPPM = new(bool) // false: no CPPM; the record's own, not shared
	}
	return true
}

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// prefix puts path in front of the field a sub-decoder's error names.
func prefix(path string, err error) error {
	var ge *guidance.Error
	if !errors.As(err, &ge) {
		return &guidance.Error{Kind: guidance.Invalid, Field: path, Hint: "fix this part of the case", Err: err}
	}
	out := *ge
	switch f := ge.Field; {
	case f == "" || f == "input" || f == "(document)" || f == "plan" || f == "core group":
		out.Field = path
	case strings.HasPrefix(f, "["):
		out.Field = path + f
	default:
		out.Field = path + "." + f
	}
	return &out
}

// ReadCaseFile reads a case file: YAML (DecodeCaseYAML) when its name ends
// in .yaml or .yml, JSON (DecodeCase) otherwise. Errors name the JSON path
// at fault, never the file's content.
func ReadCaseFile(name string) (Case, error) {
	f, err := os.Open(name)
	if err != nil {
		return Case{}, &guidance.Error{Kind: guidance.Other, Field: "case file", Hint: "could not open the case file: check the path", Err: err}
	}
	defer f.Close()
	if isYAML(name) {
		return DecodeCaseYAML(f)
	}
	return DecodeCase(f)
}

// DecodeCase reads one case as JSON, with the library's strict decoder
// (internal/strictjson), which every package's decoder uses: an unknown
// field, a key given twice or in another case than the field's name, a
// wrong type, trailing data, an impossible date or an impossible order of
// dates is a *guidance.Error of kind Invalid whose Field is the JSON path at
// fault ("meetings[1].held", "core_group.meetings[0].attendance[1]",
// "register[2].type") and whose Hint says what to fix. Errors never quote
// the input, which holds personal data.
//
// Register events are in the register package's JSON form
// (register.MarshalEvent), which has the same fields as register.Event.
func DecodeCase(r io.Reader) (Case, error) {
	data, err := strictjson.ReadAll(r, "input")
	if err != nil {
		return Case{}, err
	}
	var c Case
	if err := strictjson.Decode(data, &c); err != nil {
		return Case{}, err
	}
	if err := c.Validate(); err != nil {
		return Case{}, err
	}
	return c, nil
}
