package cpguide_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
)

// editEverything changes every citation of a result, as a case system that
// annotates its copy of a report would.
func editEverything(r *cpguide.Result) {
	for i := range r.Report.Findings {
		for j := range r.Report.Findings[i].Citations {
			r.Report.Findings[i].Citations[j].Note += " (edited)"
		}
	}
	for i := range r.Deadlines {
		for j := range r.Deadlines[i].Citations {
			r.Deadlines[i].Citations[j].Note += " (edited)"
		}
		for k := range r.Deadlines[i].Readings {
			for j := range r.Deadlines[i].Readings[k].Citations {
				r.Deadlines[i].Readings[k].Citations[j].Note += " (edited)"
			}
		}
	}
}

// TestCheck_CallerOwnsTheResult proves that a result shares nothing with the
// catalogue, the timescale tables or another result: editing one result's
// citations, from several goroutines at once (run with -race), leaves every
// later check citing the guidance as it is.
func TestCheck_CallerOwnsTheResult(t *testing.T) {
	c, err := cpguide.ReadCaseFile("examples/cases/initial-registration.json")
	require.NoError(t, err)
	opts := cpguide.Options{Today: cpguide.Date{Year: 2026, Month: 6, Day: 15}}
	want, err := cpguide.Check(c, opts)
	require.NoError(t, err)

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				r, err := cpguide.Check(c, opts)
				if err != nil {
					t.Error(err)
					return
				}
				editEverything(r)
			}
		})
	}
	wg.Wait()

	got, err := cpguide.Check(c, opts)
	require.NoError(t, err)
	require.Equal(t, want.Report.Findings, got.Report.Findings)
	require.Equal(t, want.Deadlines, got.Deadlines)
	editEverything(want)
	require.NotEqual(t, want.Report.Findings, got.Report.Findings, "the edit must reach the findings, or this test proves nothing")
}
