package guidance

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReportSort_SameOrderAsStableSortOfFindings proves that sorting keys and
// permuting in place gives exactly the order a stable sort of the findings
// themselves gives, for reports on both sides of the size where sortKeys
// turns from an insertion sort to counting passes (32), with many ties of
// urgency, due date and rule.
func TestReportSort_SameOrderAsStableSortOfFindings(t *testing.T) {
	catalogued := []string{"cppm.notice", "cppm.initial", "plan.record", "coregroup.first", "register.registration"}
	withOthers := append([]string{"a", "z"}, catalogued...) // not in the catalogue: keys do not pack
	statuses := []Status{Unknown, Met, MetUnderVariation, Pending, Overdue, Late, Missing, NotApplicable}
	strengths := []Strength{Must, Should, WherePossible, May}
	r := rand.New(rand.NewPCG(6, 1))
	for _, n := range []int{0, 1, 2, 3, 20, 32, 33, 63, 64, 65, 200} {
		for iter := range 40 {
			rules := catalogued
			if iter%2 == 1 {
				rules = withOthers
			}
			fs := make([]Finding, n)
			for i := range fs {
				fs[i] = Finding{Rule: rules[r.IntN(len(rules))], Status: statuses[r.IntN(len(statuses))],
					Strength: strengths[r.IntN(len(strengths))], Message: strings.Repeat("x", i)}
				switch r.IntN(4) {
				case 0:
				case 1:
					if iter%2 == 0 {
						fs[i].Due = Date{2025, time.December, 31}
						break
					}
					fs[i].Due = Date{2026, time.February, 28 + r.IntN(3)} // 30 February does not exist: keys do not pack
				default:
					fs[i].Due = Date{2026, time.Month(1 + r.IntN(2)), 1 + r.IntN(3)}
				}
			}
			want := slices.Clone(fs)
			slices.SortStableFunc(want, func(a, b Finding) int {
				if c := urgency(a.Status, a.Strength) - urgency(b.Status, b.Strength); c != 0 {
					return c
				}
				if c := compareDue(a.Due, b.Due); c != 0 {
					return c
				}
				return strings.Compare(a.Rule, b.Rule)
			})
			rep := &Report{}
			rep.Add(fs...)
			rep.Sort()
			require.Equal(t, want, rep.Findings(), "n=%d", n)
		}
	}
}

// TestSortKeys_SortsAnyOrder: the counting and insertion sort gives what
// slices.Sort gives, for keys of every shape: sorted, reversed, a few
// ascending runs (what a check makes), random, and many due dates in
// reverse (past the insertion sort's budget).
func TestSortKeys_SortsAnyOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	key := func(u, due, rank, i int) uint64 {
		return uint64(u)<<(dueBits+rankBits+indexBits) | uint64(due)<<(rankBits+indexBits) | uint64(rank)<<indexBits | uint64(i)
	}
	ranks := len(catalogue)
	for _, n := range []int{0, 1, 2, 3, 7, 64, 65, 79, 300, 2000} {
		shapes := map[string]func(i int) uint64{
			"sorted":   func(i int) uint64 { return key(5, noDue, i%ranks, i) },
			"reversed": func(i int) uint64 { return key(5-i%6, n-i, (n-i)%ranks, i) },
			"runs":     func(i int) uint64 { return key(i%3+3, noDue-i%2, (i*7)%ranks, i) },
			"random":   func(i int) uint64 { return key(r.IntN(6), r.IntN(noDue+1), r.IntN(ranks), i) },
			"dues":     func(i int) uint64 { return key(4, 1000000-i, 0, i) },
		}
		for name, f := range shapes {
			keys := make([]uint64, n)
			for i := range keys {
				keys[i] = f(i)
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			got := sortKeys(keys, make([]uint64, n))
			require.Equal(t, want, got, "%s n=%d", name, n)
		}
	}
}
