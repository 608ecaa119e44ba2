package meeting_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/timescale"
)

func ptr[T any](v T) *T { return &v }

func d(s string) meeting.Date {
	v, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

var today = d("2026-05-01")

// findingOf returns the single finding of rule id in the report.
func findingOf(t *testing.T, r *guidance.Report, id string) guidance.Finding {
	t.Helper()
	var out []guidance.Finding
	for _, f := range r.Findings() {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	require.Len(t, out, 1, "rule %s", id)
	return out[0]
}

func TestCheck_CompliantMeetingHasNoBreaches(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		if len(fx.name) < 17 || fx.name[len(fx.name)-17:] != "initial-compliant" {
			continue
		}
		t.Run(fx.name, func(t *testing.T) {
			rep, err := meeting.Check(fx.meeting, fx.opts)
			require.NoError(t, err)
			require.NoError(t, rep.Err())
			for _, f := range rep.Findings() {
				require.False(t, f.Status.Failed(), f.String())
			}
		})
	}
}

// TestCheck_Rules is one or more cases per rule: each edits the compliant
// 2023 initial meeting and states the status the rule must then report.
func TestCheck_Rules(t *testing.T) {
	type tc struct {
		name string
		rule string
		edit func(m *meeting.Meeting, o *meeting.Options)
		want guidance.Status
	}
	none := func(*meeting.Meeting, *meeting.Options) {}
	inquorate := func(m *meeting.Meeting) {
		m.Quorum = meeting.Quorum{Decision: meeting.Inquorate, Reasons: "x", InterimSafetyPlan: true, NewDate: d("2026-04-01")}
	}
	earlier := func(kind meeting.Kind, held string, q meeting.QuorumDecision) meeting.Meeting {
		return meeting.Meeting{Kind: kind, Held: d(held), Quorum: meeting.Quorum{Decision: q, Reasons: "r"},
			Decisions: meeting.Decisions{PlanRequired: ptr(true), Register: ptr(true)}}
	}
	tests := []tc{
		// S0 / G21 3.131: core agencies.
		{"G21_3_131_CoreAgencies_AllPresent", "cppm.core-agencies", none, guidance.Met},
		{"G21_3_131_CoreAgencies_PoliceAbsent", "cppm.core-agencies", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Attendance = m.Attendance[:2]
		}, guidance.Missing},
		{"G21_3_131_CoreAgencies_InvolvedEducationAbsent", "cppm.core-agencies", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Attendance = m.Attendance[:3]
		}, guidance.Missing},
		{"G21_3_131_CoreAgencies_AttendanceNotRecordedIsUnknown", "cppm.core-agencies", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Attendance = nil
		}, guidance.Unknown},
		// S0 / G21 3.131: child and family.
		{"G21_3_131_Participation_ViewsNotRepresented", "cppm.child-family-participation", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Child.ViewsRepresented = false
		}, guidance.Missing},
		{"G21_3_131_Participation_NotInvitedWithoutReason", "cppm.child-family-participation", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Family[0].Participation = meeting.Participation{Mode: meeting.NotInvited}
		}, guidance.Missing},
		{"G21_3_131_Participation_FamilyNotRecordedIsUnknown", "cppm.child-family-participation", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Family = nil
		}, guidance.Unknown},
		{"G21_3_131_Participation_ModeNotRecordedIsUnknown", "cppm.child-family-participation", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Child.Mode = ""
		}, guidance.Unknown},
		// G21 3.160: parent exclusion.
		{"G21_3_160_Exclusion_Complete", "cppm.parent-exclusion", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Family[0].Participation = meeting.Participation{Mode: meeting.Excluded, Reason: "r", ViewsSought: true, ViewsRepresented: true, OutcomeToldBy: "p", OutcomeBy: d("2026-03-25")}
		}, guidance.Met},
		{"G21_3_160_Exclusion_NoNamedPerson", "cppm.parent-exclusion", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Family[0].Participation = meeting.Participation{Mode: meeting.Excluded, Reason: "r", ViewsSought: true, ViewsRepresented: true, OutcomeBy: d("2026-03-25")}
		}, guidance.Missing},
		{"G21_3_160_Exclusion_NoneIsNotApplicable", "cppm.parent-exclusion", none, guidance.NotApplicable},
		// G21 3.163: older child.
		{"G21_3_163_OlderChild_NoReason", "cppm.older-child-non-attendance", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Child.Reason = ""
		}, guidance.Missing},
		{"G21_3_163_OlderChild_AgeUnknown", "cppm.older-child-non-attendance", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Child.Older = nil
		}, guidance.Unknown},
		{"G21_3_163_YoungerChild_NotApplicable", "cppm.older-child-non-attendance", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Child.Older = ptr(false)
		}, guidance.NotApplicable},
		// S0: decisions.
		{"G21_3_132_DecisionRisk_NotRecorded", "cppm.decision-risk", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.RiskOfSignificantHarm = nil
		}, guidance.Missing},
		{"G21_3_132_DecisionRisk_NotYetHeldIsUnknown", "cppm.decision-risk", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Held, m.Record = meeting.Date{}, meeting.Record{}
		}, guidance.Unknown},
		{"G21_3_133_PlanMeansRegistration", "cppm.decision-plan-registration", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Register = ptr(false)
		}, guidance.Missing},
		{"G21_3_133_RegistrationMeansPlan", "cppm.decision-plan-registration", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.PlanRequired = ptr(false)
		}, guidance.Missing},
		{"G21_1_85_RiskWithoutPlan", "cppm.decision-plan-registration", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.PlanRequired, m.Decisions.Register = ptr(false), ptr(false)
		}, guidance.Missing},
		{"G21_3_133_PlanDecisionNotRecorded", "cppm.decision-plan-registration", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Register = nil
		}, guidance.Missing},
		{"G21_3_133_ReporterConsidered_NotRecorded", "cppm.reporter-considered", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{}
		}, guidance.Missing},
		{"G21_3_133_ReporterConsidered_AlreadyReferred", "cppm.reporter-considered", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{}
			m.Case.PriorReferral = d("2026-03-05")
		}, guidance.NotApplicable},
		{"G21_3_132_EmergencyMeasures_ImmediateRiskWithout", "cppm.emergency-measures", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.ImmediateRisk = ptr(true)
		}, guidance.Missing},
		{"G21_3_132_EmergencyMeasures_Taken", "cppm.emergency-measures", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.ImmediateRisk, m.Decisions.EmergencyMeasures = ptr(true), ptr(true)
		}, guidance.Met},
		{"G21_3_132_EmergencyMeasures_RiskUnrecorded", "cppm.emergency-measures", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.ImmediateRisk = nil
		}, guidance.Unknown},
		{"G21_3_134_InterimSafetyPlan_NotReviewed", "cppm.interim-safety-plan-reviewed", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.InterimSafetyPlanReviewed = ptr(false)
		}, guidance.Missing},
		{"G21_3_134_InterimSafetyPlan_2021Stated", "cppm.interim-safety-plan-reviewed", func(m *meeting.Meeting, o *meeting.Options) {
			o.Edition = guidance.Edition2021
			m.Decisions.InterimSafetyPlanReviewed = ptr(false)
		}, guidance.Missing},
		{"G21_3_142_PreBirth_NoNotifier", "cppm.pre-birth-birth-notifier", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind, m.PreBirth = meeting.PreBirth, &meeting.PreBirthFacts{ExpectedDelivery: d("2026-08-01"), AtBirth: "referral"}
		}, guidance.Missing},
		{"G21_3_142_PreBirth_Notifier", "cppm.pre-birth-birth-notifier", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind, m.PreBirth = meeting.PreBirth, &meeting.PreBirthFacts{ExpectedDelivery: d("2026-08-01"), BirthNotifier: "midwife", AtBirth: "referral"}
		}, guidance.Met},
		{"G21_3_133_ReferralContents_NoReasons", "reporter.referral-contents", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer, Sent: d("2026-03-24"), IncludesReasons: ptr(false)}
		}, guidance.Missing},
		{"G21_3_133_ReferralContents_Full", "reporter.referral-contents", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer, Sent: d("2026-03-24"), IncludesReasons: ptr(true), IncludesPlan: ptr(true), IncludesAssessment: ptr(true)}
		}, guidance.Met},
		// Quorum (LOCAL) and G21 3.158.
		{"Local_Quorum_NotRecorded", "cppm.quorum-recorded", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Quorum = meeting.Quorum{}
		}, guidance.Missing},
		{"Local_Quorum_NoReasons", "cppm.quorum-recorded", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Quorum.Reasons = ""
		}, guidance.Missing},
		{"Local_Quorum_QuorateWithoutSocialWork", "cppm.quorum-recorded", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Attendance = m.Attendance[1:]
		}, guidance.Missing},
		{"Local_Inquorate_NoInterimPlan", "cppm.inquorate-interim-plan", func(m *meeting.Meeting, _ *meeting.Options) {
			inquorate(m)
			m.Quorum.InterimSafetyPlan = false
		}, guidance.Missing},
		{"Local_Inquorate_NoNewDate", "cppm.inquorate-interim-plan", func(m *meeting.Meeting, _ *meeting.Options) {
			inquorate(m)
			m.Quorum.NewDate = meeting.Date{}
		}, guidance.Missing},
		{"Local_Inquorate_PlanAndDate", "cppm.inquorate-interim-plan", func(m *meeting.Meeting, _ *meeting.Options) { inquorate(m) }, guidance.Met},
		{"Local_InquorateProceeded_NoEarlyReview", "cppm.inquorate-proceeded", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Quorum = meeting.Quorum{Decision: meeting.Inquorate, Reasons: "x", Proceeded: true, ExceptionalReason: "delay would harm"}
		}, guidance.Missing},
		{"Local_InquorateProceeded_Complete", "cppm.inquorate-proceeded", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Quorum = meeting.Quorum{Decision: meeting.Inquorate, Reasons: "x", Proceeded: true, ExceptionalReason: "delay would harm", EarlyReviewArranged: true}
		}, guidance.Met},
		{"Local_InquorateTwice", "cppm.inquorate-not-twice", func(m *meeting.Meeting, o *meeting.Options) {
			inquorate(m)
			o.Previous = []meeting.Meeting{earlier(meeting.Initial, "2026-03-17", meeting.Inquorate)}
		}, guidance.Missing},
		{"Local_InquorateAfterQuorate", "cppm.inquorate-not-twice", func(m *meeting.Meeting, o *meeting.Options) {
			inquorate(m)
			o.Previous = []meeting.Meeting{earlier(meeting.Initial, "2026-03-17", meeting.Quorate)}
		}, guidance.Met},
		{"Local_InquorateReviewWithoutHistoryIsUnknown", "cppm.inquorate-not-twice", func(m *meeting.Meeting, _ *meeting.Options) {
			inquorate(m)
			m.Kind = meeting.Review
		}, guidance.Unknown},
		{"Local_LaterMeetingsIgnored", "cppm.inquorate-not-twice", func(m *meeting.Meeting, o *meeting.Options) {
			inquorate(m)
			o.Previous = []meeting.Meeting{earlier(meeting.Review, "2026-09-01", meeting.Inquorate)}
		}, guidance.Met},
		{"G21_3_158_InquorateEndsPlan", "cppm.inquorate-cannot-end-plan", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.Review
			m.Quorum = meeting.Quorum{Decision: meeting.Inquorate, Reasons: "x", Proceeded: true}
			m.Decisions.PlanRequired, m.Decisions.Register = ptr(false), ptr(false)
		}, guidance.Missing},
		{"G21_1_91_TransferEndsPlan", "cppm.transfer-cannot-end-plan", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.Transfer
			m.Decisions.Register = ptr(false)
		}, guidance.Missing},
		{"G21_1_91_TransferKeepsPlan", "cppm.transfer-cannot-end-plan", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.Transfer
		}, guidance.Met},
		{"G21_3_154_ReporterCountedForQuorum", "cppm.reporter-observer", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Reporter = &meeting.Reporter{Attended: true, CountedForQuorum: true}
		}, guidance.Missing},
		{"G21_3_154_ReporterObserved", "cppm.reporter-observer", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Reporter = &meeting.Reporter{Attended: true}
		}, guidance.Met},
		{"NoteTakerIsChair", "cppm.note-taker-not-chair", func(m *meeting.Meeting, _ *meeting.Options) {
			m.NoteTaker.Name = " ALEX chairperson "
		}, guidance.Missing},
		{"NoteTakerNotRecorded", "cppm.note-taker-not-chair", func(m *meeting.Meeting, _ *meeting.Options) {
			m.NoteTaker = meeting.Person{}
		}, guidance.Unknown},
		{"G21_3_165_RecordLacksDissent", "cppm.record-contents", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Record.Contents = m.Record.Contents[:8]
		}, guidance.Missing},
		{"G21_3_165_NoPlanNoPlanItems", "cppm.record-contents", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Record.Contents = m.Record.Contents[:9]
			m.Decisions.PlanRequired, m.Decisions.Register, m.Decisions.RiskOfSignificantHarm = ptr(false), ptr(false), ptr(false)
		}, guidance.Met},
		{"G21_1_85_ReportNotShared", "cppm.reports-shared", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Reports[0].SharedWithFamily = ptr(false)
		}, guidance.Missing},
		{"G21_1_85_ReportNotAccessible", "cppm.reports-shared", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Reports[1].Accessible = ptr(false)
		}, guidance.Missing},
		{"G21_1_85_ReportSharingUnrecorded", "cppm.reports-shared", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Reports[1].Accessible = nil
		}, guidance.Unknown},

		// Section 1 timescales.
		{"AD23_Notice_FiveCalendarDays", "cppm.notice", none, guidance.Met},
		{"AD23_Notice_FourDaysIsLate", "cppm.notice", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Invitations[4].Sent = d("2026-03-20")
		}, guidance.Late},
		{"AD23_Notice_NoDatesIsUnknown", "cppm.notice", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Convened, m.Invitations = meeting.Date{}, nil
		}, guidance.Unknown},
		{"G21_3_131_Notice_FiveWorkingDaysByDefault", "cppm.notice", func(m *meeting.Meeting, o *meeting.Options) {
			// 2026-03-18 (Wed) to 2026-03-24 (Tue) is 6 calendar days but
			// only 4 working days: late under the 2021 stricter reading.
			m.Invitations[4].Sent = d("2026-03-18")
			o.Edition = guidance.Edition2021
		}, guidance.Late},
		{"AD23_Initial_TwentyEightDays", "cppm.initial", none, guidance.Met},
		{"AD23_Initial_NotHeldOverdue", "cppm.initial", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Held, m.Record = meeting.Date{}, meeting.Record{}
		}, guidance.Overdue},
		{"AD23_Initial_NotHeldPending", "cppm.initial", func(m *meeting.Meeting, o *meeting.Options) {
			m.Held, m.Record = meeting.Date{}, meeting.Record{}
			o.Today = d("2026-03-20")
		}, guidance.Pending},
		{"AD23_Initial_NoTodayIsUnknown", "cppm.initial", func(m *meeting.Meeting, o *meeting.Options) {
			m.Held, m.Record = meeting.Date{}, meeting.Record{}
			o.Today = meeting.Date{}
		}, guidance.Unknown},
		{"AD23_Initial_NoAnchorIsUnknown", "cppm.initial", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Case = meeting.CaseFacts{}
		}, guidance.Unknown},
		{"AD23_Initial_LateUnderVariation", "cppm.initial", func(m *meeting.Meeting, o *meeting.Options) {
			m.Held = d("2026-04-02")
			o.Variations = []timescale.Variation{{Rule: "cppm.initial", NewDate: d("2026-04-03"), Approver: "a", Reason: "r", Recorded: d("2026-03-20")}}
		}, guidance.MetUnderVariation},
		{"AD23_PreBirth_28WeeksGoverns", "cppm.pre-birth", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.PreBirth
			m.Child = meeting.Child{}
			m.PreBirth = &meeting.PreBirthFacts{ExpectedDelivery: d("2026-06-01"), BirthNotifier: "m", AtBirth: "r"}
		}, guidance.Late},
		{"AD23_PreBirth_28DaysFromConcern", "cppm.pre-birth", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.PreBirth
			m.PreBirth = &meeting.PreBirthFacts{ExpectedDelivery: d("2026-09-01"), BirthNotifier: "m", AtBirth: "r"}
		}, guidance.Met},
		{"Local_Transfer_Late", "cppm.transfer", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.Transfer
			m.Case.MoveNotified = d("2026-01-05")
		}, guidance.Late},
		{"AD23_Reconvene_NewDateWithinTen", "cppm.reconvene", func(m *meeting.Meeting, _ *meeting.Options) { inquorate(m) }, guidance.Met},
		{"AD23_Reconvene_HeldLateAfterInquorate", "cppm.reconvene", func(m *meeting.Meeting, o *meeting.Options) {
			p := earlier(meeting.Initial, "2026-03-02", meeting.Inquorate)
			o.Previous = []meeting.Meeting{p}
		}, guidance.Late},
		{"Local_Reconvene_2014NotStated", "cppm.reconvene", func(m *meeting.Meeting, o *meeting.Options) {
			inquorate(m)
			o.Edition = guidance.Edition2014
		}, guidance.NotApplicable},
		{"AD23_Record_TenWorkingDays", "cppm.record", none, guidance.Met},
		{"AD23_Record_LateAcrossGoodFriday", "cppm.record", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Record.Circulated = d("2026-04-09")
		}, guidance.Late},
		{"G21_Record_NoNationalFigure", "cppm.record", func(_ *meeting.Meeting, o *meeting.Options) {
			o.Edition = guidance.Edition2021
		}, guidance.NotApplicable},
		// AD23 / G21 3.137: the first Core Group follows the first CPPM that
		// decided a plan. A meeting checked alone does not know the Core
		// Group, so the step is Unknown (the whole case reports it).
		{"AD23_CoreGroupFirst_UnknownAlone", "coregroup.first", none, guidance.Unknown},
		{"AD23_CoreGroupFirst_NotTheFirstPlanCPPM", "coregroup.first", func(m *meeting.Meeting, o *meeting.Options) {
			m.Kind = meeting.Review
			o.Previous = []meeting.Meeting{earlier(meeting.Initial, "2025-09-01", meeting.Quorate)}
		}, guidance.NotApplicable},
		{"PlanRecord2023_NoNationalFigure_NotApplicable", "plan.record", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Record.PlanCirculated = meeting.Date{}
		}, guidance.NotApplicable},
		{"PlanRecord2023_HighlandFiveWorkingDays_Overdue", "plan.record", func(m *meeting.Meeting, o *meeting.Options) {
			m.Record.PlanCirculated = meeting.Date{}
			o.Local = []timescale.LocalTimescale{{Rule: "plan.record", Amount: 5, Unit: timescale.WorkingDays,
				Source: "Highland Child Protection Committee 2024 procedures, Reaching decisions in the CPPM"}}
		}, guidance.Overdue},
		{"G21_3_168_PlanRecord_NoPlanNotApplicable", "plan.record", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.PlanRequired = ptr(false)
		}, guidance.NotApplicable},
		{"G21_3_133_ReporterReferral_SameDay", "reporter.referral", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer, Sent: d("2026-03-24")}
		}, guidance.Met},
		{"G21_3_133_ReporterReferral_NextWorkingDayPolicy", "reporter.referral", func(m *meeting.Meeting, o *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer, Sent: d("2026-03-25")}
			o.Policies = map[string]string{"reporter.referral.when": "next-working-day"}
		}, guidance.Met},
		{"G21_3_133_ReporterReferral_Overdue", "reporter.referral", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer}
		}, guidance.Overdue},
		{"Local_Review_SixMonthsAfterRegistration", "cppm.review", func(m *meeting.Meeting, o *meeting.Options) {
			m.Kind = meeting.Review
			o.Previous = []meeting.Meeting{earlier(meeting.Initial, "2025-09-30", meeting.Quorate)}
		}, guidance.Met},
		{"Local_Review_NoHistoryIsUnknown", "cppm.review", func(m *meeting.Meeting, _ *meeting.Options) {
			m.Kind = meeting.Review
		}, guidance.Unknown},
		{"Local_ReviewSubsequent_SkipsHaltedMeeting", "cppm.review-subsequent", func(m *meeting.Meeting, o *meeting.Options) {
			m.Kind = meeting.Review
			halted := earlier(meeting.Review, "2026-03-10", meeting.Inquorate)
			o.Previous = []meeting.Meeting{earlier(meeting.Review, "2025-09-01", meeting.Quorate), halted}
		}, guidance.Late},
		{"AD23_ReviewPreBirth_ThreeMonths", "cppm.review-pre-birth", func(m *meeting.Meeting, o *meeting.Options) {
			m.Kind = meeting.Review
			o.Previous = []meeting.Meeting{earlier(meeting.PreBirth, "2025-12-01", meeting.Quorate)}
		}, guidance.Late},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.rule] = true
		t.Run(tt.name, func(t *testing.T) {
			m := compliant(t)
			o := meeting.Options{Options: engine.Options{Today: today}}
			tt.edit(&m, &o)
			rep, err := meeting.Check(m, o)
			require.NoError(t, err)
			f := findingOf(t, rep, tt.rule)
			require.Equal(t, tt.want, f.Status, f.String())
			require.NotEmpty(t, f.Message)
			require.Len(t, rep.Findings(), len(meeting.RuleIDs()))
		})
	}
	// Every rule of the catalogue is exercised by a scenario under every
	// edition that states it (TestScenarios_CoverTheCatalogue, root
	// package): that is the one coverage gate, so a new rule needs its
	// scenario, not also a case here.
}

func TestCheck_EditionFromDateHeld(t *testing.T) {
	m := compliant(t)
	rep, err := meeting.Check(m, meeting.Options{})
	require.NoError(t, err)
	require.Equal(t, guidance.Edition2023, rep.Edition)

	m.Convened, m.Held = d("2022-03-10"), d("2022-03-24")
	m.Record = meeting.Record{}
	for i := range m.Invitations {
		m.Invitations[i].Sent = d("2022-03-10")
	}
	rep, err = meeting.Check(m, meeting.Options{})
	require.NoError(t, err)
	require.Equal(t, guidance.Edition2021, rep.Edition)
	for _, f := range rep.Findings() {
		require.Equal(t, guidance.Edition2021, f.Edition, "never blend editions: %s", f.Rule)
	}
}

func TestCheck_Errors(t *testing.T) {
	m := compliant(t)
	_, err := meeting.Check(meeting.Meeting{Kind: meeting.Initial}, meeting.Options{})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "held"}, err), "%v", err)

	bad := m
	bad.Kind = "strategy"
	_, err = meeting.Check(bad, meeting.Options{})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "kind"}, err))

	_, err = meeting.Check(m, meeting.Options{Previous: []meeting.Meeting{{Kind: "x"}}})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "previous[0].kind"}, err), "%v", err)

	_, err = meeting.Check(m, meeting.Options{Options: engine.Options{Edition: guidance.Edition(9)}})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition}, err))

	old := m
	old.Convened, old.Held, old.Record = d("2010-01-04"), d("2010-01-12"), meeting.Record{}
	old.Invitations = nil
	_, err = meeting.Check(old, meeting.Options{})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInForce}, err))
}

// TestCheck_UnknownPolicyChoiceIsAnError: a policy choice the policy does
// not offer is refused before anything is checked, naming the policy.
func TestCheck_UnknownPolicyChoiceIsAnError(t *testing.T) {
	m := compliant(t)
	_, err := meeting.Check(m, meeting.Options{Options: engine.Options{Today: today, Policies: map[string]string{"cppm.initial.anchor": "birthday"}}})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy, Field: "policies.cppm.initial.anchor"}, err), "%v", err)
}

func TestNext(t *testing.T) {
	m := compliant(t)
	dls, err := meeting.Next(m, meeting.Options{})
	require.NoError(t, err)
	var got []string
	for _, dl := range dls {
		got = append(got, dl.Rule+" "+dl.Due.String())
		require.NotEmpty(t, dl.Explanation())
	}
	// 2026-03-24 (Tuesday): first Core Group within 15 working days (AD23),
	// Good Friday skipped. The record and the record of the plan were
	// circulated (the fixture records both), so they are not owed.
	require.Equal(t, []string{
		"coregroup.first 2026-04-15",
		"cppm.review 2026-09-24",
	}, got)

	t.Run("RecordsNotCirculated", func(t *testing.T) {
		m := compliant(t)
		m.Record.Circulated, m.Record.PlanCirculated = meeting.Date{}, meeting.Date{}
		dls, err := meeting.Next(m, meeting.Options{})
		require.NoError(t, err)
		var got []string
		for _, dl := range dls {
			got = append(got, dl.Rule+" "+dl.Due.String())
		}
		// 10 working days skip Good Friday 2026-04-03.
		require.Equal(t, []string{"cppm.record 2026-04-08", "coregroup.first 2026-04-15", "cppm.review 2026-09-24"}, got)
	})

	t.Run("InquorateOnlyReconvene", func(t *testing.T) {
		m := compliant(t)
		m.Quorum = meeting.Quorum{Decision: meeting.Inquorate, Reasons: "r"}
		dls, err := meeting.Next(m, meeting.Options{})
		require.NoError(t, err)
		require.Len(t, dls, 1)
		require.Equal(t, "cppm.reconvene", dls[0].Rule)
		require.Equal(t, d("2026-04-08"), dls[0].Due)
	})
	t.Run("ReviewAndPreBirthReviews", func(t *testing.T) {
		for kind, want := range map[meeting.Kind]string{meeting.Review: "cppm.review-subsequent", meeting.PreBirth: "cppm.review-pre-birth", meeting.Transfer: "cppm.review"} {
			m := compliant(t)
			m.Kind = kind
			if kind == meeting.PreBirth {
				m.PreBirth = &meeting.PreBirthFacts{}
			}
			dls, err := meeting.Next(m, meeting.Options{})
			require.NoError(t, err)
			require.Equal(t, want, dls[len(dls)-1].Rule)
		}
	})
	t.Run("ReferralAndNoPlan2021", func(t *testing.T) {
		m := compliant(t)
		m.Decisions.PlanRequired, m.Decisions.Register = ptr(false), ptr(false)
		m.Decisions.Referral = meeting.Referral{Outcome: meeting.Refer}
		dls, err := meeting.Next(m, meeting.Options{Options: engine.Options{Edition: guidance.Edition2021}})
		require.NoError(t, err)
		require.Len(t, dls, 1, "2021 has no cppm.record figure; no plan means no plan deadlines")
		require.Equal(t, "reporter.referral", dls[0].Rule)
	})
	t.Run("NotHeld", func(t *testing.T) {
		m := compliant(t)
		m.Held, m.Record = meeting.Date{}, meeting.Record{}
		_, err := meeting.Next(m, meeting.Options{})
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "held"}, err))
		// Not held is the error, before the options and the earlier
		// meetings are looked at.
		m.Convened = meeting.Date{}
		bad := meeting.Options{Options: engine.Options{Today: meeting.Date{Year: 2026, Month: 2, Day: 30}, Policies: map[string]string{"no-such-policy": "x"}},
			Previous: []meeting.Meeting{{Kind: "strategy"}}}
		for _, o := range []meeting.Options{{}, bad} {
			_, err = meeting.Next(m, o)
			require.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "held"}, err), "got %v", err)
		}
		// An invalid meeting is still invalid first.
		m.Kind = "strategy"
		_, err = meeting.Next(m, meeting.Options{})
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "kind"}, err), "got %v", err)
	})
}
