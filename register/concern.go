package register

import (
	"slices"

	"github.com/cpguide/cpguide/guidance"
)

// A Concern is one area of concern that a CPPM may record at registration.
// Codes are stable; labels may be reworded.
type Concern struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// A ConcernList is a versioned list of areas of concern: reference data,
// not law. The national statistics' list has changed over time; a
// registration stores the version of the list its codes come from, so old
// records keep their meaning. Extend a list with [ConcernList.With].
type ConcernList struct {
	Version  string    `json:"version"`
	Note     string    `json:"note,omitempty"`
	Concerns []Concern `json:"concerns"`
}

// Has reports whether the list has a concern with the code.
func (l ConcernList) Has(code string) bool {
	return slices.ContainsFunc(l.Concerns, func(c Concern) bool { return c.Code == code })
}

// With returns a new list, labelled version, with the extra concerns added
// (a local addition, or a later statistics release). The receiver is not
// changed. A code already in the list is an Invalid error.
func (l ConcernList) With(version string, extra ...Concern) (ConcernList, error) {
	if version == "" || version == l.Version {
		return ConcernList{}, &guidance.Error{Kind: guidance.Invalid, Field: "version", Value: version, Hint: "an extended list needs a new version label"}
	}
	out := ConcernList{Version: version, Note: "extends " + l.Version, Concerns: slices.Clone(l.Concerns)}
	for _, c := range extra {
		if c.Code == "" || out.Has(c.Code) {
			return ConcernList{}, &guidance.Error{Kind: guidance.Invalid, Field: "concerns.code", Value: c.Code, Hint: "codes must be non-empty and unique"}
		}
		out.Concerns = append(out.Concerns, c)
	}
	return out, nil
}

// Concern lists shipped with the library.
var (
	// ConcernsCSWS2012 is the national statistics' list before 2016-17,
	// with child exploitation as one concern. Kept so that older records
	// keep their meaning.
	ConcernsCSWS2012 = ConcernList{
		Version: "csws-2012",
		Note:    "Children's Social Work Statistics areas of concern before 2016-17",
		Concerns: append(commonConcerns(),
			Concern{"child-exploitation", "Child exploitation"},
		),
	}
	// ConcernsCSWS2016 is the national statistics' list from 2016-17, when
	// child exploitation became three concerns: child sexual exploitation,
	// forced or dangerous labour, and trafficking. It is [DefaultConcerns].
	ConcernsCSWS2016 = ConcernList{
		Version: "csws-2016-17",
		Note:    "Children's Social Work Statistics areas of concern from 2016-17 (child exploitation split in three)",
		Concerns: append(commonConcerns(),
			Concern{"child-sexual-exploitation", "Child sexual exploitation"},
			Concern{"forced-or-dangerous-labour", "Forced or dangerous labour"},
			Concern{"trafficking", "Child trafficking"},
		),
	}
)

// DefaultConcerns returns the list used when none is configured: the
// national statistics' current list.
func DefaultConcerns() ConcernList {
	l := ConcernsCSWS2016
	l.Concerns = slices.Clone(l.Concerns)
	return l
}

func commonConcerns() []Concern {
	return []Concern{
		{"domestic-abuse", "Domestic abuse"},
		{"parental-alcohol-misuse", "Parental alcohol misuse"},
		{"parental-drug-misuse", "Parental drug misuse"},
		{"parental-mental-health", "Parental mental health problems"},
		{"non-engaging-family", "Non-engaging family"},
		{"neglect", "Neglect"},
		{"emotional-abuse", "Emotional abuse"},
		{"physical-abuse", "Physical abuse"},
		{"sexual-abuse", "Sexual abuse"},
		{"child-placing-self-at-risk", "Child placing themselves at risk"},
		{"internet", "Internet"},
		{"other", "Other concern"},
	}
}
