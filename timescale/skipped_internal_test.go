package timescale

import (
	"math/rand/v2"
	"testing"

	"github.com/cpguide/cpguide/guidance"
	"github.com/stretchr/testify/require"
)

// TestSkipped_BitScanAgreesWithDayByDayWalk proves that listing skipped days
// from the bitmap's clear bits gives exactly the list a day-by-day walk
// gives, for spans inside the index, across word boundaries, at its edges
// and partly or wholly outside it.
func TestSkipped_BitScanAgreesWithDayByDayWalk(t *testing.T) {
	c := Scotland()
	first := Date{Year: indexFirstYear, Month: 1, Day: 1}.Days()
	last := Date{Year: indexLastYear, Month: 12, Day: 31}.Days()
	spans := [][2]int{
		{first - 10, first + 10}, {last - 10, last + 10}, {first, first}, {first, first + 1},
		{last - 1, last}, {last, last + 1}, {first - 400, first - 300}, {last + 300, last + 400},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := Date{Year: 2000, Month: 1, Day: 1}.Days() + r.IntN(40*365)
		spans = append(spans, [2]int{a, a + r.IntN(200) - 100})
	}
	for _, s := range spans {
		a, b := guidance.DateFromDays(s[0]), guidance.DateFromDays(s[1])
		lo, hi := min(s[0], s[1]), max(s[0], s[1])
		want := c.skippedExact(lo, hi)
		got := c.skipped(a, b)
		require.Equal(t, len(want), len(got), "%s..%s", a, b)
		for i := range want {
			require.Equal(t, want[i], got[i], "%s..%s", a, b)
		}
	}
}
