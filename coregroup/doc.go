// Package coregroup models the Core Group of a Child Protection Plan and
// checks its record against Scotland's National Guidance for Child
// Protection (RULES.md section 5, and the Core Group timescale
// coregroup.refer-change of section 1).
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
// Each rule is a value of [Checks]: a catalogue rule bound to the function
// that checks it, run by package engine. [Check] applies them to a group
// and returns a guidance.Report with every finding:
//
//   - coregroup.coordinated-by-lead-professional, coregroup.partners,
//     coregroup.in-person, coregroup.regular-meetings,
//     coregroup.communication (each meeting's note or decisions shared with
//     all members and the family), coregroup.contingency-activated,
//     coregroup.escalation and (2023) coregroup.full-plan-at-first-meeting;
//   - coregroup.refer-change: each significant change referred within 3
//     calendar days of being identified (one finding per referral),
//     computed and explained by package timescale.
//
// A rule the chosen edition does not state is not checked: its finding is
// NotApplicable and says so (under 2014, every rule but
// coregroup.refer-change). The first meeting of the group
// (coregroup.first) is owed by the CPPM that decided the plan: package
// meeting checks it, from the group's CPPM and first meeting dates.
//
// [Deadlines] says what the group owes next (referrals not yet made), each
// deadline explaining how it was counted. [Run] is the same checks on a
// pass that cpguide.Check shares between packages.
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
