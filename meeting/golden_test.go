package meeting_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtureOptions is the optional NAME.options.json beside a fixture.
type fixtureOptions struct {
	Today    meeting.Date      `json:"today"`
	Previous []json.RawMessage `json:"previous"`
}

// defaultToday is the date of check for fixtures without options.
var defaultToday = guidance.Date{Year: 2026, Month: 5, Day: 1}

type fixture struct {
	name    string // "2023/initial-compliant"
	meeting meeting.Meeting
	opts    meeting.Options
}

// loadFixtures reads every testdata/<edition>/*.json meeting, with its
// options file if any. The date of check is 2026-05-01 unless set; each
// fixture is checked under the edition named by its directory.
func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	files, err := filepath.Glob("testdata/*/*.json")
	require.NoError(t, err)
	var out []fixture
	for _, f := range files {
		if strings.HasSuffix(f, ".options.json") || strings.HasSuffix(f, ".golden.json") {
			continue
		}
		ed, err := guidance.ParseEdition(filepath.Base(filepath.Dir(f)))
		require.NoError(t, err, f)
		r, err := os.Open(f)
		require.NoError(t, err)
		m, err := meeting.Decode(r)
		r.Close()
		require.NoError(t, err, f)
		opts := meeting.Options{Options: engine.Options{Edition: ed, Today: defaultToday}}
		if ed != guidance.Edition2023 {
			opts.Today = guidance.Date{Year: m.Held.Year, Month: 12, Day: 1}
		}
		if b, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".options.json"); err == nil {
			var fo fixtureOptions
			require.NoError(t, json.Unmarshal(b, &fo), f)
			if !fo.Today.IsZero() {
				opts.Today = fo.Today
			}
			for _, p := range fo.Previous {
				pm, err := meeting.Decode(bytes.NewReader(p))
				require.NoError(t, err, f)
				opts.Previous = append(opts.Previous, pm)
			}
		}
		name := filepath.ToSlash(strings.TrimSuffix(strings.TrimPrefix(f, "testdata"+string(filepath.Separator)), ".json"))
		out = append(out, fixture{name: name, meeting: m, opts: opts})
	}
	require.NotEmpty(t, out)
	return out
}

// TestGolden checks every fixture and compares the text and JSON reports
// with testdata/<edition>/NAME.golden and NAME.golden.json. Run
// `go test ./meeting -update` to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			rep, err := meeting.Check(fx.meeting, fx.opts)
			require.NoError(t, err)
			text := meeting.Text(rep)
			js, err := json.MarshalIndent(rep, "", "  ")
			require.NoError(t, err)
			js = append(js, '\n')
			base := filepath.Join("testdata", filepath.FromSlash(fx.name))
			if *update {
				require.NoError(t, os.WriteFile(base+".golden", []byte(text), 0o644))
				require.NoError(t, os.WriteFile(base+".golden.json", js, 0o644))
				return
			}
			want, err := os.ReadFile(base + ".golden")
			require.NoError(t, err, "run go test ./meeting -update")
			require.Equal(t, string(want), text)
			wantJS, err := os.ReadFile(base + ".golden.json")
			require.NoError(t, err, "run go test ./meeting -update")
			require.JSONEq(t, string(wantJS), string(js))
		})
	}
}

// TestOneFindingPerRule: every fixture report holds exactly one finding per
// rule of meeting.Checks, and every rule of the meeting area has a check
// value. That each rule's check is live (fails somewhere) is proved by the
// scenarios: the root package's TestScenarios_CoverTheCatalogue is the one
// coverage gate for every package.
func TestOneFindingPerRule(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		rep, err := meeting.Check(fx.meeting, fx.opts)
		require.NoError(t, err, fx.name)
		seen := map[string]int{}
		for _, f := range rep.Findings() {
			seen[f.Rule]++
		}
		for _, id := range meeting.RuleIDs() {
			require.Equal(t, 1, seen[id], "%s: rule %s should have exactly one finding", fx.name, id)
		}
		require.Len(t, rep.Findings(), len(meeting.RuleIDs()), fx.name)
	}
	covered := map[string]bool{}
	for _, id := range meeting.RuleIDs() {
		covered[id] = true
	}
	for _, r := range guidance.Rules() {
		if r.Area == guidance.AreaMeeting {
			require.True(t, covered[r.ID], "catalogue rule %s is not checked by meeting.Check", r.ID)
		}
	}
}
