package strictjson

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

type inner struct {
	Held string `json:"held"`
}

type embedded struct {
	Mode string `json:"mode"`
}

type outer struct {
	embedded
	Kind     string   `json:"kind"`
	Meetings []inner  `json:"meetings"`
	Case     *inner   `json:"case"`
	Skip     string   `json:"-"`
	Tags     []string `json:"tags"`
}

func TestUnknownField_NamesTheFullPath(t *testing.T) {
	typ := reflect.TypeFor[outer]()
	for _, tc := range []struct {
		doc, want string
		found     bool
	}{
		{`{"kind":"x","mode":"y","meetings":[{"held":"z"}],"case":{"held":"z"},"tags":["a"]}`, "", false},
		{`{"KIND":"x"}`, "", false},             // encoding/json matches names case-insensitively
		{`{"Case":{"When":"z"}}`, "case", true}, // the path names the field; "When" is not quoted
		{`{"Case":{"when":"z"}}`, "case.when", true},
		{`{"kinds":"x"}`, "kinds", true},
		{`{"meetings":[{"held":"z"},{"hled":"z"}]}`, "meetings[1].hled", true},
		{`{"case":{"held":"z","when":"z"}}`, "case.when", true},
		{`{"case":null,"z":1,"a":1}`, "a", true}, // sorted key order
		{`{"Skip":"x"}`, "", true},               // json:"-" is not a field; "Skip" is not quoted
		{`{"meetings":[{"Morag Quinlan":"z"}]}`, "meetings[0]", true},
		{`not json`, "", false},
	} {
		got, found := UnknownField([]byte(tc.doc), typ)
		assert.Equal(t, tc.found, found, tc.doc)
		assert.Equal(t, tc.want, got, tc.doc)
	}
}

func TestDecode_NeverQuotesAnUnknownKey(t *testing.T) {
	var v outer
	err := Decode([]byte(`{"case":{"Morag Quinlan":"x"}}`), &v)
	assert.ErrorContains(t, err, "invalid value: case: unknown field")
	assert.NotContains(t, err.Error(), "Morag")
}
