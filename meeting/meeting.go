package meeting

import (
	"slices"

	"github.com/cpguide/cpguide/timescale"
)

// Date is a civil date; it is [timescale.Date] (= guidance.Date), JSON
// "2006-01-02".
type Date = timescale.Date

// Kind is the kind of CPPM: the four the national statistics count. Its text
// and JSON form is its name ("initial", "pre-birth", "review", "transfer").
type Kind string

// Kinds of CPPM.
const (
	Initial  Kind = "initial"   // the first CPPM after a child protection investigation
	PreBirth Kind = "pre-birth" // a CPPM about an unborn child
	Review   Kind = "review"    // a review of a child already on the register
	Transfer Kind = "transfer"  // held by the receiving authority after a permanent move
)

// Kinds lists the kinds of CPPM.
func Kinds() []Kind { return []Kind{Initial, PreBirth, Review, Transfer} }

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool { return slices.Contains(Kinds(), k) }

// Agency is an agency represented at a CPPM. The Children's Reporter is not an
// agency here: record the Reporter in [Meeting.Reporter], as an observer.
type Agency string

// Agencies.
const (
	SocialWork             Agency = "social-work"
	Health                 Agency = "health"
	Police                 Agency = "police"
	Education              Agency = "education"
	EarlyLearningChildcare Agency = "early-learning-childcare"
	OtherAgency            Agency = "other"
)

// CoreAgencies are the agencies every CPPM must include: social work, health
// and police.
func CoreAgencies() []Agency { return slices.Clone(coreAgencies[:]) }

// coreAgencies are the [CoreAgencies], which the checks read without a copy.
var coreAgencies = [...]Agency{SocialWork, Health, Police}

// Agencies lists every agency.
func Agencies() []Agency {
	return []Agency{SocialWork, Health, Police, Education, EarlyLearningChildcare, OtherAgency}
}

// Valid reports whether a is one of [Agencies].
func (a Agency) Valid() bool { return a.index() < agencyCount }

// agencyCount is the number of [Agencies].
const agencyCount = 6

// index returns a's place in [Agencies], or agencyCount for another
// value: a switch, which the compiler makes a search by length and bytes,
// rather than a comparison with each agency in turn.
func (a Agency) index() int {
	switch a {
	case SocialWork:
		return 0
	case Health:
		return 1
	case Police:
		return 2
	case Education:
		return 3
	case EarlyLearningChildcare:
		return 4
	case OtherAgency:
		return 5
	}
	return agencyCount
}

// Mode is how a child or family member took part in the meeting.
type Mode string

// Modes of participation. The empty Mode means not recorded.
const (
	Attended         Mode = "attended"          // took part in person (or by video or phone)
	ViewsRepresented Mode = "views-represented" // did not take part; views sought and brought to the meeting
	NotInvited       Mode = "not-invited"       // not invited, with reasons
	Excluded         Mode = "excluded"          // excluded by the Chair, with reasons
)

// Valid reports whether m is a known mode.
func (m Mode) Valid() bool {
	return m == Attended || m == ViewsRepresented || m == NotInvited || m == Excluded
}

// QuorumDecision is the Chair's decision on quorum. The library records it
// and checks it for consistency; it never decides quorum itself.
type QuorumDecision string

// Quorum decisions. The empty value means not recorded.
const (
	Quorate   QuorumDecision = "quorate"
	Inquorate QuorumDecision = "inquorate"
)

// ReferralOutcome is the CPPM's decision on a referral to the Principal
// Reporter.
type ReferralOutcome string

// Referral outcomes. The empty value means not recorded.
const (
	Refer       ReferralOutcome = "refer"        // a referral is required
	NotRequired ReferralOutcome = "not-required" // a referral is not required
)

// RecordItem is one of the essential contents of the record of a CPPM.
type RecordItem string

// Record contents (RULES.md section 3; G21 3.165).
const (
	ItemInvitees             RecordItem = "invitees"
	ItemAttendees            RecordItem = "attendees"
	ItemAbsentees            RecordItem = "absentees"
	ItemFamilyNonAttendance  RecordItem = "family-non-attendance-reasons"
	ItemReports              RecordItem = "reports-received"
	ItemRisksProtective      RecordItem = "risks-and-protective-factors"
	ItemViews                RecordItem = "child-and-parent-views"
	ItemDecisionsWithReasons RecordItem = "decisions-with-reasons"
	ItemDissent              RecordItem = "dissent"
	ItemPlanOutline          RecordItem = "plan-outline-with-contingencies"
	ItemLeadProfessional     RecordItem = "lead-professional"
	ItemCoreGroup            RecordItem = "core-group"
)

// RecordItems lists every essential item; the last three apply only where a
// Child Protection Plan is required.
func RecordItems() []RecordItem { return slices.Clone(recordItems[:]) }

var recordItems = [...]RecordItem{ItemInvitees, ItemAttendees, ItemAbsentees, ItemFamilyNonAttendance, ItemReports,
	ItemRisksProtective, ItemViews, ItemDecisionsWithReasons, ItemDissent, ItemPlanOutline,
	ItemLeadProfessional, ItemCoreGroup}

// index returns the place of i in RecordItems, or -1 if it is none of them.
func (i RecordItem) index() int {
	switch i { // RecordItems, in order: constants a switch compares fast
	case ItemInvitees:
		return 0
	case ItemAttendees:
		return 1
	case ItemAbsentees:
		return 2
	case ItemFamilyNonAttendance:
		return 3
	case ItemReports:
		return 4
	case ItemRisksProtective:
		return 5
	case ItemViews:
		return 6
	case ItemDecisionsWithReasons:
		return 7
	case ItemDissent:
		return 8
	case ItemPlanOutline:
		return 9
	case ItemLeadProfessional:
		return 10
	case ItemCoreGroup:
		return 11
	}
	return -1
}

func (i RecordItem) valid() bool { return i.index() >= 0 }

func (i RecordItem) planOnly() bool {
	return i == ItemPlanOutline || i == ItemLeadProfessional || i == ItemCoreGroup
}

// A Meeting is one CPPM as a case system records it. Every field is optional
// in JSON except kind; a fact left out is "not recorded", and a rule that
// needs it reports Unknown, never Met.
//
// Names (of the Chair, note-taker, invitees, attendees and family) and free
// text are personal data: they never appear in errors or findings, and
// Meeting and its parts implement slog.LogValuer, logging only whether each
// was recorded.
type Meeting struct {
	// Ref is the case system's reference for the meeting. It must not be
	// personal data: it is the only identifier findings may quote.
	Ref  string `json:"ref,omitempty"`
	Kind Kind   `json:"kind"`
	// Convened is the date the decision to convene was made and notified.
	Convened Date `json:"convened,omitzero"`
	// Held is the date the meeting took place; zero if it has not yet.
	Held      Date   `json:"held,omitzero"`
	Chair     Person `json:"chair,omitzero"`
	NoteTaker Person `json:"note_taker,omitzero"`
	// Invitations are the invitations sent; their dates decide the notice given.
	Invitations []Invitation `json:"invitations,omitempty"`
	// Involved lists the agencies currently working with the child and
	// family, each of which should be represented; the core agencies always are.
	Involved []Agency `json:"involved,omitempty"`
	// Attendance is who came, by agency. Nil means not recorded.
	Attendance []Attendee `json:"attendance,omitempty"`
	// Reporter records the Children's Reporter, who may attend only to observe.
	Reporter *Reporter `json:"reporter,omitempty"`
	Child    Child     `json:"child,omitzero"`
	// Family are the relevant family members. Nil means not recorded.
	Family  []FamilyMember `json:"family,omitempty"`
	Reports []Report       `json:"reports,omitempty"`
	Quorum  Quorum         `json:"quorum,omitzero"`
	// Decisions are what the meeting decided.
	Decisions Decisions `json:"decisions,omitzero"`
	Record    Record    `json:"record,omitzero"`
	// PreBirth holds what a pre-birth meeting needs.
	PreBirth *PreBirthFacts `json:"pre_birth,omitempty"`
	// Case gives the dates from the rest of the case that the meeting's
	// timescales count from.
	Case CaseFacts `json:"case,omitzero"`
}

// CaseFacts are dates from the rest of the case that a meeting's rules need.
type CaseFacts struct {
	Concern       Date `json:"concern,omitzero"`        // the concern was raised
	IRD           Date `json:"ird,omitzero"`            // the inter-agency referral discussion
	Investigation Date `json:"investigation,omitzero"`  // the decision to progress an investigation
	MoveNotified  Date `json:"move_notified,omitzero"`  // a transfer: the receiving authority learned of the move
	PriorReferral Date `json:"prior_referral,omitzero"` // a referral to the Principal Reporter already made
}

// A Person is someone with a role at the meeting. Name is personal data.
type Person struct {
	Name   string `json:"name,omitempty"`
	Role   string `json:"role,omitempty"` // job title or relationship, e.g. "CPPM Chair"
	Agency Agency `json:"agency,omitempty"`
}

// An Invitation is an invitation sent to a participant.
type Invitation struct {
	Invitee Person `json:"invitee"`
	Sent    Date   `json:"sent,omitzero"`
}

// An Attendee is someone who attended for an agency.
type Attendee struct {
	Name   string `json:"name,omitempty"`
	Role   string `json:"role,omitempty"`
	Agency Agency `json:"agency"`
}

// Reporter records the Children's Reporter's presence. The Reporter is an
// observer only: CountedForQuorum and TookPartInDecisions must stay false.
type Reporter struct {
	Attended            bool `json:"attended"`
	CountedForQuorum    bool `json:"counted_for_quorum,omitempty"`
	TookPartInDecisions bool `json:"took_part_in_decisions,omitempty"`
}

// Participation is how the child or a family member took part.
type Participation struct {
	Mode Mode `json:"mode,omitempty"`
	// Reason explains non-attendance, not inviting or exclusion. Free text:
	// personal data.
	Reason string `json:"reason,omitempty"`
	// ViewsSought and ViewsRepresented: their views were sought before the
	// meeting and represented at it.
	ViewsSought      bool `json:"views_sought,omitempty"`
	ViewsRepresented bool `json:"views_represented,omitempty"`
	// For an exclusion: the named person who will tell them the outcome
	// (personal data), and the date by which they will.
	OutcomeToldBy string `json:"outcome_told_by,omitempty"`
	OutcomeBy     Date   `json:"outcome_by,omitzero"`
}

// Child is the child's participation. Older says whether the case system
// counts the child as an older child whose non-attendance needs reasons (the
// guidance sets no age); nil means not recorded. It is not required for a
// pre-birth meeting.
type Child struct {
	Participation
	Older *bool `json:"older,omitempty"`
}

// A FamilyMember is a relevant family member. Name is personal data.
type FamilyMember struct {
	Name         string `json:"name,omitempty"`
	Relationship string `json:"relationship,omitempty"` // "mother", "father", "carer", ...
	Participation
}

// A Report is a report received for the meeting. SharedWithFamily and
// Accessible are nil when not recorded.
type Report struct {
	Agency           Agency `json:"agency"`
	Received         Date   `json:"received,omitzero"`
	SharedWithFamily *bool  `json:"shared_with_family,omitempty"`
	Accessible       *bool  `json:"accessible,omitempty"`
}

// Quorum is the Chair's quorum decision.
type Quorum struct {
	Decision QuorumDecision `json:"decision,omitempty"`
	Reasons  string         `json:"reasons,omitempty"` // free text
	// For an inquorate meeting that did not proceed: the interim safety plan
	// produced or the existing plan reviewed, and the date set to reconvene.
	InterimSafetyPlan bool `json:"interim_safety_plan,omitempty"`
	NewDate           Date `json:"new_date,omitzero"`
	// For an inquorate meeting the Chair let proceed exceptionally.
	Proceeded           bool   `json:"proceeded,omitempty"`
	ExceptionalReason   string `json:"exceptional_reason,omitempty"` // free text
	EarlyReviewArranged bool   `json:"early_review_arranged,omitempty"`
}

// inquorateHalted reports an inquorate meeting that did not proceed.
func (q Quorum) inquorateHalted() bool { return q.Decision == Inquorate && !q.Proceeded }

// Decisions are what the meeting decided. A nil pointer is a decision not
// recorded.
type Decisions struct {
	RiskOfSignificantHarm *bool `json:"risk_of_significant_harm,omitempty"`
	// PlanRequired: a co-ordinated multi-agency Child Protection Plan is
	// required. At a review, false ends the plan.
	PlanRequired *bool `json:"plan_required,omitempty"`
	// Register: the child is (or stays) on the register. At a review,
	// false de-registers.
	Register *bool `json:"register,omitempty"`
	// InterimSafetyPlanReviewed: the Interim Safety Plan was reviewed.
	InterimSafetyPlanReviewed *bool `json:"interim_safety_plan_reviewed,omitempty"`
	// ImmediateRisk: an immediate risk of significant harm was identified;
	// EmergencyMeasures: emergency measures were taken.
	ImmediateRisk     *bool `json:"immediate_risk,omitempty"`
	EmergencyMeasures *bool `json:"emergency_measures,omitempty"`
	// Referral is the decision on a referral to the Principal Reporter.
	Referral Referral `json:"referral,omitzero"`
}

// Referral is the decision on a referral to the Principal Reporter and, if
// one is made, when it was sent and what it held.
type Referral struct {
	Outcome ReferralOutcome `json:"outcome,omitempty"`
	// Decided is the date of the decision; zero means the meeting date.
	Decided Date `json:"decided,omitzero"`
	Sent    Date `json:"sent,omitzero"`
	// What the referral includes; nil is not recorded.
	IncludesReasons    *bool `json:"includes_reasons,omitempty"`
	IncludesPlan       *bool `json:"includes_plan,omitempty"`
	IncludesAssessment *bool `json:"includes_assessment,omitempty"`
}

// Record is the record of the meeting.
type Record struct {
	// Circulated is the date participants received the record of the CPPM.
	Circulated Date `json:"circulated,omitzero"`
	// PlanCirculated is the date they received the record of the agreed
	// Child Protection Plan.
	PlanCirculated Date `json:"plan_circulated,omitzero"`
	// Contents lists what the record holds. Nil means not recorded.
	Contents []RecordItem `json:"contents,omitempty"`
}

// PreBirthFacts are what a pre-birth meeting needs.
type PreBirthFacts struct {
	ExpectedDelivery Date `json:"expected_delivery,omitzero"`
	// BirthNotifier is who notifies the birth (a role or name: personal
	// data); AtBirth is what happens then (free text).
	BirthNotifier string `json:"birth_notifier,omitempty"`
	AtBirth       string `json:"at_birth,omitempty"`
}
