// Package timescale computes the statutory timescales of Scotland's National
// Guidance for Child Protection on Scotland's working-day calendar, and
// explains every date it computes.
//
// # Dates and calendars
//
// [Date] is a civil date (it is [guidance.Date]). [Scotland] is the national
// working-day calendar: Monday to Friday less the Scottish bank holidays, built
// from github.com/rickar/cal/v2 holiday definitions and checked against the UK
// Government's published Scottish list. [Calendar.With] derives a calendar with
// a council's local holidays, a new proclamation or an office closure, without
// changing the national one. Calendars are immutable and safe for concurrent
// use; working-day arithmetic reads a bitmap of working days, built a decade
// at a time on first use, and never walks day by day between 1900 and 2199.
//
// # Timescales
//
// Every timescale of the guidance is data: a [Timescale] per rule and edition,
// with one or more [Reading] values (an amount of a [Unit] counted from an
// anchor [Event], with citations). Where the guidance states two limits that
// both bind, the earlier governs. Where the national sources disagree or
// leave a gap (the 2021 "15 days" and "five days" without a unit; what the
// initial CPPM's 28 days count from), a named
// [Policy] decides, by default the stricter reading, and the explanation says
// so. [Policies] lists them.
//
// # Deadlines
//
// [Due] returns a [Deadline]: the due date, the last working day on or before
// it, each reading with its anchor, result and the non-working days it
// skipped, the policies applied, the citations, and the whole explanation as
// text, built when it is read. [DueDate] gives the due date and the last
// working day alone, allocating nothing. [Owe] gives them as an [Owed]: a
// step owed, which keeps what it was counted from and builds the whole
// deadline when read ([Owed.Deadline]); cpguide.Check returns the steps a
// case owes so. [Deadline.Assess] turns a deadline into a
// [guidance.Finding] given the date the step was done and the date of the
// check ("today" is always an input, never the machine clock), honouring
// approved [Variation] values.
//
// # Local timescales
//
// A local Child Protection Committee's procedures may set a shorter
// timescale than the national guidance. Give it as a [LocalTimescale] in
// [Options].Local: it must count in the unit of a national reading and be
// strictly tighter (units are never mixed), it can only make a deadline
// earlier, and the explanation names it, its source (cited as LOCAL) and the
// national figure it tightens. [CheckLocal] checks a list of them against an
// edition.
//
// # Counting
//
// The guidance does not define its counting; the library's convention is the
// constant [Counting], stated in every explanation. A due date on a
// non-working day is never extended.
//
// # Limits
//
// National bank holidays are known from statute and proclamation; new one-off
// days are announced at short notice, so add them with [Calendar.With] rather
// than waiting for a release. Local holidays differ by council and are not in
// [Scotland].
package timescale
