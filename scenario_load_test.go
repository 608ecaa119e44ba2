package cpguide_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/timescale"
)

// Each finding and deadline a check produces meets at most one expectation:
// a scenario that expects the same finding twice needs it twice.
func TestExpectationCompare_EachActualMeetsOneExpectation(t *testing.T) {
	f := guidance.Finding{Rule: "cppm.record", Status: guidance.Late, Subject: "initial CPPM M-1", Due: date("2026-04-06")}
	x := cpguide.ExpectFinding(f)
	dl := timescale.Owed{Rule: "cppm.review", Due: date("2026-09-24")}
	xd := cpguide.ExpectedDeadline{Rule: "cppm.review", Due: date("2026-09-24")}
	for _, tc := range []struct {
		name      string
		findings  []guidance.Finding
		deadlines []timescale.Owed
		expect    cpguide.Expectation
		diffs     []string
	}{
		{"one finding cannot meet two identical expectations", []guidance.Finding{f}, nil,
			cpguide.Expectation{Findings: []cpguide.ExpectedFinding{x, x}}, []string{"missing finding: " + x.String() + " (got [\"" + x.String() + "\"])"}},
		{"two identical findings meet two identical expectations", []guidance.Finding{f, f}, nil,
			cpguide.Expectation{Findings: []cpguide.ExpectedFinding{x, x}, Exact: true}, nil},
		{"one deadline cannot meet two identical expectations", nil, []timescale.Owed{dl},
			cpguide.Expectation{Deadlines: []cpguide.ExpectedDeadline{xd, xd}}, []string{"missing deadline: cppm.review due 2026-09-24"}},
		{"two identical deadlines meet two identical expectations", nil, []timescale.Owed{dl, dl},
			cpguide.Expectation{Deadlines: []cpguide.ExpectedDeadline{xd, xd}, Exact: true}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &guidance.Report{}
			rep.Add(tc.findings...)
			res := &cpguide.Result{Report: rep, Deadlines: tc.deadlines}
			assert.Equal(t, tc.diffs, tc.expect.Compare(res))
		})
	}
}

func writeScenario(t *testing.T, name, doc string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(doc), 0o644))
	return p
}

// A scenario's inline overlay is checked as DecodeOverlay checks an overlay
// file, with the path inside the scenario.
func TestLoadScenario_InlineOverlayCheckedLikeAnOverlayFile(t *testing.T) {
	const head = `{"name":"n","case":{"id":"C1"},"expect":{},"options":{"overlay":`
	for _, tc := range []struct{ name, overlay, field string }{
		{"holiday without a source", `{"name":"x","holidays":[{"date":"2026-04-06","name":"Easter Monday"}]}`, "options.overlay.holidays[0]"},
		{"zero months", `{"name":"x","timescales":[{"rule":"cppm.review","months":0,"source":"s"}]}`, "options.overlay.timescales[0].months"},
		{"a billion working days", `{"name":"x","timescales":[{"rule":"cppm.record","days":1000000000,"unit":"working","source":"s"}]}`, "options.overlay.timescales[0].days"},
		{"days without a unit", `{"name":"x","timescales":[{"rule":"cppm.record","days":5,"source":"s"}]}`, "options.overlay.timescales[0].unit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cpguide.LoadScenario(writeScenario(t, "s.json", head+tc.overlay+`}}`))
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "got %v", err)
		})
	}
	s, err := cpguide.LoadScenario("examples/scenarios/local-holiday-overlay.json")
	require.NoError(t, err)
	require.NotNil(t, s.Options.Overlay)
	assert.Len(t, s.Options.Overlay.Holidays, 1)
}

// LoadScenario reads no more than DecodeCase would: a file over 16 MiB is
// refused, even one that is valid JSON.
func TestLoadScenario_RefusesAFileOver16MiB(t *testing.T) {
	doc := `{"name":"n","case":{"id":"C1"},"expect":{}}` + strings.Repeat(" ", 16<<20)
	_, err := cpguide.LoadScenario(writeScenario(t, "big.json", doc))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "scenario file"}, err), "got %v", err)
	_, err = cpguide.LoadScenario(writeScenario(t, "small.json", strings.TrimSpace(doc)))
	assert.NoError(t, err)
}

// FuzzLoadScenario: LoadScenario never panics on any file, JSON or YAML; it
// returns a scenario or a *guidance.Error naming a path, never quoting input.
func FuzzLoadScenario(f *testing.F) {
	files, err := filepath.Glob("examples/scenarios/*.json")
	require.NoError(f, err)
	for _, file := range files[:min(4, len(files))] {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data, false)
	}
	f.Add([]byte(`{"name":"n","case":{"id":"C1"},"expect":{"findings":[{"rule":"cppm.record","status":"late"},{"rule":"cppm.record","status":"late"}]}}`), false)
	f.Add([]byte(`{"name":"n","case":{"id":"C1"},"options":{"overlay":{"timescales":[{"rule":"cppm.review","months":0,"source":"s"}]}}}`), false)
	f.Add([]byte(`{"name":"n","case":{"id":"C1"},"options":{"overlay":null}}`), false)
	f.Add([]byte("name: n\ncase: {id: C1}\noptions: {overlay: {holidays: [{date: 2026-04-06}]}}\n"), true)
	f.Add([]byte("name: n\ncase_file: x.json\nexpect: {deadlines: [{rule: cppm.review}]}\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		defer fuzzbudget.Start(t, len(data))()
		name := "s.json"
		if yaml {
			name = "s.yaml"
		}
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := cpguide.LoadScenario(p)
		if err != nil {
			ge, ok := err.(*guidance.Error)
			if !ok {
				t.Fatalf("not a *guidance.Error: %T %v", err, err)
			}
			if len(data) >= 8 && bytes.Contains([]byte(ge.Error()), data) {
				t.Fatalf("the error quotes the input: %v", err)
			}
			return
		}
		if s.Options.Overlay != nil {
			js, err := json.Marshal(s.Options.Overlay)
			if err != nil {
				t.Fatalf("the overlay does not marshal: %v", err)
			}
			if _, err := cpguide.DecodeOverlay(js); err != nil {
				t.Fatalf("a loaded scenario's overlay does not pass DecodeOverlay: %v", err)
			}
		}
	})
}
