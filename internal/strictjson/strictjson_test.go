package strictjson

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

type participation struct {
	Mode  string `json:"mode"`
	Older bool   `json:"older"`
}

type child struct {
	participation
	Name string `json:"name"`
}

type meetingDoc struct {
	Held   guidance.Date `json:"held"`
	Kind   string        `json:"kind"`
	Child  *child        `json:"child,omitempty"`
	Agency []string      `json:"agency"`
}

type doc struct {
	ID       string       `json:"id"`
	Count    int          `json:"count"`
	Small    int8         `json:"small"`
	Ratio    float64      `json:"ratio"`
	Meetings []meetingDoc `json:"meetings"`
	Plan     *struct {
		Actions []struct {
			Responsible string `json:"responsible"`
		} `json:"actions"`
	} `json:"plan"`
	Policies map[string]string `json:"policies"`
	Edition  guidance.Edition  `json:"edition,omitzero"`
	At       time.Time         `json:"at,omitzero"`
	Skip     string            `json:"-"`
	//lint:ignore U1000 an unexported field is not a JSON field: the test decodes a key of its name
	hidden string
}

// Decode refuses what encoding/json lets through, and every error names the
// JSON path at fault and what was expected.
func TestDecode_RefusesAndNamesThePath(t *testing.T) {
	for _, tc := range []struct {
		name, in, field, hint string
	}{
		{"duplicate key at the top", `{"id":"a","id":"b"}`, "id", "given twice"},
		{"duplicate key in a meeting", `{"meetings":[{"held":"2026-03-02","held":"2026-03-03"}]}`, "meetings[0].held", "given twice"},
		{"duplicate key through an embedded struct", `{"meetings":[{},{"child":{"mode":"attended","mode":"excluded"}}]}`, "meetings[1].child.mode", "given twice"},
		{"duplicate key in the plan", `{"plan":{"actions":[{},{"responsible":"a","responsible":"b"}]}}`, "plan.actions[1].responsible", "given twice"},
		{"duplicate key in a map", `{"policies":{"a.b":"x","a.b":"y"}}`, "policies", "given twice"},
		{"duplicate safe key in a map", `{"policies":{"first":"x","first":"y"}}`, "policies.first", "given twice"},
		{"wrong case at the top", `{"ID":"a"}`, "id", "only in case"},
		{"wrong case in a meeting", `{"meetings":[{"HELD":"2026-03-02"}]}`, "meetings[0].held", "only in case"},
		{"wrong case in the plan", `{"plan":{"actions":[{"Responsible":"a"}]}}`, "plan.actions[0].responsible", "only in case"},
		{"unknown key named", `{"meetings":[{"hled":"2026-03-02"}]}`, "meetings[0].hled", "unknown field"},
		{"unknown key not safe to name", `{"meetings":[{"Jane Doe":"x"}]}`, "meetings[0]", "an unknown key"},
		{"json:\"-\" is not a field", `{"Skip":"x"}`, "input", "an unknown key"},
		{"unexported field is not a field", `{"hidden":"x"}`, "hidden", "unknown field"},
		{"a number for a date", `{"meetings":[{"held":20260302}]}`, "meetings[0].held", "expected a date YYYY-MM-DD, got a number"},
		{"an impossible date", `{"meetings":[{"held":"2026-02-30"}]}`, "meetings[0].held", "does not exist"},
		{"a string for a boolean", `{"meetings":[{"child":{"older":"yes"}}]}`, "meetings[0].child.older", "expected true or false, got a string"},
		{"a fraction for a whole number", `{"count":1.5}`, "count", "expected a whole number"},
		{"a whole number out of range", `{"small":300}`, "small", "expected a whole number in range"},
		{"a string for a number", `{"ratio":"x"}`, "ratio", "expected a number, got a string"},
		{"an object for a list", `{"meetings":{}}`, "meetings", "expected a list (a JSON array), got an object"},
		{"a list for text", `{"meetings":[{"agency":[[]]}]}`, "meetings[0].agency[0]", "expected text (a JSON string), got an array"},
		{"an unknown edition", `{"edition":"1999"}`, "edition", `use one of "2014", "2021" or "2023"`},
		{"a number for an instant", `{"at":1}`, "at", "expected an instant"},
		{"null document", `null`, "input", "expected an object, got null"},
		{"a list for the document", `[]`, "input", "expected an object, got an array"},
		{"two values", `{} {}`, "input", "exactly one JSON value"},
		{"trailing garbage", `{}x`, "input", "exactly one JSON value"},
		{"malformed", `{"id" "a"}`, "input", "malformed at byte"},
		{"ends early", `{"meetings":[{"held":`, "meetings[0]", "ends too early"},
		{"empty", ``, "input", "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v doc
			err := Decode([]byte(tc.in), &v)
			require.Error(t, err)
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%T %v", err, err)
			assert.Equal(t, guidance.Invalid, ge.Kind)
			assert.Equal(t, tc.field, ge.Field, err.Error())
			assert.Contains(t, ge.Hint, tc.hint)
			assert.Empty(t, ge.Value)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err))
		})
	}
}

// A swap of two values must not change what is decoded: with duplicate
// keys refused, there is nothing for "last wins" to pick.
func TestDecode_DuplicateKeySwapCannotFlipAValue(t *testing.T) {
	for _, in := range []string{`{"meetings":[{"kind":"initial","kind":"review"}]}`, `{"meetings":[{"kind":"review","kind":"initial"}]}`} {
		var v doc
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "meetings[0].kind"}, Decode([]byte(in), &v)), in)
	}
}

func TestDecode_GoodDocument(t *testing.T) {
	in := `{"id":"C1","count":3,"small":-4,"ratio":0.5,"meetings":[{"held":"2026-03-02","kind":"initial","child":{"mode":"attended","older":true,"name":"x"},"agency":["health"]},{"held":"","child":null}],
	"plan":{"actions":[{"responsible":"sw"}]},"policies":{"a.b":"c"},"edition":"2021","at":"2026-03-02T09:30:00Z"}`
	var v doc
	require.NoError(t, Decode([]byte(in), &v))
	assert.Equal(t, "C1", v.ID)
	assert.Equal(t, 3, v.Count)
	assert.Equal(t, int8(-4), v.Small)
	assert.Equal(t, 0.5, v.Ratio)
	require.Len(t, v.Meetings, 2)
	assert.Equal(t, guidance.Date{Year: 2026, Month: 3, Day: 2}, v.Meetings[0].Held)
	assert.Equal(t, "attended", v.Meetings[0].Child.Mode)
	assert.True(t, v.Meetings[0].Child.Older)
	assert.Nil(t, v.Meetings[1].Child)
	assert.True(t, v.Meetings[1].Held.IsZero())
	assert.Equal(t, "sw", v.Plan.Actions[0].Responsible)
	assert.Equal(t, map[string]string{"a.b": "c"}, v.Policies)
	assert.Equal(t, guidance.Edition2021, v.Edition)
	assert.Equal(t, time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC), v.At.UTC())
}

func TestDecode_BoundsNesting(t *testing.T) {
	var v struct {
		X any `json:"x"`
	}
	deep := `{"x":` + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + `}`
	err := Decode([]byte(deep), &v)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested too deeply")
	ok := `{"x":` + strings.Repeat("[", 10) + strings.Repeat("]", 10) + `}`
	require.NoError(t, Decode([]byte(ok), &v))
}

// A key inside a value that decodes itself (json.RawMessage, any) is still
// refused when given twice.
func TestDecode_DuplicateKeyInARawValue(t *testing.T) {
	var v struct {
		X any `json:"x"`
	}
	err := Decode([]byte(`{"x":{"a":[{"b":1,"b":2}]}}`), &v)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "x.b"}, err), "%v", err)
}

func TestSafeKey(t *testing.T) {
	for k, want := range map[string]bool{"held": true, "out_of_hours_ird": true, "pre-birth": true, "x9": true,
		"": false, "Held": false, "Jane Doe": false, "jane@example": false, strings.Repeat("a", 41): false, "é": false} {
		assert.Equal(t, want, SafeKey(k), k)
	}
}

// Decoding is linear in the input: a document ten times larger costs about
// ten times as much, never a hundred (no quadratic path).
func TestDecode_LinearInTheInput(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	build := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"meetings":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"held":"2026-03-02","kind":"initial","agency":["health","police"],"child":{"mode":"attended"}}`)
		}
		b.WriteString(`]}`)
		return []byte(b.String())
	}
	lim := Default
	lim.Lists = nil
	lim.Items = 1 << 30
	cost := func(data []byte) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			var v doc
			start := time.Now()
			require.NoError(t, decode(data, &v, &lim))
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := cost(build(2000)), cost(build(20000))
	assert.Less(t, large, 40*small, "10x the input cost %v against %v", large, small)
}

func BenchmarkDecode(b *testing.B) {
	data := []byte(`{"id":"C1","count":3,"meetings":[{"held":"2026-03-02","kind":"initial","child":{"mode":"attended","older":true},"agency":["health"]}],"plan":{"actions":[{"responsible":"sw"}]}}`)
	b.ReportAllocs()
	for b.Loop() {
		var v doc
		if err := Decode(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
