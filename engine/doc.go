// Package engine is the one way a rule of the guidance is checked.
//
// A rule is a catalogue entry (package guidance) plus one [Check] value bound
// to it: the rule's ID and the function that checks it against one record of
// a case (a meeting, a plan, a Core Group, a register history). Packages
// meeting, plan, coregroup and register export their checks as values and
// run them through [Run]; cpguide.Check runs the very same values, so there
// is one check order and no second path to keep equal to the first. The
// engine knows nothing about any one rule, as the driver of
// golang.org/x/tools/go/analysis knows nothing about any one analyzer.
//
// A [Pass] carries what every check needs: the edition, the date of the
// check, the timescale options (calendar, policies, local figures), the
// approved variations, the findings sink and the steps still owed (each a
// timescale.Owed, whose explanation is built when read). A check reports
// through its pass and never names its rule: the pass knows which check is
// running, so a finding cannot be filed under the wrong rule.
//
// The engine treats a rule that the chosen edition does not state in one
// way, whoever owns the rule: the check does not run, and the record gets
// one [guidance.NotApplicable] finding that says so.
//
// # Cost
//
// A pass records findings compactly in a [guidance.Builder] and writes the
// text checks build (subjects, messages with lists) in blocks of its own
// that it never rewrites, so that reporting a finding allocates nothing;
// messages that are a template with numbers ([Pass.ReportNumbers]) or the
// assessment of a step done (Met, or Late without a variation) are built
// only when the finding is read. Passes come from a pool ([NewPass],
// [Pass.Release]); each check keeps its rule's references after its first
// run. A result holds the text blocks its messages are in.
package engine
