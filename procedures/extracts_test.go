package procedures_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/procedures"
)

// TestExtracts_MapToTheProfiles reads extracts.md: every row names a
// target that exists, in the profile that ships it.
func TestExtracts_MapToTheProfiles(t *testing.T) {
	data, err := os.ReadFile("extracts.md")
	require.NoError(t, err)
	var prompts []string
	for _, p := range plan.Prompts() {
		prompts = append(prompts, p.ID)
	}
	rows := map[string]int{}
	for line := range strings.Lines(string(data)) {
		cells := strings.Split(strings.TrimSpace(line), " | ")
		if len(cells) != 4 || !strings.HasPrefix(cells[0], "| ") || strings.HasPrefix(cells[0], "| profile") {
			continue
		}
		name := strings.TrimPrefix(cells[0], "| ")
		kind, targets := cells[2], strings.TrimSuffix(cells[3], " |")
		p, err := procedures.Lookup(name)
		require.NoError(t, err, "row names profile %q", name)
		rows[name]++
		// A sentence may carry more than one target (comma-separated): a
		// bullet that merges two national prompts names both.
		for target := range strings.SplitSeq(targets, ", ") {
			switch kind {
			case "rule":
				_, err := guidance.Lookup(target)
				require.NoError(t, err, "row names rule %q, not in the catalogue", target)
				ok := len(p.ProvisionsFor(target)) > 0 || slices.ContainsFunc(p.Timescales, func(ts procedures.Timescale) bool { return ts.Rule == target })
				assert.True(t, ok, "%s has no provision or timescale for %s", name, target)
			case "timescale":
				_, err := guidance.Lookup(target)
				require.NoError(t, err, "row names rule %q, not in the catalogue", target)
				assert.True(t, slices.ContainsFunc(p.Timescales, func(ts procedures.Timescale) bool { return ts.Rule == target }), "%s has no timescale for %s", name, target)
			case "prompt":
				assert.Contains(t, prompts, target, "row names a prompt plan.Prompts lacks")
			default:
				t.Errorf("row of %s: unknown kind %q", name, kind)
			}
		}
	}
	// Both extracts are mapped: Highland's 48 sentences and bullets (and
	// its plan record, read outside the extract), North Lanarkshire's 22.
	assert.Equal(t, map[string]int{"highland-2024": 49, "north-lanarkshire-2023": 22}, rows)
}
