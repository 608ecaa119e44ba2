package cpguide_test

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// TestCheck_ResultsKeepTheirText: a result's messages and subjects live in
// blocks its check wrote, which later checks on the same recycled pass
// write beyond and never over. Every sample case is checked many times
// from several goroutines; every result read at the end says what it said
// when it was made, and what a check of the case alone says.
func TestCheck_ResultsKeepTheirText(t *testing.T) {
	files, err := filepath.Glob("examples/cases/*.json")
	require.NoError(t, err)
	var cases []cpguide.Case
	for _, f := range files {
		c, err := cpguide.ReadCaseFile(f)
		require.NoError(t, err, f)
		cases = append(cases, c)
	}
	opts := cpguide.Options{Today: date("2026-05-15")}
	want := make([][]guidance.Finding, len(cases))
	for i, c := range cases {
		res, err := cpguide.Check(c, opts)
		require.NoError(t, err)
		want[i] = res.Report.Findings()
	}
	const rounds = 40
	type kept struct {
		i      int
		res    *cpguide.Result
		atTime []guidance.Finding
	}
	var mu sync.Mutex
	var all []kept
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := range rounds {
				i := (g + r) % len(cases)
				res, err := cpguide.Check(cases[i], opts)
				if err != nil {
					t.Error(err)
					return
				}
				k := kept{i, res, res.Report.Findings()}
				mu.Lock()
				all = append(all, k)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	require.Len(t, all, 4*rounds)
	for _, k := range all {
		require.Equal(t, k.atTime, k.res.Report.Findings(), "case %d changed after later checks", k.i)
		require.Equal(t, want[k.i], k.atTime, "case %d", k.i)
	}
}
