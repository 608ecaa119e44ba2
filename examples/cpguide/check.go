package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/timescale"
)

// errBreach marks a check that found breaches: exit status 1.
type errBreach struct{ n int }

func (e errBreach) Error() string { return fmt.Sprintf("%d breach(es)", e.n) }

// now is the clock of the command-line tool; tests replace it. The
// library never reads the clock: the tool passes the date as Options.Today.
var now = time.Now

// caseFlags are the flags shared by the commands that read a case.
type caseFlags struct {
	today, edition, overlay string
	procedures              string
	policies                pairs
	showBirthDates          bool
}

func addCaseFlags(fs *flag.FlagSet) *caseFlags {
	cf := &caseFlags{}
	fs.StringVar(&cf.today, "today", "", "date of the check, YYYY-MM-DD (default: today's date in Scotland)")
	fs.StringVar(&cf.edition, "edition", "", "edition of the guidance: 2014, 2021 or 2023 (default: the one in force on the case's first event)")
	fs.StringVar(&cf.overlay, "overlay", "", "JSON file of local holidays and tighter local timescales: {\"name\": ..., \"holidays\": [{\"date\", \"name\", \"source\"}], \"timescales\": [{\"rule\", \"days\" and \"unit\" (working or calendar) or \"months\", \"source\"}]} (see examples/overlays)")
	fs.StringVar(&cf.procedures, "procedures", "", "a council procedure profile: a bundled name (highland-2024, north-lanarkshire-2023) or a JSON/YAML profile file (schema/profile.schema.json)")
	fs.Var(&cf.policies, "policy", "ID=CHOICE, a policy choice instead of its default (repeatable)")
	fs.BoolVar(&cf.showBirthDates, "show-birth-dates", false, "show the dates of expected delivery, birth and discharge, and the dates counted from them (withheld by default)")
	return cf
}

// checkDate is the date of the check: --today, or else today's date in
// Scotland by the machine's clock (defaulted true).
func (cf *caseFlags) checkDate() (d guidance.Date, defaulted bool, err error) {
	if cf.today == "" {
		return guidance.DateOf(now()), true, nil
	}
	d, err = timescale.ParseDate(cf.today)
	if err != nil {
		return d, false, errAt{"--today", err}
	}
	return d, false, nil
}

func (cf *caseFlags) options() (cpguide.Options, bool, error) {
	var opts cpguide.Options
	today, defaulted, err := cf.checkDate()
	if err != nil {
		return opts, false, err
	}
	opts.Today = today
	if cf.edition != "" {
		e, err := guidance.ParseEdition(cf.edition)
		if err != nil {
			return opts, false, errAt{"--edition", err}
		}
		opts.Edition = e
	}
	if cf.overlay != "" {
		o, err := readOverlay(cf.overlay)
		if err != nil {
			return opts, false, err
		}
		opts.Overlay = o
	}
	if cf.procedures != "" {
		p, err := readProcedures(cf.procedures)
		if err != nil {
			return opts, false, err
		}
		opts.Procedures = p
	}
	opts.Policies, err = policyFlags(cf.policies)
	return opts, defaulted, err
}

// policyFlags checks every --policy ID=CHOICE against the library's table of
// policies as soon as it is given, whether or not the case has a step the
// policy decides.
func policyFlags(ps pairs) (map[string]string, error) {
	var m map[string]string
	for _, p := range ps {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return nil, errUsage{"--policy: write ID=CHOICE, e.g. coregroup.first.reading=working"}
		}
		pol, err := timescale.LookupPolicy(k)
		if err != nil {
			return nil, errAt{"--policy", err}
		}
		var names []string
		for _, c := range pol.Choices {
			names = append(names, c.Name)
		}
		if !slices.Contains(names, v) {
			return nil, errUsage{fmt.Sprintf("--policy: %s offers only %s", pol.ID, strings.Join(names, ", "))}
		}
		if m == nil {
			m = map[string]string{}
		}
		m[k] = v
	}
	return m, nil
}

func readOverlay(name string) (*cpguide.Overlay, error) {
	data, err := readFile(name)
	if err != nil {
		if isLimit(err) {
			return nil, errAt{"--overlay", err}
		}
		return nil, errUsage{"--overlay: cannot read the file: check the path"}
	}
	o, err := cpguide.DecodeOverlay(bytes.TrimPrefix(data, utf8BOM))
	if err != nil {
		return nil, errAt{"--overlay", err}
	}
	return o, nil
}

// readProcedures returns the bundled profile of that name, or else reads a
// profile file (YAML when its name ends in .yaml or .yml).
func readProcedures(name string) (*procedures.Profile, error) {
	if slices.Contains(procedures.Names(), name) {
		return procedures.Lookup(name)
	}
	data, err := readFile(name)
	if isLimit(err) {
		return nil, errAt{"--procedures", err}
	}
	if err != nil {
		return nil, errUsage{"--procedures: name a bundled profile (" + strings.Join(procedures.Names(), ", ") + ") or a readable profile file"}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var p *procedures.Profile
	if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") {
		p, err = procedures.DecodeYAML(data)
	} else {
		p, err = procedures.Decode(data)
	}
	if err != nil {
		return nil, errAt{"--procedures", err}
	}
	return p, nil
}

var utf8BOM = []byte("\ufeff")

// readFile reads every file the CLI is given through the library's one
// capped reader (strictjson.ReadAll, 16 MiB): /dev/zero is refused after
// 16 MiB, not read until memory runs out.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return strictjson.ReadAll(f, "input")
}

// isLimit reports whether err is the size limit of the capped reader.
func isLimit(err error) bool {
	return guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err)
}

// readCase reads a case file, or standard input when name is "-": YAML
// when the name ends in .yaml or .yml (or, on standard input, when the text
// does not start with "{"), JSON otherwise. A byte order mark is dropped.
func readCase(name string) (cpguide.Case, error) {
	var (
		data []byte
		err  error
	)
	if name == "-" {
		data, err = strictjson.ReadAll(stdin, "input")
		if isLimit(err) {
			return cpguide.Case{}, errAt{"case file", err}
		}
		if err != nil {
			return cpguide.Case{}, errUsage{"case file: cannot read standard input"}
		}
	} else if data, err = readFile(name); isLimit(err) {
		return cpguide.Case{}, errAt{"case file", err}
	} else if err != nil {
		return cpguide.Case{}, errUsage{"case file: cannot open it: check the path"}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var c cpguide.Case
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".yaml" || ext == ".yml" || (name == "-" && !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))) {
		c, err = cpguide.DecodeCaseYAML(bytes.NewReader(data))
	} else {
		c, err = cpguide.DecodeCase(bytes.NewReader(data))
	}
	if err != nil {
		return c, errAt{"case file", err}
	}
	return c, nil
}

// A checked case, as the commands that read one print it.
type checked struct {
	c   cpguide.Case
	res *cpguide.Result
	// owed are res.Deadlines, each read whole once, for every output.
	owed         []timescale.Deadline
	todayDefault bool                // the date of the check is today's, not --today
	red          *redactor           // nil with --show-birth-dates
	cal          *timescale.Calendar // the calendar the case was checked on
}

// loadCase reads the case file and checks it.
func loadCase(name string, cf *caseFlags) (*checked, error) {
	opts, defaulted, err := cf.options()
	if err != nil {
		return nil, err
	}
	c, err := readCase(name)
	if err != nil {
		return nil, err
	}
	res, err := cpguide.Check(c, opts)
	if err != nil {
		// A figure of the overlay refused for the case's edition is the
		// overlay file's fault, not the case file's; a policy, the flag's.
		var ge *guidance.Error
		switch {
		case errors.As(err, &ge) && (ge.Field == "overlay" || strings.HasPrefix(ge.Field, "overlay.")):
			return nil, errAt{"--overlay", err}
		case errors.As(err, &ge) && (strings.HasPrefix(ge.Field, "profile") || strings.HasPrefix(ge.Field, "procedures") || ge.Field == "options.procedures"):
			return nil, errAt{"--procedures", err}
		case errors.As(err, &ge) && ge.Kind == guidance.UnknownPolicy:
			return nil, errAt{"--policy", err}
		}
		return nil, errAt{"case file", err}
	}
	ch := newChecked(c, res, !cf.showBirthDates)
	ch.todayDefault = defaulted
	if o := opts.Overlay; o != nil && len(o.Holidays) > 0 {
		if ch.cal, err = ch.cal.With(o.Name, o.Holidays...); err != nil {
			return nil, errAt{"--overlay", err}
		}
	}
	if pr := opts.Procedures; pr != nil {
		if ch.cal, err = pr.Calendar(ch.cal); err != nil {
			return nil, errAt{"--procedures", err}
		}
	}
	return ch, nil
}

// newChecked is the case c and its result res, the deadlines owed read
// whole, on the Scotland calendar, and with the privacy rule applied
// unless withhold is false (--show-birth-dates).
func newChecked(c cpguide.Case, res *cpguide.Result, withhold bool) *checked {
	ch := &checked{c: c, res: res, cal: timescale.Scotland(), owed: make([]timescale.Deadline, len(res.Deadlines))}
	for i := range res.Deadlines {
		ch.owed[i] = res.Deadlines[i].Deadline()
	}
	if withhold {
		ch.red = newRedactor(c, res, ch.owed)
	}
	return ch
}

// nothingToCheck reports whether the case gave the check nothing to work
// on: no step it owes and no finding but unknown or not applicable, as for
// a case that records no concern, IRD, CPPM, plan, Core Group or register
// event.
func nothingToCheck(res *cpguide.Result) bool {
	if len(res.Deadlines) > 0 {
		return false
	}
	for _, f := range res.Report.All() {
		if f.Status != guidance.Unknown && f.Status != guidance.NotApplicable {
			return false
		}
	}
	return true
}

const nothingLine = "Nothing to check: no rule applies to what the case records (it records no concern, IRD, CPPM, plan, Core Group or register event)."

func checkCmd(args []string, w, stderr io.Writer) error {
	fs := newFlags("check")
	asJSON := fs.Bool("json", false, "print JSON")
	strict := fs.Bool("strict", false, "exit with status 1 when nothing could be checked, as well as on breaches")
	cf := addCaseFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"check needs one CASE file (- for standard input), e.g. cpguide check examples/cases/initial-registration.json"}
	}
	ch, err := loadCase(pos[0], cf)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if *asJSON {
		if err := writeCheckJSON(&buf, ch); err != nil {
			return err
		}
	} else {
		writeText(&buf, ch)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	if n := len(ch.res.Report.Breaches()); n > 0 {
		return errBreach{n}
	}
	if *strict && nothingToCheck(ch.res) {
		return errBreach{0}
	}
	return nil
}

// checkJSON is what check --json prints: the Result of the library with
// the case ID and a summary, the privacy rule applied.
type checkJSON struct {
	Case    string      `json:"case"`
	Summary summaryJSON `json:"summary"`
	resultJSON
}

// resultJSON is the Result's JSON with the deadlines owed replaced by
// their redacted copies (redactor.deadlines). Report comes first, as in
// the Result, so that the fields keep the Result's order: a field of the
// outer struct hides the embedded one of the same name.
type resultJSON struct {
	Report    *guidance.Report     `json:"report"`
	Deadlines []timescale.Deadline `json:"deadlines"`
	*cpguide.Result
}

type summaryJSON struct {
	Today guidance.Date `json:"today"`
	// TodayFrom says where the date of the check came from: "--today" or
	// "clock" (today's date in Scotland).
	TodayFrom      string         `json:"today_from"`
	Breaches       int            `json:"breaches"`
	Counts         map[string]int `json:"counts"` // findings by status, every status listed
	Owed           int            `json:"owed"`   // steps the case still owes (deadlines)
	NothingToCheck bool           `json:"nothing_to_check"`
	DatesWithheld  bool           `json:"dates_withheld"`
}

func writeCheckJSON(w io.Writer, ch *checked) error {
	r := ch.res.Report
	s := summaryJSON{Today: r.Today, TodayFrom: "--today", Breaches: len(r.Breaches()), Counts: map[string]int{},
		Owed: len(ch.res.Deadlines), NothingToCheck: nothingToCheck(ch.res)}
	if ch.todayDefault {
		s.TodayFrom = "clock"
	}
	for st := guidance.Unknown; st <= guidance.NotApplicable; st++ {
		s.Counts[snake(st)] = r.Count(st)
	}
	res := resultJSON{Report: ch.res.Report, Deadlines: ch.red.deadlines(ch.owed), Result: ch.res}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(checkJSON{ch.c.ID, s, res}); err != nil {
		return err
	}
	out := ch.red.json(buf.Bytes())
	if ch.red != nil && ch.red.used {
		out = bytes.Replace(out, []byte(`"dates_withheld": false`), []byte(`"dates_withheld": true`), 1)
	}
	_, err := w.Write(out)
	return err
}

// snake is a status as a JSON key: "met_under_variation".
func snake(s guidance.Status) string { return strings.ReplaceAll(s.String(), " ", "_") }

// writeText writes the report a social worker reads: a summary, the
// breaches first, then what is still owed and by when.
func writeText(out io.Writer, ch *checked) {
	var buf strings.Builder
	w := &buf
	c, res := ch.c, ch.res
	r := res.Report
	today := "on " + dayDate(r.Today)
	if ch.todayDefault {
		today += " (today)"
	}
	fmt.Fprintf(w, "Case %s: checked %s against the %s edition of the National Guidance for Child Protection.\n", c.ID, today, r.Edition)
	if nothingToCheck(res) {
		fmt.Fprintln(w, nothingLine)
	}
	breaches := r.Breaches()
	var other, unknown, pending []guidance.Finding
	for _, f := range r.All() {
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
		for _, d := range ch.owed {
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
			fmt.Fprintf(w, "  - variations[%d]: %s%s to %s\n", v.Index, v.Rule, subj, v.NewDate)
		}
	}
	fmt.Fprintf(w, "\nCalendar: %s. Use --json for every finding, with citations.\n", res.Calendar)
	text := ch.red.text(buf.String())
	if ch.red != nil && ch.red.used {
		text += withheldNote + "\n"
	}
	io.WriteString(out, text)
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
