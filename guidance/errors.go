package guidance

import (
	"errors"
	"strings"
)

// Kind classifies an [Error]. Kinds only grow, at the end; a released kind
// never changes meaning.
type Kind uint8

// Error kinds.
const (
	Other          Kind = iota // unclassified
	Invalid                    // a value is malformed or impossible (a bad date, a meeting held before it was convened)
	UnknownRule                // no rule has that ID in the catalogue
	UnknownEdition             // no edition has that name
	NotInForce                 // no modelled edition was in force on that date
	NotInEdition               // the rule does not exist in the chosen edition
	MissingFact                // a fact the computation needs was not given
	UnknownPolicy              // a policy ID or a choice the policy does not offer
	Conflict                   // the input contradicts itself or the existing record
	Refused                    // the guidance does not allow the action
)

var kindNames = [...]string{
	Other:          "error",
	Invalid:        "invalid value",
	UnknownRule:    "unknown rule",
	UnknownEdition: "unknown edition",
	NotInForce:     "no edition in force",
	NotInEdition:   "not in this edition",
	MissingFact:    "missing fact",
	UnknownPolicy:  "unknown policy",
	Conflict:       "conflict",
	Refused:        "refused by the guidance",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "error"
}

// Error is the library's error type. It names the field at fault (a JSON
// path or an argument) and a hint saying what to fix: the expected form,
// never the value.
//
// Value may hold the offending value for a program to inspect (Match
// compares it), but the library no longer fills it from input, and it never
// reaches any channel: Error does not print it, it is left out of
// json.Marshal and of the GoString (%#v) form. Input holds personal data;
// an error string is logged and shown.
//
// Test it with [errors.As], or with [Match] against a template.
type Error struct {
	Kind  Kind
	Field string // the field or argument at fault, e.g. "meetings[2].held"
	Value string `json:"-"` // never printed, logged or marshalled
	Hint  string // what to fix
	Err   error  // the underlying error, if any
}

// GoString is the %#v form: the same as Error, so that Value never shows.
func (e *Error) GoString() string { return "&guidance.Error{" + e.Error() + "}" }

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.String())
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
	}
	if e.Hint != "" {
		b.WriteString(": ")
		b.WriteString(e.Hint)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error of the same Kind with, where
// target's Field is set, the same Field. It lets callers write
// errors.Is(err, &guidance.Error{Kind: guidance.UnknownRule}).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	return t.Kind == e.Kind && (t.Field == "" || t.Field == e.Field)
}

// Match reports whether err, or an error it wraps, is an *Error matching
// every non-zero field of template (Kind always; Field, Value and Hint when
// set). It keeps test assertions short:
//
//	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err))
func Match(template *Error, err error) bool {
	var e *Error
	for err != nil {
		if !errors.As(err, &e) {
			return false
		}
		if e.Kind == template.Kind &&
			(template.Field == "" || template.Field == e.Field) &&
			(template.Value == "" || template.Value == e.Value) &&
			(template.Hint == "" || template.Hint == e.Hint) {
			return true
		}
		err = e.Err
	}
	return false
}
