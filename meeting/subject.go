package meeting

import "github.com/cpguide/cpguide/engine"

// Subject names the meeting in findings, without personal data: its kind and
// its reference, e.g. "review CPPM M-0603" ("review CPPM" when it has no
// reference). Every finding about the meeting, and about the steps that
// follow it, carries this subject, so a variation can name the occurrence it
// covers (see timescale.Variation.Covers).
func (m Meeting) Subject() string {
	if m.Ref != "" {
		return string(m.Kind) + " CPPM " + m.Ref
	}
	return string(m.Kind) + " CPPM"
}

// subjectOn is Subject written in the pass's text (engine.Pass.Concat).
func (m Meeting) subjectOn(p *engine.Pass) string {
	if m.Ref != "" {
		return p.Concat(string(m.Kind), " CPPM ", m.Ref)
	}
	return p.Concat(string(m.Kind), " CPPM")
}
