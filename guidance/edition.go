package guidance

import (
	"fmt"
	"strings"
	"time"
)

// An Edition is one published version of the National Guidance for Child
// Protection in Scotland. The zero value, [EditionUnset], means no edition has
// been chosen: resolve it with [InForce] or use [DefaultEdition].
type Edition uint8

// The editions the library models. New editions are added at the end.
const (
	EditionUnset Edition = iota // no edition chosen
	Edition2014                 // National Guidance for Child Protection in Scotland 2014
	Edition2021                 // National Guidance for Child Protection in Scotland 2021, version 1.0
	Edition2023                 // the 2021 guidance as updated in 2023
)

// DefaultEdition is the edition used when a caller chooses none and gives no
// date to choose by: the one currently in force.
const DefaultEdition = Edition2023

// Editions lists the modelled editions, oldest first.
func Editions() []Edition { return []Edition{Edition2014, Edition2021, Edition2023} }

type editionInfo struct {
	name  string // short name: "2014", "2021", "2023"
	title string
	from  Date // first day in force
}

var editionInfos = [...]editionInfo{
	Edition2014: {"2014", "National Guidance for Child Protection in Scotland 2014", Date{2014, time.May, 27}},
	Edition2021: {"2021", "National Guidance for Child Protection in Scotland 2021, version 1.0 (September 2021)", Date{2021, time.September, 1}},
	Edition2023: {"2023", "National Guidance for Child Protection in Scotland 2021, updated 2023", Date{2023, time.August, 31}},
}

func (e Edition) info() (editionInfo, bool) {
	if e == EditionUnset || int(e) >= len(editionInfos) {
		return editionInfo{}, false
	}
	return editionInfos[e], true
}

// Valid reports whether e is one of the modelled editions.
func (e Edition) Valid() bool { _, ok := e.info(); return ok }

// String returns the edition's short name ("2014", "2021", "2023"), or
// "unset" for the zero value.
func (e Edition) String() string {
	if e == EditionUnset {
		return "unset"
	}
	if i, ok := e.info(); ok {
		return i.name
	}
	return fmt.Sprintf("Edition(%d)", uint8(e))
}

// Title returns the edition's full title.
func (e Edition) Title() string { i, _ := e.info(); return i.title }

// InForceFrom returns the first day on which the edition was in force.
func (e Edition) InForceFrom() Date { i, _ := e.info(); return i.from }

// ParseEdition parses an edition's short name: "2014", "2021" or "2023"
// ("2021-v1.0" and "2023-update" are accepted too).
func ParseEdition(s string) (Edition, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "2014":
		return Edition2014, nil
	case "2021", "2021-v1.0", "2021v1.0":
		return Edition2021, nil
	case "2023", "2023-update":
		return Edition2023, nil
	}
	return EditionUnset, &Error{Kind: UnknownEdition, Field: "edition", Value: s,
		Hint: `use one of "2014", "2021" or "2023"`}
}

// MarshalText encodes the edition as its short name.
func (e Edition) MarshalText() ([]byte, error) {
	if !e.Valid() && e != EditionUnset {
		return nil, &Error{Kind: UnknownEdition, Field: "edition", Value: e.String()}
	}
	if e == EditionUnset {
		return []byte{}, nil
	}
	return []byte(e.String()), nil
}

// UnmarshalText decodes an edition's short name; empty text is [EditionUnset].
func (e *Edition) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*e = EditionUnset
		return nil
	}
	v, err := ParseEdition(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// InForce returns the edition in force on d: 2023 from 31 August 2023, 2021
// from 1 September 2021, 2014 from 27 May 2014. Dates before the 2014 edition
// are an error of kind [NotInForce]: the library models no older guidance.
func InForce(d Date) (Edition, error) {
	if !d.Valid() {
		return EditionUnset, &Error{Kind: Invalid, Field: "date", Value: d.String(),
			Hint: "give a real calendar date (YYYY-MM-DD)"}
	}
	eds := Editions()
	for i := len(eds) - 1; i >= 0; i-- {
		if !d.Before(eds[i].InForceFrom()) {
			return eds[i], nil
		}
	}
	return EditionUnset, &Error{Kind: NotInForce, Field: "date", Value: d.String(),
		Hint: "the earliest modelled edition (2014) came into force on " + Edition2014.InForceFrom().String()}
}
