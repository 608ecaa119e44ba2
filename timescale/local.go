package timescale

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// A LocalTimescale is a shorter timescale that a local Child Protection
// Committee's procedures set for one rule, in every edition, e.g. the first
// Core Group within 10 working days of the CPPM. Give it to a computation in
// [Options].Local.
//
// A local procedure can tighten the national guidance, never loosen it. The
// library's policy for comparing the two (checked by [CheckLocal], and again
// by [Due] for the figure that applies):
//
//   - A figure must be provably tighter, whatever the anchor date: never
//     later (a deadline) or shorter (a notice) than the national reading it
//     tightens, for any anchor date and any weekends and holidays. In the
//     same unit (calendar days, working days or months) that means strictly
//     fewer (a deadline) or more (a notice): an equal figure adds nothing
//     and is refused as a mistake. Across units, only what holds for every
//     date is accepted: N calendar days tighten a deadline of M working days
//     when N <= M (M working days span at least M calendar days), and N
//     working days lengthen a notice of M calendar days when N >= M. Any
//     other mix (working days against calendar days for a deadline, days
//     against months) could be later on some dates and is refused.
//   - The rule must be a timescale rule. Where the edition checked states
//     no national timescale for the step (it has one in other editions),
//     the local figure alone sets the deadline, counted from the step's
//     usual anchor: see [Due].
//
// When the deadline is computed, the local figure counts from the anchor of
// each reading it tightens. If the national reading that governs is one of
// them, its local counterpart applies; otherwise (the national date comes
// from a reading in another unit) the earliest local date does, unless only
// the governing reading applies to the case (the 2014 pre-birth rule, whose
// late-notification reading applies only after a late notification, or a
// policy choice of one reading): then the figure is not weighed, and
// [LocalApplied].NotApplicable says so. The deadline
// is the earlier of that local date and the national one, so a local figure
// can never make a deadline later, even where 10 working days run past 14
// calendar days over a holiday. The explanation states the local figure, its
// source and the national figure it tightens, and the deadline cites the
// local source (tag LOCAL).
type LocalTimescale struct {
	// Rule is the ID of a timescale rule, e.g. "coregroup.first".
	Rule string `json:"rule"`
	// Amount is the number of Unit (CalendarDays, WorkingDays or Months).
	Amount int  `json:"amount"`
	Unit   Unit `json:"unit"`
	// Source is where the figure comes from, e.g. "Anytown CPC procedures
	// 2026, para 4.2". It is cited wherever the figure is used.
	Source string `json:"source"`
	// Committee and Year name the Child Protection Committee whose
	// procedures set the figure, when known (a council procedure profile
	// sets them); the citation carries them.
	Committee string `json:"committee,omitempty"`
	Year      int    `json:"year,omitempty"`
}

// String describes the figure: "10 working days (Anytown CPC procedures
// 2026, para 4.2)".
func (l LocalTimescale) String() string {
	return strconv.Itoa(l.Amount) + " " + l.Unit.String() + " (" + l.Source + ")"
}

// amountField is the overlay field that holds the amount.
func (l LocalTimescale) amountField() string {
	if l.Unit == Months {
		return ".months"
	}
	return ".days"
}

// citation is how deadlines cite the figure.
func (l LocalTimescale) citation() guidance.Citation {
	// A profile's figure names its committee and year in the citation's
	// own fields: the note keeps only the part of the procedures.
	note := l.Source
	if l.Committee != "" {
		note = strings.TrimPrefix(note, l.Committee+" "+strconv.Itoa(l.Year)+" procedures, ")
	}
	return guidance.Citation{Source: guidance.Local, Note: note, Committee: l.Committee, Year: l.Year}
}

// LocalApplied records a local figure weighed in a deadline.
type LocalApplied struct {
	LocalTimescale
	// National is the national figure it tightens, e.g. "15 working days
	// after the CPPM [AD23 Appendix D (2023 edition)]".
	National string `json:"national"`
	// Governs is set when the local date is the deadline; otherwise the
	// national date was already earlier, or the figure does not apply.
	Governs bool `json:"governs"`
	// NotApplicable is set when the figure tightens only readings that do
	// not apply to this case: the 2014 pre-birth late-notification reading
	// when the notification was not late, or a reading other than the one a
	// policy chose. It is then not weighed, and the national date governs.
	NotApplicable bool `json:"not_applicable,omitempty"`
}

// CheckLocal checks local figures against the national timescales of edition
// e under the policy of [LocalTimescale]. The error is a *guidance.Error
// whose Field names the figure by position ("timescales[1].unit") and whose
// Hint says what to fix: UnknownRule for an ID not in the catalogue,
// NotInEdition for a rule with no timescale in e (or none at all), Refused
// for a figure in another unit or not tighter than the national one, and
// Invalid for a missing source, an amount out of bounds (see
// [LocalAmountHint]), an unusable unit, or a second figure for the same rule.
func CheckLocal(local []LocalTimescale, e guidance.Edition) error {
	for i, l := range local {
		if slices.ContainsFunc(local[:i], func(o LocalTimescale) bool { return o.Rule == l.Rule }) {
			return localError(guidance.Invalid, i, ".rule", "give one local figure per rule: an earlier figure names the same rule")
		}
		t, err := find(l.Rule, e)
		if err != nil && openStep(err) && stated(l.Rule, e) {
			// A step the edition leaves open: the local figure sets it.
			if err := checkLocalOnly(l, i); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return localRuleError(i, l.Rule, e, err)
		}
		if err := t.checkLocal(l, i); err != nil {
			return err
		}
	}
	return nil
}

func localError(kind guidance.Kind, i int, field, hint string) error {
	return &guidance.Error{Kind: kind, Field: "timescales[" + strconv.Itoa(i) + "]" + field, Hint: hint}
}

func localRuleError(i int, rule string, e guidance.Edition, err error) error {
	ge, _ := err.(*guidance.Error)
	switch {
	case ge != nil && ge.Kind == guidance.UnknownRule:
		// The ID is not quoted, nor the error that would quote it: it may
		// be anything typed into the overlay.
		return &guidance.Error{Kind: guidance.UnknownRule, Field: "timescales[" + strconv.Itoa(i) + "].rule",
			Hint: "name a timescale rule of the catalogue (cpguide rules lists them)"}
	case ge != nil && ge.Field == "rule":
		return &guidance.Error{Kind: guidance.NotInEdition, Field: "timescales[" + strconv.Itoa(i) + "].rule",
			Hint: rule + " is not a timescale rule: a local figure can only tighten a timescale", Err: err}
	}
	return &guidance.Error{Kind: guidance.NotInEdition, Field: "timescales[" + strconv.Itoa(i) + "].rule",
		Hint: rule + " has no national timescale in the " + e.String() + " edition, so there is nothing to tighten: leave it out of the overlay used for cases under that edition", Err: err}
}

// checkLocal checks figure l (at position i of the overlay) against t.
func (t *Timescale) checkLocal(l LocalTimescale, i int) error {
	switch {
	case strings.TrimSpace(l.Source) == "":
		return localError(guidance.Invalid, i, ".source", "say where the local figure comes from, e.g. the procedures and paragraph")
	case l.Unit != CalendarDays && l.Unit != WorkingDays && l.Unit != Months:
		return localError(guidance.Invalid, i, ".unit", `use "calendar" or "working" days, or months`)
	}
	if hint := LocalAmountHint(l.Unit, l.Amount); hint != "" {
		return localError(guidance.Invalid, i, l.amountField(), hint)
	}
	tightens := 0
	for _, r := range t.Readings {
		switch {
		case r.Unit == l.Unit:
			tightens++
			if !tighter(t.Direction, l.Amount, r.Amount) {
				want := "fewer than " + strconv.Itoa(r.Amount)
				if t.Direction == Notice {
					want = "more than " + strconv.Itoa(r.Amount)
				}
				return localError(guidance.Refused, i, l.amountField(), "a local procedure can only tighten the national timescale, not loosen it or repeat it: "+
					t.Rule+" in the "+t.Edition.String()+" edition is "+Computed{Reading: r}.describe(t.Direction, r.Anchor.Title())+" ("+joinCitations(r.Citations)+"); give "+want+" "+l.Unit.String())
			}
		case crossUnit(t.Direction, l.Unit, r.Unit):
			if !crossTighter(t.Direction, l.Amount, r.Amount) {
				want := "at most " + strconv.Itoa(r.Amount)
				if t.Direction == Notice {
					want = "at least " + strconv.Itoa(r.Amount)
				}
				return localError(guidance.Refused, i, l.amountField(), "a local figure in "+l.Unit.String()+" is accepted against the national "+
					Computed{Reading: r}.describe(t.Direction, r.Anchor.Title())+" ("+joinCitations(r.Citations)+") only when it can never give a looser date: give "+want+" "+l.Unit.String())
			}
			tightens++
		}
	}
	if tightens == 0 {
		units := make([]string, 0, len(t.Readings))
		for _, r := range t.Readings {
			if u := r.Unit.String(); !slices.Contains(units, u) && r.Unit != GestationWeeks {
				units = append(units, u)
			}
		}
		return localError(guidance.Refused, i, ".unit", t.Rule+" in the "+t.Edition.String()+" edition counts in "+strings.Join(units, " or ")+
			": give the local figure in that unit, or in calendar days against working days (the library accepts a figure only where it is tighter whatever the weekends and holidays of the case)")
	}
	return nil
}

// crossUnit reports whether a local figure in unit lu can be proven tighter
// than a national reading in another unit nu, for some amounts: calendar
// days against working days for a deadline, working days against calendar
// days for a notice.
func crossUnit(dir Direction, lu, nu Unit) bool {
	if dir == Notice {
		return lu == WorkingDays && nu == CalendarDays
	}
	return lu == CalendarDays && nu == WorkingDays
}

// crossTighter reports whether a cross-unit figure (see crossUnit) is never
// looser than the national one: N calendar days end no later than N <= M
// working days; N working days of notice start no later than N >= M calendar
// days.
func crossTighter(dir Direction, local, national int) bool {
	if dir == Notice {
		return local >= national
	}
	return local <= national
}

// covers reports whether local figure l tightens national reading r: the
// same unit, or a cross-unit figure checkLocal accepted.
func covers(dir Direction, l LocalTimescale, r Reading) bool {
	return r.Unit == l.Unit || crossUnit(dir, l.Unit, r.Unit)
}

// Bounds of a local figure's amount. Every national timescale, and every
// notice period, is shorter than a year, so a figure outside these bounds is
// a typing mistake; zero is refused too, since a deadline on the day of its
// anchor event is not a timescale a local procedure sets.
const (
	MinLocalAmount = 1
	MaxLocalDays   = 366 // calendar or working days
	MaxLocalMonths = 24
)

// LocalAmountHint returns what to fix about a local figure's amount of unit
// u (CalendarDays, WorkingDays or Months), or "" when it is within bounds:
// MinLocalAmount to MaxLocalDays days, or MinLocalAmount to MaxLocalMonths
// months. [CheckLocal] and the overlay decoder of package cpguide both use
// it, so the bounds are the same wherever a figure is read.
func LocalAmountHint(u Unit, amount int) string {
	limit, what := MaxLocalDays, "days"
	if u == Months {
		limit, what = MaxLocalMonths, "months"
	}
	if amount >= MinLocalAmount && amount <= limit {
		return ""
	}
	return "give a whole number of " + what + " from " + strconv.Itoa(MinLocalAmount) + " to " + strconv.Itoa(limit) +
		": a local figure tightens a national timescale, and none is zero or longer than that"
}

// tighter reports whether a local amount asks more than a national one: an
// earlier deadline, or a longer notice.
func tighter(dir Direction, local, national int) bool {
	if dir == Notice {
		return local > national
	}
	return local < national
}

// localFor returns the figure of local that names rule and its position, or
// -1.
func localFor(local []LocalTimescale, rule string) (LocalTimescale, int) {
	for i, l := range local {
		if l.Rule == rule {
			return l, i
		}
	}
	return LocalTimescale{}, -1
}
