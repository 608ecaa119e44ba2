// Package procedures holds council procedure profiles: one Child Protection
// Committee's local procedures, named and dated, as data. A [Profile] adds to
// the national guidance, never replaces it:
//
//   - extra readings for national timescales, in any unit, each of which
//     must be provably tighter than the national reading it meets (the
//     earliest date across national and local readings governs, so a
//     profile can only tighten a deadline: see timescale.LocalTimescale);
//   - local timescales for steps the national text leaves open;
//   - local non-working days;
//   - local provisions for catalogue rules: the local text, cited as local
//     with the committee and year, with a strength never weaker than the
//     national one.
//
// Two profiles are bundled ([Bundled], [Lookup]): highland-2024 (Highland
// Child Protection Committee's 2024 inter-agency procedures) and
// north-lanarkshire-2023 (North Lanarkshire Child Protection Committee's 2023
// procedure). A profile is also a JSON or YAML file ([Decode], [DecodeYAML];
// schema/profile.schema.json), decoded strictly: errors name the JSON path at
// fault ("profile.timescales[0].days") and never quote the input.
//
// cpguide.Check applies a profile given in Options.Procedures: its holidays
// and timescales when counting, and its provisions on the findings
// ([Profile.Apply]: a local citation, and a stronger local strength).
//
// Limits: a profile applies to cases under the edition its procedures follow
// ([Profile].Edition).
package procedures
