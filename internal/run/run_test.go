package run

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

func day(d int) guidance.Date { return guidance.Date{Year: 2026, Month: time.March, Day: d} }

// TestRunDue_SameAsTimescaleDue proves that a remembered deadline is the
// one timescale.Due computes, for the first ask and every later one, with
// more deadlines asked for in between than the memo holds.
func TestRunDue_SameAsTimescaleDue(t *testing.T) {
	opts := timescale.Options{Policies: map[string]string{"cppm.initial.anchor": "concern"}}
	r := &Run{Options: opts}
	for round := range 3 {
		for d := 1; d <= memoSize+5; d++ {
			for _, tc := range []struct {
				rule    string
				anchors timescale.Anchors
			}{
				{"cppm.record", timescale.Anchors{timescale.EventCPPM: day(d)}},
				{"cppm.initial", timescale.Anchors{timescale.EventConcern: day(d), timescale.EventIRD: day(d + 1)}},
			} {
				want, err := timescale.Due(tc.rule, guidance.Edition2023, tc.anchors, opts)
				require.NoError(t, err)
				got, err := r.Due(tc.rule, guidance.Edition2023, tc.anchors)
				require.NoError(t, err)
				assert.Equal(t, want, got, "round %d, %s from day %d", round, tc.rule, d)
			}
		}
	}
}

// TestRunDue_RemembersByRuleEditionAndAnchors proves that Due hands back
// what it computed for the same rule, edition and anchors (whatever the
// order the map gives them in), and computes afresh when any differs.
func TestRunDue_RemembersByRuleEditionAndAnchors(t *testing.T) {
	r := &Run{}
	a := timescale.Anchors{timescale.EventConcern: day(2), timescale.EventIRD: day(3), timescale.EventInvestigation: day(3)}
	first, err := r.Due("cppm.initial", guidance.Edition2023, a)
	require.NoError(t, err)
	require.Equal(t, 1, r.n)
	for range 20 { // map order varies from one range to the next
		again, err := r.Due("cppm.initial", guidance.Edition2023, timescale.Anchors{
			timescale.EventInvestigation: day(3), timescale.EventIRD: day(3), timescale.EventConcern: day(2)})
		require.NoError(t, err)
		require.Equal(t, first, again)
	}
	assert.Equal(t, 1, r.n, "remembered, not computed again")

	_, err = r.Due("cppm.initial", guidance.Edition2021, a)
	require.NoError(t, err)
	_, err = r.Due("cppm.initial", guidance.Edition2023, timescale.Anchors{timescale.EventConcern: day(2)})
	require.NoError(t, err)
	_, err = r.Due("cppm.record", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2)})
	require.NoError(t, err)
	assert.Equal(t, 4, r.n, "another edition, other anchors, another rule: each computed")

	_, err = r.Due("cppm.initial", guidance.Edition2023, timescale.Anchors{})
	require.Error(t, err, "errors are returned")
	assert.Equal(t, 4, r.n, "and not remembered")
}
