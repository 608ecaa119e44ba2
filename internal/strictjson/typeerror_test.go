package strictjson

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

type typeErrParticipation struct {
	Mode  string `json:"mode"`
	Older bool   `json:"older"`
}

type typeErrChild struct {
	typeErrParticipation
	Name string `json:"name"`
}

type typeErrDoc struct {
	Kind    string         `json:"kind"`
	Count   int            `json:"count"`
	Child   *typeErrChild  `json:"child"`
	Members []typeErrChild `json:"members"`
	Held    guidance.Date  `json:"held"`
}

// TypeError places a wrong type by its JSON path (embedded structs' fields
// under their parent, list indexes given, keys matched case-insensitively
// named as the field) and names the kinds, never the Go names or the value.
func TestTypeError_PathFromJSONNamesAndKindNotValue(t *testing.T) {
	for _, tc := range []struct {
		name, doc, field, hint string
	}{
		{"an array for an embedded struct's string", `{"kind":"x","child":{"mode":[0]}}`, "child.mode", "expected a JSON string, got an array"},
		{"a key in another case names the field", `{"Child":{"mode":[0]}}`, "child.mode", "expected a JSON string, got an array"},
		{"a fraction for a whole number", `{"count":1234567890.5}`, "count", "expected a JSON number, got a number"},
		{"a number for a boolean in a list", `{"members":[{"older":true},{"older":1234567}]}`, "members[1].older", "expected a JSON boolean, got a number"},
		{"an object for a string", `{"kind":{"a":1}}`, "kind", "expected a JSON string, got an object"},
		{"a number for a date", `{"held":20260105}`, "held", "expected a JSON string, got a number"},
		{"a string for a list", `{"members":"Jane Doe"}`, "members", "expected a JSON array, got a string"},
		{"a list for the document", `[1,2]`, "", "expected a JSON object, got an array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v typeErrDoc
			err := json.Unmarshal([]byte(tc.doc), &v)
			var te *json.UnmarshalTypeError
			require.True(t, errors.As(err, &te), "got %v", err)
			field, hint := TypeError([]byte(tc.doc), reflect.TypeFor[typeErrDoc](), te)
			assert.Equal(t, tc.field, field)
			assert.Equal(t, tc.hint, hint)
			for _, leak := range []string{"typeErrParticipation", "1234567", "Jane"} {
				assert.NotContains(t, field+hint, leak)
			}
		})
	}
}

// A key that is not a field and does not look like one may be personal
// data: the path stops at its parent.
func TestLocate_UnknownKeyNeverQuoted(t *testing.T) {
	doc := `{"child":{"Jane Doe":{"x":[1]}}}`
	p, ok := Locate([]byte(doc), reflect.TypeFor[typeErrDoc](), int64(len(`{"child":{"Jane Doe":{"x":[`)))
	require.True(t, ok)
	assert.Equal(t, "child", p)
}

// FuzzTypeError: for any document encoding/json refuses with a type error,
// TypeError returns a JSON path of field names, indexes and dots, never a
// Go name, and a hint that quotes nothing from the document.
func FuzzTypeError(f *testing.F) {
	for _, s := range []string{
		`{"kind":"x","child":{"mode":[0]}}`, `{"Child":{"Older":"yes"}}`, `{"members":[{},{"name":7}]}`,
		`{"count":1e400}`, `{"held":1}`, `[{"a":1}]`, `{"child":{"Jane Doe":{"mode":[1]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v typeErrDoc
		var te *json.UnmarshalTypeError
		if !errors.As(json.Unmarshal(data, &v), &te) {
			return
		}
		field, hint := TypeError(data, reflect.TypeFor[typeErrDoc](), te)
		for _, r := range field {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.' || r == '[' || r == ']') {
				t.Fatalf("field %q is not a JSON path of field names", field)
			}
		}
		if n, ok := strings.CutPrefix(te.Value, "number "); ok && strings.Contains(hint, n) {
			t.Fatalf("hint %q quotes the value", hint)
		}
	})
}
