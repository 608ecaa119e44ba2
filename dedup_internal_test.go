package cpguide

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// dedupReference is dedupFindings written plainly: one list, each finding
// compared with every finding kept so far.
func dedupReference(fs []guidance.Finding) []guidance.Finding {
	out := make([]guidance.Finding, 0, len(fs))
	for _, f := range fs {
		dup := -1
		for j, g := range out {
			if g.Rule == f.Rule && (g.Subject == f.Subject || (dueMerged[g.Rule] && !g.Due.IsZero() && g.Due == f.Due)) {
				dup = j
				break
			}
		}
		if dup < 0 {
			out = append(out, f)
			continue
		}
		if worse(f, out[dup]) {
			out[dup] = f
		}
	}
	return out
}

// TestDedupFindings_SameAsComparingEveryPair proves that joining the parts
// and skipping other rules by hash keeps exactly the findings, in the order,
// that comparing every pair keeps.
func TestDedupFindings_SameAsComparingEveryPair(t *testing.T) {
	rules := []string{"plan.record", "cppm.record", "coregroup.first", "cppm.notice", "register.registration"}
	subjects := []string{"", "initial CPPM", "record of the plan", "review CPPM 2"}
	statuses := []guidance.Status{guidance.Unknown, guidance.Met, guidance.Pending, guidance.Overdue, guidance.Late, guidance.NotApplicable}
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		var parts [][]guidance.Finding
		var all []guidance.Finding
		for range r.IntN(6) {
			part := make([]guidance.Finding, r.IntN(200))
			for i := range part {
				part[i] = guidance.Finding{Rule: rules[r.IntN(len(rules))], Subject: subjects[r.IntN(len(subjects))],
					Status: statuses[r.IntN(len(statuses))], Message: string(rune('a' + r.IntN(26)))}
				if r.IntN(2) == 0 {
					part[i].Due = guidance.Date{Year: 2026, Month: time.May, Day: 1 + r.IntN(3)}
				}
			}
			parts = append(parts, part)
			all = append(all, part...)
		}
		want := dedupReference(slices.Clone(all))
		require.Equal(t, want, dedupFindings(parts))
	}
}

// TestDedupInPlace_SameAsComparingEveryPair_ManyRules proves the hash chains
// of dedupInPlace with every rule of the catalogue (so rules share buckets)
// and more findings kept than its stack buffers hold.
func TestDedupInPlace_SameAsComparingEveryPair_ManyRules(t *testing.T) {
	var rules []string
	for _, r := range guidance.Rules() {
		rules = append(rules, r.ID)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		fs := make([]guidance.Finding, r.IntN(400))
		for i := range fs {
			fs[i] = guidance.Finding{Rule: rules[r.IntN(len(rules))], Subject: string(rune('a' + r.IntN(4))),
				Status: guidance.Status(r.IntN(8)), Message: string(rune('a' + r.IntN(26)))}
			if r.IntN(2) == 0 {
				fs[i].Due = guidance.Date{Year: 2026, Month: time.May, Day: 1 + r.IntN(3)}
			}
		}
		want := dedupReference(slices.Clone(fs))
		require.Equal(t, want, dedupInPlace(fs))
	}
}
