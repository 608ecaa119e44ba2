package engine_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/timescale"
)

func d(s string) guidance.Date {
	v, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

type record struct{ held, circulated guidance.Date }

// recordChecks are two real rules of the catalogue bound to toy checks:
// cppm.record (AD23 Appendix D: 10 working days; 2014: 15 calendar days;
// not stated in 2021) and ird.follow-up (2023 only).
var recordChecks = []engine.Check[record]{
	{Rule: "cppm.record", Run: func(p *engine.Pass, r *record) error {
		p.Timed(p.Subject(), timescale.Anchors{timescale.EventCPPM: r.held}, r.circulated)
		return nil
	}},
	{Rule: "ird.follow-up", Run: func(p *engine.Pass, r *record) error {
		p.Report(guidance.Met, "checked")
		return nil
	}},
}

// TestRun_EditionLacksRule: a rule the edition does not state is not run;
// the record gets one NotApplicable finding saying so, whoever owns it.
func TestRun_EditionLacksRule(t *testing.T) {
	tests := []struct {
		ed   guidance.Edition
		want map[string]guidance.Status
	}{
		{guidance.Edition2023, map[string]guidance.Status{"cppm.record": guidance.Late, "ird.follow-up": guidance.Met}},
		{guidance.Edition2021, map[string]guidance.Status{"cppm.record": guidance.NotApplicable, "ird.follow-up": guidance.NotApplicable}},
		{guidance.Edition2014, map[string]guidance.Status{"cppm.record": guidance.Late, "ird.follow-up": guidance.NotApplicable}},
	}
	for _, tt := range tests {
		t.Run(tt.ed.String(), func(t *testing.T) {
			p := engine.NewPass(engine.Options{Today: d("2026-05-01")}, tt.ed)
			// Held Tuesday 2026-03-24; due 2026-04-08 under both 2023 (10
			// working days, Good Friday skipped: Easter Monday is not a
			// Scottish bank holiday) and 2014 (15 calendar days);
			// circulated two days later.
			require.NoError(t, engine.Run(p, "initial CPPM M-1", &record{d("2026-03-24"), d("2026-04-10")}, recordChecks))
			require.Equal(t, 2, p.Len())
			for _, f := range p.View().All() {
				require.Equal(t, tt.want[f.Rule], f.Status, f.String())
				require.Equal(t, "initial CPPM M-1", f.Subject)
				require.Equal(t, tt.ed, f.Edition)
				require.NotEmpty(t, f.Message)
			}
		})
	}
}

// TestTimed_NotDoneIsOwed: a timed step not done is Pending before its due
// date, Overdue after it, Unknown with no date of check, and is added to
// the deadlines owed; a step done is not owed.
func TestTimed_NotDoneIsOwed(t *testing.T) {
	for _, tt := range []struct {
		today string
		want  guidance.Status
	}{{"2026-03-25", guidance.Pending}, {"2026-05-01", guidance.Overdue}, {"", guidance.Unknown}} {
		o := engine.Options{}
		if tt.today != "" {
			o.Today = d(tt.today)
		}
		p := engine.NewPass(o, guidance.Edition2023)
		require.NoError(t, engine.Run(p, "M-1", &record{held: d("2026-03-24")}, recordChecks[:1]))
		require.Equal(t, tt.want, p.View().At(0).Status)
		require.Len(t, p.Deadlines, 1)
		require.Equal(t, d("2026-04-08"), p.Deadlines[0].Due, "10 working days after Tuesday 24 March 2026, Good Friday skipped")
	}
}

// TestTake_SortedAndCitationsReadOnly: Take sorts by urgency; a finding's
// citations are the catalogue's, clipped, so that appending to them copies
// and changes neither the catalogue nor another result.
func TestTake_SortedAndCitationsReadOnly(t *testing.T) {
	run := func() *guidance.Report {
		p := engine.NewPass(engine.Options{Today: d("2026-05-01")}, guidance.Edition2023)
		require.NoError(t, engine.Run(p, "M-1", &record{held: d("2026-03-24")}, recordChecks))
		rep, dls := p.Take()
		require.Len(t, dls, 1)
		require.Zero(t, p.Len())
		return rep
	}
	a := run()
	require.Equal(t, guidance.Overdue, a.Findings()[0].Status, "the overdue step first")
	f := a.At(0)
	require.Len(t, f.Citations, cap(f.Citations))
	grown := append(f.Citations, guidance.Citation{Note: "edited"})
	require.NotSame(t, &f.Citations[0], &grown[0], "appending copies: the catalogue's storage is not written")
	b := run()
	require.Equal(t, f.Citations, b.At(0).Citations)
	r, _ := guidance.Lookup("cppm.record")
	for _, pr := range r.Provisions {
		for _, c := range pr.Citations {
			require.NotEqual(t, "edited", c.Note)
		}
	}
}

// TakeSortedReport and TakeDeadlines each give Take's half, and leave the
// pass as empty as Take does.
func TestTake_EachHalfIsTakesHalf(t *testing.T) {
	// The met finding first, so that a report left in the order reported
	// is not the sorted one.
	checks := []engine.Check[record]{recordChecks[1], recordChecks[0]}
	run := func() *engine.Pass {
		p := engine.NewPass(engine.Options{Today: d("2026-05-01")}, guidance.Edition2023)
		require.NoError(t, engine.Run(p, "M-1", &record{held: d("2026-03-24")}, checks))
		return p
	}
	rep, dls := run().Take()
	require.Len(t, dls, 1)
	require.Equal(t, []string{"cppm.record", "ird.follow-up"}, []string{rep.At(0).Rule, rep.At(1).Rule}, "Take sorts: the overdue step first")
	require.NotEqual(t, rep.Findings(), run().TakeReport().Findings(), "the order reported differs, or this test proves nothing")
	p := run()
	require.Equal(t, rep.Findings(), p.TakeSortedReport().Findings())
	require.Zero(t, p.Len())
	require.Empty(t, p.Deadlines)
	p = run()
	require.Equal(t, []timescale.Deadline{dls[0].Deadline()}, p.TakeDeadlines())
	require.Zero(t, p.Len())
	require.Empty(t, p.Deadlines)
}

func TestRun_StopsAtAnError(t *testing.T) {
	boom := errors.New("boom")
	checks := []engine.Check[record]{{Rule: "ird.follow-up", Run: func(*engine.Pass, *record) error { return boom }}}
	p := engine.NewPass(engine.Options{}, guidance.Edition2023)
	require.ErrorIs(t, engine.Run(p, "x", &record{}, checks), boom)
	require.Empty(t, p.Rule(), "no rule left running after the error")
	require.Empty(t, p.Subject())
	require.NoError(t, engine.Run(p, "y", &record{}, recordChecks[1:]), "the pass runs checks again")
}

// A check that calls Run would leave the rest of its record without a rule
// or subject: Run refuses it.
func TestRun_NotFromACheck(t *testing.T) {
	inner := []engine.Check[record]{{Rule: "ird.follow-up", Run: engine.Findings(func(p *engine.Pass, _ *record) { p.Report(guidance.Met, "x") })}}
	outer := []engine.Check[record]{{Rule: "cppm.record", Run: func(p *engine.Pass, r *record) error { return engine.Run(p, "inner", r, inner) }}}
	p := engine.NewPass(engine.Options{}, guidance.Edition2023)
	require.PanicsWithValue(t, "engine.Run: called from the check of cppm.record: a check must not call Run", func() {
		_ = engine.Run(p, "outer", &record{}, outer)
	})
}

func TestOptions_EditionOn(t *testing.T) {
	e, err := engine.Options{}.EditionOn("held", guidance.Date{}, d("2022-03-10"))
	require.NoError(t, err)
	require.Equal(t, guidance.Edition2021, e)

	_, err = engine.Options{Edition: 9}.EditionOn("held")
	var ge *guidance.Error
	require.ErrorAs(t, err, &ge)
	require.Equal(t, guidance.UnknownEdition, ge.Kind)
	require.Contains(t, ge.Hint, "2014, 2021, 2023", "the hint lists guidance.Editions()")

	_, err = engine.Options{}.EditionOn("held")
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "held"}, err), "%v", err)

	_, err = engine.Options{Edition: guidance.Edition2023, Policies: map[string]string{"cppm.initial.anchor": "birthday"}}.PassOn("held")
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy}, err), "%v", err)
	_, err = engine.Options{Edition: guidance.Edition2023, Today: guidance.Date{Year: 2026, Month: 2, Day: 30}}.PassOn("held")
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.today"}, err), "%v", err)
	_, err = engine.Options{Edition: guidance.Edition2023, Variations: []timescale.Variation{{}}}.PassOn("held")
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.variations[0]"}, err), "%v", err)
}

// TestTimed_DoneMatchesTheWholeDeadline: a step is assessed from its
// dates alone, and its finding is exactly the one the whole deadline gives
// (timescale.Due, then Deadline.AssessFor), for every timescale and
// edition, steps done early, on the day, late and within a variation, and
// not done, and with a local figure (which takes the whole deadline). A
// step not done is owed, and the deadline owed is the whole one.
func TestTimed_DoneMatchesTheWholeDeadline(t *testing.T) {
	const notDone = 1 << 20
	type step struct {
		anchors timescale.Anchors
		done    guidance.Date
	}
	n := 0
	for _, ts := range timescale.All() {
		checks := []engine.Check[step]{{Rule: ts.Rule, Run: func(p *engine.Pass, s *step) error {
			p.Timed("the step", s.anchors, s.done)
			return nil
		}}}
		for _, from := range []string{"2026-12-17", "2026-12-18", "2027-03-26", "2027-06-30"} {
			anchors := timescale.Anchors{}
			for i, r := range ts.Readings {
				anchors[r.Anchor] = d(from).AddDays(3 * i)
			}
			if _, ok := anchors[timescale.EventExpectedDelivery]; ok {
				anchors[timescale.EventExpectedDelivery] = d(from).AddDays(150)
			}
			full, err := timescale.Due(ts.Rule, ts.Edition, anchors, timescale.Options{})
			require.NoError(t, err, "%s %s", ts.Rule, ts.Edition)
			vs := []timescale.Variation{{Rule: ts.Rule, NewDate: full.Due.AddDays(5), Approver: "a", Reason: "r", Recorded: d(from)}}
			local := []timescale.LocalTimescale{{Rule: ts.Rule, Amount: 1, Unit: timescale.CalendarDays, Source: "Anytown"}}
			if timescale.CheckLocal(local, ts.Edition) != nil {
				local = nil
			}
			for _, o := range []engine.Options{{Today: d("2027-08-01")}, {Variations: vs}, {Local: local}} {
				o.Edition = ts.Edition
				dl, err := timescale.Due(ts.Rule, ts.Edition, anchors, o.Timescale())
				require.NoError(t, err)
				for _, off := range []int{-1, 0, 1, 3, 10, notDone} {
					var done guidance.Date // zero: not done
					if off != notDone {
						done = dl.Due.AddDays(off)
					}
					p := engine.NewPass(o, ts.Edition)
					require.NoError(t, engine.Run(p, "the step", &step{anchors, done}, checks))
					require.Equal(t, 1, p.Len())
					require.Equal(t, dl.AssessFor("the step", done, o.Today, o.Variations...), p.View().At(0),
						"%s %s from %s done %s", ts.Rule, ts.Edition, from, done)
					if off == notDone {
						require.Len(t, p.Deadlines, 1)
						require.Equal(t, dl, p.Deadlines[0].Deadline())
					} else {
						require.Empty(t, p.Deadlines)
					}
					n++
				}
			}
		}
	}
	require.Greater(t, n, 500)
}

// ValidatedPassOn is PassOn with the pass marked Validated, and PassOn's
// errors.
func TestOptions_ValidatedPassOn(t *testing.T) {
	p, err := engine.Options{}.ValidatedPassOn("held", d("2026-03-24"))
	require.NoError(t, err)
	require.True(t, p.Validated)
	q, err := engine.Options{}.PassOn("held", d("2026-03-24"))
	require.NoError(t, err)
	require.False(t, q.Validated)
	require.Equal(t, q.Edition, p.Edition)
	_, err = engine.Options{Today: guidance.Date{Year: 2026, Month: 2, Day: 30}}.ValidatedPassOn("held", d("2026-03-24"))
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.today"}, err), "got %v", err)
}
