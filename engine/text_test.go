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
