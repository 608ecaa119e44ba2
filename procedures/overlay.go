package procedures

import (
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/timescale"
)

// An Overlay is the older, simpler form of a council's procedures (a
// Profile is the full form): what a local Child Protection Committee or
// council adds to the national guidance: local non-working days, and local timescales
// shorter than the national ones. As JSON (see DecodeOverlay):
//
//	{
//	  "name": "Anytown CPC procedures 2026",
//	  "holidays": [
//	    {"date": "2026-04-06", "name": "Easter Monday", "source": "Anytown council local holidays 2026"}
//	  ],
//	  "timescales": [
//	    {"rule": "coregroup.first", "days": 10, "unit": "working", "source": "Anytown CPC procedures 2026, para 4.2"},
//	    {"rule": "cppm.review", "months": 3, "source": "Anytown CPC procedures 2026, para 6.1"}
//	  ]
//	}
type Overlay struct {
	// Name names the overlay, e.g. "Anytown council local holidays 2026".
	Name string `json:"name"`
	// Holidays are local non-working days (each with its name and source),
	// applied to the calendar with Calendar.With.
	Holidays []timescale.NonWorkingDay `json:"holidays"`
	// Timescales are local figures that tighten national timescales, in
	// every edition. Check refuses an overlay whose figure is not tighter
	// than the national timescale of the edition checked; see
	// timescale.LocalTimescale for how figures are compared and applied.
	Timescales []OverlayTimescale `json:"timescales,omitempty"`
}

// An OverlayTimescale is one local timescale of an Overlay: the rule it
// tightens, an amount of days (with their unit) or months, and where it
// comes from. Exactly one of Days and Months is given.
type OverlayTimescale struct {
	// Rule is the ID of a timescale rule, e.g. "coregroup.first".
	Rule string `json:"rule"`
	// Days is a number of days, counted in Unit: "working" or "calendar".
	Days *int   `json:"days,omitempty"`
	Unit string `json:"unit,omitempty"`
	// Months is a number of months (same day of the month, clamped).
	Months *int `json:"months,omitempty"`
	// Source is the local procedure and paragraph that sets the figure; it
	// is cited wherever the figure is used.
	Source string `json:"source"`
}

// local returns the figure as the timescale package takes it. field is its
// path, for errors.
func (t OverlayTimescale) local(field string) (timescale.LocalTimescale, error) {
	l := timescale.LocalTimescale{Rule: t.Rule, Source: t.Source}
	switch {
	case t.Rule == "":
		return l, invalid(field+".rule", "name the timescale rule the local figure tightens, e.g. coregroup.first")
	case strings.TrimSpace(t.Source) == "":
		return l, invalid(field+".source", "say where the local figure comes from: the procedures and paragraph")
	}
	var err error
	l.Amount, l.Unit, err = amount(t.Days, t.Months, t.Unit, field)
	return l, err
}

// LocalTimescales returns the overlay's timescales checked against the
// national timescales of edition e (see timescale.CheckLocal), ready for the
// Local option of the timescale, meeting, plan and coregroup packages. An
// error is a *guidance.Error whose Field is the overlay's JSON path at fault
// ("overlay.timescales[0].days") and whose Hint says what to fix; a figure
// that is not tighter than the national one is of kind Refused.
func (o *Overlay) LocalTimescales(e guidance.Edition) ([]timescale.LocalTimescale, error) {
	if o == nil || len(o.Timescales) == 0 {
		return nil, nil
	}
	out := make([]timescale.LocalTimescale, len(o.Timescales))
	for i, t := range o.Timescales {
		l, err := t.local(at("overlay.timescales", i))
		if err != nil {
			return nil, err
		}
		out[i] = l
	}
	if err := timescale.CheckLocal(out, e); err != nil {
		return nil, under("overlay", err)
	}
	return out, nil
}

// Calendar returns base with the overlay's holidays (Calendar.With, which
// reuses a calendar it built for the same holidays).
func (o *Overlay) Calendar(base *timescale.Calendar) (*timescale.Calendar, error) {
	name := o.Name
	if name == "" {
		name = "local overlay"
	}
	return base.With(name, o.Holidays...)
}

// maxOverlay bounds what DecodeOverlay reads.
const maxOverlay = 1 << 20

// DecodeOverlay reads an Overlay from JSON (see Overlay for the shape). It is
// strict: an unknown field, a wrong type or trailing data is an error, and so
// is a holiday without its date, name and source, or a timescale without its
// rule, amount (days with a unit, or months) and source, or with an amount
// out of bounds (1 to timescale.MaxLocalDays days, 1 to
// timescale.MaxLocalMonths months). Whether each
// timescale is tighter than the national one depends on the edition, so
// Check (or Overlay.LocalTimescales) decides that. Errors are
// *guidance.Error naming the JSON path at fault ("overlay.timescales[1].unit"),
// never quoting the input.
func DecodeOverlay(data []byte) (*Overlay, error) {
	if len(data) > maxOverlay {
		return nil, invalid("overlay", "an overlay file must be under 1 MiB")
	}
	o := &Overlay{}
	if err := strictjson.Decode(data, o); err != nil {
		return nil, under("overlay", err)
	}
	for i, d := range o.Holidays {
		if d.Date.IsZero() || d.Name == "" || d.Source == "" {
			return nil, invalid(at("overlay.holidays", i), "give the holiday's date, name and source")
		}
	}
	for i, t := range o.Timescales {
		if _, err := t.local(at("overlay.timescales", i)); err != nil {
			return nil, err
		}
	}
	return o, nil
}
