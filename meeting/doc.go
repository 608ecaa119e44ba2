// Package meeting models Child Protection Planning Meetings (CPPMs) under
// Scotland's National Guidance for Child Protection, and checks a meeting
// record against the rules about convening, holding and recording one.
//
// # What it models
//
// A [Meeting] is one CPPM as a case system records it: its [Kind] (initial,
// pre-birth, review or transfer), the dates it was convened and held, the
// Chair and the note-taker, the invitations sent, attendance by [Agency],
// the Children's Reporter (an observer, never an agency or a decision-maker),
// the child's and each family member's [Participation], the reports received,
// the Chair's [Quorum] decision, the [Decisions] made, the [Record] and when
// it and the plan were circulated, and for a pre-birth meeting the expected
// date of delivery and who notifies the birth. Dates from the rest of the case
// that the meeting's timescales count from (the concern, the IRD, the decision
// to investigate, the notification of a move, an earlier referral to the
// Principal Reporter) are in [Meeting.Case], so a meeting record is
// self-contained JSON. [Decode] reads one strictly.
//
// # What it checks
//
// [Check] returns a [guidance.Report] with one finding for every rule in
// [RuleIDs]: the requirements of section 3 of the library's rule catalogue
// (core agencies, participation, exclusions, the decisions the meeting must
// make and how they must agree, emergency measures, quorum and what an
// inquorate meeting may and may not do, the Reporter as observer, the
// note-taker, the record's contents, reports shared) and the meeting
// timescales of section 1 (cppm.notice, cppm.initial, cppm.pre-birth,
// cppm.transfer, the review timescales, cppm.reconvene, cppm.record,
// plan.record, reporter.referral). Each finding takes its strength and
// citations from the catalogue for one edition, chosen in [Options] or by the
// date held; editions are never blended. Timescales are computed by package
// timescale and assessed with [timescale.Deadline.Assess], so they explain
// themselves and honour approved variations.
//
// The statuses follow one convention: a requirement the record satisfies is
// Met; one it shows was not satisfied (a decision absent, a prohibited
// decision taken, an item missing) is Missing; a fact the record does not
// hold is Unknown, never Met; a rule that does not apply, or that the edition
// does not state, is NotApplicable with a message saying why.
//
// [Next] lists the deadlines that follow a held meeting (record, plan record,
// first Core Group, next review, reconvening, referral) for a diary.
//
// # Limits
//
// Quorum is a judgement for the Chair. The library records the Chair's
// decision and reasons and checks them for consistency (a quorate meeting
// with no social work present is flagged, an inquorate one may not end a
// plan, two in a row are a breach); it never decides quorum itself.
// Likewise "older child" is left to the case system (the guidance sets no
// age). The library cannot see the record: it checks the list of contents
// the case system says the record holds.
//
// # Personal data
//
// Names, free-text reasons and the birth notifier are personal data. They
// never appear in errors or findings (findings identify family members by
// position, "family member 2"), and every type that holds them implements
// slog.LogValuer, logging only whether each was recorded.
package meeting
