package guidance_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func ref(t *testing.T, id string, e guidance.Edition) guidance.Ref {
	t.Helper()
	x, ok := guidance.RefOf(id, e)
	require.True(t, ok, "%s in %s", id, e)
	return x
}

// Every way of recording a finding reads back as the finding NewFinding
// would make with the same status, subject, dates and message: compact or
// whole, with its text kept, built from a template or from its dates.
func TestBuilder_FindingsReadBackWhole(t *testing.T) {
	e := guidance.Edition2023
	x := ref(t, "cppm.record", e)
	due, done := guidance.Date{Year: 2026, Month: time.April, Day: 8}, guidance.Date{Year: 2026, Month: time.April, Day: 20}
	local := append(x.Citations(), guidance.Citation{Source: guidance.Local, Paragraph: "4.2", Committee: "X Child Protection Committee", Year: 2025})
	long := strings.Repeat("x", 70000) // longer than an entry holds

	var b guidance.Builder
	b.Reset(e, guidance.Date{})
	b.Record(x, guidance.Overdue, "initial CPPM M-1", due, guidance.Date{}, "circulate the record now", nil)
	b.Record(x, guidance.Late, "initial CPPM M-1", due, done, "done late", local) // other citations: kept whole
	b.Record(x, guidance.Met, "initial CPPM M-1", guidance.Date{}, guidance.Date{}, long, nil)
	b.RecordMessage(x, guidance.Missing, "review CPPM M-2", "record the decision")
	b.RecordMessage(x, guidance.Met, "review CPPM M-2", long) // too long for an entry: kept whole
	require.True(t, b.RecordNumbers(x, guidance.Met, "review CPPM M-2", "%d, on %D, 100%%", 2, due.Days()))
	require.False(t, b.RecordNumbers(x, guidance.Met, "s", "%d %d %d", 1, 2, 3), "three numbers do not fit")
	require.False(t, b.RecordNumbers(x, guidance.Met, "s", "%d", 1, 2), "the numbers must match the template")
	require.False(t, b.RecordNumbers(x, guidance.Met, "s", "%d", 1<<40), "beyond 32 bits")
	b.RecordDone(x, guidance.Met, "review CPPM M-2", due, due.AddDays(-1), nil)
	b.RecordDone(x, guidance.Late, "review CPPM M-2", due, done, nil)
	require.Panics(t, func() { b.RecordDone(x, guidance.Pending, "review CPPM M-2", due, done, nil) }, "a pending step's words are not made from its dates")
	rep := b.Report()
	require.Equal(t, 0, b.Len(), "Report leaves the builder empty")

	f := func(s guidance.Status, subject string, due, done guidance.Date, msg string) guidance.Finding {
		f := guidance.NewFinding("cppm.record", e, s, msg)
		f.Subject, f.Due, f.Done = subject, due, done
		return f
	}
	late := f(guidance.Late, "initial CPPM M-1", due, done, "done late")
	late.Citations = local
	want := []guidance.Finding{
		f(guidance.Overdue, "initial CPPM M-1", due, guidance.Date{}, "circulate the record now"),
		late,
		f(guidance.Met, "initial CPPM M-1", guidance.Date{}, guidance.Date{}, long),
		f(guidance.Missing, "review CPPM M-2", guidance.Date{}, guidance.Date{}, "record the decision"),
		f(guidance.Met, "review CPPM M-2", guidance.Date{}, guidance.Date{}, long),
		f(guidance.Met, "review CPPM M-2", guidance.Date{}, guidance.Date{}, "2, on 2026-04-08, 100%"),
		f(guidance.Met, "review CPPM M-2", due, due.AddDays(-1), "done on 2026-04-07, due by 2026-04-08"),
		f(guidance.Late, "review CPPM M-2", due, done, "done on 2026-04-20, 12 day(s) after the due date 2026-04-08; record the reasons"),
	}
	require.Equal(t, want, rep.Findings())
	for i, w := range want {
		require.Equal(t, w, rep.At(i))
		brief := rep.Brief(i)
		w.Title, w.Message, w.Citations = "", "", nil
		require.Equal(t, w, brief, "Brief %d", i)
		require.Equal(t, w.Rule, rep.RuleAt(i), "RuleAt %d", i)
		require.Equal(t, w.Subject, rep.SubjectAt(i), "SubjectAt %d", i)
	}
	n := 0
	for i, got := range rep.All() {
		require.Equal(t, want[i], got)
		n++
	}
	require.Equal(t, len(want), n)
	require.Equal(t, []int{4, 2, 0, 1}, []int{rep.Count(guidance.Met), rep.Count(guidance.Late), rep.Count(guidance.Pending), rep.Count(guidance.Overdue)})

	other := guidance.NewFinding("coregroup.first", e, guidance.Pending, "hold it")
	other.Subject = "the first Core Group meeting"
	rep.Add(other)
	require.Equal(t, []string{"coregroup.first", "the first Core Group meeting"},
		[]string{rep.RuleAt(len(want)), rep.SubjectAt(len(want))}, "a finding given to Add")
	require.Equal(t, "cppm.record", rep.RuleAt(0))
}

// A report survives JSON: what it encodes decodes to the same findings.
func TestReport_JSONRoundTrip(t *testing.T) {
	var b guidance.Builder
	b.Reset(guidance.Edition2021, guidance.Date{Year: 2026, Month: time.May, Day: 1})
	x := ref(t, "coregroup.first", guidance.Edition2021)
	b.RecordDone(x, guidance.Met, "first Core Group meeting", guidance.Date{Year: 2026, Month: 4, Day: 15}, guidance.Date{Year: 2026, Month: 4, Day: 3}, nil)
	require.True(t, b.RecordNumbers(x, guidance.Unknown, "core group", "%d day(s)", 4))
	rep := b.Report()
	data, err := json.Marshal(rep)
	require.NoError(t, err)
	var back guidance.Report
	require.NoError(t, json.Unmarshal(data, &back))
	require.Equal(t, rep.Edition, back.Edition)
	require.Equal(t, rep.Today, back.Today)
	require.Equal(t, rep.Findings(), back.Findings())
}

// Cite adds a council's citation after a finding's own and raises the
// strength only where the local one is stronger, on compact and whole
// findings alike; findings of other rules are untouched.
func TestReport_CiteAddsLocalTextAndOnlyAStrongerStrength(t *testing.T) {
	e := guidance.Edition2023
	in, rec := ref(t, "coregroup.in-person", e), ref(t, "plan.record", e)
	var b guidance.Builder
	b.Reset(e, guidance.Date{})
	b.Record(in, guidance.Met, "meetings in person", guidance.Date{}, guidance.Date{}, "held in person", nil)
	b.Record(rec, guidance.Met, "plan", guidance.Date{}, guidance.Date{}, "sent", nil)
	rep := b.Report()
	rep.Add(guidance.NewFinding("coregroup.in-person", e, guidance.Met, "added whole"))
	c := guidance.Citation{Source: guidance.Local, Paragraph: "4", Committee: "X Child Protection Committee", Year: 2025}
	rep.Cite("coregroup.in-person", c, guidance.Must)
	rep.Cite("plan.record", c, guidance.May) // weaker: no change of strength
	for _, i := range []int{0, 2} {
		f := rep.At(i)
		assert.Equal(t, guidance.Must, f.Strength)
		assert.Equal(t, c, f.Citations[len(f.Citations)-1])
		assert.Equal(t, append(in.Citations(), c), f.Citations)
	}
	assert.Equal(t, rec.Strength(), rep.At(1).Strength)
	assert.Equal(t, append(rec.Citations(), c), rep.At(1).Citations)
}

func TestAppendNumbers(t *testing.T) {
	for _, tc := range []struct {
		template string
		numbers  []int
		want     string
	}{
		{"all %d meeting(s)", []int{2}, "all 2 meeting(s)"},
		{"%d and %d", []int{-1, 30}, "-1 and 30"},
		{"on %D", []int{guidance.Date{Year: 2026, Month: 3, Day: 24}.Days()}, "on 2026-03-24"},
		{"100%% of %d", []int{5}, "100% of 5"},
		{"%d and %d", []int{7}, "7 and %d"},
		{"50% off, %x, trailing %", nil, "50% off, %x, trailing %"},
	} {
		assert.Equal(t, tc.want, string(guidance.AppendNumbers(nil, tc.template, tc.numbers...)), tc.template)
	}
	assert.Equal(t, 2, guidance.CountNumbers("%d, %D, %%d, %x"))
}
