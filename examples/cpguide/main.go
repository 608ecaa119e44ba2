// Command cpguide is the example command-line tool of the cpguide library:
// it checks a child's case file against Scotland's National Guidance for
// Child Protection, lists and explains the rules, runs compliance scenarios,
// shows Scotland's working-day calendar and computes the statutory
// deadlines, each with an explanation of how it was counted.
//
// Usage:
//
//	cpguide check CASE [--json] [--today DATE] [--edition E] [--overlay FILE] [--policy ID=CHOICE]...
//	cpguide ics CASE [-o FILE] [--today DATE] [--edition E] [--overlay FILE] [--policy ID=CHOICE]...
//	cpguide report CASE --html FILE [--today DATE] [--edition E] [--overlay FILE] [--policy ID=CHOICE]...
//	cpguide rules [--json]
//	cpguide explain RULE
//	cpguide test DIR [-v]
//	cpguide calendar YEAR [--json]
//	cpguide due --rule ID --from DATE [--edition 2023] [--anchor EVENT=DATE]... [--policy ID=CHOICE]... [--json]
//
// Examples:
//
//	cpguide calendar 2026
//	cpguide due --rule coregroup.first --from 2026-12-18
//	cpguide due --rule cppm.pre-birth --from 2026-01-05 --anchor expected-delivery=2026-06-01
//
// Exit status: 0 on success, 1 when check finds breaches or test has failing
// scenarios, 2 on bad input (with a one-line message saying what to fix).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `cpguide: Scotland's National Guidance for Child Protection, as deadlines that explain themselves.

Commands:
  check CASE [--json] [--today DATE] [--edition 2014|2021|2023] [--overlay FILE] [--policy ID=CHOICE]...
        check a case file (JSON; see examples/cases) against every rule of one edition: breaches
        first, then what the case still owes and by when. --today is the date of the check (without
        it nothing outstanding can be overdue); --edition defaults to the one in force on the case's
        first event; --overlay FILE adds local holidays and tighter local timescales ({"name": ...,
        "holidays": [{"date", "name", "source"}], "timescales": [{"rule", "days" and "unit" (working or
        calendar) or "months", "source"}]}; see examples/overlays): a local timescale must be tighter
        than the national one, in the same unit. Exit status 0: no breaches; 1: breaches; 2: bad input.
  ics CASE [-o FILE] [--today DATE] [--edition 2014|2021|2023] [--overlay FILE] [--policy ID=CHOICE]...
        write what the case still owes as an iCalendar (RFC 5545) file to import into a diary: one
        all-day event per due date, with a UID that stays the same on every run, the rule's title,
        strength, explanation and citations. No names or free text from the case; explanations
        withhold the dates of expected delivery and discharge, which give the birth away. -o FILE
        writes to FILE instead of standard output; the other flags are those of check. Exit
        status 0: written; 2: bad input.
  report CASE --html FILE [--today DATE] [--edition 2014|2021|2023] [--overlay FILE] [--policy ID=CHOICE]...
        write the check as one self-contained, accessible HTML page (no scripts, nothing fetched):
        a summary, a time line of the case's events and due dates (with the same dates as a table),
        what the case still owes and every finding grouped by status. --html - writes to standard
        output; the other flags are those of check. Exit status 0: written; 2: bad input.
  rules [--json]
        list the catalogue: every rule's ID, title, strength per edition and citations
  explain RULE
        what a rule requires, its provisions per edition with citations, and its timescales
  test DIR [-v]
        run the compliance scenarios (*.json, *.yaml) in DIR; prints "N passed, N failed"; exit 1 if any failed
  calendar YEAR [--json]
        list Scotland's non-working weekdays (bank holidays) in YEAR, with names and sources
  due --rule ID --from DATE [--edition 2014|2021|2023] [--anchor EVENT=DATE]... [--policy ID=CHOICE]... [--json]
        compute a deadline and explain it; --from is the date of the rule's main anchor event

Rules with timescales: %s
Anchor events: %s
`

// errUsage marks bad input: exit status 2.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	var err error
	switch args[0] {
	case "calendar":
		err = calendarCmd(args[1:], stdout)
	case "due":
		err = dueCmd(args[1:], stdout)
	case "check":
		err = checkCmd(args[1:], stdout)
	case "ics":
		err = icsCmd(args[1:], stdout)
	case "report":
		err = reportCmd(args[1:], stdout)
	case "rules":
		err = rulesCmd(args[1:], stdout)
	case "explain":
		err = explainCmd(args[1:], stdout)
	case "test":
		err = testCmd(args[1:], stdout)
	default:
		err = errUsage{fmt.Sprintf("unknown command %q: use check, ics, report, rules, explain, test, calendar or due (cpguide --help)", args[0])}
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		commandHelp(stdout, args[0])
		return 0
	}
	var eb errBreach
	if errors.As(err, &eb) {
		return 1
	}
	fmt.Fprintln(stderr, "cpguide: "+oneLine(err.Error()))
	return 2
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "; ") }

func printUsage(w io.Writer) {
	var rules []string
	seen := map[string]bool{}
	for _, t := range timescale.All() {
		if !seen[t.Rule] {
			seen[t.Rule] = true
			rules = append(rules, t.Rule)
		}
	}
	var evs []string
	for _, e := range timescale.Events() {
		evs = append(evs, string(e))
	}
	fmt.Fprintf(w, usage, strings.Join(rules, ", "), strings.Join(evs, ", "))
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// commandHelp prints the help of one command: its lines of the usage text.
func commandHelp(w io.Writer, name string) {
	lines := strings.Split(usage, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  "+name+" ") {
			fmt.Fprintln(w, "usage: cpguide"+strings.TrimPrefix(l, " "))
			for _, m := range lines[i+1:] {
				if !strings.HasPrefix(m, "        ") {
					break
				}
				fmt.Fprintln(w, m)
			}
		}
	}
}

// parse parses flags, allowing positional arguments before them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func calendarCmd(args []string, w io.Writer) error {
	fs := newFlags("calendar")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"calendar needs one YEAR, e.g. cpguide calendar 2026"}
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 1 || year > 9999 {
		return errUsage{fmt.Sprintf("year %q: give a year from 1 to 9999, e.g. 2026", pos[0])}
	}
	hs := timescale.Scotland().Holidays(year)
	if *asJSON {
		return writeJSON(w, map[string]any{"calendar": timescale.Scotland().Name(), "year": year, "holidays": hs})
	}
	fmt.Fprintf(w, "Non-working weekdays in %s, %d (besides Saturdays and Sundays):\n", timescale.Scotland().Name(), year)
	for _, h := range hs {
		fmt.Fprintf(w, "  %s  %-9s  %s  [%s]\n", h.Date, h.Date.Weekday(), h.Name, h.Source)
	}
	fmt.Fprintf(w, "%d day(s).\n", len(hs))
	return nil
}

// pairs collects repeated KEY=VALUE flags.
type pairs []string

func (p *pairs) String() string     { return strings.Join(*p, ",") }
func (p *pairs) Set(s string) error { *p = append(*p, s); return nil }

func dueCmd(args []string, w io.Writer) error {
	fs := newFlags("due")
	rule := fs.String("rule", "", "rule ID, e.g. coregroup.first")
	from := fs.String("from", "", "date of the rule's main anchor event, YYYY-MM-DD")
	edition := fs.String("edition", "2023", "edition of the guidance: 2014, 2021 or 2023")
	asJSON := fs.Bool("json", false, "print JSON")
	var anchors, policies pairs
	fs.Var(&anchors, "anchor", "EVENT=DATE, the date of another anchor event (repeatable)")
	fs.Var(&policies, "policy", "ID=CHOICE, a policy choice instead of its default (repeatable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage{fmt.Sprintf("unexpected argument %q: due takes only flags", pos[0])}
	}
	if *rule == "" {
		return errUsage{"due needs --rule ID, e.g. --rule coregroup.first (cpguide --help lists them)"}
	}
	ed, err := guidance.ParseEdition(*edition)
	if err != nil {
		return err
	}
	ts, err := timescale.Lookup(*rule, ed)
	if err != nil {
		return err
	}
	an := timescale.Anchors{}
	if *from != "" {
		d, err := timescale.ParseDate(*from)
		if err != nil {
			return fmt.Errorf("--from: %w", err)
		}
		an[ts.Anchor()] = d
	}
	for _, a := range anchors {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return errUsage{fmt.Sprintf("--anchor %q: write EVENT=DATE, e.g. expected-delivery=2026-06-01", a)}
		}
		ev, err := timescale.ParseEvent(k)
		if err != nil {
			return fmt.Errorf("--anchor: %w", err)
		}
		d, err := timescale.ParseDate(v)
		if err != nil {
			return fmt.Errorf("--anchor %s: %w", k, err)
		}
		an[ev] = d
	}
	if len(an) == 0 {
		return errUsage{fmt.Sprintf("due needs --from DATE: the date of %s", ts.Anchor().Title())}
	}
	opts := timescale.Options{Policies: map[string]string{}}
	for _, p := range policies {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return errUsage{fmt.Sprintf("--policy %q: write ID=CHOICE, e.g. coregroup.first.reading=working", p)}
		}
		opts.Policies[k] = v
	}
	dl, err := ts.Due(an, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(w, dl)
	}
	_, err = io.WriteString(w, dl.Explanation())
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
