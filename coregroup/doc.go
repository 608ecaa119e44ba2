// Package coregroup models the Core Group of a Child Protection Plan and
// checks its record against Scotland's National Guidance for Child
// Protection (RULES.md section 5, and the Core Group timescales of section
// 1).
//
// # What it models
//
// A [CoreGroup] is the practitioners with direct, ongoing involvement with
// the child or family, who implement, monitor and review the plan in
// partnership with the child and parents: its members (each with agency and
// role, one of them the lead professional who co-ordinates the group), its
// partners (the child, parents and carers), its meetings (date, whether in
// person, attendance, whether progress is being made, whether the full plan
// was formulated), referrals of significant changes in the plan (when the
// change was identified, when and to whom it was referred), activations of
// contingency plans, and escalations (including a review CPPM requested).
// [Decode] reads one from JSON strictly; bad input is a *guidance.Error of
// kind Invalid naming the JSON path at fault.
//
// # What it checks
//
// [Check] returns a guidance.Report with every finding:
//
//   - coregroup.first: the first meeting within the edition's timescale of
//     the CPPM (2023: 14 calendar days or 15 working days by the sources;
//     the stricter by default, policy coregroup.first.reading), computed and
//     explained by package timescale;
//   - coregroup.refer-change: each significant change referred within 3
//     calendar days of being identified (one finding per referral);
//   - coregroup.coordinated-by-lead-professional, coregroup.partners,
//     coregroup.in-person, coregroup.communication (each meeting's note or
//     decisions shared with all members and the family),
//     coregroup.regular-meetings,
//     coregroup.contingency-activated, coregroup.escalation and (2023)
//     coregroup.full-plan-at-first-meeting.
//
// [Deadlines] says what the group owes next (the first meeting, referrals
// not yet made), each deadline explaining how it was counted.
//
// # Limits
//
// The guidance asks for judgement the record cannot show: whether
// communication between services is effective (not checked), whether a
// contingency was activated promptly enough, whether a response to an
// escalating concern was enough, whether a reason for meeting other than in
// person justified it. The library checks that the record has the facts and
// says in the finding what a person must still judge. It sets no interval
// for "regular" meetings (the guidance gives none): supply one from local
// procedures in [Options].MaxMeetingGap. A rule that needs a fact the record
// lacks is Unknown, never Met.
//
// Names are personal data: they never appear in errors or findings, and the
// types that hold them implement slog.LogValuer with redaction.
package coregroup
