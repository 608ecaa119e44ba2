package guidance_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func TestStrengthTextRoundTrip(t *testing.T) {
	tests := []struct {
		s    guidance.Strength
		text string
	}{
		{guidance.Must, "must"},
		{guidance.Should, "should"},
		{guidance.WherePossible, "where possible"},
		{guidance.May, "may"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.s.String())
			b, err := tt.s.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			var got guidance.Strength
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, tt.s, got)
		})
	}
}

func TestStrengthUnmarshalRejectsUnknownWords(t *testing.T) {
	// Empty text is the unset strength, so a Finding without one round-trips.
	var unset guidance.Strength = guidance.Should
	require.NoError(t, unset.UnmarshalText(nil))
	assert.Equal(t, guidance.StrengthUnset, unset)
	b, err := guidance.StrengthUnset.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)

	for _, in := range []string{"unset", "Must", "shall", "wherever possible"} {
		var s guidance.Strength
		err := s.UnmarshalText([]byte(in))
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "strength", Value: in}, err), "%q: err = %v", in, err)
	}
	_, err = guidance.Strength(99).MarshalText()
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "strength"}, err), "err = %v", err)
	assert.Equal(t, "Strength(99)", guidance.Strength(99).String())
}

func TestStrengthBindingOnlyForMustAndShould(t *testing.T) {
	tests := map[guidance.Strength]bool{
		guidance.StrengthUnset: false,
		guidance.Must:          true,
		guidance.Should:        true,
		guidance.WherePossible: false,
		guidance.May:           false,
		guidance.Strength(99):  false,
	}
	for s, want := range tests {
		assert.Equal(t, want, s.Binding(), "%v", s)
	}
}

var allStatuses = []struct {
	s      guidance.Status
	text   string
	failed bool
}{
	{guidance.Unknown, "unknown", false},
	{guidance.Met, "met", false},
	{guidance.MetUnderVariation, "met under variation", false},
	{guidance.Pending, "pending", false},
	{guidance.Overdue, "overdue", true},
	{guidance.Late, "late", true},
	{guidance.Missing, "missing", true},
	{guidance.NotApplicable, "not applicable", false},
}

func TestStatusTextRoundTrip(t *testing.T) {
	for _, tt := range allStatuses {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.s.String())
			b, err := tt.s.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, strings.ReplaceAll(tt.text, " ", "_"), string(b), "JSON writes snake_case")
			got := guidance.Status(200)
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, tt.s, got)
		})
	}
	var s guidance.Status
	err := s.UnmarshalText([]byte("done"))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "status", Value: "done"}, err), "err = %v", err)
	_, err = guidance.Status(99).MarshalText()
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "status"}, err), "err = %v", err)
	assert.Equal(t, "Status(99)", guidance.Status(99).String())
}

func TestStatusFailedOnlyForOverdueLateMissing(t *testing.T) {
	for _, tt := range allStatuses {
		assert.Equal(t, tt.failed, tt.s.Failed(), "%v", tt.s)
	}
	assert.False(t, guidance.Status(99).Failed())
}
