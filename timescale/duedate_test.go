package timescale_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// requireDueDateAgrees checks that DueDate gives the Due and LastWorkingDay
// of the deadline Due computes from the same arguments, or the same error,
// and that Owe does too, with the whole deadline on read.
func requireDueDateAgrees(t *testing.T, rule string, e guidance.Edition, a timescale.Anchors, opts timescale.Options) {
	t.Helper()
	dl, err := timescale.Due(rule, e, a, opts)
	due, last, err2 := timescale.DueDate(rule, e, a, opts)
	o, err3 := timescale.Owe(rule, e, a, opts)
	if err != nil {
		require.Error(t, err2, "%s %s %v: Due fails (%v), DueDate does not", rule, e, a, err)
		require.Equal(t, err, err2, "%s %s %v", rule, e, a)
		require.Equal(t, err, err3, "%s %s %v", rule, e, a)
		require.Zero(t, o)
		return
	}
	require.NoError(t, err2, "%s %s %v", rule, e, a)
	require.NoError(t, err3, "%s %s %v", rule, e, a)
	require.Equal(t, dl.Due, due, "%s %s %v %v", rule, e, a, opts)
	require.Equal(t, dl.LastWorkingDay, last, "%s %s %v %v", rule, e, a, opts)
	require.Equal(t, dl.Rule, o.Rule)
	require.Equal(t, dl.Edition, o.Edition)
	require.Equal(t, dl.Action, o.Action)
	require.Equal(t, dl.Due, o.Due)
	require.Equal(t, dl.LastWorkingDay, o.LastWorkingDay)
	require.Equal(t, dl, o.Deadline(), "%s %s %v %v", rule, e, a, opts)
}

// An Owed keeps what it was computed from: editing the anchors, the
// policy choices or the local figures after Owe changes nothing in the
// deadline it explains.
func TestOwe_KeepsItsInputs(t *testing.T) {
	tests := []struct {
		name    string
		rule    string
		e       guidance.Edition
		anchors timescale.Anchors
		opts    timescale.Options
	}{
		{"three anchors, a policy choice", "cppm.initial", guidance.Edition2023,
			timescale.Anchors{timescale.EventConcern: day(2026, 12, 1), timescale.EventIRD: day(2026, 12, 3), timescale.EventInvestigation: day(2026, 12, 8)},
			timescale.Options{Policies: map[string]string{"cppm.initial.anchor": "ird"}}},
		{"a policy choice and a local figure", "coregroup.first", guidance.Edition2021,
			timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)},
			timescale.Options{Policies: map[string]string{"coregroup.first.reading": "working"},
				Local: []timescale.LocalTimescale{{Rule: "coregroup.first", Amount: 5, Unit: timescale.WorkingDays, Source: "Anytown CPC procedures 2026, para 4.2"}}}},
		{"a local figure for a step the edition leaves open", "plan.record", guidance.Edition2023,
			timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)},
			timescale.Options{Local: []timescale.LocalTimescale{{Rule: "plan.record", Amount: 10, Unit: timescale.WorkingDays, Source: "Anytown"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := timescale.Due(tt.rule, tt.e, tt.anchors, tt.opts)
			require.NoError(t, err)
			o, err := timescale.Owe(tt.rule, tt.e, tt.anchors, tt.opts)
			require.NoError(t, err)
			for ev := range tt.anchors {
				tt.anchors[ev] = day(2027, 3, 1)
			}
			for id := range tt.opts.Policies {
				tt.opts.Policies[id] = timescale.Stricter
			}
			for i := range tt.opts.Local {
				tt.opts.Local[i].Amount = 1
				tt.opts.Local[i].Source = "changed"
			}
			got := o.Deadline()
			require.Equal(t, want, got)
			require.Equal(t, want.Explanation(), o.Explanation())
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			gotJSON, err := json.Marshal(o)
			require.NoError(t, err)
			require.Equal(t, string(wantJSON), string(gotJSON))
		})
	}
}

// An Owed that Owe did not make (the zero value, or one a caller filled
// in) is a deadline of its fields alone; none can be decoded, since its
// JSON does not hold what the deadline was counted from.
func TestOwed_NotMadeByOweIsItsFields(t *testing.T) {
	var zero timescale.Owed
	require.Zero(t, zero.Deadline())
	filled := timescale.Owed{Rule: "cppm.review", Edition: guidance.Edition2023, Due: day(2026, 9, 24), LastWorkingDay: day(2026, 9, 24)}
	require.Equal(t, timescale.Deadline{Rule: "cppm.review", Edition: guidance.Edition2023, Due: day(2026, 9, 24), LastWorkingDay: day(2026, 9, 24)}, filled.Deadline())
	_, err := json.Marshal(filled)
	require.NoError(t, err)

	o, err := timescale.Owe("cppm.record", guidance.Edition2023, timescale.Anchors{timescale.EventCPPM: day(2026, 3, 24)}, timescale.Options{})
	require.NoError(t, err)
	b, err := json.Marshal(o)
	require.NoError(t, err)
	var back timescale.Owed
	require.ErrorContains(t, json.Unmarshal(b, &back), "cannot be decoded")
	var dl timescale.Deadline
	require.Error(t, json.Unmarshal(b, &dl), "a deadline's JSON does not decode either (its direction is text only)")
}

// DueDate and Due agree for every timescale in its edition, for every
// policy choice and every local figure, on anchors spread over the year
// (every weekday and the holidays at Christmas, New Year and Easter) with
// some anchors missing, and in every edition (and an unset and an unknown
// one) with an unknown event and an unsupported date.
func TestDueDate_AgreesWithDue(t *testing.T) {
	var anchorDays []timescale.Date
	for d := day(2026, 12, 14); d.Before(day(2027, 1, 10)); d = d.AddDays(1) {
		anchorDays = append(anchorDays, d)
	}
	for d := day(2027, 3, 20); d.Before(day(2027, 4, 5)); d = d.AddDays(1) {
		anchorDays = append(anchorDays, d)
	}
	anchorDays = append(anchorDays, day(1900, 1, 2), day(2199, 12, 1), day(2026, 8, 31))
	eds := append(guidance.Editions(), guidance.EditionUnset, guidance.Edition(9))
	var choices []map[string]string
	choices = append(choices, nil)
	for _, p := range timescale.Policies() {
		for _, c := range p.Choices {
			choices = append(choices, map[string]string{p.ID: c.Name})
		}
	}
	choices = append(choices, map[string]string{"no.such.policy": "x"})
	// A tighter local figure for each timescale and edition that accepts
	// one, and a local figure for a step an edition leaves open.
	locals := [][]timescale.LocalTimescale{nil}
	for _, ts := range timescale.All() {
		for _, u := range []timescale.Unit{timescale.CalendarDays, timescale.WorkingDays, timescale.Months} {
			for _, amount := range []int{1, 3, 10, 20} {
				l := []timescale.LocalTimescale{{Rule: ts.Rule, Amount: amount, Unit: u, Source: "Anytown CPC procedures"}}
				if timescale.CheckLocal(l, ts.Edition) == nil {
					locals = append(locals, l)
				}
			}
		}
	}
	locals = append(locals, []timescale.LocalTimescale{{Rule: "plan.record", Amount: 10, Unit: timescale.WorkingDays, Source: "Anytown"}})
	require.Greater(t, len(locals), 20)

	for _, ts := range timescale.All() {
		for _, e := range eds {
			a := timescale.Anchors{ts.Anchor(): day(2026, 12, 18)}
			requireDueDateAgrees(t, ts.Rule, e, a, timescale.Options{})
			a = timescale.Anchors{ts.Anchor(): day(2026, 5, 5), "no-such-event": day(2026, 5, 5)}
			requireDueDateAgrees(t, ts.Rule, e, a, timescale.Options{})
			a = timescale.Anchors{ts.Anchor(): {Year: 2026, Month: time.February, Day: 30}}
			requireDueDateAgrees(t, ts.Rule, e, a, timescale.Options{})
		}
		e := ts.Edition
		for i, d := range anchorDays {
			a := timescale.Anchors{}
			for j, r := range ts.Readings {
				if (i+j)%5 != 4 { // sometimes a reading's anchor is missing
					a[r.Anchor] = d.AddDays(7 * j)
				}
			}
			if ts.Rule == "cppm.pre-birth" {
				a[timescale.EventExpectedDelivery] = d.AddDays(60 + 20*(i%10))
			}
			for _, ch := range choices {
				requireDueDateAgrees(t, ts.Rule, e, a, timescale.Options{Policies: ch})
			}
			for _, l := range locals {
				requireDueDateAgrees(t, ts.Rule, e, a, timescale.Options{Local: l})
			}
		}
	}
	requireDueDateAgrees(t, "no.such.rule", guidance.Edition2023, timescale.Anchors{}, timescale.Options{})
	requireDueDateAgrees(t, "cppm.core-agencies", guidance.Edition2023, timescale.Anchors{}, timescale.Options{})
}

// Owe and DueDate allocate nothing, but for Owe's copy of a local figure
// that names the rule (what the check of a case pays per step owed).
func TestOwe_AllocatesNothing(t *testing.T) {
	a := timescale.Anchors{timescale.EventCPPM: day(2026, 12, 18)}
	local := timescale.Options{Local: []timescale.LocalTimescale{{Rule: "coregroup.first", Amount: 5, Unit: timescale.WorkingDays, Source: "Anytown CPC procedures 2026, para 4.2"}}}
	for _, tt := range []struct {
		name       string
		opts       timescale.Options
		owe, dates float64
	}{
		{"national", timescale.Options{}, 0, 0},
		{"a local figure", local, 1, 0},
	} {
		owe := testing.AllocsPerRun(100, func() {
			if _, err := timescale.Owe("coregroup.first", guidance.Edition2023, a, tt.opts); err != nil {
				t.Fatal(err)
			}
		})
		dates := testing.AllocsPerRun(100, func() {
			if _, _, err := timescale.DueDate("coregroup.first", guidance.Edition2023, a, tt.opts); err != nil {
				t.Fatal(err)
			}
		})
		assert.Equal(t, tt.owe, owe, "%s: Owe", tt.name)
		assert.Equal(t, tt.dates, dates, "%s: DueDate", tt.name)
	}
}
