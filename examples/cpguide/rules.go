package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/timescale"
)

func rulesCmd(args []string, w io.Writer) error {
	fs := newFlags("rules")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage{"rules takes only --json, no arguments"}
	}
	rules := guidance.Rules()
	if *asJSON {
		return writeJSON(w, rules)
	}
	for _, r := range rules {
		var eds []string
		for _, p := range r.Provisions {
			eds = append(eds, fmt.Sprintf("%s %s", p.Edition, p.Strength))
		}
		fmt.Fprintf(w, "%-42s %s\n", r.ID, r.Title)
		fmt.Fprintf(w, "%-42s %s; %s\n", "", strings.Join(eds, ", "), citations(r.Provisions[len(r.Provisions)-1].Citations))
	}
	fmt.Fprintf(w, "%d rules. cpguide explain RULE says what one requires.\n", len(rules))
	return nil
}

func explainCmd(args []string, w io.Writer) error {
	fs := newFlags("explain")
	procs := fs.String("procedures", "", "a council procedure profile (highland-2024, north-lanarkshire-2023, or a profile file): show its local provisions beside the national ones")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"explain needs one RULE, e.g. cpguide explain coregroup.first (cpguide rules lists them)"}
	}
	r, err := guidance.Lookup(pos[0])
	if err != nil {
		return errAt{"explain", err}
	}
	var pr *procedures.Profile
	if *procs != "" {
		if pr, err = readProcedures(*procs); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%s: %s\n\n%s\n\nChecked by package %s; in the library since %s.\n", r.ID, r.Title, r.Doc, r.Area, r.Since)
	for _, p := range r.Provisions {
		fmt.Fprintf(w, "\n%s edition: %s.\n", p.Edition, p.Strength)
		for _, c := range p.Citations {
			fmt.Fprintf(w, "  Source: %s\n", c)
		}
		if p.Note != "" {
			fmt.Fprintf(w, "  Note: %s\n", p.Note)
		}
		if p.Unconfirmed != "" {
			fmt.Fprintf(w, "  Not confirmed in the national text: %s\n", p.Unconfirmed)
		}
		ts, err := timescale.Lookup(r.ID, p.Edition)
		if err != nil {
			continue
		}
		fmt.Fprintf(w, "  Timescale: %s, counted from %s.\n", ts.Action, ts.Anchor().Title())
		for _, rd := range ts.Readings {
			fmt.Fprintf(w, "    - %s\n", ts.Describe(rd))
		}
		if ts.Policy != "" {
			if pol, err := timescale.LookupPolicy(ts.Policy); err == nil {
				fmt.Fprintf(w, "    Policy %s decides between the readings (default %s).\n", pol.ID, pol.Default)
			}
		}
	}
	if pr != nil {
		explainLocal(w, r, pr)
	}
	return nil
}

// explainLocal writes a profile's provisions and timescales for rule r,
// after the national ones.
func explainLocal(w io.Writer, r guidance.Rule, pr *procedures.Profile) {
	fmt.Fprintf(w, "\nLocal: %s (follows the %s edition; %s):\n", pr.Title(), pr.Edition, pr.Source)
	n := 0
	national := "not stated"
	if p, ok := r.In(pr.Edition); ok {
		national = p.Strength.String()
	}
	for _, v := range pr.ProvisionsFor(r.ID) {
		n++
		strength := national + " (as the national text)"
		if v.Strength != "" {
			strength = v.Strength + " (national: " + national + ")"
		}
		fmt.Fprintf(w, "  %s: %s. Strength %s.\n", v.Section, v.Text, strength)
	}
	for _, t := range pr.Timescales {
		if t.Rule != r.ID {
			continue
		}
		n++
		amount := ""
		switch {
		case t.Months != nil:
			amount = fmt.Sprintf("%d months", *t.Months)
		case t.Days != nil:
			amount = fmt.Sprintf("%d %s days", *t.Days, t.Unit)
		}
		fmt.Fprintf(w, "  Timescale (%s): %s", t.Section, amount)
		if t.Text != "" {
			fmt.Fprintf(w, ": %s", t.Text)
		}
		fmt.Fprintf(w, ". The earlier of the local and national dates governs; a local figure can only tighten.\n")
	}
	if n == 0 {
		fmt.Fprintf(w, "  No local provision: the national text applies.\n")
	}
}

func testCmd(args []string, w io.Writer) error {
	fs := newFlags("test")
	verbose := fs.Bool("v", false, "list every scenario, not only the failures")
	procs := fs.String("procedures", "", "a council procedure profile (highland-2024, north-lanarkshire-2023, or a profile file) for scenarios that name none")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var pr *procedures.Profile
	if *procs != "" {
		if pr, err = readProcedures(*procs); err != nil {
			return err
		}
	}
	if len(pos) != 1 {
		return errUsage{"test needs one DIR of scenario files or one scenario FILE, e.g. cpguide test examples/scenarios"}
	}
	files, err := scenarioFiles(pos[0])
	if err != nil {
		return err
	}
	passed, failed := 0, 0
	for _, f := range files {
		name := filepath.Base(f)
		s, err := cpguide.LoadScenario(f)
		var diffs []string
		if err == nil {
			if pr != nil {
				s = s.WithProcedures(pr)
			}
			diffs, _, err = s.Run()
		}
		switch {
		case err != nil:
			failed++
			fmt.Fprintf(w, "FAIL %s: %s\n", name, message(err))
		case len(diffs) > 0:
			failed++
			fmt.Fprintf(w, "FAIL %s: %s\n", name, s.Name)
			for _, d := range diffs {
				fmt.Fprintf(w, "     %s\n", d)
			}
		default:
			passed++
			if *verbose {
				fmt.Fprintf(w, "ok   %s: %s\n", name, s.Name)
			}
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return errBreach{failed}
	}
	return nil
}

// scenarioFiles is the scenario file name, or the scenario files
// (*.json, *.yaml, *.yml) in the directory name.
func scenarioFiles(name string) ([]string, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, errUsage{"test: cannot open the scenario file or directory: check the path"}
	}
	if !st.IsDir() {
		return []string{name}, nil
	}
	var files []string
	for _, pattern := range []string{"*.json", "*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join(name, pattern))
		if err != nil {
			return nil, errUsage{"test: cannot list the scenario files in the directory"}
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return nil, errUsage{"test: no scenario files (*.json, *.yaml) in the directory: check the path"}
	}
	return files, nil
}
