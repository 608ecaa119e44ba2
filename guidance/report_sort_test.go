package guidance

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// byUrgency compares findings field by field in the order Sort gives:
// urgency, then due date (none last), then rule ID. A stable sort by it is
// what Sort must equal.
func byUrgency(a, b Finding) int {
	if c := urgency(a.Status, a.Strength) - urgency(b.Status, b.Strength); c != 0 {
		return c
	}
	if c := compareDue(a.Due, b.Due); c != 0 {
		return c
	}
	return strings.Compare(a.Rule, b.Rule)
}

// TestReportSort_SameOrderAsStableSortOfFindings proves that sorting keys and
// permuting in place gives exactly the order a stable sort of the findings
// themselves gives, for reports on both sides of the size where sortKeys
// turns from an insertion sort to counting passes (32), with many ties of
// urgency, due date and rule, and the first and last days a key holds.
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
				switch r.IntN(5) {
				case 0:
				case 4: // the first and last days a key packs
					fs[i].Due = []Date{{9999, time.December, 31}, {1, time.January, 1}}[r.IntN(2)]
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
			slices.SortStableFunc(want, byUrgency)
			rep := &Report{}
			rep.Add(fs...)
			rep.Sort()
			require.Equal(t, want, rep.Findings(), "n=%d", n)
		}
	}
}

// TestSortKeys_SortsAnyOrder: the counting and insertion sort gives what
// slices.Sort gives, for keys of every shape packKey makes (a due date of
// a real day leaves the field's top bit clear; none is all ones): sorted,
// reversed, a few ascending runs (what a check makes), random, and many due
// dates in reverse (past the insertion sort's budget).
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
			"runs":     func(i int) uint64 { return key(i%3+3, []int{noDue, 739000}[i%2], (i*7)%ranks, i) },
			"random": func(i int) uint64 {
				due := noDue
				if r.IntN(2) == 0 {
					due = r.IntN(1 << (dueBits - 1))
				}
				return key(r.IntN(8), due, r.IntN(ranks), i)
			},
			"dues": func(i int) uint64 { return key(4, 1000000-i, 0, i) },
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

// SortedReportTo gives the report that Sort then ReportTo give, and that a
// stable sort of the findings gives, for findings kept compactly and
// spilled whole, on both sides of the size where sortKeys changes method.
func TestBuilder_SortedReportToIsSortThenReportTo(t *testing.T) {
	ids := []string{"cppm.notice", "cppm.initial", "plan.record", "coregroup.first", "register.registration"}
	statuses := []Status{Unknown, Met, MetUnderVariation, Pending, Overdue, Late, Missing, NotApplicable}
	local := Citation{Source: Local, Paragraph: "4.2", Committee: "X Child Protection Committee", Year: 2025}
	r := rand.New(rand.NewPCG(8, 2))
	for _, n := range []int{0, 1, 2, 31, 32, 33, 79, 200} {
		for range 20 {
			var b1, b2, b3 Builder
			for _, b := range []*Builder{&b1, &b2, &b3} {
				b.Reset(Edition2023, Date{})
			}
			for i := range n {
				x, _ := RefOf(ids[r.IntN(len(ids))], Edition2023)
				s := statuses[r.IntN(len(statuses))]
				var due Date
				if r.IntN(2) == 0 {
					due = Date{2026, time.Month(1 + r.IntN(3)), 1 + r.IntN(28)}
				}
				var cites []Citation
				if r.IntN(5) == 0 {
					cites = append(x.Citations(), local) // spilled whole
				}
				subject, msg := "s"+strings.Repeat("x", r.IntN(3)), "m"+strings.Repeat("y", i)
				for _, b := range []*Builder{&b1, &b2, &b3} {
					b.Record(x, s, subject, due, Date{}, msg, cites)
				}
			}
			want := b3.Report().Findings()
			slices.SortStableFunc(want, byUrgency)
			var r1, r2 Report
			b1.Sort()
			b1.ReportTo(&r1)
			b2.SortedReportTo(&r2)
			require.Equal(t, want, r1.Findings(), "Sort then ReportTo, n=%d", n)
			require.Equal(t, want, r2.Findings(), "SortedReportTo, n=%d", n)
			require.Zero(t, b2.Len(), "the builder is left empty")
		}
	}
}

// An entry's urgency, looked up from its meta bits as packMeta lays them
// out, is urgency of its status and strength: for every edition, status and
// strength that fit.
func TestEntryUrgency_IsUrgency(t *testing.T) {
	for ed := range Edition(16) {
		for s := range Status(16) {
			for st := range Strength(16) {
				e := entry{meta: packMeta(ed, s, st) | metaSpilled | formLate<<metaFormShift}
				require.Equal(t, urgency(s, st), e.urgency(), "%v %v %v", ed, s, st)
				require.Equal(t, []any{s, st}, []any{e.status(), e.strength()})
			}
		}
	}
}

// A subject named by the same string is stored once while it is among the
// last 8 stored; the same words at another address, or a subject named
// again after 8 others, take a place of their own and read the same.
func TestBuilder_SubjectsByAddress(t *testing.T) {
	x, ok := RefOf("cppm.record", Edition2023)
	require.True(t, ok)
	var b Builder
	b.Reset(Edition2023, Date{})
	m1, m2 := "initial CPPM M-1", "review CPPM M-2"
	for range 5 {
		b.RecordMessage(x, Met, m1, "held")
		b.RecordMessage(x, Met, m2, "held")
	}
	require.Len(t, b.r.subjects, 2)
	same := string([]byte(m1)) // the same words, another address
	b.RecordMessage(x, Met, same, "held")
	require.Len(t, b.r.subjects, 3, "found by address, not by text")
	b.RecordMessage(x, Met, "", "held")
	b.RecordMessage(x, Met, string([]byte{}), "held")
	require.Len(t, b.r.subjects, 4, "the empty subject once")
	others := make([]string, 8)
	for i := range others {
		others[i] = "review CPPM M-" + string(rune('a'+i))
		b.RecordMessage(x, Met, others[i], "held")
	}
	b.RecordMessage(x, Met, m2, "held") // 8 others since: out of the window
	require.Len(t, b.r.subjects, 13)
	rep := b.Report()
	require.Equal(t, 22, rep.Len())
	for i := range 10 {
		require.Equal(t, []string{m1, m2}[i%2], rep.At(i).Subject)
	}
	require.Equal(t, m1, rep.At(10).Subject)
	require.Equal(t, "", rep.At(11).Subject)
	require.Equal(t, "", rep.At(12).Subject)
	require.Equal(t, others[7], rep.At(20).Subject)
	require.Equal(t, m2, rep.At(21).Subject)
}
