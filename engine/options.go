package engine

import (
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// Options are the options of every check: each package's Options embed
// them, so a case system sets them once. The zero value checks under the
// edition in force on the record's own date, with the date of the check
// unknown, the Scotland calendar and every policy's default.
type Options struct {
	// Edition is the edition to check under. The zero value means the
	// edition in force on the record's own date (see [Options.EditionOn]).
	// Editions are never blended.
	Edition guidance.Edition
	// Today is the date of the check, used to tell Pending from Overdue.
	// The zero value means unknown: a step not yet done is then Unknown.
	// The library never reads the machine clock.
	Today guidance.Date
	// Calendar decides working days; nil means timescale.Scotland().
	Calendar *timescale.Calendar
	// Policies chooses a named policy's reading instead of its default
	// (see timescale.Policies), e.g. {"cppm.initial.anchor": "ird"}.
	Policies map[string]string
	// Variations are the approved variations of timescales in this case.
	Variations []timescale.Variation
	// Local are a local Child Protection Committee's tighter timescales
	// (see timescale.LocalTimescale); a figure that is not tighter than the
	// national one is an error.
	Local []timescale.LocalTimescale
}

// Timescale returns the options timescale.Due takes.
func (o Options) Timescale() timescale.Options {
	return timescale.Options{Calendar: o.Calendar, Policies: o.Policies, Local: o.Local}
}

// EditionOn resolves the edition to check under: o.Edition when it is set,
// else the edition in force on the first of dates that is not zero. field
// names the record's date field, for the error when every date is zero.
//
// An edition that is not one of guidance.Editions is an error of kind
// guidance.UnknownEdition whose hint lists the editions there are.
func (o Options) EditionOn(field string, dates ...guidance.Date) (guidance.Edition, error) {
	if o.Edition != guidance.EditionUnset {
		if !o.Edition.Valid() {
			return 0, &guidance.Error{Kind: guidance.UnknownEdition, Field: "edition", Hint: EditionHint()}
		}
		return o.Edition, nil
	}
	for _, d := range dates {
		if !d.IsZero() {
			return guidance.InForce(d)
		}
	}
	return 0, &guidance.Error{Kind: guidance.MissingFact, Field: field,
		Hint: "give the " + field + " date, or choose an edition (" + EditionHint() + ")"}
}

// EditionHint lists the editions there are, from guidance.Editions: "use
// one of 2014, 2021, 2023".
func EditionHint() string {
	eds := guidance.Editions()
	names := make([]string, len(eds))
	for i, e := range eds {
		names[i] = e.String()
	}
	return "use one of " + strings.Join(names, ", ")
}

// PassOn checks the options and returns a new pass under the edition they
// choose, or else the edition in force on the first of dates that is not
// zero (field names the record's date field, for the error when every date
// is zero): the start of every package's own Check.
//
// The date of check must be a real date or zero, each variation must be
// valid, the policies known (timescale.CheckPolicies) and the local
// figures tighter than the national ones (timescale.CheckLocal). Errors are
// *guidance.Error naming the option at fault ("options.variations[1]").
func (o Options) PassOn(field string, dates ...guidance.Date) (*Pass, error) {
	if !o.Today.IsZero() && !o.Today.Valid() {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "options.today", Hint: "give a real date or leave it zero"}
	}
	for i, v := range o.Variations {
		if err := v.Validate(); err != nil {
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: "options.variations[" + strconv.Itoa(i) + "]", Hint: "fix the variation", Err: err}
		}
	}
	e, err := o.EditionOn(field, dates...)
	if err != nil {
		return nil, err
	}
	if err := timescale.CheckLocal(o.Local, e); err != nil {
		return nil, err
	}
	if err := timescale.CheckPolicies(o.Policies); err != nil {
		return nil, err
	}
	return NewPass(o, e), nil
}

// ValidatedPassOn is PassOn for a caller that has validated the records
// it will hand to the packages' Run functions: the pass is marked
// Validated, so that they do not validate them again.
func (o Options) ValidatedPassOn(field string, dates ...guidance.Date) (*Pass, error) {
	p, err := o.PassOn(field, dates...)
	if err == nil {
		p.Validated = true
	}
	return p, err
}
