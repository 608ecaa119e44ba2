package cpguide_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// DecodeCase and DecodeCaseYAML name a value of the wrong type by its JSON
// path from the case's field names, never by Go names, and say what kind of
// value was given without quoting the value.
func TestDecodeCase_WrongTypeNamesJSONPathNotGoNamesOrValue(t *testing.T) {
	for _, tc := range []struct {
		name, doc, field, hint string
		yaml                   bool
	}{
		{"meeting child mode a list", `{"meetings":[{"kind":"initial","child":{"mode":[0]}}]}`, "meetings[0].child.mode", "got an array", false},
		{"meeting Child in another case (the fuzzer's find) is refused", `{"meetings":[{"kind","held","quorum","Child":{"mode": [0]}}]}`, "meetings[0].child", "only in case", true},
		{"meeting older a number", `{"meetings":[{"kind":"initial"},{"kind":"review","child":{"older":1234567890.5}}]}`, "meetings[1].child.older", "got a number", false},
		{"id a number", `{"id":1234567890.5}`, "id", "got a number", false},
		{"no_cppm a number", `{"no_cppm":1234567890}`, "no_cppm", "got a number", false},
		{"meetings an object", `{"meetings":{"a":1}}`, "meetings", "got an object", false},
		{"the case a list", `[1234567890]`, "input", "got an array", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.yaml {
				_, err = cpguide.DecodeCaseYAML(strings.NewReader(tc.doc))
			} else {
				_, err = cpguide.DecodeCase(strings.NewReader(tc.doc))
			}
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "got %v", err)
			assert.Contains(t, err.Error(), tc.hint)
			for _, leak := range []string{"Participation", "1234567890", "Child."} {
				assert.NotContains(t, err.Error(), leak)
			}
		})
	}
}
