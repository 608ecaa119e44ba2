package meeting_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
)

// A value of the wrong JSON type is named by its JSON path, not by Go names
// (the child's mode is in an embedded Participation), and the error says
// what kind of value was given without quoting it.
func TestDecode_WrongTypeNamesJSONPathNotGoNamesOrValue(t *testing.T) {
	for _, tc := range []struct {
		name, doc, field, hint string
	}{
		{"child mode given as a list", `{"kind":"initial","child":{"mode":[0]}}`, "child.mode", "got an array"},
		{"Child in another case is refused", `{"kind":"initial","Child":{"mode":[0]}}`, "child", "only in case"},
		{"older given as a number", `{"kind":"initial","child":{"older":1234567890.5}}`, "child.older", "got a number"},
		{"second attendee's agency a number", `{"kind":"initial","attendance":[{"agency":"health"},{"agency":1234567890}]}`, "attendance[1].agency", "got a number"},
		{"family member's mode an object", `{"kind":"initial","family":[{"mode":{"x":1}}]}`, "family[0].mode", "got an object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := meeting.Decode(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "got %v", err)
			assert.Contains(t, err.Error(), tc.hint)
			for _, leak := range []string{"Participation", "1234567890", "Child."} {
				assert.NotContains(t, err.Error(), leak)
			}
		})
	}
}
