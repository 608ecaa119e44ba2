package cpguide_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// editEverything changes what a case system that annotates its copy of a
// result may change: every finding it reads (message, subject, and its
// citations by appending: they are the catalogue's, read-only), and every
// citation of the whole deadline read from each step owed, which is the
// reader's own. It returns the findings and the deadlines as edited.
func editEverything(r *cpguide.Result) ([]guidance.Finding, []timescale.Deadline) {
	fs := r.Report.Findings()
	for i := range fs {
		fs[i].Message += " (edited)"
		fs[i].Subject += " (edited)"
		fs[i].Citations = append(fs[i].Citations, guidance.Citation{Note: "added"})
	}
	dls := explained(r)
	for i := range dls {
		dl := &dls[i]
		for j := range dl.Citations {
			dl.Citations[j].Note += " (edited)"
		}
		for k := range dl.Readings {
			for j := range dl.Readings[k].Citations {
				dl.Readings[k].Citations[j].Note += " (edited)"
			}
		}
	}
	return fs, dls
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
	// Read before any result is edited. The JSON is text, which nothing
	// can edit: an edit that reached the catalogue or the tables would
	// show in what is read after it, and only the JSON comparisons see
	// that (the findings and deadlines read here would change with it).
	// The other comparisons show what each read gives.
	wantFindings, wantDeadlines := want.Report.Findings(), explained(want)
	require.NotEmpty(t, wantDeadlines)
	wantJSON, err := json.Marshal(want)
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
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	require.Equal(t, string(wantJSON), string(gotJSON))
	require.Equal(t, wantFindings, got.Report.Findings())
	require.Equal(t, want.Deadlines, got.Deadlines)
	require.Equal(t, wantDeadlines, explained(got))
	editedFindings, editedDeadlines := editEverything(want)
	require.NotEqual(t, editedFindings, wantFindings, "the edit must reach the findings, or this test proves nothing")
	require.NotEqual(t, editedDeadlines, wantDeadlines, "the edit must reach the deadlines, or this test proves nothing")
	require.Equal(t, wantFindings, want.Report.Findings(), "a finding read again is as the check made it")
	require.Equal(t, wantDeadlines, explained(want), "a deadline read again is as the check counted it")
	againJSON, err := json.Marshal(want)
	require.NoError(t, err)
	require.Equal(t, string(wantJSON), string(againJSON), "the result read again is as the check made it")
}
