package main

import (
	"errors"
	"regexp"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/guidance"
)

// errUsage marks bad input: exit status 2. Its message is already written
// for a person: one line, naming the flag or argument at fault.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// errAt is bad input in one place the user can name: a flag ("--policy"),
// the case file, the overlay file or a scenario. The message names that
// place, then the JSON path within it.
type errAt struct {
	at  string
	err error
}

func (e errAt) Error() string { return e.at + ": " + message(e.err) }
func (e errAt) Unwrap() error { return e.err }

// message renders an error for the person at the terminal: one line, the
// place at fault first, what to fix, and never the offending value (it may
// be personal data from the case file) nor a Go identifier of the library.
func message(err error) string {
	var (
		u  errUsage
		at errAt
		ge *guidance.Error
	)
	switch {
	case errors.As(err, &u):
		return oneLine(u.msg)
	case errors.As(err, &at):
		return oneLine(at.Error())
	case errors.As(err, &ge):
		return oneLine(describe(ge))
	}
	return oneLine(plain(err.Error()))
}

// describe renders a library error without its Value: the field, the kind
// of problem and the hint, then those of a library error it wraps. Any
// other wrapped error is left out: it may quote the input.
func describe(e *guidance.Error) string {
	var parts []string
	if e.Field != "" && !genericFields[e.Field] {
		parts = append(parts, e.Field)
	}
	parts = append(parts, e.Kind.String())
	if e.Hint != "" {
		parts = append(parts, plain(e.Hint))
	}
	s := strings.Join(parts, ": ")
	var inner *guidance.Error
	if e.Err != nil && errors.As(e.Err, &inner) && inner != e {
		s += ": " + describe(inner)
	}
	return s
}

// genericFields are the Field values the library uses for an argument
// rather than a place in a file; the CLI names the flag instead.
var genericFields = map[string]bool{"date": true, "policy": true, "edition": true, "event": true, "rule": true, "anchor": true, "input": true}

// goNames are the library's Go identifiers that its messages may name,
// with what a user of the command-line tool should read instead.
var goNames = strings.NewReplacer(
	"guidance.Edition2014, Edition2021 or Edition2023", "2014, 2021 or 2023",
	"choose an edition in Options.Edition", "choose an edition with --edition",
	"choose Options.Edition", "choose an edition with --edition",
	"Options.Edition", "--edition",
	"name a policy of timescale.Policies", "name a policy that cpguide explain RULE lists",
	"timescale.Policies", "the policies that cpguide explain RULE lists",
	"with the `rules` command or guidance.Rules()", "with cpguide rules",
	"guidance.Rules()", "cpguide rules",
	"plan.Prompts()", "the prompts to reflection",
	"meeting.RecordItems", "the record items in schema/case.schema.json",
	"RecordBirth", "a birth-recorded register event",
)

// goIdent matches what is left that looks like Go: a package-qualified
// name (timescale.Policies), a call (Rules()) or a field of Options. It is
// compiled on first use: most runs print no error.
var goIdent = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b[a-z][a-z0-9]*\.([A-Z]\w*)(\(\))?|\b(\w+)\(\)|\bOptions\.(\w+)`)
})

// plain rewrites the Go identifiers of a library message for a CLI user.
func plain(s string) string {
	s = goNames.Replace(s)
	return goIdent().ReplaceAllStringFunc(s, func(m string) string {
		m = strings.TrimSuffix(m, "()")
		if i := strings.LastIndexByte(m, '.'); i >= 0 {
			m = m[i+1:]
		}
		return "the " + strings.ToLower(m[:1]) + m[1:] + " setting"
	})
}

// flagMessage rewrites an error of package flag: it names the flag at
// fault and never quotes the value given.
func flagMessage(err error) string {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return "-" + strings.TrimPrefix(s, "flag provided but not defined: ") + ": no such flag (cpguide help COMMAND lists them)"
	case strings.HasPrefix(s, "flag needs an argument: "):
		return "-" + strings.TrimPrefix(s, "flag needs an argument: ") + ": give a value after the flag"
	case strings.HasPrefix(s, "invalid boolean value"), strings.HasPrefix(s, "invalid value"):
		if i := strings.LastIndex(s, " -"); i >= 0 {
			name := s[i+len(" -"):]
			if j := strings.IndexByte(name, ':'); j >= 0 {
				name = name[:j]
			}
			return "--" + name + ": not a value this flag takes"
		}
	}
	return "bad flags: " + plain(s)
}
