// Package guidance holds Scotland's National Guidance for Child Protection as
// data: its editions, the strength of each requirement, citations to the
// paragraphs that state it, the catalogue of rules the library checks, and the
// findings and reports that checks produce.
//
// # Editions
//
// Three editions are modelled, and a case is always checked under exactly one
// of them:
//
//   - [Edition2023]: the 2021 guidance as updated in 2023, in force from
//     31 August 2023. The default.
//   - [Edition2021]: the 2021 guidance, version 1.0, in force from
//     1 September 2021.
//   - [Edition2014]: the 2014 guidance (meetings were then called Child
//     Protection Case Conferences), kept for historic cases.
//
// [InForce] picks the edition in force on a date. Nothing in the library blends
// editions: where they differ, each edition's rule is stored separately with
// its own citations.
//
// # Rules
//
// Every requirement the library checks is a [Rule] with a stable ID (for
// example "coregroup.first"), a title, and one [Provision] per edition that
// states it: the strength ([Must], [Should], [WherePossible], [May]) and the
// citations. IDs are append-only: once released they are never renamed or
// reused. [Rules] lists the whole catalogue; [Lookup] finds one rule.
//
// # Dates
//
// Statutory timescales count days, not instants, so the library works in civil
// dates: [Date] is a year, month and day with no time zone. It is defined here,
// at the bottom of the dependency graph, so that findings and editions can carry
// dates; package timescale re-exports it and adds the working-day calendar.
//
// # Findings and reports
//
// A check produces [Finding] values: the rule, the [Status] (met, pending,
// overdue, late, missing, ...), the due date, and a message saying what to do.
// A [Report] collects them; its Err method is nil when no must or should
// requirement is overdue, late or missing, so a test suite can write
//
//	require.NoError(t, report.Err())
//
// A report keeps its findings compactly and builds each Finding when it is
// read ([Report.All], [Report.At], [Report.Findings]); a finding's title and
// citations are the catalogue's own, read-only. Checkers record findings
// through a [Builder], by [Ref] (a rule as one edition states it).
//
// # Limits
//
// The catalogue paraphrases the guidance; it does not reproduce it. Where the
// guidance is silent or contradicts itself the library takes a named policy
// (see package timescale), never a hidden choice. Local Child Protection
// Committee procedures are not national guidance: figures that come only from
// them are cited with the source [Local].
package guidance
