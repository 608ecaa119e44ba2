package engine_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
)

// TestPass_TextAsTheStringsPackage holds the pass's text helpers to the
// standard library's answers, across enough text to fill several blocks,
// and proves that text written earlier never changes afterwards (messages
// and subjects of a result point into it).
func TestPass_TextAsTheStringsPackage(t *testing.T) {
	p := engine.NewPass(engine.Options{}, guidance.Edition2023)
	defer p.Release()
	type written struct{ got, want string }
	var all []written
	lists := [][]string{nil, {}, {""}, {"health"}, {"health", "police"}, {"a", "", "c"}, {strings.Repeat("x", 9000)}}
	for i := range 400 {
		l := lists[i%len(lists)]
		all = append(all,
			written{p.Join(l, ", "), strings.Join(l, ", ")},
			written{p.List("no attendance recorded from ", l, ", ", ": record who attended"), "no attendance recorded from " + strings.Join(l, ", ") + ": record who attended"},
			written{p.List("", l, " and ", ""), strings.Join(l, " and ")},
			written{p.Concat("record ", strconv.Itoa(i), " ", strings.Join(l, ";")), "record " + strconv.Itoa(i) + " " + strings.Join(l, ";")},
			written{p.Itoa(i - 200), strconv.Itoa(i - 200)},
			written{p.Index("meetings", i), "meetings[" + strconv.Itoa(i) + "]"},
			written{p.Date(guidance.DateFromDays(20000 + i)), guidance.DateFromDays(20000 + i).String()},
		)
	}
	for i, w := range all {
		require.Equal(t, w.want, w.got, "text %d", i)
	}
}

// Format writes a template with its numbers as a report reads it, in the
// pass's storage, and leaves what it wrote before unchanged.
func TestPass_FormatAsAppendNumbers(t *testing.T) {
	p := engine.NewPass(engine.Options{}, guidance.Edition2023)
	defer p.Release()
	day := guidance.Date{Year: 2026, Month: 3, Day: 24}.Days()
	a := p.Format("%d item(s) on %D, 100%%", 3, day)
	b := p.Format("%d of %d", 1, 2)
	require.Equal(t, "3 item(s) on 2026-03-24, 100%", a)
	require.Equal(t, "1 of 2", b)
	require.Equal(t, string(guidance.AppendNumbers(nil, "%d item(s) on %D, 100%%", 3, day)), a)
}
