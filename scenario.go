package cpguide

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/procedures"
)

// A Scenario is a compliance test as data: a case, the options to check it
// with, and the findings and deadlines the check must produce. Scenarios are
// JSON or YAML files (see examples/scenarios and
// schema/scenario.schema.json), so a case system written in any language can
// run the same tests against its own behaviour.
//
// The case is given inline (Case) or as a path to a case file relative to
// the scenario file (CaseFile).
type Scenario struct {
	// Name says what the scenario proves.
	Name     string          `json:"name"`
	CaseFile string          `json:"case_file,omitempty"`
	Case     json.RawMessage `json:"case,omitempty"`
	Options  ScenarioOptions `json:"options"`
	Expect   Expectation     `json:"expect"`

	dir string
	doc *yaml.Node // the document of a scenario file in YAML: errors give its lines
}

// ScenarioOptions are the Options of a scenario, as JSON.
type ScenarioOptions struct {
	Today    Date              `json:"today,omitzero"`
	Edition  guidance.Edition  `json:"edition,omitzero"`
	Policies map[string]string `json:"policies,omitempty"`
	Overlay  *Overlay          `json:"overlay,omitempty"`
	// Procedures names a bundled council procedure profile, e.g.
	// "highland-2024" (see procedures.Names).
	Procedures      string `json:"procedures,omitempty"`
	MaxCoreGroupGap int    `json:"max_core_group_gap,omitempty"`

	procs *procedures.Profile
}

// Expectation is what a scenario's check must produce. Every expected
// finding and deadline must be present, each met by a finding or deadline
// of its own (one listed twice must occur twice); findings and deadlines not
// listed are allowed unless Exact is set.
type Expectation struct {
	// Breaches, when set, is the exact number of breaches.
	Breaches  *int               `json:"breaches,omitempty"`
	Findings  []ExpectedFinding  `json:"findings,omitempty"`
	Deadlines []ExpectedDeadline `json:"deadlines,omitempty"`
	// Exact: the findings and deadlines listed are all there are.
	Exact bool `json:"exact,omitempty"`
}

// ExpectedFinding matches a finding by rule and status, and by subject and
// due date when given.
type ExpectedFinding struct {
	Rule    string          `json:"rule"`
	Status  guidance.Status `json:"status"`
	Subject string          `json:"subject,omitempty"`
	Due     Date            `json:"due,omitzero"`
	// Strength, when given, must be the finding's (must, should, ...):
	// a scenario can pin how firmly the edition states the rule.
	Strength guidance.Strength `json:"strength,omitempty"`
}

// ExpectedDeadline matches a deadline by rule and due date.
type ExpectedDeadline struct {
	Rule string `json:"rule"`
	Due  Date   `json:"due"`
}

// LoadScenario reads a scenario file: YAML when its name ends in .yaml or
// .yml (converted as DecodeCaseYAML converts a case), JSON otherwise. Errors
// name the JSON path at fault (and, for YAML, the line).
func LoadScenario(name string) (Scenario, error) {
	data, err := readLimited(name)
	if guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err) {
		return Scenario{}, invalid("scenario file", "too large: at most 16 MiB (limit bytes)")
	}
	if err != nil {
		return Scenario{}, &guidance.Error{Kind: guidance.Other, Field: "scenario file", Hint: "could not read the scenario file: check the path", Err: err}
	}
	var root *yaml.Node
	if isYAML(name) {
		if data, root, err = yamlToJSON(data); err != nil {
			return Scenario{}, err
		}
	}
	var s Scenario
	if err := strictjson.Decode(data, &s); err != nil {
		return Scenario{}, withLine(root, err)
	}
	s.doc = root
	if s.Options.Overlay != nil {
		// The inline overlay passes DecodeOverlay's checks, as an overlay
		// file does: provenance, amounts within bounds, one unit.
		var opts struct {
			Options struct {
				Overlay json.RawMessage `json:"overlay"`
			} `json:"options"`
		}
		if err := json.Unmarshal(data, &opts); err != nil {
			return Scenario{}, withLine(root, invalid("options.overlay", "give the overlay as a JSON object"))
		}
		o, err := DecodeOverlay(opts.Options.Overlay)
		if err != nil {
			return Scenario{}, withLine(root, prefix("options", err))
		}
		s.Options.Overlay = o
	}
	if s.Options.Procedures != "" {
		p, err := procedures.Lookup(s.Options.Procedures)
		if err != nil {
			return Scenario{}, withLine(root, invalid("options.procedures", "name a bundled procedure profile: "+strings.Join(procedures.Names(), ", ")))
		}
		s.Options.procs = p
	}
	if (s.CaseFile == "") == (len(s.Case) == 0) {
		return Scenario{}, withLine(root, invalid("case", "give exactly one of case (the case inline) or case_file (a path)"))
	}
	for i, f := range s.Expect.Findings {
		if _, err := guidance.Lookup(f.Rule); err != nil {
			return Scenario{}, withLine(root, &guidance.Error{Kind: guidance.UnknownRule, Field: index("expect.findings", i) + ".rule", Hint: "name a rule of the catalogue", Err: err})
		}
	}
	s.dir = filepath.Dir(name)
	return s, nil
}

// readLimited reads file name through the one capped reader
// (strictjson.ReadAll): a file over the size limit is refused without
// reading all of it.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return strictjson.ReadAll(f, "input")
}

// LoadCase returns the scenario's case.
func (s Scenario) LoadCase() (Case, error) {
	if s.CaseFile != "" {
		c, err := ReadCaseFile(filepath.Join(s.dir, s.CaseFile))
		if err != nil {
			return Case{}, prefix("case_file", err)
		}
		return c, nil
	}
	c, err := DecodeCase(bytes.NewReader(s.Case))
	if err != nil {
		return Case{}, withLine(s.doc, prefix("case", err))
	}
	return c, nil
}

// WithProcedures returns the scenario checked under council procedure
// profile p, unless it names its own in options.procedures.
func (s Scenario) WithProcedures(p *procedures.Profile) Scenario {
	if s.Options.procs == nil {
		s.Options.procs = p
	}
	return s
}

// CheckOptions returns the Options the scenario checks its case with.
func (s Scenario) CheckOptions() Options {
	o := s.Options
	return Options{Today: o.Today, Edition: o.Edition, Policies: o.Policies, Overlay: o.Overlay, Procedures: o.procs, MaxCoreGroupGap: o.MaxCoreGroupGap}
}

// Run checks the scenario's case and returns what differs from the
// expectation, one line each; none means the scenario passed. The error is
// for a case or options the check refuses.
func (s Scenario) Run() ([]string, *Result, error) {
	c, err := s.LoadCase()
	if err != nil {
		return nil, nil, err
	}
	res, err := Check(c, s.CheckOptions())
	if err != nil {
		return nil, nil, err
	}
	return s.Expect.Compare(res), res, nil
}

// Compare returns what in res differs from the expectation, one line each.
func (e Expectation) Compare(res *Result) []string {
	var diffs []string
	fs := res.Report.Findings()
	if e.Breaches != nil {
		if n := len(res.Report.Breaches()); n != *e.Breaches {
			diffs = append(diffs, "breaches: got "+strconv.Itoa(n)+", want "+strconv.Itoa(*e.Breaches))
		}
	}
	used := make([]bool, len(fs))
	for _, x := range e.Findings {
		// Each finding meets at most one expectation: two identical
		// expectations need two findings.
		i := -1
		for j, f := range fs {
			if !used[j] && f.Rule == x.Rule && f.Status == x.Status &&
				(x.Subject == "" || f.Subject == x.Subject) && (x.Due.IsZero() || f.Due == x.Due) &&
				(x.Strength == guidance.StrengthUnset || f.Strength == x.Strength) {
				i = j
				break
			}
		}
		if i < 0 {
			diffs = append(diffs, "missing finding: "+x.String()+gotFor(fs, x.Rule))
			continue
		}
		used[i] = true
	}
	if e.Exact {
		for i, f := range fs {
			if !used[i] {
				diffs = append(diffs, "unexpected finding: "+ExpectFinding(f).String())
			}
		}
	}
	dused := make([]bool, len(res.Deadlines))
	for _, x := range e.Deadlines {
		i := -1
		for j, d := range res.Deadlines {
			if !dused[j] && d.Rule == x.Rule && d.Due == x.Due {
				i = j
				break
			}
		}
		if i < 0 {
			diffs = append(diffs, "missing deadline: "+x.Rule+" due "+x.Due.String())
			continue
		}
		dused[i] = true
	}
	if e.Exact {
		for i, d := range res.Deadlines {
			if !dused[i] {
				diffs = append(diffs, "unexpected deadline: "+d.Rule+" due "+d.Due.String())
			}
		}
	}
	return diffs
}

func gotFor(fs []guidance.Finding, rule string) string {
	var got []string
	for _, f := range fs {
		if f.Rule == rule {
			got = append(got, ExpectFinding(f).String())
		}
	}
	if len(got) == 0 {
		return " (no finding of that rule)"
	}
	b, _ := json.Marshal(got)
	return " (got " + string(b) + ")"
}

// ExpectFinding returns the expectation that f meets exactly: its rule,
// status, subject and due date.
func ExpectFinding(f guidance.Finding) ExpectedFinding {
	return ExpectedFinding{Rule: f.Rule, Status: f.Status, Subject: f.Subject, Due: f.Due}
}

// String renders the expectation as "rule status (subject) due DATE".
func (x ExpectedFinding) String() string {
	s := x.Rule + " " + x.Status.String()
	if x.Subject != "" {
		s += " (" + x.Subject + ")"
	}
	if !x.Due.IsZero() {
		s += " due " + x.Due.String()
	}
	if x.Strength != guidance.StrengthUnset {
		s += " [" + x.Strength.String() + "]"
	}
	return s
}
