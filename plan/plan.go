package plan

import (
	"github.com/cpguide/cpguide/internal/strictjson"
	"slices"
	"strconv"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/timescale"
)

// Date is a civil date; see [guidance.Date].
type Date = timescale.Date

// A Person is someone named in a plan: a practitioner responsible for an
// action, a Core Group member, the person who notifies a birth. Name is
// personal data: it never appears in errors or findings, and LogValue
// redacts it.
type Person struct {
	Name   string `json:"name"`
	Agency string `json:"agency"`
	Role   string `json:"role,omitempty"`
}

// People is a list of people. Its LogValue logs each person redacted: slog
// does not resolve the LogValue of a slice's elements by itself.
type People []Person

// LeadProfessional is the plan's named lead professional. In child protection
// cases the role is taken by a qualified social worker (G21 1.84-1.85). A nil
// QualifiedSocialWorker means the record does not say.
// ResponsibleForChildsPlan is whether the record makes them responsible for
// producing and reviewing the agreed multi-agency child's plan (G21 1.83,
// rule plan.lead-professional-childs-plan); nil when not recorded.
type LeadProfessional struct {
	Name                     string `json:"name"`
	Agency                   string `json:"agency"`
	QualifiedSocialWorker    *bool  `json:"qualified_social_worker"`
	ResponsibleForChildsPlan *bool  `json:"responsible_for_childs_plan,omitempty"`
}

// Horizon is how soon a risk may cause harm: "immediate", "short" or "long".
type Horizon string

// Horizons of a risk.
const (
	Immediate Horizon = "immediate"
	ShortTerm Horizon = "short"
	LongTerm  Horizon = "long"
)

// Term is the term of an outcome for the child: "short", "medium" or "long".
type Term string

// Terms of an outcome.
const (
	Short  Term = "short"
	Medium Term = "medium"
	Long   Term = "long"
)

// A Risk is a risk of harm the plan addresses. ID is a short label unique in
// the plan (for example "r1") that actions and objectives refer to.
type Risk struct {
	ID          string  `json:"id"`
	Description string  `json:"description"`
	Horizon     Horizon `json:"horizon,omitempty"`
}

// An Action is one thing the plan says someone will do.
type Action struct {
	Description string `json:"description"`
	// Responsible is who does it, and for which agency.
	Responsible Person `json:"responsible"`
	// Risk is the ID of the risk the action reduces or removes.
	Risk string `json:"risk"`
	// Outcome is the intended outcome of the action.
	Outcome string `json:"outcome"`
	// By is the action's timescale: the date it is to be done by.
	By Date `json:"by,omitzero"`
	// Done is the date it was done; zero if not done.
	Done Date `json:"done,omitzero"`
}

// An Outcome is an outcome for the child at one term.
type Outcome struct {
	Term        Term   `json:"term"`
	Description string `json:"description"`
}

// An Objective is an objective of the plan with its SMARTER attributes as
// data. Attainability and relevance are judgements; what the record can show
// is that each attribute was written down.
type Objective struct {
	// Description says specifically what is to change (S).
	Description string `json:"description"`
	// Measure is what will be measured to know it has been achieved (M).
	Measure string `json:"measure"`
	// Risk or Outcome is what the objective serves (R): the ID of a risk,
	// or the term of an outcome ("short", "medium", "long").
	Risk    string `json:"risk,omitempty"`
	Outcome Term   `json:"outcome,omitempty"`
	// By is the date by which it is to be achieved (T).
	By Date `json:"by,omitzero"`
	// Evaluate is when progress is evaluated (E); ReEvaluate when it is
	// evaluated again (R).
	Evaluate   Date `json:"evaluate,omitzero"`
	ReEvaluate Date `json:"re_evaluate,omitzero"`
	// Evaluated and ReEvaluated are the dates those evaluations were done;
	// zero if not yet.
	Evaluated   Date `json:"evaluated,omitzero"`
	ReEvaluated Date `json:"re_evaluated,omitzero"`
}

// A Contingency says what happens if the plan is not being fully
// implemented: the trigger and the response.
type Contingency struct {
	Trigger     string  `json:"trigger"`
	Response    string  `json:"response"`
	Responsible *Person `json:"responsible,omitempty"`
}

// ChildInvolvement records how the child was involved in the plan and how
// their views are represented; NotPossible says why, if neither was possible
// (for example an unborn child).
type ChildInvolvement struct {
	How         string `json:"how,omitempty"`
	Views       string `json:"views,omitempty"`
	NotPossible string `json:"not_possible,omitempty"`
}

// FamilyInvolvement records how the family was involved in developing the
// plan; NotPossible says why, if they could not be.
type FamilyInvolvement struct {
	How         string `json:"how,omitempty"`
	NotPossible string `json:"not_possible,omitempty"`
}

// A Version is one version of the plan: when and why it changed and whether
// it was provisional.
type Version struct {
	Date        Date   `json:"date"`
	Reason      string `json:"reason"`
	Provisional bool   `json:"provisional,omitempty"`
}

// A Plan is a Child Protection Plan as recorded.
//
// Names are personal data: they never appear in errors or findings, and
// LogValue leaves them (and all free text) out.
type Plan struct {
	// CPPM is the date of the CPPM that agreed the plan.
	CPPM Date `json:"cppm,omitzero"`
	// PreBirth marks a plan made before the child's birth; BirthNotifier is
	// who will notify the agencies of the birth.
	PreBirth      bool    `json:"pre_birth,omitempty"`
	BirthNotifier *Person `json:"birth_notifier,omitempty"`
	// Provisional marks an early plan awaiting the first Core Group, where
	// the full plan is formulated with the family.
	Provisional bool `json:"provisional,omitempty"`
	// FirstCoreGroup is the date of the first Core Group meeting after the
	// CPPM, held or planned; zero if not recorded (rule plan.provisional).
	FirstCoreGroup Date `json:"first_core_group,omitzero"`
	// IncorporatedInChildsPlan is whether the child's plan incorporates the
	// Child Protection Plan (one plan, one meeting structure: rule
	// plan.single-plan); nil when not recorded.
	IncorporatedInChildsPlan *bool `json:"incorporated_in_childs_plan,omitempty"`
	// SingleAgencyPlansIntegrated is whether the single agencies' plans are
	// integrated into the multi-agency plan (G21 1.83, rule
	// plan.lead-professional-childs-plan); nil when not recorded.
	SingleAgencyPlansIntegrated *bool             `json:"single_agency_plans_integrated,omitempty"`
	Risks                       []Risk            `json:"risks"`
	Actions                     []Action          `json:"actions"`
	Outcomes                    []Outcome         `json:"outcomes"`
	Objectives                  []Objective       `json:"objectives"`
	LeadProfessional            *LeadProfessional `json:"lead_professional"`
	CoreGroup                   People            `json:"core_group"`
	Contingencies               []Contingency     `json:"contingencies"`
	Child                       ChildInvolvement  `json:"child"`
	Family                      FamilyInvolvement `json:"family"`
	// Versions are the plan's versions over time, oldest first.
	Versions []Version `json:"versions,omitempty"`
	// RecordSent is when participants received the record of the agreed
	// plan: a step the CPPM owes (rule plan.record), checked by package
	// meeting, to which a case passes this date.
	RecordSent Date `json:"record_sent,omitzero"`
	// Reflection holds the answers to the prompts to reflection.
	Reflection []Answer `json:"reflection,omitempty"`
	// Discharge is the (planned) date a baby with a pre-birth plan is
	// discharged from hospital; PreDischargeMeeting the date the
	// pre-discharge meeting was held (rule birth.pre-discharge).
	Discharge           Date `json:"discharge,omitzero"`
	PreDischargeMeeting Date `json:"pre_discharge_meeting,omitzero"`
	// Ended is the date the plan ended, zero while it is in force;
	// EndedByCPPM is the date of the CPPM that decided the child is no
	// longer at risk of significant harm (rule plan.in-place).
	Ended       Date `json:"ended,omitzero"`
	EndedByCPPM Date `json:"ended_by_cppm,omitzero"`
}

// A Context is a high-risk context the Interim Safety Plan manages (a place,
// a person's visits, online contact) and how it is managed.
type Context struct {
	Context    string `json:"context"`
	Management string `json:"management"`
}

// An InterimSafetyPlan is in force from the IRD until the CPPM (G21 3.110).
//
// ChildContacts holds names: LogValue leaves them and all free text out.
type InterimSafetyPlan struct {
	IRD  Date `json:"ird"`
	CPPM Date `json:"cppm,omitzero"`
	// Actions say what each participant does.
	Actions []Action `json:"actions"`
	// ChildSeenHeard is how the child will be seen and heard.
	ChildSeenHeard string `json:"child_seen_heard"`
	// ChildContacts are whom the child can contact.
	ChildContacts People `json:"child_contacts"`
	// NeedsHarm is the needs and the harm the plan addresses.
	NeedsHarm string `json:"needs_harm"`
	// HighRiskContexts are the high-risk contexts and how each is managed;
	// NoHighRiskContexts records that none was identified.
	HighRiskContexts   []Context `json:"high_risk_contexts,omitempty"`
	NoHighRiskContexts bool      `json:"no_high_risk_contexts,omitempty"`
}

// Decode reads a Child Protection Plan from JSON. It is strict: unknown
// fields, wrong types, impossible dates and unknown horizons or terms are a
// *guidance.Error of kind Invalid whose Field is the JSON path at fault (for
// example "actions[1].responsible.agency") and whose Hint says what to fix.
// Errors never quote the input.
func Decode(data []byte) (*Plan, error) {
	var p Plan
	if err := strictjson.Decode(data, &p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// DecodeInterim reads an Interim Safety Plan from JSON, as strictly as
// [Decode].
func DecodeInterim(data []byte) (*InterimSafetyPlan, error) {
	var p InterimSafetyPlan
	if err := strictjson.Decode(data, &p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

func idx(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func validDate(d Date, field string) error {
	if validOrZero(d) {
		return nil
	}
	return invalidDate(field)
}

// validOrZero reports whether d is a real date or no date at all.
func validOrZero(d Date) bool { return d.IsZero() || d.Valid() }

func invalidDate(field string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: "give a real calendar date, YYYY-MM-DD"}
}

// Validate reports the first impossible value as a *guidance.Error of kind
// Invalid naming its JSON path. A missing element is not invalid: the checks
// report it as a finding.
func (p *Plan) Validate() error {
	// Paths such as "objectives[2].by" are built only for the error
	// returned: Validate runs on every check and must not allocate for a
	// valid plan.
	var ids map[string]bool // only for a long list: a short one is compared pairwise
	if len(p.Risks) > 32 {
		ids = make(map[string]bool, len(p.Risks))
	}
	for i, r := range p.Risks {
		switch r.Horizon {
		case "", Immediate, ShortTerm, LongTerm:
		default:
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("risks", i) + ".horizon", Hint: `use "immediate", "short" or "long"`}
		}
		if blank.Is(r.ID) {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("risks", i) + ".id", Hint: "give each risk a short ID (e.g. \"r1\") that actions can refer to"}
		}
		dup := ids[r.ID]
		if ids == nil {
			dup = slices.ContainsFunc(p.Risks[:i], func(q Risk) bool { return q.ID == r.ID })
		} else {
			ids[r.ID] = true
		}
		if dup {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("risks", i) + ".id", Hint: "risk IDs must be unique in the plan"}
		}
	}
	for i, a := range p.Actions {
		if !validOrZero(a.By) {
			return invalidDate(idx("actions", i) + ".by")
		}
		if !validOrZero(a.Done) {
			return invalidDate(idx("actions", i) + ".done")
		}
	}
	for i, o := range p.Outcomes {
		if !validTerm(o.Term) || o.Term == "" {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("outcomes", i) + ".term", Hint: `use "short", "medium" or "long"`}
		}
	}
	for i, o := range p.Objectives {
		if !validTerm(o.Outcome) {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("objectives", i) + ".outcome", Hint: `use "short", "medium" or "long"`}
		}
		for _, d := range [...]struct {
			d    Date
			name string
		}{{o.By, "by"}, {o.Evaluate, "evaluate"}, {o.ReEvaluate, "re_evaluate"}, {o.Evaluated, "evaluated"}, {o.ReEvaluated, "re_evaluated"}} {
			if !validOrZero(d.d) {
				return invalidDate(idx("objectives", i) + "." + d.name)
			}
		}
		if !o.Evaluate.IsZero() && !o.ReEvaluate.IsZero() && o.ReEvaluate.Before(o.Evaluate) {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("objectives", i) + ".re_evaluate", Hint: "re-evaluation cannot come before the evaluation"}
		}
	}
	for i, v := range p.Versions {
		if !v.Date.Valid() {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("versions", i) + ".date", Hint: "give the date of each version, YYYY-MM-DD"}
		}
		if i > 0 && v.Date.Before(p.Versions[i-1].Date) {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("versions", i) + ".date", Hint: "list versions oldest first"}
		}
		if blank.Is(v.Reason) {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("versions", i) + ".reason", Hint: "record why the plan changed in each version"}
		}
	}
	for _, f := range [...]struct {
		d    Date
		name string
	}{{p.CPPM, "cppm"}, {p.FirstCoreGroup, "first_core_group"}, {p.RecordSent, "record_sent"}, {p.Discharge, "discharge"}, {p.PreDischargeMeeting, "pre_discharge_meeting"}, {p.Ended, "ended"}, {p.EndedByCPPM, "ended_by_cppm"}} {
		if err := validDate(f.d, f.name); err != nil {
			return err
		}
	}
	if !p.Ended.IsZero() && !p.CPPM.IsZero() && p.Ended.Before(p.CPPM) {
		return &guidance.Error{Kind: guidance.Invalid, Field: "ended", Hint: "a plan cannot end before the CPPM that agreed it"}
	}
	if !p.FirstCoreGroup.IsZero() && !p.CPPM.IsZero() && p.FirstCoreGroup.Before(p.CPPM) {
		return &guidance.Error{Kind: guidance.Invalid, Field: "first_core_group", Hint: "the first Core Group cannot come before the CPPM"}
	}
	if !p.EndedByCPPM.IsZero() && p.Ended.IsZero() {
		return &guidance.Error{Kind: guidance.Invalid, Field: "ended_by_cppm", Hint: "give the date the plan ended (ended) as well"}
	}
	if (!p.Discharge.IsZero() || !p.PreDischargeMeeting.IsZero()) && !p.PreBirth {
		return &guidance.Error{Kind: guidance.Invalid, Field: "discharge", Hint: "discharge and pre_discharge_meeting belong to a pre-birth plan: set pre_birth"}
	}
	if n := len(p.Versions); n > 0 && p.Versions[n-1].Provisional != p.Provisional {
		return &guidance.Error{Kind: guidance.Invalid, Field: idx("versions", n-1) + ".provisional", Hint: "the latest version and the plan disagree on whether the plan is provisional"}
	}
	if !p.RecordSent.IsZero() && !p.CPPM.IsZero() && p.RecordSent.Before(p.CPPM) {
		return &guidance.Error{Kind: guidance.Invalid, Field: "record_sent", Hint: "the record of the plan cannot be sent before the CPPM that agreed it"}
	}
	for i, a := range p.Reflection {
		if _, ok := promptIndex(a.Prompt); !ok {
			return &guidance.Error{Kind: guidance.Invalid, Field: idx("reflection", i) + ".prompt",
				Hint: "use a prompt ID from plan.Prompts(), prompt.01 to prompt.17"}
		}
	}
	return nil
}

// Revise records a new version of the plan: it appends v to Versions and
// sets Provisional from it. The version needs a date no earlier than the
// last version's and a reason; otherwise Revise returns a *guidance.Error of
// kind Invalid and leaves the plan unchanged.
func (p *Plan) Revise(v Version) error {
	f := idx("versions", len(p.Versions))
	switch {
	case !v.Date.Valid():
		return &guidance.Error{Kind: guidance.Invalid, Field: f + ".date", Hint: "give the date of the new version, YYYY-MM-DD"}
	case len(p.Versions) > 0 && v.Date.Before(p.Versions[len(p.Versions)-1].Date):
		return &guidance.Error{Kind: guidance.Invalid, Field: f + ".date", Hint: "a new version cannot be dated before the last one"}
	case blank.Is(v.Reason):
		return &guidance.Error{Kind: guidance.Invalid, Field: f + ".reason", Hint: "record why the plan changed"}
	}
	p.Versions = append(p.Versions, v)
	p.Provisional = v.Provisional
	return nil
}

func validTerm(t Term) bool { return t == "" || t == Short || t == Medium || t == Long }

// Validate reports the first impossible value of an Interim Safety Plan.
func (p *InterimSafetyPlan) Validate() error {
	if err := validDate(p.IRD, "ird"); err != nil {
		return err
	}
	if !p.CPPM.IsZero() && !p.IRD.IsZero() && p.CPPM.Before(p.IRD) {
		return &guidance.Error{Kind: guidance.Invalid, Field: "cppm", Hint: "the CPPM cannot come before the IRD that started the interim safety plan"}
	}
	if p.NoHighRiskContexts && len(p.HighRiskContexts) > 0 {
		return &guidance.Error{Kind: guidance.Invalid, Field: "no_high_risk_contexts", Hint: "either list the high-risk contexts or record that none was identified, not both"}
	}
	return nil
}
