// Command cpguide is the example command-line tool of the cpguide library:
// it checks a child's case file against Scotland's National Guidance for
// Child Protection, lists and explains the rules, runs compliance scenarios,
// shows Scotland's working-day calendar and computes the statutory
// deadlines, each with an explanation of how it was counted.
//
// Usage:
//
//	cpguide check CASE [--json] [--strict] [--today DATE] [--edition E] [--procedures NAME|FILE] [--overlay FILE] [--policy ID=CHOICE]... [--show-birth-dates]
//	cpguide ics CASE [-o FILE] [--remind N] [check's flags]
//	cpguide report CASE --html FILE [check's flags]
//	cpguide rules [--json]
//	cpguide explain RULE [--procedures NAME|FILE]
//	cpguide test DIR|FILE [-v] [--procedures NAME|FILE]
//	cpguide version
//	cpguide help [COMMAND]
//	cpguide calendar YEAR [--json]
//	cpguide due --rule ID --from DATE [--edition 2023] [--procedures NAME|FILE] [--anchor EVENT=DATE]... [--policy ID=CHOICE]... [--json]
//
// Examples:
//
//	cpguide calendar 2026
//	cpguide due --rule coregroup.first --from 2026-12-18
//	cpguide due --rule coregroup.first --from 2026-12-18 --procedures highland-2024
//	cpguide due --rule cppm.pre-birth --from 2026-01-05 --anchor expected-delivery=2026-06-01
//
// CASE is a file name, or - for standard input. The date of the check
// defaults to today's date in Scotland.
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
	_ "time/tzdata" // the date in Scotland never depends on the host's zone data

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `cpguide: Scotland's National Guidance for Child Protection, as deadlines that explain themselves.

Commands:
  check CASE [--json] [--strict] [--today DATE] [--edition 2014|2021|2023] [--procedures NAME|FILE] [--overlay FILE] [--policy ID=CHOICE]... [--show-birth-dates]
        check a case file (JSON or YAML; - reads standard input; see examples/cases) against every rule
        of one edition: breaches first, then what the case still owes and by when. --today is the date
        of the check (default: today's date in Scotland); --edition defaults to the one in force on the
        case's first event; --procedures NAME|FILE applies a council procedure profile (bundled:
        highland-2024, north-lanarkshire-2023; or a JSON/YAML file, schema/profile.schema.json): its
        local holidays and its timescales, which can only tighten the national ones; --overlay FILE adds local holidays and tighter local timescales ({"name":
        ..., "holidays": [{"date", "name", "source"}], "timescales": [{"rule", "days" and "unit"
        (working or calendar) or "months", "source"}]}; see examples/overlays): a local timescale must
        be tighter than the national one on every date; --policy chooses another reading where the
        guidance is unclear (cpguide explain RULE names the policy). The dates of expected delivery,
        birth and discharge, and dates counted from them, are shown as [date withheld] unless
        --show-birth-dates. A case no rule applies to says "Nothing to check"; --strict makes that
        exit 1. Exit status 0: no breaches; 1: breaches; 2: bad input.
  ics CASE [-o FILE] [--remind N] [check's flags]
        write what the case still owes as an iCalendar (RFC 5545) file to import into a diary: one
        all-day event per step, with a UID that stays the same on every run, the rule's title,
        strength, explanation and citations, and a reminder N working days before (default 2, at
        09:00). A step due on a day that is not a working day is filed on the last working day before
        it; an overdue step is filed on the date of the check as "OVERDUE: ...". No names or free text
        from the case; dates that give a birth away are withheld as in check, and a step not yet due
        whose due date is withheld is left out (--show-birth-dates includes it). A case that owes
        nothing gives a calendar with no events (one journal entry saying so). -o FILE writes to FILE
        instead of standard output. Exit status 0: written; 2: bad input.
  report CASE --html FILE [check's flags]
        write the check as one self-contained, accessible HTML page (no scripts, nothing fetched):
        a summary, a time line of the case's events and due dates (with the same dates as a table),
        what the case still owes and every finding grouped by status. --html - writes to standard
        output. Exit status 0: written; 2: bad input.
  rules [--json]
        list the catalogue: every rule's ID, title, strength per edition and citations
  explain RULE [--procedures NAME|FILE]
        what a rule requires, its provisions per edition with citations, and its timescales; with
        --procedures, the profile's local provisions and timescales beside the national ones
  test DIR|FILE [-v] [--procedures NAME|FILE]
        run the compliance scenarios (*.json, *.yaml) in DIR, or the one in FILE; prints "N passed, N
        failed"; exit 1 if any failed
  calendar YEAR [--json]
        list Scotland's non-working weekdays (bank holidays) in YEAR, with names and sources
  due --rule ID --from DATE [--edition 2014|2021|2023] [--procedures NAME|FILE] [--anchor EVENT=DATE]... [--policy ID=CHOICE]... [--json]
        compute a deadline and explain it; --from is the date of the rule's main anchor event;
        --procedures weighs a council profile's tighter local figure (the earlier date governs)
  version
        print the version of cpguide and of Go it was built with
  help [COMMAND]
        print this help, or one command's

Rules with timescales: %s
Anchor events: %s
`

// stdin is where a case file named "-" is read from; tests replace it.
var stdin io.Reader = os.Stdin

func run(args []string, stdout, stderr io.Writer) int {
	stdout, stderr = safeWriter{stdout}, safeWriter{stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 2 && args[0] == "help" {
			if !commandHelp(stdout, args[1]) {
				fmt.Fprintln(stderr, "cpguide: help: no such command: use check, ics, report, rules, explain, test, calendar, due or version")
				return 2
			}
			return 0
		}
		printUsage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	var err error
	switch args[0] {
	case "version":
		err = versionCmd(args[1:], stdout)
	case "calendar":
		err = calendarCmd(args[1:], stdout)
	case "due":
		err = dueCmd(args[1:], stdout)
	case "check":
		err = checkCmd(args[1:], stdout, stderr)
	case "ics":
		err = icsCmd(args[1:], stdout, stderr)
	case "report":
		err = reportCmd(args[1:], stdout)
	case "rules":
		err = rulesCmd(args[1:], stdout)
	case "explain":
		err = explainCmd(args[1:], stdout)
	case "test":
		err = testCmd(args[1:], stdout)
	default:
		err = errUsage{"no such command: use check, ics, report, rules, explain, test, calendar, due or version (cpguide --help)"}
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
	fmt.Fprintln(stderr, "cpguide: "+message(err))
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
// It reports false when there is no such command.
func commandHelp(w io.Writer, name string) bool {
	lines := strings.Split(usage, "\n")
	found := false
	for i, l := range lines {
		if strings.HasPrefix(l, "  "+name+" ") || l == "  "+name {
			found = true
			fmt.Fprintln(w, "usage: cpguide"+strings.TrimPrefix(l, " "))
			for _, m := range lines[i+1:] {
				if !strings.HasPrefix(m, "        ") {
					break
				}
				fmt.Fprintln(w, m)
			}
		}
	}
	return found
}

// parse parses flags, allowing positional arguments before them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage{flagMessage(err)}
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
		return errUsage{"calendar: give a YEAR from 1 to 9999, e.g. 2026"}
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
	procs := fs.String("procedures", "", "a council procedure profile: highland-2024, north-lanarkshire-2023, or a profile file")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage{"due takes only flags, no arguments (cpguide help due)"}
	}
	if *rule == "" {
		return errUsage{"due needs --rule ID, e.g. --rule coregroup.first (cpguide --help lists them)"}
	}
	ed, err := guidance.ParseEdition(*edition)
	if err != nil {
		return errAt{"--edition", err}
	}
	topts := timescale.Options{}
	if *procs != "" {
		pr, err := readProcedures(*procs)
		if err != nil {
			return err
		}
		if topts.Calendar, err = pr.Calendar(timescale.Scotland()); err != nil {
			return errAt{"--procedures", err}
		}
		if topts.Local, err = pr.LocalTimescales(ed); err != nil {
			return errAt{"--procedures", err}
		}
	}
	ts, err := timescale.Lookup(*rule, ed)
	if err != nil && hasLocal(topts.Local, *rule) {
		// A step the edition leaves open, which the profile sets: it
		// counts from the step's usual anchor.
		ts, err = anyEdition(*rule)
	}
	if err != nil {
		return errAt{"--rule", err}
	}
	an := timescale.Anchors{}
	if *from != "" {
		d, err := timescale.ParseDate(*from)
		if err != nil {
			return errAt{"--from", err}
		}
		an[ts.Anchor()] = d
	}
	for _, a := range anchors {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return errUsage{"--anchor: write EVENT=DATE, e.g. expected-delivery=2026-06-01"}
		}
		ev, err := timescale.ParseEvent(k)
		if err != nil {
			return errAt{"--anchor", err}
		}
		d, err := timescale.ParseDate(v)
		if err != nil {
			return errAt{"--anchor " + string(ev), err}
		}
		an[ev] = d
	}
	if len(an) == 0 {
		return errUsage{fmt.Sprintf("due needs --from DATE: the date of %s", ts.Anchor().Title())}
	}
	pols, err := policyFlags(policies)
	if err != nil {
		return err
	}
	topts.Policies = pols
	dl, err := timescale.Due(*rule, ed, an, topts)
	if err != nil {
		var ge *guidance.Error
		if errors.As(err, &ge) && ge.Kind == guidance.UnknownPolicy {
			return errAt{"--policy", err}
		}
		if errors.As(err, &ge) && ge.Kind == guidance.MissingFact {
			return errAt{"--anchor", err}
		}
		return err
	}
	if *asJSON {
		return writeJSON(w, dl)
	}
	_, err = io.WriteString(w, dl.Explanation())
	return err
}

// hasLocal reports whether local holds a figure for rule.
func hasLocal(local []timescale.LocalTimescale, rule string) bool {
	for _, l := range local {
		if l.Rule == rule {
			return true
		}
	}
	return false
}

// anyEdition returns the rule's timescale in the latest edition that has one.
func anyEdition(rule string) (timescale.Timescale, error) {
	var err error
	eds := guidance.Editions()
	for i := len(eds) - 1; i >= 0; i-- {
		var ts timescale.Timescale
		if ts, err = timescale.Lookup(rule, eds[i]); err == nil {
			return ts, nil
		}
	}
	return timescale.Timescale{}, err
}

// writeJSON writes v as indented JSON, with <, > and & as they are (JSON
// output is read by programs and people, not embedded in HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
