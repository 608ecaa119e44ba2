package timescale_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

// requireDueDateAgrees checks that DueDate gives the Due and LastWorkingDay
// of the deadline Due computes from the same arguments, or the same error.
func requireDueDateAgrees(t *testing.T, rule string, e guidance.Edition, a timescale.Anchors, opts timescale.Options) {
	t.Helper()
	dl, err := timescale.Due(rule, e, a, opts)
	due, last, err2 := timescale.DueDate(rule, e, a, opts)
	if err != nil {
		require.Error(t, err2, "%s %s %v: Due fails (%v), DueDate does not", rule, e, a, err)
		require.Equal(t, err, err2, "%s %s %v", rule, e, a)
		return
	}
	require.NoError(t, err2, "%s %s %v", rule, e, a)
	require.Equal(t, dl.Due, due, "%s %s %v %v", rule, e, a, opts)
	require.Equal(t, dl.LastWorkingDay, last, "%s %s %v %v", rule, e, a, opts)
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
