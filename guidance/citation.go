package guidance

import "strings"

// A Source is a document the library cites. Its value is a short tag used in
// citations and explanations.
type Source string

// The sources the catalogue cites. Tags are stable; new sources are added.
const (
	// S0 is the extract of Part 3 of the 2023 update covering the CPPM, the
	// Child Protection Plan, the Core Group and the prompts to reflection.
	S0 Source = "S0"
	// S3 is the extract covering the lead agency, the lead professional, the
	// Child Protection Plan and the record of the plan.
	S3 Source = "S3"
	// AD23 is Appendix D, "Timescales for stages in child protection
	// processes", of the 2021 guidance as updated in 2023.
	AD23 Source = "AD23"
	// G21 is the 2021 guidance, version 1.0, with its paragraph numbers.
	G21 Source = "G21"
	// G14 is the 2014 guidance, Appendix C (timescales), for historic cases.
	G14 Source = "G14"
	// Local is a figure found only in Child Protection Committee local
	// procedures, not confirmed in national text. The library ships such
	// figures as labelled defaults a user can override, never as national law.
	Local Source = "LOCAL"
)

var sourceTitles = map[Source]string{
	S0:    "National Guidance for Child Protection in Scotland 2021, updated 2023: Part 3 (CPPM, Child Protection Plan, Core Group, prompts to reflection)",
	S3:    "National Guidance for Child Protection in Scotland 2021, updated 2023: lead agency, lead professional and Child Protection Plan",
	AD23:  "National Guidance for Child Protection in Scotland 2021, updated 2023: Appendix D, Timescales for stages in child protection processes",
	G21:   "National Guidance for Child Protection in Scotland 2021, version 1.0 (September 2021)",
	G14:   "National Guidance for Child Protection in Scotland 2014, Appendix C: Timescales",
	Local: "Child Protection Committee local procedures (not national guidance; a default you may override)",
}

// Title returns the full title of the source, or the tag itself when unknown.
func (s Source) Title() string {
	if t, ok := sourceTitles[s]; ok {
		return t
	}
	return string(s)
}

// A Citation says where a requirement is stated: the source, the edition the
// paragraph numbering belongs to (numbers shift between 2021 and 2023), the
// paragraph or section, and optionally a note on how the source words it.
type Citation struct {
	Source    Source  `json:"source"`
	Edition   Edition `json:"edition,omitzero"`
	Paragraph string  `json:"paragraph,omitempty"`
	Note      string  `json:"note,omitempty"`
}

// String renders the citation as "G21 3.38" or "AD23 Appendix D (2023)".
func (c Citation) String() string {
	var b strings.Builder
	b.WriteString(string(c.Source))
	if c.Paragraph != "" {
		b.WriteByte(' ')
		b.WriteString(c.Paragraph)
	}
	if c.Edition != EditionUnset {
		b.WriteString(" (")
		b.WriteString(c.Edition.String())
		b.WriteString(" edition)")
	}
	if c.Note != "" {
		b.WriteString(": ")
		b.WriteString(c.Note)
	}
	return b.String()
}
