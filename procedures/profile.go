package procedures

import (
	"embed"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/internal/yamljson"
	"github.com/cpguide/cpguide/timescale"
)

// A Profile is one Child Protection Committee's local procedures, named and
// dated. The zero value adds nothing.
type Profile struct {
	// Name identifies the profile, e.g. "highland-2024".
	Name string `json:"name"`
	// Committee is the Child Protection Committee that published the
	// procedures, e.g. "Highland Child Protection Committee".
	Committee string `json:"committee"`
	// Year is the year of the procedures.
	Year int `json:"year"`
	// Source is where the procedures are published (an address).
	Source string `json:"source"`
	// Edition is the national edition the procedures follow ("2023").
	// Their timescales tighten that edition's; for a case under another
	// edition they are left out (a 2024 procedure says nothing of 2014).
	Edition guidance.Edition `json:"edition"`
	// Holidays are local non-working days.
	Holidays []timescale.NonWorkingDay `json:"holidays,omitempty"`
	// Timescales are local timescales: tighter readings of national
	// timescales, or timescales for steps the national text leaves open.
	Timescales []Timescale `json:"timescales,omitempty"`
	// Provisions are the local text for catalogue rules.
	Provisions []Provision `json:"provisions,omitempty"`
}

// A Timescale is one local timescale: exactly one of Days (with Unit) and
// Months.
type Timescale struct {
	Rule   string `json:"rule"`
	Days   *int   `json:"days,omitempty"`
	Unit   string `json:"unit,omitempty"` // "working" or "calendar"
	Months *int   `json:"months,omitempty"`
	// Section names the part of the procedures that sets it.
	Section string `json:"section"`
	// Text says what the procedures ask, in a few words.
	Text string `json:"text"`
}

// A Provision is the local text for a catalogue rule.
type Provision struct {
	Rule string `json:"rule"`
	// Strength is the local strength; it may be stronger than the national
	// one, never weaker. Empty means the national strength.
	Strength string `json:"strength,omitempty"`
	Section  string `json:"section"`
	Text     string `json:"text"`
}

// Title names the procedures in explanations: "Highland Child Protection
// Committee 2024 procedures".
func (p *Profile) Title() string {
	return p.Committee + " " + strconv.Itoa(p.Year) + " procedures"
}

// Citation cites the profile's section as local text.
func (p *Profile) Citation(section, note string) guidance.Citation {
	return guidance.Citation{Source: guidance.Local, Paragraph: section, Note: note, Committee: p.Committee, Year: p.Year}
}

// maxProfile bounds what Decode reads.
const maxProfile = 1 << 20

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

func at(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// Decode reads a profile from JSON, strictly (see package doc), and checks
// it: names, dates, rules that exist, amounts in bounds, strengths never
// weaker than the national ones. Whether each timescale tightens the
// national one depends on the edition: [Profile.LocalTimescales] decides.
func Decode(data []byte) (*Profile, error) {
	if len(data) > maxProfile {
		return nil, invalid("profile", "a profile file must be under 1 MiB")
	}
	p := &Profile{}
	if err := strictjson.Decode(data, p); err != nil {
		return nil, prefix(err)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// DecodeYAML reads a profile from YAML, converted to JSON and decoded as
// [Decode] does; errors name the JSON path and the line.
func DecodeYAML(data []byte) (*Profile, error) {
	if len(data) > maxProfile {
		return nil, invalid("profile", "a profile file must be under 1 MiB")
	}
	js, root, err := yamljson.ToJSON(data)
	if err != nil {
		return nil, prefix(err)
	}
	p, err := Decode(js)
	if err != nil {
		return nil, yamljson.WithLine(root, err)
	}
	return p, nil
}

func prefix(err error) error { return under("profile", err) }

// under puts root (the document's name, "profile" or "overlay") in front of
// the JSON path a decoding error names.
func under(root string, err error) error {
	var ge *guidance.Error
	if !errors.As(err, &ge) {
		return &guidance.Error{Kind: guidance.Invalid, Field: root, Hint: "fix the " + root + " file", Err: err}
	}
	out := *ge
	switch f := ge.Field; {
	case f == "" || f == "input" || f == "(document)":
		out.Field = root
	case strings.HasPrefix(f, "["):
		out.Field = root + f
	default:
		out.Field = root + "." + f
	}
	return &out
}

// Validate checks what does not depend on the edition.
func (p *Profile) Validate() error {
	switch {
	case strings.TrimSpace(p.Name) == "":
		return invalid("profile.name", "name the profile, e.g. highland-2024")
	case strings.TrimSpace(p.Committee) == "":
		return invalid("profile.committee", "name the Child Protection Committee whose procedures these are")
	case p.Year < 1990 || p.Year > 2199:
		return invalid("profile.year", "give the year of the procedures, e.g. 2024")
	case strings.TrimSpace(p.Source) == "":
		return invalid("profile.source", "say where the procedures are published")
	case p.Edition == 0:
		return invalid("profile.edition", `name the national edition the procedures follow, e.g. "2023"`)
	}
	for i, d := range p.Holidays {
		if d.Date.IsZero() || !d.Date.Valid() || d.Name == "" || d.Source == "" {
			return invalid(at("profile.holidays", i), "give the holiday's date (YYYY-MM-DD), name and source")
		}
	}
	for i, t := range p.Timescales {
		if _, err := p.local(t, at("profile.timescales", i)); err != nil {
			return err
		}
		if slices.ContainsFunc(p.Timescales[:i], func(o Timescale) bool { return o.Rule == t.Rule }) {
			return invalid(at("profile.timescales", i)+".rule", "give one local timescale per rule: an earlier one names the same rule")
		}
	}
	for i, v := range p.Provisions {
		field := at("profile.provisions", i)
		r, err := guidance.Lookup(v.Rule)
		if err != nil {
			return &guidance.Error{Kind: guidance.UnknownRule, Field: field + ".rule", Hint: "name a rule of the catalogue (cpguide rules lists them)"}
		}
		if strings.TrimSpace(v.Section) == "" || strings.TrimSpace(v.Text) == "" {
			return invalid(field, "give the section of the procedures and what it says")
		}
		if v.Strength == "" {
			continue
		}
		var s guidance.Strength
		if err := s.UnmarshalText([]byte(v.Strength)); err != nil || s == guidance.StrengthUnset {
			return invalid(field+".strength", `use "must", "should", "where possible" or "may"`)
		}
		for _, n := range r.Provisions {
			if s > n.Strength && n.Strength != guidance.StrengthUnset {
				return &guidance.Error{Kind: guidance.Refused, Field: field + ".strength",
					Hint: "a local procedure can make a rule stronger, never weaker: the " + n.Edition.String() + " edition says " + n.Strength.String()}
			}
		}
	}
	return nil
}

// amount reads a local figure: days with their unit ("working" or
// "calendar"), or months (with no unit, or "months"), within the bounds
// timescale.LocalAmountHint sets. field is its path, for errors.
func amount(days, months *int, unit, field string) (int, timescale.Unit, error) {
	switch {
	case (days == nil) == (months == nil):
		return 0, 0, invalid(field, `give either "days" (with "unit") or "months"`)
	case days != nil && timescale.LocalAmountHint(timescale.CalendarDays, *days) != "":
		return 0, 0, invalid(field+".days", timescale.LocalAmountHint(timescale.CalendarDays, *days))
	case months != nil && timescale.LocalAmountHint(timescale.Months, *months) != "":
		return 0, 0, invalid(field+".months", timescale.LocalAmountHint(timescale.Months, *months))
	case months != nil && unit != "" && unit != "months":
		return 0, 0, invalid(field+".unit", `leave out the unit with "months", or use "days" with a unit`)
	case months != nil:
		return *months, timescale.Months, nil
	case unit == "working":
		return *days, timescale.WorkingDays, nil
	case unit == "calendar":
		return *days, timescale.CalendarDays, nil
	}
	return 0, 0, invalid(field+".unit", `say whether the days are "working" or "calendar" days`)
}

// local converts t; field is its path for errors.
func (p *Profile) local(t Timescale, field string) (timescale.LocalTimescale, error) {
	l := timescale.LocalTimescale{Rule: t.Rule, Committee: p.Committee, Year: p.Year}
	l.Source = p.Title()
	if t.Section != "" {
		l.Source += ", " + t.Section
	}
	switch {
	case t.Rule == "":
		return l, invalid(field+".rule", "name the timescale rule, e.g. coregroup.first")
	case strings.TrimSpace(t.Section) == "":
		return l, invalid(field+".section", "name the section of the procedures that sets the timescale")
	}
	var err error
	if l.Amount, l.Unit, err = amount(t.Days, t.Months, t.Unit, field); err != nil {
		return l, err
	}
	if _, err := guidance.Lookup(t.Rule); err != nil {
		return l, &guidance.Error{Kind: guidance.UnknownRule, Field: field + ".rule", Hint: "name a timescale rule of the catalogue (cpguide rules lists them)"}
	}
	return l, nil
}

// LocalTimescales returns the profile's timescales for edition e, checked
// against the national ones (timescale.CheckLocal): a figure that could be
// later than the national one on some date is refused (kind Refused) with
// its JSON path ("profile.timescales[0].days"). A timescale for a step with
// no national timescale in e sets that step's deadline alone.
func (p *Profile) LocalTimescales(e guidance.Edition) ([]timescale.LocalTimescale, error) {
	if p == nil || e != p.Edition {
		return nil, nil
	}
	out := make([]timescale.LocalTimescale, 0, len(p.Timescales))
	pos := make([]int, 0, len(p.Timescales))
	for i, t := range p.Timescales {
		l, err := p.local(t, at("profile.timescales", i))
		if err != nil {
			return nil, err
		}
		out = append(out, l)
		pos = append(pos, i)
	}
	if err := timescale.CheckLocal(out, e); err != nil {
		var ge *guidance.Error
		if errors.As(err, &ge) {
			// Renumber "timescales[k]" to the profile's own position.
			f := ge.Field
			if rest, ok := strings.CutPrefix(f, "timescales["); ok {
				if k, tail, ok := strings.Cut(rest, "]"); ok {
					if n, err := strconv.Atoi(k); err == nil && n < len(pos) {
						out := *ge
						out.Field = at("profile.timescales", pos[n]) + tail
						return nil, &out
					}
				}
			}
		}
		return nil, prefix(err)
	}
	return out, nil
}

// Calendar returns base with the profile's holidays.
func (p *Profile) Calendar(base *timescale.Calendar) (*timescale.Calendar, error) {
	if p == nil || len(p.Holidays) == 0 {
		return base, nil
	}
	return base.With(p.Title(), p.Holidays...)
}

// ProvisionsFor returns the profile's provisions for rule.
func (p *Profile) ProvisionsFor(rule string) []Provision {
	if p == nil {
		return nil
	}
	var out []Provision
	for _, v := range p.Provisions {
		if v.Rule == rule {
			out = append(out, v)
		}
	}
	return out
}

//go:embed profiles/*.json
var bundled embed.FS

// Names lists the bundled profiles.
func Names() []string { return []string{"highland-2024", "north-lanarkshire-2023"} }

// Lookup returns a bundled profile by name; an unknown name is a
// *guidance.Error of kind Invalid naming the known ones.
func Lookup(name string) (*Profile, error) {
	if !slices.Contains(Names(), name) {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "procedures", Hint: "bundled profiles: " + strings.Join(Names(), ", ") + "; or give a profile file"}
	}
	data, err := bundled.ReadFile("profiles/" + name + ".json")
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Apply adds the profile's provisions to a report: when the report is
// under the profile's edition, each finding of a rule the profile has a
// provision for cites the local text too (as local, with the committee and
// year), after its own citations, and takes the local strength where it is
// stronger. A report under another edition is left as it is. Sort the
// report again afterwards, since a stronger strength changes the order.
func (p *Profile) Apply(r *guidance.Report) {
	if p == nil || r.Edition != p.Edition || len(p.Provisions) == 0 {
		return
	}
	for _, v := range p.Provisions {
		var s guidance.Strength
		if v.Strength == "" || s.UnmarshalText([]byte(v.Strength)) != nil {
			s = guidance.StrengthUnset
		}
		r.Cite(v.Rule, p.Citation(v.Section, v.Text), s)
	}
}
