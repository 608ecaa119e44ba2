package cpguide_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
)

var update = flag.Bool("update", false, "rewrite golden files and the expectations of the scenarios")

func scenarioFiles(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"*.json", "*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join("examples/scenarios", pattern))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	return files
}

// TestScenarios runs every scenario in examples/scenarios. With -update it
// rewrites each scenario's expectation from what the check produces now
// (every finding that is not "not applicable", every deadline and the number
// of breaches): review the diff before committing it.
func TestScenarios(t *testing.T) {
	for _, file := range scenarioFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			s, err := cpguide.LoadScenario(file)
			require.NoError(t, err)
			diffs, res, err := s.Run()
			require.NoError(t, err)
			if *update && filepath.Ext(file) == ".json" {
				rewriteScenario(t, file, s, res)
				return
			}
			// Scenarios in YAML are written by hand, with comments: -update
			// leaves them alone.
			assert.Empty(t, diffs, "scenario %q", s.Name)
			// Every step has one owner: no (rule, subject) is reported twice.
			seen := map[[2]string]bool{}
			for _, f := range res.Report.Findings() {
				k := [2]string{f.Rule, f.Subject}
				assert.False(t, seen[k], "reported twice: %s %q", f.Rule, f.Subject)
				seen[k] = true
			}
		})
	}
}

func rewriteScenario(t *testing.T, file string, s cpguide.Scenario, res *cpguide.Result) {
	n := len(res.Report.Breaches())
	s.Expect = cpguide.Expectation{Breaches: &n}
	for _, f := range res.Report.Findings() {
		if f.Status != guidance.NotApplicable {
			s.Expect.Findings = append(s.Expect.Findings, cpguide.ExpectFinding(f))
		}
	}
	for _, d := range res.Deadlines {
		s.Expect.Deadlines = append(s.Expect.Deadlines, cpguide.ExpectedDeadline{Rule: d.Rule, Due: d.Due})
	}
	raw, err := strictjson.Encode(s) // a Scenario holds a case: json.Marshal redacts it
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, json.Indent(&b, raw, "", "  "))
	b.WriteByte('\n')
	require.NoError(t, os.WriteFile(file, b.Bytes(), 0o644))
}

// TestScenarios_CoverTheCatalogue fails when a rule of the catalogue has no
// scenario expecting a finding of it with a status other than "not
// applicable", or when a scenario names a rule the catalogue does not have.
// It also lists the (rule, edition) pairs, one for each provision of a rule,
// that no scenario checked under that edition exercises.
func TestScenarios_CoverTheCatalogue(t *testing.T) {
	type pair struct {
		rule    string
		edition guidance.Edition
	}
	covered := map[string]bool{}
	pairs := map[pair]bool{}
	for _, file := range scenarioFiles(t) {
		s, err := cpguide.LoadScenario(file) // refuses an unknown rule
		require.NoError(t, err)
		c, err := s.LoadCase()
		require.NoError(t, err, file)
		ed, err := c.Edition(s.CheckOptions())
		require.NoError(t, err, file)
		for _, f := range s.Expect.Findings {
			if f.Status == guidance.NotApplicable {
				continue
			}
			covered[f.Rule] = true
			pairs[pair{f.Rule, ed}] = true
		}
	}
	var missing, missingPairs []string
	provisions := 0
	for _, r := range guidance.Rules() {
		if !covered[r.ID] {
			missing = append(missing, r.ID)
		}
		for _, p := range r.Provisions {
			provisions++
			if !pairs[pair{r.ID, p.Edition}] {
				missingPairs = append(missingPairs, r.ID+"@"+p.Edition.String())
			}
		}
	}
	assert.Empty(t, missing, "rules with no scenario expecting a finding of them")
	assert.Empty(t, missingPairs, "provisions (rule@edition) with no scenario exercising them under that edition")
	t.Logf("%d of %d (rule, edition) provisions exercised by a scenario under that edition; not exercised (%d): %s",
		provisions-len(missingPairs), provisions, len(missingPairs), strings.Join(missingPairs, ", "))
}
