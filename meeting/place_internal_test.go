package meeting

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPlace_LargeSeriesAgreesWithComparingEveryPair: the O(n log n) way a
// long series works out each meeting's previous and last meeting gives what
// comparing every pair gives, on random series with ties, undated and
// inquorate meetings; later agrees with a scan.
func TestPlace_LargeSeriesAgreesWithComparingEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 15))
	kinds := []Kind{Initial, Review, Transfer, PreBirth}
	for round := range 300 {
		n := 1 + r.IntN(60)
		ms := make([]Meeting, n)
		for i := range ms {
			ms[i].Kind = kinds[r.IntN(len(kinds))]
			if r.IntN(5) > 0 {
				ms[i].Held = Date{Year: 2026, Month: 3, Day: 1 + r.IntN(10)}
			} else if r.IntN(2) == 0 {
				ms[i].Convened = Date{Year: 2026, Month: 3, Day: 1}
			}
			if r.IntN(4) == 0 {
				ms[i].Quorum.Decision = Inquorate
			}
		}
		fresh := func() *series {
			s := &series{Series: Series{Meetings: ms}, at: make([]at, n)}
			for i := range ms {
				s.at[i] = at{m: &ms[i], i: i}
			}
			return s
		}
		small, large := fresh(), fresh()
		small.placeSmall()
		large.placeLarge()
		for i := range ms {
			require.Same(t, small.at[i].prev, large.at[i].prev, "round %d meeting %d prev", round, i)
			require.Same(t, small.at[i].last, large.at[i].last, "round %d meeting %d last", round, i)
			for _, review := range []bool{false, true} {
				var want *Meeting
				for j := i + 1; j < n; j++ {
					q := &ms[j]
					if (!q.Held.IsZero() || !q.Convened.IsZero()) && (!review || isReview(q)) {
						want = q
						break
					}
				}
				require.Same(t, want, large.later(i, review), "round %d meeting %d later(%v)", round, i, review)
			}
		}
	}
}
