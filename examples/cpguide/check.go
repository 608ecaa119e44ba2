package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// errBreach marks a check that found breaches: exit status 1.
type errBreach struct{ n int }

func (e errBreach) Error() string { return fmt.Sprintf("%d breach(es)", e.n) }

// caseFlags are the flags shared by the commands that read a case.
type caseFlags struct {
	today, edition, overlay string
	policies                pairs
}

func addCaseFlags(fs *flag.FlagSet) *caseFlags {
	cf := &caseFlags{}
	fs.StringVar(&cf.today, "today", "", "date of the check, YYYY-MM-DD (default: unknown, so steps not yet done are unknown)")
	fs.StringVar(&cf.edition, "edition", "", "edition of the guidance: 2014, 2021 or 2023 (default: the one in force on the case's first event)")
	fs.StringVar(&cf.overlay, "overlay", "", "JSON file of local holidays and tighter local timescales: {\"name\": ..., \"holidays\": [{\"date\", \"name\", \"source\"}], \"timescales\": [{\"rule\", \"days\" and \"unit\" (working or calendar) or \"months\", \"source\"}]} (see examples/overlays)")
	fs.Var(&cf.policies, "policy", "ID=CHOICE, a policy choice instead of its default (repeatable)")
	return cf
}

func (cf *caseFlags) options() (cpguide.Options, error) {
	var opts cpguide.Options
	if cf.today != "" {
		d, err := timescale.ParseDate(cf.today)
		if err != nil {
			return opts, fmt.Errorf("--today: %w", err)
		}
		opts.Today = d
	}
	if cf.edition != "" {
		e, err := guidance.ParseEdition(cf.edition)
		if err != nil {
			return opts, fmt.Errorf("--edition: %w", err)
		}
		opts.Edition = e
	}
	if cf.overlay != "" {
		o, err := readOverlay(cf.overlay)
		if err != nil {
			return opts, err
		}
		opts.Overlay = o
	}
	for _, p := range cf.policies {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return opts, errUsage{fmt.Sprintf("--policy %q: write ID=CHOICE, e.g. coregroup.first.reading=working", p)}
		}
		if opts.Policies == nil {
			opts.Policies = map[string]string{}
		}
		opts.Policies[k] = v
	}
	return opts, nil
}

func readOverlay(name string) (*cpguide.Overlay, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, errUsage{"--overlay: cannot read the file: check the path"}
	}
	o, err := cpguide.DecodeOverlay(data)
	if err != nil {
		return nil, fmt.Errorf("--overlay: %w", err)
	}
	return o, nil
}

// loadCase reads the case file and checks it.
func loadCase(name string, cf *caseFlags) (cpguide.Case, *cpguide.Result, error) {
	opts, err := cf.options()
	if err != nil {
		return cpguide.Case{}, nil, err
	}
	c, err := cpguide.ReadCaseFile(name)
	if err != nil {
		var ge *guidance.Error
		if errors.As(err, &ge) && ge.Field == "case file" {
			return c, nil, errUsage{fmt.Sprintf("cannot open case file %q: check the path", name)}
		}
		return c, nil, fmt.Errorf("case file: %w", err)
	}
	res, err := cpguide.Check(c, opts)
	if err != nil {
		// A figure of the overlay refused for the case's edition is the
		// overlay file's fault, not the case file's.
		var ge *guidance.Error
		if errors.As(err, &ge) && (ge.Field == "overlay" || strings.HasPrefix(ge.Field, "overlay.")) {
			return c, nil, fmt.Errorf("overlay file: %w", err)
		}
		return c, nil, fmt.Errorf("case file: %w", err)
	}
	return c, res, nil
}

func checkCmd(args []string, w io.Writer) error {
	fs := newFlags("check")
	asJSON := fs.Bool("json", false, "print JSON")
	cf := addCaseFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"check needs one CASE file, e.g. cpguide check examples/cases/initial-registration.json"}
	}
	c, res, err := loadCase(pos[0], cf)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(w, struct {
			Case string `json:"case"`
			*cpguide.Result
		}{c.ID, res}); err != nil {
			return err
		}
	} else {
		writeText(w, c, res)
	}
	if n := len(res.Report.Breaches()); n > 0 {
		return errBreach{n}
	}
	return nil
}

// writeText writes the report a social worker reads: a summary, the
// breaches first, then what is still owed and by when.
func writeText(w io.Writer, c cpguide.Case, res *cpguide.Result) {
	r := res.Report
	today := "date of check not given"
	if !r.Today.IsZero() {
		today = "on " + dayDate(r.Today)
	}
	fmt.Fprintf(w, "Case %s, checked against the %s edition of the National Guidance for Child Protection %s.\n", c.ID, r.Edition, today)
	breaches := r.Breaches()
	var other, unknown, pending []guidance.Finding
	for _, f := range r.Findings {
		switch {
		case f.Breach():
		case f.Status.Failed():
			other = append(other, f)
		case f.Status == guidance.Unknown:
			unknown = append(unknown, f)
		case f.Status == guidance.Pending:
			pending = append(pending, f)
		}
	}
	met := r.Count(guidance.Met) + r.Count(guidance.MetUnderVariation)
	verdict := "No breaches."
	if len(breaches) > 0 {
		verdict = fmt.Sprintf("%d BREACH(ES) of the guidance.", len(breaches))
	}
	fmt.Fprintf(w, "%s %d pending, %d met, %d other shortfall(s), %d unknown, %d not applicable.\n",
		verdict, len(pending), met, len(other), len(unknown), r.Count(guidance.NotApplicable))
	section := func(title string, fs []guidance.Finding) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, f := range fs {
			writeFinding(w, f)
		}
	}
	section("Breaches (act on these first):", breaches)
	section("Shortfalls of 'where possible' or 'may' guidance:", other)
	if len(res.Deadlines) > 0 {
		fmt.Fprintf(w, "\nWhat the case still owes, earliest first:\n")
		for _, d := range res.Deadlines {
			late := ""
			if !r.Today.IsZero() && r.Today.After(d.Due) {
				late = "OVERDUE: "
			}
			fmt.Fprintf(w, "  - %s%s by %s [%s]\n", late, capital(d.Action), dayDate(d.Due), d.Rule)
			if d.LastWorkingDay != d.Due {
				fmt.Fprintf(w, "    %s is not a working day (%s): the last working day before it is %s.\n", d.Due, d.DueWhy, dayDate(d.LastWorkingDay))
			}
			fmt.Fprintf(w, "    Counted by %s; %s.\n", d.Governing, citations(d.Citations))
		}
	}
	section("Pending (not yet due):", pending)
	section("Unknown (record the missing facts so these can be checked):", unknown)
	if len(res.UnusedVariations) > 0 {
		fmt.Fprintf(w, "\nApproved variations that changed nothing (check the rule and the occurrence they name):\n")
		for _, v := range res.UnusedVariations {
			subj := ""
			if v.Subject != "" {
				subj = " (" + v.Subject + ")"
			}
			fmt.Fprintf(w, "  - %s%s to %s\n", v.Rule, subj, v.NewDate)
		}
	}
	fmt.Fprintf(w, "\nCalendar: %s. Use --json for every finding, with citations.\n", res.Calendar)
}

// findingDates is a finding's due and done dates as a sentence ("Due
// Monday 2026-04-06, done Monday 2026-04-20."), or "" when it has neither.
func findingDates(f guidance.Finding) string {
	var dates []string
	if !f.Due.IsZero() {
		dates = append(dates, "due "+dayDate(f.Due))
	}
	if !f.Done.IsZero() {
		dates = append(dates, "done "+dayDate(f.Done))
	}
	if len(dates) == 0 {
		return ""
	}
	return capital(strings.Join(dates, ", ")) + "."
}

func writeFinding(w io.Writer, f guidance.Finding) {
	subj := ""
	if f.Subject != "" {
		subj = " (" + f.Subject + ")"
	}
	fmt.Fprintf(w, "  - %s [%s] %s: %s%s\n", strings.ToUpper(f.Status.String()), f.Strength, f.Rule, f.Title, subj)
	if dates := findingDates(f); dates != "" {
		fmt.Fprintf(w, "    %s\n", dates)
	}
	fmt.Fprintf(w, "    %s.\n", strings.TrimSuffix(capital(f.Message), "."))
	if len(f.Citations) > 0 {
		fmt.Fprintf(w, "    %s.\n", capital(citations(f.Citations)))
	}
}

func citations(cs []guidance.Citation) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.String())
	}
	return "source " + strings.Join(s, "; ")
}

func dayDate(d guidance.Date) string { return d.Weekday().String() + " " + d.String() }

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
