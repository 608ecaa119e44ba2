package cpguide_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// requireSameCheck checks c both ways, Check (one findings buffer, each
// deadline counted once) and CheckPlain (the packages' exported functions),
// and requires the same result, value for value and byte for byte in JSON,
// or the same error.
func requireSameCheck(t *testing.T, name string, c cpguide.Case, opts cpguide.Options) {
	t.Helper()
	fast, ferr := cpguide.Check(c, opts)
	plain, perr := cpguide.CheckPlain(c, opts)
	require.Equal(t, perr, ferr, name)
	require.Equal(t, plain, fast, name)
	if perr != nil {
		return
	}
	fj, err := json.Marshal(fast)
	require.NoError(t, err, name)
	pj, err := json.Marshal(plain)
	require.NoError(t, err, name)
	require.Equal(t, string(pj), string(fj), name)
}

// TestCheck_SameAsPlainPath_Scenarios holds Check's fast path to the plain
// one on every scenario, under the scenario's own options and under each
// edition in turn (so that rules an edition lacks are exercised too).
func TestCheck_SameAsPlainPath_Scenarios(t *testing.T) {
	for _, file := range scenarioFiles(t) {
		s, err := cpguide.LoadScenario(file)
		require.NoError(t, err, file)
		c, err := s.LoadCase()
		require.NoError(t, err, file)
		opts := s.CheckOptions()
		requireSameCheck(t, file, c, opts)
		for _, e := range guidance.Editions() {
			o := opts
			o.Edition = e
			requireSameCheck(t, file+" "+e.String(), c, o)
			o.Today = guidance.Date{}
			requireSameCheck(t, file+" "+e.String()+" no today", c, o)
		}
	}
}

// TestCheck_SameAsPlainPath_GeneratedCases holds Check's fast path to the
// plain one on the first 20,000 generated cases of the throughput benchmark
// (2,000 with -short or -race): every scenario moved across the years, its
// holidays and the policies' readings.
func TestCheck_SameAsPlainPath_GeneratedCases(t *testing.T) {
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 2_000
	}
	for i, g := range generateCases(t, n, 2026) {
		requireSameCheck(t, "generated case "+strconv.Itoa(i), g.c, g.opts)
	}
}

// TestCheck_ConcurrentChecksAgree checks the scenarios from several
// goroutines at once (Check recycles its working buffers between calls) and
// requires each result to equal the plain path's; run with -race.
func TestCheck_ConcurrentChecksAgree(t *testing.T) {
	type job struct {
		c    cpguide.Case
		opts cpguide.Options
		want *cpguide.Result
	}
	var jobs []job
	for _, file := range scenarioFiles(t) {
		s, err := cpguide.LoadScenario(file)
		require.NoError(t, err, file)
		c, err := s.LoadCase()
		require.NoError(t, err, file)
		want, err := cpguide.CheckPlain(c, s.CheckOptions())
		require.NoError(t, err, file)
		jobs = append(jobs, job{c, s.CheckOptions(), want})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3 * len(jobs) {
				j := jobs[(i+g)%len(jobs)]
				got, err := cpguide.Check(j.c, j.opts)
				assert.NoError(t, err)
				assert.Equal(t, j.want, got)
			}
		})
	}
	wg.Wait()
}
