package guidance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// A status reads back from its name with spaces or in snake_case, so input
// written for either spelling means the same.
func TestStatusUnmarshalText_SpacedAndSnakeCase(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want guidance.Status
	}{
		{"met under variation", guidance.MetUnderVariation},
		{"met_under_variation", guidance.MetUnderVariation},
		{"not applicable", guidance.NotApplicable},
		{"not_applicable", guidance.NotApplicable},
		{"overdue", guidance.Overdue},
	} {
		var s guidance.Status
		require.NoError(t, s.UnmarshalText([]byte(tc.in)), tc.in)
		assert.Equal(t, tc.want, s, tc.in)
	}
	var s guidance.Status
	assert.Error(t, s.UnmarshalText([]byte("not-applicable")))
}
