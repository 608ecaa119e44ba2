// Package plan models the Interim Safety Plan and the Child Protection Plan
// of Scotland's National Guidance for Child Protection, and checks a plan as
// recorded against the guidance (RULES.md section 4).
//
// # What it models
//
// An [InterimSafetyPlan] is in force from the inter-agency referral
// discussion (IRD) until the Child Protection Planning Meeting (CPPM). A
// [Plan] is the Child Protection Plan agreed at the CPPM: the risks, the
// actions (each with the person and agency responsible, the risk it reduces
// or removes, its intended outcome and its timescale), the child's outcomes
// at short, medium and long term, the objectives with their SMARTER
// attributes recorded as data, the lead professional, the named Core Group,
// the contingencies, how the child and family were involved, whether the plan
// is provisional, and its versions over time. A pre-birth plan also names who
// notifies the birth.
//
// [Decode] and [DecodeInterim] read plans from JSON strictly: bad input is a
// *guidance.Error of kind Invalid naming the JSON path at fault. A plan
// changes over time: [Plan.Revise] records each new version with its date
// and reason.
//
// # What it checks
//
// Each rule is a value of [Checks] (the Child Protection Plan) or
// [InterimChecks] (the Interim Safety Plan): a catalogue rule bound to the
// function that checks it, run by package engine. [Check] applies them to a
// plan and returns a guidance.Report with a finding for each rule: the
// eight things the plan must do (plan.collaboration,
// plan.actions-linked-to-risk, plan.outcomes-current,
// plan.action-responsibility, plan.lead-professional, plan.core-group-named,
// plan.contingencies, plan.child-involvement), plan.objectives-smarter,
// plan.lead-professional-social-worker, plan.proportionate-interventions,
// plan.risks-considered, plan.in-place, plan.single-plan (the child's plan
// incorporates the Child Protection Plan), plan.provisional (a provisional
// plan gives way to the full plan at the first Core Group),
// plan.pre-birth-birth-notifier, and, for a pre-birth plan only, the
// timescale birth.pre-discharge, which package timescale computes and
// explains. The record of the plan (plan.record) is owed by the CPPM that
// agreed it: package meeting checks it. [CheckInterim] applies
// isp.contents. [Deadlines] says what the plan still owes (the pre-discharge
// meeting), each deadline explaining how it was counted. Each finding cites
// its source through the catalogue in package guidance and says what to
// fix. [Run] and [RunInterim] are the same checks on a pass that
// cpguide.Check shares between packages.
//
// Editions are never blended: a plan is checked under one edition, chosen in
// [Options] or taken from the date of the CPPM. The eight musts, the
// objectives and the lead professional rules are stated in the 2023 update
// and in the 2021 guidance (S3 keeps the 2021 wording: objectives SMART and
// regularly re-evaluated, where 2023 says SMARTER; under 2021 only the
// re-evaluation date is demanded). Their 2014 paragraphs are not yet
// confirmed. A rule the chosen edition does not state is not checked: its
// finding is NotApplicable and says so (under 2014, every rule of the plan).
//
// # The prompts to reflection
//
// The seventeen prompts to reflection on assessment and planning (national
// text: [PromptsCitation]) are
// questions, not requirements. [Prompts] lists them, a plan stores the
// answers, and [Reflect] shows which are unanswered. They never appear in a
// report and are never a breach.
//
// # Limits
//
// The library checks what the record can show: that a measure and a date
// are written down, that each action names a risk and a responsible person,
// that a contingency has a trigger and a response. It cannot tell whether an
// objective is attainable, an intervention proportionate, a contingency
// specific enough, the language plain, or the child truly heard. Where a
// requirement needs that judgement, the finding says so, and a Met finding
// means only that the record has what the check looks for. A rule that needs
// a fact the record lacks is Unknown, never Met.
//
// Names are personal data: they never appear in errors or findings, and the
// types that hold them implement slog.LogValuer with redaction.
package plan
