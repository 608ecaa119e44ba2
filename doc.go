// Package cpguide checks the whole of one child's case against Scotland's
// National Guidance for Child Protection in one call.
//
// A Case holds the events of one child's case as a case system records them:
// the concern, the inter-agency referral discussion (IRD, and an out-of-hours
// IRD before it), the decision to investigate, the Interim Safety Plan, every
// Child Protection Planning Meeting (CPPM), the Child Protection Plan with its
// versions, the Core Group, approved variations of timescales, the child's
// history on the Child Protection Register, and for an unborn child the
// expected date of delivery and the discharge from hospital. Check picks one
// edition of the guidance (the one chosen in Options, or the one in force on
// the case's first event; editions are never blended), runs every applicable
// rule of packages ird, meeting, plan, coregroup and register (an initial
// CPPM not yet convened among them: package meeting owes it from the IRD's
// dates), and returns a Result: one guidance.Report with the findings
// sorted by urgency, the deadlines still owed with their explanations, and
// the approved variations that changed nothing.
//
//	res, err := cpguide.Check(c, cpguide.Options{Today: today})
//	if err != nil { /* bad input: a *guidance.Error naming the field */ }
//	require.NoError(t, res.Err()) // nil when nothing binding is overdue, late or missing
//
// "Today" is always an option: the library never reads the machine clock.
//
// # Case files
//
// A Case is also a JSON document (see the json tags, the sample cases in
// examples/cases and the JSON Schema in schema/case.schema.json), or YAML
// (DecodeCaseYAML; ReadCaseFile chooses by the file's extension).
// DecodeCase reads one strictly: an unknown field, a wrong type or an
// impossible date is a *guidance.Error of kind Invalid whose Field is the
// JSON path at fault, for example "meetings[1].held".
//
// # Scenarios
//
// A Scenario is a case, the options to check it with and the findings and
// deadlines it must produce: compliance tests as data, which any case system
// can run against its own behaviour. LoadScenario reads one and Scenario.Run
// checks it.
//
// # Local procedures
//
// An Overlay (Options.Overlay, DecodeOverlay) adds what a council or Child
// Protection Committee sets locally: holidays, and timescales strictly
// tighter than the national ones (a looser or equal figure is refused).
//
// # Limits
//
// Only what the national guidance states, plus an overlay's holidays and
// tighter timescales, is checked: a committee's other local rules are not
// modelled. Where the guidance sets no figure (the interval between Core
// Group meetings) the rule is Unknown unless the caller gives one
// (Options.MaxCoreGroupGap). Facts a case does not record are never
// guessed: the rules that need them report Unknown.
//
// # Personal data
//
// A case holds names, free text and a date of birth. None of it reaches
// errors or findings: findings name meetings by kind and reference, errors
// name JSON paths, never values. Case.ID must not be personal data.
package cpguide
