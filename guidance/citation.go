package guidance

import (
	"encoding/json"
	"strconv"
	"strings"
)

// A Source is a document the library cites. Its value is a short tag used in
// citations and explanations.
type Source string

// The sources the catalogue cites. Tags are stable; new sources are added.
const (
	// S0 is the extract this project was commissioned from on the CPPM, the
	// Child Protection Plan, the Core Group and the prompts to reflection:
	// LOCAL text, Highland Child Protection Committee's 2024 procedures
	// (based on the 2023 update, which they copy in places).
	S0 Source = "S0"
	// S3 is the extract on the lead agency, the lead professional, the Child
	// Protection Plan and the record of the plan: LOCAL text, North
	// Lanarkshire Child Protection Committee's 2023 procedures.
	S3 Source = "S3"
	// AD23 is Appendix D, "Timescales for stages in child protection
	// processes", of the 2021 guidance as updated in 2023.
	AD23 Source = "AD23"
	// G21 is the 2021 guidance, version 1.0, with its paragraph numbers.
	G21 Source = "G21"
	// G14 is the 2014 guidance, Appendix C (timescales), for historic cases.
	G14 Source = "G14"
	// CSWS is the Scottish Government's Children's Social Work Statistics,
	// the official statistics on child protection registrations: its
	// definitions (how time on the register is measured, which conferences
	// register and de-register) are national, though not guidance text.
	CSWS Source = "CSWS"
	// Local is a Child Protection Committee's local procedure, not national
	// guidance: its citation names the committee and the year
	// (Citation.Committee, Citation.Year). A national provision never rests
	// on a local source; local figures belong to a council's profile.
	Local Source = "LOCAL"
)

// National reports whether the source is national guidance (an edition's
// text or its appendix), not a council's local procedure. The extracts S0
// and S3 are local: Highland's and North Lanarkshire's procedures. CSWS,
// the national statistics' definitions, counts as national.
func (s Source) National() bool {
	switch s {
	case AD23, G21, G14, CSWS:
		return true
	}
	return false
}

var sourceTitles = map[Source]string{
	S0:    "Highland Child Protection Committee, inter-agency child protection procedures (2024, based on the 2023 national update): local procedure, not national guidance",
	S3:    "North Lanarkshire Child Protection Committee, child protection procedures (2023, based on the 2023 national update): local procedure, not national guidance",
	AD23:  "National Guidance for Child Protection in Scotland 2021, updated 2023: Appendix D, Timescales for stages in child protection processes",
	G21:   "National Guidance for Child Protection in Scotland 2021, version 1.0 (September 2021)",
	G14:   "National Guidance for Child Protection in Scotland 2014, Appendix C: Timescales",
	CSWS:  "Scottish Government, Children's Social Work Statistics: child protection (official statistics; definitions of registration, de-registration and time on the register; https://www.gov.scot/publications/childrens-social-work-statistics-2022-23-child-protection/pages/background-notes/)",
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
	// Committee and Year name a local procedure: the Child Protection
	// Committee that published it and the year (Source Local, S0 or S3).
	Committee string `json:"committee,omitempty"`
	Year      int    `json:"year,omitempty"`
}

// Kind is "national" for national guidance and "local" for a council's
// procedure (see Source.National).
func (c Citation) Kind() string {
	if c.Source.National() {
		return "national"
	}
	return "local"
}

// MarshalJSON encodes the citation with its fields and its kind
// ("national" or "local").
func (c Citation) MarshalJSON() ([]byte, error) {
	type fields Citation // no methods: avoids recursion
	return json.Marshal(struct {
		fields
		Kind string `json:"kind"`
	}{fields(c), c.Kind()})
}

// String renders the citation as "G21 3.38" or "AD23 Appendix D (2023)".
func (c Citation) String() string {
	var b strings.Builder
	b.WriteString(string(c.Source))
	if c.Committee != "" {
		b.WriteByte(' ')
		b.WriteString(c.Committee)
		if c.Year != 0 {
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(c.Year))
		}
		b.WriteString(" procedures")
		if c.Paragraph != "" {
			b.WriteByte(',')
		}
	}
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
