package guidance_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func finding(rule string, s guidance.Strength, st guidance.Status, due guidance.Date) guidance.Finding {
	return guidance.Finding{Rule: rule, Strength: s, Status: st, Due: due}
}

func TestReportErrNilWhenNoBindingFailure(t *testing.T) {
	due := d(2026, time.December, 18)
	tests := []struct {
		name     string
		findings []guidance.Finding
	}{
		{"empty", nil},
		{"met and pending", []guidance.Finding{
			finding("a", guidance.Must, guidance.Met, due),
			finding("b", guidance.Should, guidance.Pending, due),
			finding("c", guidance.Must, guidance.MetUnderVariation, due),
			finding("d", guidance.Must, guidance.NotApplicable, due),
			finding("e", guidance.Must, guidance.Unknown, due),
		}},
		{"late where possible", []guidance.Finding{finding("a", guidance.WherePossible, guidance.Late, due)}},
		{"late may", []guidance.Finding{finding("a", guidance.May, guidance.Late, due)}},
		{"overdue may and missing where possible", []guidance.Finding{
			finding("a", guidance.May, guidance.Overdue, due),
			finding("b", guidance.WherePossible, guidance.Missing, due),
		}},
		{"failure of unset strength", []guidance.Finding{finding("a", guidance.StrengthUnset, guidance.Missing, due)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r guidance.Report
			r.Add(tt.findings...)
			assert.NoError(t, r.Err())
			assert.Empty(t, r.Breaches())
		})
	}
}

func TestReportErrListsExactlyTheBreaches(t *testing.T) {
	due := d(2026, time.December, 18)
	for _, st := range []guidance.Status{guidance.Overdue, guidance.Late, guidance.Missing} {
		for _, s := range []guidance.Strength{guidance.Must, guidance.Should} {
			t.Run(st.String()+"/"+s.String(), func(t *testing.T) {
				breach := finding("x.breach", s, st, due)
				r := guidance.Report{Edition: guidance.Edition2023}
				r.Add(
					finding("a.met", guidance.Must, guidance.Met, due),
					breach,
					finding("b.late-may", guidance.May, guidance.Late, due),
					finding("c.pending", guidance.Should, guidance.Pending, due),
				)
				err := r.Err()
				require.Error(t, err)
				var be *guidance.BreachError
				require.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &be))
				assert.Equal(t, []guidance.Finding{breach}, be.Breaches)
				assert.Equal(t, guidance.Edition2023, be.Edition)
				assert.Contains(t, err.Error(), "1 breach(es) of the 2023 guidance")
				assert.Contains(t, err.Error(), "x.breach")
				assert.NotContains(t, err.Error(), "b.late-may")
			})
		}
	}
}

func TestReportErrListsSeveralBreachesInOrder(t *testing.T) {
	r := guidance.Report{Edition: guidance.Edition2021}
	b1 := finding("one", guidance.Should, guidance.Overdue, d(2026, time.January, 2))
	b2 := finding("two", guidance.Must, guidance.Missing, guidance.Date{})
	r.Add(b1, finding("ok", guidance.Must, guidance.Met, guidance.Date{}), b2)
	var be *guidance.BreachError
	require.ErrorAs(t, r.Err(), &be)
	assert.Equal(t, []guidance.Finding{b1, b2}, be.Breaches)
	assert.Equal(t, []guidance.Finding{b1, b2}, r.Breaches())
}

func TestReportCount(t *testing.T) {
	var r guidance.Report
	r.Add(finding("a", guidance.Must, guidance.Met, guidance.Date{}),
		finding("b", guidance.Must, guidance.Met, guidance.Date{}),
		finding("c", guidance.Must, guidance.Late, guidance.Date{}))
	assert.Equal(t, 2, r.Count(guidance.Met))
	assert.Equal(t, 1, r.Count(guidance.Late))
	assert.Equal(t, 0, r.Count(guidance.Pending))
}

func TestReportSortOrdersByUrgency(t *testing.T) {
	jan := func(day int) guidance.Date { return d(2027, time.January, day) }
	want := []guidance.Finding{
		finding("must.overdue", guidance.Must, guidance.Overdue, jan(5)),
		// Within a tier, dated findings come before undated ones.
		finding("must.missing", guidance.Must, guidance.Missing, guidance.Date{}),
		finding("should.late-a", guidance.Should, guidance.Late, jan(1)),
		finding("should.late-b", guidance.Should, guidance.Late, jan(1)),
		finding("should.overdue", guidance.Should, guidance.Overdue, jan(3)),
		finding("wp.late", guidance.WherePossible, guidance.Late, jan(2)),
		finding("may.overdue", guidance.May, guidance.Overdue, jan(9)),
		finding("unknown", guidance.Must, guidance.Unknown, guidance.Date{}),
		finding("pending.z-early", guidance.Should, guidance.Pending, jan(2)),
		finding("pending.a-late", guidance.Must, guidance.Pending, jan(20)),
		finding("pending.no-due", guidance.Must, guidance.Pending, guidance.Date{}),
		finding("met", guidance.Must, guidance.Met, jan(1)),
		finding("met-var", guidance.Must, guidance.MetUnderVariation, jan(2)),
		finding("na", guidance.Must, guidance.NotApplicable, guidance.Date{}),
	}
	// Several shuffled starting orders must all sort to want.
	orders := [][]int{
		{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
		{7, 0, 12, 3, 9, 1, 13, 5, 10, 2, 8, 11, 4, 6},
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13},
	}
	for i, order := range orders {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			var r guidance.Report
			for _, j := range order {
				r.Add(want[j])
			}
			r.Sort()
			got := make([]string, len(r.Findings()))
			for k, f := range r.Findings() {
				got[k] = f.Rule
			}
			exp := make([]string, len(want))
			for k, f := range want {
				exp[k] = f.Rule
			}
			assert.Equal(t, exp, got)
		})
	}
}

func TestFindingString(t *testing.T) {
	f := guidance.Finding{Rule: "coregroup.first", Strength: guidance.Should, Status: guidance.Overdue,
		Subject: "first core group", Due: d(2027, time.January, 1), Message: "hold it"}
	assert.Equal(t, "overdue [should] coregroup.first first core group (due 2027-01-01): hold it", f.String())
	assert.Equal(t, "met [must] x", guidance.Finding{Rule: "x", Strength: guidance.Must, Status: guidance.Met}.String())
}
