package cpguide_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

var update = flag.Bool("update", false, "rewrite golden files and the expectations of the scenarios")

func scenarioFiles(t testing.TB) []string {
	files, err := filepath.Glob("examples/scenarios/*.json")
	require.NoError(t, err)
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
			if *update {
				rewriteScenario(t, file, s, res)
				return
			}
			assert.Empty(t, diffs, "scenario %q", s.Name)
		})
	}
}

func rewriteScenario(t *testing.T, file string, s cpguide.Scenario, res *cpguide.Result) {
	n := len(res.Report.Breaches())
	s.Expect = cpguide.Expectation{Breaches: &n}
	for _, f := range res.Report.Findings {
		if f.Status != guidance.NotApplicable {
			s.Expect.Findings = append(s.Expect.Findings, cpguide.ExpectFinding(f))
		}
	}
	for _, d := range res.Deadlines {
		s.Expect.Deadlines = append(s.Expect.Deadlines, cpguide.ExpectedDeadline{Rule: d.Rule, Due: d.Due})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(s))
	require.NoError(t, os.WriteFile(file, b.Bytes(), 0o644))
}

// TestScenarios_CoverTheCatalogue lists the rules of the catalogue that no
// scenario expects a finding of (other than "not applicable"). It fails if a
// scenario names a rule the catalogue does not have; rules not yet covered
// are logged. The register rules cannot be covered until the register is
// part of a Case.
func TestScenarios_CoverTheCatalogue(t *testing.T) {
	covered := map[string]bool{}
	for _, file := range scenarioFiles(t) {
		s, err := cpguide.LoadScenario(file) // refuses an unknown rule
		require.NoError(t, err)
		for _, f := range s.Expect.Findings {
			covered[f.Rule] = true
		}
	}
	var missing []string
	for _, r := range guidance.Rules() {
		if !covered[r.ID] {
			missing = append(missing, r.ID)
		}
	}
	slices.Sort(missing)
	t.Logf("%d of %d rules covered by a scenario; not covered (%d): %s",
		len(guidance.Rules())-len(missing), len(guidance.Rules()), len(missing), strings.Join(missing, ", "))
}
