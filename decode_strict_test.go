package cpguide_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// DESIGN idea 6 and 8, issue 10: every part of a case is decoded by the one
// strict decoder. A key given twice (where encoding/json took the last, so
// swapping two values flipped a verdict), a key that differs from the
// field's name only in case (which encoding/json matched) and an unknown
// key are refused, naming the key and its full JSON path, in JSON and in
// YAML, at the top, in a meeting, in the plan and in a register event.
func TestDecodeCase_DuplicateWrongCaseAndUnknownKeysNamedWithTheirPath(t *testing.T) {
	reg := `{"child_id":"CHILD-TEST-0900","version":1,"type":"enquired","enquiry":{"purpose":"x"}`
	for _, tc := range []struct {
		name, json, field, hint string
	}{
		{"duplicate key at the top", `{"id":"C1","no_cppm":true,"no_cppm":false}`, "no_cppm", "given twice"},
		{"duplicate key in a meeting", `{"meetings":[{"kind":"initial","held":"2026-03-02","held":"2026-03-09"}]}`, "meetings[0].held", "given twice"},
		{"duplicate key deep in a meeting", `{"meetings":[{"kind":"initial","quorum":{"decision":"quorate","decision":"inquorate"}}]}`, "meetings[0].quorum.decision", "given twice"},
		{"duplicate key in the plan", `{"plan":{"actions":[{},{"responsible":{},"responsible":{}}]}}`, "plan.actions[1].responsible", "given twice"},
		{"duplicate key in a register event", `{"register":[` + reg + `},` + reg + `,"type":"enquired"}]}`, "register[1].type", "given twice"},
		{"wrong case at the top", `{"ID":"C1"}`, "id", "only in case"},
		{"wrong case in a meeting", `{"meetings":[{"kind":"initial","HELD":"2026-03-02"}]}`, "meetings[0].held", "only in case"},
		{"wrong case in the plan", `{"plan":{"actions":[{"Responsible":{}}]}}`, "plan.actions[0].responsible", "only in case"},
		{"wrong case in a register event", `{"register":[` + reg + `,"Type":"enquired"}]}`, "register[0].type", "only in case"},
		{"unknown key at the top, named", `{"id":"C1","meeting":[]}`, "meeting", "unknown field"},
		{"unknown key in a meeting, named", `{"meetings":[{"kind":"initial","venue":"x"}]}`, "meetings[0].venue", "unknown field"},
		{"unknown key in a register event, named", `{"register":[` + reg + `,"colour":"red"}]}`, "register[0].colour", "unknown field"},
		{"unknown key that may be personal data, not named", `{"meetings":[{"kind":"initial","Morag Quinlan":"x"}]}`, "meetings[0]", "an unknown key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cpguide.DecodeCase(strings.NewReader(tc.json))
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "got %v", err)
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge))
			assert.Contains(t, ge.Hint, tc.hint)
			assert.NotContains(t, err.Error(), "Morag")
		})
	}
}

// In YAML, a key given twice is refused by the YAML converter (with its
// line); a key in another case and an unknown key by the JSON decoder, with
// the line added.
func TestDecodeCaseYAML_DuplicateWrongCaseAndUnknownKeys(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, field, hint string
	}{
		{"duplicate key at the top", "id: C1\nno_cppm: true\nno_cppm: false\n", "no_cppm", "given twice"},
		{"duplicate key in a meeting", "meetings:\n  - kind: initial\n    held: 2026-03-02\n    held: 2026-03-09\n", "meetings[0].held", "given twice"},
		{"duplicate key in the plan", "plan:\n  actions:\n    - responsible: {}\n      responsible: {}\n", "plan.actions[0].responsible", "given twice"},
		{"wrong case in a meeting", "meetings:\n  - kind: initial\n    HELD: 2026-03-02\n", "meetings[0].held", "only in case"},
		{"wrong case in the plan", "plan:\n  actions:\n    - Responsible: {}\n", "plan.actions[0].responsible", "only in case"},
		{"unknown key in a meeting", "meetings:\n  - kind: initial\n    venue: x\n", "meetings[0].venue", "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cpguide.DecodeCaseYAML(strings.NewReader(tc.yaml))
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "got %v", err)
			assert.Contains(t, err.Error(), tc.hint)
			assert.Contains(t, err.Error(), "YAML line")
		})
	}
}

// The marker put in values; it is upper and lower case, so it is never a
// key the decoder may name either.
const (
	valueMarker  = "Zq9Marker"
	numberMarker = "987654321987"
)

var stringValue = regexp.MustCompile(`:\s*"[^"\\]*"`)

// FuzzDecodeCase_NeverQuotesAValue: whatever the document, an error of
// DecodeCase never quotes a value of it. The seeds are the example cases
// with every string value and some numbers replaced by markers, so the
// fuzzer mutates documents whose values are all markers.
func FuzzDecodeCase_NeverQuotesAValue(f *testing.F) {
	files, _ := filepath.Glob("examples/cases/*.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(stringValue.ReplaceAll(data, []byte(`: "`+valueMarker+`"`)))
	}
	for _, s := range []string{
		`{"id":"Zq9Marker","id":"Zq9Marker"}`,
		`{"meetings":[{"kind":"Zq9Marker","held":"Zq9Marker","HELD":987654321987}]}`,
		`{"meetings":[{"Zq9Marker":"Zq9Marker"}]}`,
		`{"plan":{"actions":[{"responsible":{"agency":987654321987}}]}}`,
		`{"register":[{"child_id":"Zq9Marker","version":987654321987,"type":"Zq9Marker"}]}`,
		`{"variations":[{"rule":"Zq9Marker","new_date":"Zq9Marker"}]}`,
		`{"pre_birth":{"birth":"Zq9Marker"}}`,
		`{"core_group":{"members":[{"id":"Zq9Marker"}],"meetings":[{"date":"2026-03-10","attendance":["Zq9Marker"]}]}}`,
	} {
		f.Add([]byte(s))
	}
	for _, seed := range hostileSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzbudget.Start(t, len(data))()
		_, err := cpguide.DecodeCase(strings.NewReader(string(data)))
		if err == nil {
			return
		}
		msg := err.Error()
		for _, m := range []string{valueMarker, "Zq9", "Marker", numberMarker} {
			if strings.Contains(msg, m) {
				t.Fatalf("the error quotes a value: %s", msg)
			}
		}
	})
}

// BenchmarkDecodeCase decodes the largest example case file
// (examples/cases/reviews-referral.json), the typical case a case system
// sends.
func BenchmarkDecodeCase(b *testing.B) {
	data, err := os.ReadFile("examples/cases/reviews-referral.json")
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := cpguide.DecodeCase(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
