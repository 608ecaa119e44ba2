package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// refOf is a rule's reference in edition e through the cache, as Run
// finds it.
func refOf(id string, e guidance.Edition) (guidance.Ref, bool) {
	if int(e) >= len(refEntry{}.in) {
		return guidance.RefOf(id, e)
	}
	c := refCache.Get(id, refsOf)
	return c.in[e].ref, c.in[e].stated
}

// TestRefOf_SameAsTheCatalogue: the cache answers exactly what
// guidance.RefOf answers, for every rule and edition, for IDs that are
// constants and for the same IDs made afresh at run time (other bytes,
// other slots), and for IDs the catalogue lacks.
func TestRefOf_SameAsTheCatalogue(t *testing.T) {
	for range 2 { // the second round reads the cache
		for _, r := range guidance.Rules() {
			fresh := strings.Clone(r.ID)
			for e := range guidance.Edition(8) {
				want, wantOK := guidance.RefOf(r.ID, e)
				for _, id := range []string{r.ID, fresh} {
					got, ok := refOf(id, e)
					require.Equal(t, wantOK, ok, "%s %d", id, e)
					require.Equal(t, want, got, "%s %d", id, e)
				}
			}
		}
	}
	for _, id := range []string{"", "no.such-rule"} {
		got, ok := refOf(id, guidance.Edition2023)
		require.False(t, ok)
		require.False(t, got.Valid())
	}
	// More IDs made at run time than the cache holds: beyond it, lookups
	// by string, still right.
	for i := range 3 << 10 { // three times the slots
		id := strings.Clone("coregroup.first")
		got, ok := refOf(id, guidance.Edition2023)
		require.True(t, ok, "%d", i)
		require.Equal(t, "coregroup.first", got.ID())
	}
}

// A check keeps its rule's references from its first run; given another
// rule afterwards, it reports under the new one.
func TestRun_CheckGivenAnotherRule(t *testing.T) {
	checks := []Check[int]{{Rule: "cppm.record", Run: func(p *Pass, _ *int) error {
		p.Report(guidance.Met, "checked")
		return nil
	}}}
	p := NewPass(Options{}, guidance.Edition2023)
	defer p.Release()
	require.NoError(t, Run(p, "s", new(int), checks))
	checks[0].Rule = "ird.follow-up"
	require.NoError(t, Run(p, "s", new(int), checks))
	rep := p.TakeReport()
	require.Equal(t, 2, rep.Len())
	require.Equal(t, "cppm.record", rep.At(0).Rule)
	require.Equal(t, "ird.follow-up", rep.At(1).Rule)
	require.Equal(t, guidance.Should, rep.At(1).Strength)
}

// Two steps owing one deadline (the same rule, counted from the same
// dates) get deadlines that share nothing in the result, nor with the
// timescale table: each read builds its own.
func TestTake_DeadlinesOwedTwiceShareNothing(t *testing.T) {
	held := guidance.Date{Year: 2026, Month: 3, Day: 24}
	checks := []Check[int]{{Rule: "cppm.record", Run: func(p *Pass, _ *int) error {
		p.Timed("initial CPPM M-1", timescale.Anchors{timescale.EventCPPM: held}, guidance.Date{})
		p.Timed("initial CPPM M-2", timescale.Anchors{timescale.EventCPPM: held}, guidance.Date{})
		return nil
	}}}
	p := NewPass(Options{Today: guidance.Date{Year: 2026, Month: 5, Day: 1}}, guidance.Edition2023)
	defer p.Release()
	require.NoError(t, Run(p, "s", new(int), checks))
	_, dls := p.Take()
	require.Len(t, dls, 2)
	require.Equal(t, dls[0], dls[1], "the same deadline, twice")
	a, b := dls[0].Deadline(), dls[1].Deadline()
	require.NotSame(t, &a.Readings[0], &b.Readings[0])
	require.NotSame(t, &a.Citations[0], &b.Citations[0])
	a.Citations[0].Note = "edited"
	a.Readings[0].Citations[0].Note = "edited"
	require.NotEqual(t, "edited", b.Citations[0].Note)
	require.NotEqual(t, "edited", b.Readings[0].Citations[0].Note)
	again := dls[0].Deadline()
	require.NotEqual(t, "edited", again.Citations[0].Note)
	require.NotEqual(t, "edited", again.Readings[0].Citations[0].Note)
}
