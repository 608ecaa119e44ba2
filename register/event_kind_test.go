package register_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// TestDecodeEvent_RegistrationKindSaysWhatToGive: a registration opened by a
// CPPM or on a temporary move (RULES.md section 6) names its kind; a missing
// kind asks for it, an unknown one lists the kinds there are.
func TestDecodeEvent_RegistrationKindSaysWhatToGive(t *testing.T) {
	tests := []struct {
		name, registration, hint string
	}{
		{"missing", `{}`, "a registered event needs it"},
		{"unknown", `{"kind":"weekly"}`, "one of initial, pre-birth, transfer, temporary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := register.DecodeEvent([]byte(`{"child_id":"c1","version":1,"type":"registered","authority":"fife","date":"2026-03-24","registration":` + tt.registration + `}`))
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%v", err)
			assert.Equal(t, "registration.kind", ge.Field)
			assert.Equal(t, tt.hint, ge.Hint)
			assert.NotContains(t, err.Error(), "weekly", "the error never quotes the input")
		})
	}
}
