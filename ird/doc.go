// Package ird models the inter-agency referral discussion (IRD), the front
// door of child protection in Scotland's National Guidance for Child
// Protection, and checks an IRD as recorded against the guidance.
//
// # What it models
//
// Every concern that may indicate a risk of significant harm leads to an IRD
// (2021 guidance, paragraph 3.4), convened as soon as reasonably practicable
// (3.15) by police, social work or health, with all three taking part
// (3.23, 3.31). Outwith core hours the discussion may deal only with
// immediate protective actions; a more comprehensive IRD then follows,
// normally on the next working day (2023 Appendix D). The IRD is recorded
// (3.19): why and when it started, who took part, what was shared (on a
// lawful basis, 1.129) and what was decided: a child protection
// investigation or not, a Child Protection Planning Meeting (CPPM) or not
// and why (3.32, 3.35), immediate actions and emergency measures. Agencies
// work to an Interim Safety Plan from the IRD until the CPPM (3.39, 3.110);
// an exception to the 28 days within which the CPPM follows is agreed by
// the accountable senior manager, satisfied that the Interim Safety Plan is
// in place (3.38). The IRD closes on a recorded, reasoned inter-agency
// decision (3.32), and its record names the lead professional before
// closure (3.40).
//
// An [IRD] holds that record. [Facts] is what the rules read of a case: the
// date of the concern, the IRD, the Interim Safety Plan. [Checks] are the
// rules as check values of package engine; [Run] runs them on a pass and
// [Check] on a pass of its own. The 28 days to the initial CPPM are timed by
// package meeting, from the IRD's own dates.
//
// # Editions
//
// The rules cite the 2021 guidance, whose IRD section is paragraphs
// 3.15-3.47. The 2023 update renumbered Part 3 and its IRD paragraphs were
// not read: each 2023 provision says so (guidance.Provision.Unconfirmed)
// and cites the 2021 paragraph carried into it, and Appendix D where it has
// a row. The 2014 IRD section was not read: under 2014 the rules are not
// applicable.
//
// # Old case files
//
// A case file may give the IRD as a date alone ("ird": "2026-03-02"), the
// form before the record existed. [IRD.DateOnly] marks such a record: the
// rules that need the record's contents are not applicable to it, and say
// how to write the record, so an old case file checks as it did.
package ird
