package cpguide_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// editEverything changes what a case system that annotates its copy of a
// result may change: every finding it reads (message, subject, and its
// citations by appending: they are the catalogue's, read-only), every
// deadline owed (its action), and every citation of the whole deadline
// read from each, which is the reader's own. It returns the findings as
// edited.
func editEverything(r *cpguide.Result) []guidance.Finding {
	fs := r.Report.Findings()
	for i := range fs {
		fs[i].Message += " (edited)"
		fs[i].Subject += " (edited)"
		fs[i].Citations = append(fs[i].Citations, guidance.Citation{Note: "added"})
	}
	for i := range r.Deadlines {
		r.Deadlines[i].Action += " (edited)"
		dl := r.Deadlines[i].Deadline()
		for j := range dl.Citations {
			dl.Citations[j].Note += " (edited)"
		}
		for k := range dl.Readings {
			for j := range dl.Readings[k].Citations {
				dl.Readings[k].Citations[j].Note += " (edited)"
			}
		}
	}
	return fs
}

// explained is every deadline owed of r, read whole.
func explained(r *cpguide.Result) []timescale.Deadline {
	var dls []timescale.Deadline
	for _, o := range r.Deadlines {
		dls = append(dls, o.Deadline())
	}
	return dls
}

// TestCheck_CallerOwnsTheResult proves that a result shares nothing that
// can change with the catalogue, the timescale tables or another result:
// editing what a caller may edit of one result, from several goroutines at once (run with -race), leaves every
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
	require.Equal(t, want.Report.Findings(), got.Report.Findings())
	require.Equal(t, want.Deadlines, got.Deadlines)
	require.Equal(t, explained(want), explained(got))
	require.NotEmpty(t, explained(got))
	edited := editEverything(want)
	require.NotEqual(t, edited, got.Report.Findings(), "the edit must reach the findings, or this test proves nothing")
	require.Equal(t, want.Report.Findings(), got.Report.Findings(), "a finding read again is as the check made it")
	require.NotEqual(t, want.Deadlines, got.Deadlines, "the edit must reach the deadlines, or this test proves nothing")
}
