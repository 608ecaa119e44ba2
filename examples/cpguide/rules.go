package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
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
	fmt.Fprintf(w, "%s: %s\n\n%s\n\nChecked by package %s; in the library since %s.\n", r.ID, r.Title, r.Doc, r.Area, r.Since)
	for _, p := range r.Provisions {
		fmt.Fprintf(w, "\n%s edition: %s.\n", p.Edition, p.Strength)
		for _, c := range p.Citations {
			fmt.Fprintf(w, "  Source: %s\n", c)
		}
		if p.Note != "" {
			fmt.Fprintf(w, "  Note: %s\n", p.Note)
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
	return nil
}

func testCmd(args []string, w io.Writer) error {
	fs := newFlags("test")
	verbose := fs.Bool("v", false, "list every scenario, not only the failures")
	pos, err := parse(fs, args)
	if err != nil {
		return err
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
