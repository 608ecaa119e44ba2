package coregroup

import (
	"github.com/cpguide/cpguide/internal/strictjson"
	"strconv"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/timescale"
)

// Date is a civil date; see [guidance.Date].
type Date = timescale.Date

// A Member is a practitioner in the Core Group. ID is a short label unique
// in the group (for example "sw1") that meetings' attendance refers to; Name
// is personal data and never appears in errors, findings or logs.
type Member struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Agency string `json:"agency"`
	Role   string `json:"role"`
	// LeadProfessional marks the plan's lead professional.
	LeadProfessional bool `json:"lead_professional,omitempty"`
}

// Members is the Core Group's members. Its LogValue logs each member
// redacted: slog does not resolve the LogValue of a slice's elements.
type Members []Member

// Relationship is a partner's relationship to the plan: "child", "parent" or
// "carer".
type Relationship string

// Relationships of partners.
const (
	Child  Relationship = "child"
	Parent Relationship = "parent"
	Carer  Relationship = "carer"
)

// A Partner is the child, a parent or a carer working with the Core Group in
// partnership. NotInvolved records why the partner is not involved, if so.
type Partner struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	Relationship Relationship `json:"relationship"`
	NotInvolved  string       `json:"not_involved,omitempty"`
}

// Partners is the Core Group's partners. Its LogValue logs each partner
// redacted.
type Partners []Partner

// Circumstances are how a family's circumstances went, as a Core Group
// meeting records it.
type Circumstances string

// The ways circumstances can go.
const (
	Deteriorated Circumstances = "deteriorated"
	Improved     Circumstances = "improved"
	Unchanged    Circumstances = "unchanged"
)

func (c Circumstances) valid() bool {
	return c == "" || c == Deteriorated || c == Improved || c == Unchanged
}

// A Meeting is one Core Group meeting.
type Meeting struct {
	Date Date `json:"date"`
	// InPerson is whether it was held in person; nil when not recorded.
	InPerson          *bool  `json:"in_person"`
	NotInPersonReason string `json:"not_in_person_reason,omitempty"`
	// Attendance lists the IDs of the members and partners present.
	Attendance []string `json:"attendance"`
	// ProgressMade is whether the meeting found the plan making progress;
	// nil when not recorded. Circumstances records how the family's
	// circumstances went: deteriorated, improved or unchanged (empty: not
	// recorded). No progress, or circumstances that deteriorated, call for
	// contingency plans (G21 3.137); an improvement does not.
	ProgressMade  *bool         `json:"progress_made,omitempty"`
	Circumstances Circumstances `json:"circumstances,omitempty"`
	// CircumstancesChanged is the older record of "a change of
	// circumstances", which does not say which way: a meeting that records
	// it and no Circumstances leaves coregroup.contingency-activated Unknown
	// until the record says whether they deteriorated or improved.
	CircumstancesChanged bool `json:"circumstances_changed,omitempty"`
	// FullPlanFormulated is whether the full plan was formulated at the
	// meeting (expected at the first one); nil when not recorded.
	FullPlanFormulated *bool `json:"full_plan_formulated,omitempty"`
	// DecisionsSharedWithMembers and DecisionsSharedWithFamily are whether
	// the note or decisions of the meeting were shared with all members and
	// with the child and family (rule coregroup.communication); nil when not
	// recorded.
	DecisionsSharedWithMembers *bool `json:"decisions_shared_with_members,omitempty"`
	DecisionsSharedWithFamily  *bool `json:"decisions_shared_with_family,omitempty"`
}

// Recipient is whom a change referral went to.
type Recipient string

// Recipients of a change referral. The 2023 edition allows the CPPM Chair or
// the lead professional; earlier editions name the Chair.
const (
	Chair            Recipient = "cppm-chair"
	LeadProfessional Recipient = "lead-professional"
)

// A ChangeReferral refers the need for a significant change in the plan:
// when the change or concern was identified, when it was referred (zero if
// not yet) and to whom.
type ChangeReferral struct {
	Identified Date      `json:"identified"`
	Referred   Date      `json:"referred,omitzero"`
	To         Recipient `json:"to,omitempty"`
}

// An Activation records a contingency plan activated on a date. Contingency
// is the index of the contingency in the plan, when known.
type Activation struct {
	Date        Date `json:"date"`
	Contingency *int `json:"contingency,omitempty"`
}

// Response is what the Core Group did about an escalating concern.
type Response string

// Responses to escalating concerns.
const (
	ImmediateResponse Response = "immediate-response"
	AdditionalSupport Response = "additional-support"
	ReviewCPPM        Response = "review-cppm"
)

// An Escalation is an escalating concern and the responses to it. A review
// CPPM requested records the date of the request.
type Escalation struct {
	Identified          Date       `json:"identified"`
	Responses           []Response `json:"responses"`
	ReviewCPPMRequested Date       `json:"review_cppm_requested,omitzero"`
}

// A CoreGroup is the Core Group of one child's Child Protection Plan as
// recorded.
type CoreGroup struct {
	// CPPM is the date of the CPPM that made the plan.
	CPPM Date `json:"cppm"`
	// Coordinator is the ID of the member who co-ordinates the group.
	Coordinator            string           `json:"coordinator"`
	Members                Members          `json:"members"`
	Partners               Partners         `json:"partners"`
	Meetings               []Meeting        `json:"meetings"`
	ChangeReferrals        []ChangeReferral `json:"change_referrals,omitempty"`
	ContingencyActivations []Activation     `json:"contingency_activations,omitempty"`
	Escalations            []Escalation     `json:"escalations,omitempty"`
}

// Decode reads a Core Group from JSON strictly: unknown fields, wrong types,
// impossible dates, unknown IDs and enumerations are a *guidance.Error of kind
// Invalid whose Field is the JSON path at fault (for example
// "meetings[1].attendance[0]"). Errors never quote the input.
func Decode(data []byte) (*CoreGroup, error) {
	var g CoreGroup
	if err := strictjson.Decode(data, &g); err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return &g, nil
}

func idx(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

func optDate(d Date, field string) error {
	if d.IsZero() || d.Valid() {
		return nil
	}
	return invalid(field, "give a real calendar date, YYYY-MM-DD")
}

// Validate reports the first impossible value as a *guidance.Error of kind
// Invalid naming its JSON path. Missing elements are findings, not errors.
func (g *CoreGroup) Validate() error {
	// Paths such as "meetings[1].date" are built only for the error
	// returned: Validate runs on every check and must not allocate for a
	// valid group.
	if err := optDate(g.CPPM, "cppm"); err != nil {
		return err
	}
	ids := newIDSet(len(g.Members) + len(g.Partners))
	leads := 0
	for i, m := range g.Members {
		if m.LeadProfessional {
			if leads++; leads > 1 {
				return invalid(idx("members", i)+".lead_professional", "only one member can be the lead professional")
			}
		}
		if blank.Is(m.ID) {
			return invalid(idx("members", i)+".id", "give each member a short ID unique in the group (e.g. \"sw1\")")
		}
		if ids.has(g, m.ID, i, 0) {
			return invalid(idx("members", i)+".id", "member and partner IDs must be unique")
		}
		ids.add(m.ID)
	}
	for i, p := range g.Partners {
		if blank.Is(p.ID) {
			return invalid(idx("partners", i)+".id", "give each partner a short ID unique in the group (e.g. \"c1\")")
		}
		if ids.has(g, p.ID, len(g.Members), i) {
			return invalid(idx("partners", i)+".id", "member and partner IDs must be unique")
		}
		ids.add(p.ID)
		switch p.Relationship {
		case Child, Parent, Carer:
		default:
			return invalid(idx("partners", i)+".relationship", `use "child", "parent" or "carer"`)
		}
	}
	if g.Coordinator != "" {
		found := false
		for _, m := range g.Members {
			found = found || m.ID == g.Coordinator
		}
		if !found {
			return invalid("coordinator", "give the ID of a member listed in members")
		}
	}
	for i, m := range g.Meetings {
		if !m.Date.Valid() {
			return invalid(idx("meetings", i)+".date", "give the date of the meeting, YYYY-MM-DD")
		}
		if !m.Circumstances.valid() {
			return invalid(idx("meetings", i)+".circumstances", "give deteriorated, improved or unchanged")
		}
		if !g.CPPM.IsZero() && m.Date.Before(g.CPPM) {
			return invalid(idx("meetings", i)+".date", "a Core Group meeting cannot come before the CPPM that made the plan")
		}
		if i > 0 && m.Date.Before(g.Meetings[i-1].Date) {
			return invalid(idx("meetings", i)+".date", "list meetings oldest first")
		}
		for j, a := range m.Attendance {
			if !ids.has(g, a, len(g.Members), len(g.Partners)) {
				return invalid(idx(idx("meetings", i)+".attendance", j), "give the ID of a member or partner")
			}
		}
	}
	for i, r := range g.ChangeReferrals {
		if !r.Identified.Valid() {
			return invalid(idx("change_referrals", i)+".identified", "give the date the change or concern was identified, YYYY-MM-DD")
		}
		if !r.Referred.IsZero() && !r.Referred.Valid() {
			return invalid(idx("change_referrals", i)+".referred", "give a real calendar date, YYYY-MM-DD")
		}
		if !r.Referred.IsZero() && r.Referred.Before(r.Identified) {
			return invalid(idx("change_referrals", i)+".referred", "a referral cannot come before the change was identified")
		}
		switch r.To {
		case "", Chair, LeadProfessional:
		default:
			return invalid(idx("change_referrals", i)+".to", `use "cppm-chair" or "lead-professional"`)
		}
	}
	for i, a := range g.ContingencyActivations {
		if !a.Date.Valid() {
			return invalid(idx("contingency_activations", i)+".date", "give the date the contingency was activated, YYYY-MM-DD")
		}
		if a.Contingency != nil && *a.Contingency < 0 {
			return invalid(idx("contingency_activations", i)+".contingency", "give the index of the contingency in the plan, from 0")
		}
	}
	for i, e := range g.Escalations {
		if !e.Identified.Valid() {
			return invalid(idx("escalations", i)+".identified", "give the date the concern was identified, YYYY-MM-DD")
		}
		if !e.ReviewCPPMRequested.IsZero() && !e.ReviewCPPMRequested.Valid() {
			return invalid(idx("escalations", i)+".review_cppm_requested", "give a real calendar date, YYYY-MM-DD")
		}
		for j, r := range e.Responses {
			switch r {
			case ImmediateResponse, AdditionalSupport, ReviewCPPM:
			default:
				return invalid(idx(idx("escalations", i)+".responses", j), `use "immediate-response", "additional-support" or "review-cppm"`)
			}
		}
	}
	return nil
}

// idSet answers whether an ID is already taken by a member or partner. A
// group of a few people is scanned in place; a large one is indexed in a map.
type idSet map[string]bool

func newIDSet(n int) idSet {
	if n > 32 {
		return make(idSet, n)
	}
	return nil
}

// has reports whether id is among the first members members and first
// partners partners of g (the ones added so far).
func (s idSet) has(g *CoreGroup, id string, members, partners int) bool {
	if s != nil {
		return s[id]
	}
	for _, m := range g.Members[:members] {
		if m.ID == id {
			return true
		}
	}
	for _, p := range g.Partners[:partners] {
		if p.ID == id {
			return true
		}
	}
	return false
}

func (s idSet) add(id string) {
	if s != nil {
		s[id] = true
	}
}
