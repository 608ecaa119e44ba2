package guidance_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func TestErrorTextIncludesKindFieldValueHintAndCause(t *testing.T) {
	tests := []struct {
		name string
		err  *guidance.Error
		want string
	}{
		{"all parts", &guidance.Error{Kind: guidance.Invalid, Field: "date", Value: "2026-13-01", Hint: "fix it", Err: io.EOF},
			`invalid value: date: fix it: EOF`},
		{"kind only", &guidance.Error{Kind: guidance.UnknownRule}, "unknown rule"},
		{"other kind", &guidance.Error{}, "error"},
		{"unknown kind", &guidance.Error{Kind: guidance.Kind(200)}, "error"},
		{"value never printed", &guidance.Error{Kind: guidance.Conflict, Field: "x", Value: `Jane Doe`}, `conflict: x`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
		})
	}
	_, err := guidance.ParseDate("2026-02-30")
	require.Error(t, err)
	msg := err.Error()
	for _, part := range []string{guidance.Invalid.String(), "date", "does not exist"} {
		assert.Contains(t, msg, part)
	}
	assert.NotContains(t, msg, "2026-02-30")
}

func TestKindStrings(t *testing.T) {
	kinds := []guidance.Kind{guidance.Other, guidance.Invalid, guidance.UnknownRule, guidance.UnknownEdition,
		guidance.NotInForce, guidance.NotInEdition, guidance.MissingFact, guidance.UnknownPolicy,
		guidance.Conflict, guidance.Refused}
	seen := map[string]bool{}
	for _, k := range kinds {
		s := k.String()
		assert.NotEmpty(t, s)
		assert.False(t, seen[s], "duplicate kind name %q", s)
		seen[s] = true
	}
}

func TestErrorsIsMatchesKindThroughWrapping(t *testing.T) {
	_, err := guidance.Lookup("no.such-rule")
	require.Error(t, err)
	wrapped := fmt.Errorf("checking case: %w", err)
	twice := fmt.Errorf("outer: %w", wrapped)

	tests := []struct {
		name   string
		target error
		want   bool
	}{
		{"same kind", &guidance.Error{Kind: guidance.UnknownRule}, true},
		{"same kind and field", &guidance.Error{Kind: guidance.UnknownRule, Field: "rule"}, true},
		{"other field", &guidance.Error{Kind: guidance.UnknownRule, Field: "date"}, false},
		{"other kind", &guidance.Error{Kind: guidance.Invalid}, false},
		{"plain error", io.EOF, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, errors.Is(err, tt.target))
			assert.Equal(t, tt.want, errors.Is(wrapped, tt.target))
			assert.Equal(t, tt.want, errors.Is(twice, tt.target))
		})
	}
	var ge *guidance.Error
	require.True(t, errors.As(twice, &ge))
	assert.Equal(t, "no.such-rule", ge.Value)
}

func TestErrorUnwrapExposesCause(t *testing.T) {
	e := &guidance.Error{Kind: guidance.MissingFact, Err: io.ErrUnexpectedEOF}
	assert.ErrorIs(t, e, io.ErrUnexpectedEOF)
	assert.ErrorIs(t, fmt.Errorf("x: %w", e), io.ErrUnexpectedEOF)
}

func TestMatchComparesEveryNonZeroTemplateField(t *testing.T) {
	base := &guidance.Error{Kind: guidance.Invalid, Field: "date", Value: "2026-1-01", Hint: "write it properly"}
	wrapped := fmt.Errorf("parse: %w", base)
	tests := []struct {
		name string
		tmpl *guidance.Error
		err  error
		want bool
	}{
		{"kind", &guidance.Error{Kind: guidance.Invalid}, wrapped, true},
		{"kind field", &guidance.Error{Kind: guidance.Invalid, Field: "date"}, wrapped, true},
		{"kind field value", &guidance.Error{Kind: guidance.Invalid, Field: "date", Value: "2026-1-01"}, wrapped, true},
		{"kind hint", &guidance.Error{Kind: guidance.Invalid, Hint: "write it properly"}, wrapped, true},
		{"wrong kind", &guidance.Error{Kind: guidance.Conflict}, wrapped, false},
		{"wrong field", &guidance.Error{Kind: guidance.Invalid, Field: "edition"}, wrapped, false},
		{"wrong value", &guidance.Error{Kind: guidance.Invalid, Value: "2026-01-01"}, wrapped, false},
		{"wrong hint", &guidance.Error{Kind: guidance.Invalid, Hint: "other"}, wrapped, false},
		{"plain error", &guidance.Error{Kind: guidance.Other}, errors.New("boom"), false},
		{"wrapped plain error", &guidance.Error{Kind: guidance.Other}, fmt.Errorf("x: %w", io.EOF), false},
		{"nil error", &guidance.Error{Kind: guidance.Other}, nil, false},
		{"inner guidance error via Err", &guidance.Error{Kind: guidance.Invalid, Field: "date"},
			&guidance.Error{Kind: guidance.Conflict, Field: "meeting", Err: base}, true},
		{"inner plain cause", &guidance.Error{Kind: guidance.Invalid},
			&guidance.Error{Kind: guidance.Conflict, Err: io.EOF}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, guidance.Match(tt.tmpl, tt.err))
		})
	}
}
