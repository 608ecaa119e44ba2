package guidance_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

func TestInForcePicksEditionByFirstDayInForce(t *testing.T) {
	tests := []struct {
		date guidance.Date
		want guidance.Edition
	}{
		{d(2023, time.August, 31), guidance.Edition2023},
		{d(2026, time.December, 18), guidance.Edition2023},
		{d(2023, time.August, 30), guidance.Edition2021},
		{d(2021, time.September, 1), guidance.Edition2021},
		{d(2021, time.August, 31), guidance.Edition2014},
		{d(2014, time.May, 27), guidance.Edition2014},
	}
	for _, tt := range tests {
		t.Run(tt.date.String(), func(t *testing.T) {
			got, err := guidance.InForce(tt.date)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestInForceRejectsDatesBefore2014AsNotInForce(t *testing.T) {
	for _, dt := range []guidance.Date{d(2014, time.May, 26), d(2000, time.January, 1), d(1, time.January, 1)} {
		got, err := guidance.InForce(dt)
		require.Error(t, err)
		assert.Equal(t, guidance.EditionUnset, got)
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInForce, Field: "date", Value: dt.String()}, err), "err = %v", err)
	}
}

func TestInForceRejectsInvalidDatesAsInvalid(t *testing.T) {
	for _, dt := range []guidance.Date{{}, d(2025, time.February, 29), d(2026, 13, 1), d(2026, time.April, 31)} {
		got, err := guidance.InForce(dt)
		require.Error(t, err)
		assert.Equal(t, guidance.EditionUnset, got)
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err), "err = %v", err)
	}
}

func TestEditionsAreOldestFirstWithIncreasingStartDates(t *testing.T) {
	eds := guidance.Editions()
	require.Equal(t, []guidance.Edition{guidance.Edition2014, guidance.Edition2021, guidance.Edition2023}, eds)
	for i, e := range eds {
		assert.True(t, e.Valid())
		assert.NotEmpty(t, e.Title())
		assert.True(t, e.InForceFrom().Valid())
		if i > 0 {
			assert.True(t, eds[i-1].InForceFrom().Before(e.InForceFrom()))
		}
	}
	assert.Equal(t, guidance.Edition2023, guidance.DefaultEdition)
	assert.False(t, guidance.EditionUnset.Valid())
	assert.False(t, guidance.Edition(99).Valid())
	assert.Equal(t, "unset", guidance.EditionUnset.String())
	assert.Equal(t, "Edition(99)", guidance.Edition(99).String())
	assert.True(t, guidance.Edition(99).InForceFrom().IsZero())
}

func TestParseEditionAcceptsShortNamesAndAliases(t *testing.T) {
	tests := []struct {
		in   string
		want guidance.Edition
	}{
		{"2014", guidance.Edition2014},
		{"2021", guidance.Edition2021},
		{"2021-v1.0", guidance.Edition2021},
		{"2021V1.0", guidance.Edition2021},
		{"2023", guidance.Edition2023},
		{"2023-Update", guidance.Edition2023},
		{" 2023 ", guidance.Edition2023},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := guidance.ParseEdition(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseEditionRejectsUnknownNamesAsUnknownEdition(t *testing.T) {
	for _, in := range []string{"", "unset", "2022", "2015", "2021-v2", "latest", "Edition(4)"} {
		t.Run(in, func(t *testing.T) {
			got, err := guidance.ParseEdition(in)
			require.Error(t, err)
			assert.Equal(t, guidance.EditionUnset, got)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition, Field: "edition", Value: in}, err), "err = %v", err)
		})
	}
}

func TestEditionTextRoundTrip(t *testing.T) {
	for _, e := range append(guidance.Editions(), guidance.EditionUnset) {
		b, err := e.MarshalText()
		require.NoError(t, err)
		var out guidance.Edition = 42
		require.NoError(t, out.UnmarshalText(b))
		assert.Equal(t, e, out)
	}
	b, err := guidance.EditionUnset.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "", string(b))

	b, err = guidance.Edition2021.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2021", string(b))

	_, err = guidance.Edition(99).MarshalText()
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition}, err), "err = %v", err)

	var e guidance.Edition
	err = e.UnmarshalText([]byte("1999"))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition}, err), "err = %v", err)
}

func TestEditionJSONRoundTrip(t *testing.T) {
	type doc struct {
		E guidance.Edition `json:"e"`
	}
	b, err := json.Marshal(doc{E: guidance.Edition2023})
	require.NoError(t, err)
	assert.JSONEq(t, `{"e":"2023"}`, string(b))
	var got doc
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, guidance.Edition2023, got.E)

	b, err = json.Marshal(doc{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"e":""}`, string(b))
}
