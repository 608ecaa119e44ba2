package cpguide_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

func days(n int) *int { return &n }

// A local overlay can tighten a national timescale in every edition; Check
// refuses, naming the overlay's field, a figure that repeats or loosens it,
// counts in another unit, or names a rule that has no timescale.
func TestCheck_OverlayTimescales_TighterAcceptedOthersRefused(t *testing.T) {
	c := readCase(t, "initial-registration.json") // 2023 edition
	for _, tc := range []struct {
		name  string
		ts    cpguide.OverlayTimescale
		kind  guidance.Kind // Other: accepted
		field string
	}{
		{"tighter working days", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(5), Unit: "working"}, guidance.Other, ""},
		{"tighter months", cpguide.OverlayTimescale{Rule: "cppm.review", Months: days(3)}, guidance.Other, ""},
		{"equal", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(10), Unit: "working"}, guidance.Refused, "overlay.timescales[0].days"},
		{"looser", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(12), Unit: "working"}, guidance.Refused, "overlay.timescales[0].days"},
		{"5 calendar days are provably no later than 10 working days", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(5), Unit: "calendar"}, guidance.Other, ""},
		{"11 calendar days could run past 10 working days", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(11), Unit: "calendar"}, guidance.Refused, "overlay.timescales[0].days"},
		{"months against working days", cpguide.OverlayTimescale{Rule: "cppm.record", Months: days(1)}, guidance.Refused, "overlay.timescales[0].unit"},
		{"not a timescale rule", cpguide.OverlayTimescale{Rule: "cppm.note-taker-not-chair", Days: days(5), Unit: "working"}, guidance.NotInEdition, "overlay.timescales[0].rule"},
		{"unknown rule", cpguide.OverlayTimescale{Rule: "cppm.minutes", Days: days(5), Unit: "working"}, guidance.UnknownRule, "overlay.timescales[0].rule"},
		{"no unit", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(5)}, guidance.Invalid, "overlay.timescales[0].unit"},
		{"days and months", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(5), Unit: "working", Months: days(1)}, guidance.Invalid, "overlay.timescales[0]"},
		{"a billion working days", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(1e9), Unit: "working"}, guidance.Invalid, "overlay.timescales[0].days"},
		{"a billion days' notice", cpguide.OverlayTimescale{Rule: "cppm.notice", Days: days(1e9), Unit: "calendar"}, guidance.Invalid, "overlay.timescales[0].days"},
		{"367 days' notice", cpguide.OverlayTimescale{Rule: "cppm.notice", Days: days(367), Unit: "calendar"}, guidance.Invalid, "overlay.timescales[0].days"},
		{"0 months to the review", cpguide.OverlayTimescale{Rule: "cppm.review", Months: days(0)}, guidance.Invalid, "overlay.timescales[0].months"},
		{"0 working days to the record", cpguide.OverlayTimescale{Rule: "cppm.record", Days: days(0), Unit: "working"}, guidance.Invalid, "overlay.timescales[0].days"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ts.Source == "" {
				tc.ts.Source = "Anytown CPC procedures 2026, para 3.9"
			}
			o := &cpguide.Overlay{Name: "Anytown", Timescales: []cpguide.OverlayTimescale{tc.ts}}
			res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-05-15"), Overlay: o})
			if tc.kind == guidance.Other {
				require.NoError(t, err)
				require.NotNil(t, res)
				return
			}
			assert.Nil(t, res)
			assert.True(t, guidance.Match(&guidance.Error{Kind: tc.kind, Field: tc.field}, err), "got %v", err)
			assert.NotContains(t, err.Error(), "cppm.minutes", "an unknown ID is not quoted")
		})
	}
}

// The same overlay applies under every edition: a figure tighter than each
// edition's national one is accepted by all three.
func TestCheck_OverlayTimescales_EveryEdition(t *testing.T) {
	c := readCase(t, "initial-registration.json")
	o := &cpguide.Overlay{Name: "Anytown", Timescales: []cpguide.OverlayTimescale{
		{Rule: "cppm.review", Months: days(2), Source: "Anytown CPC procedures 2026, para 6.1"},
	}}
	for _, e := range guidance.Editions() {
		res, err := cpguide.Check(c, cpguide.Options{Edition: e, Today: date("2026-05-15"), Overlay: o})
		require.NoError(t, err, e)
		var found bool
		for _, o := range res.Deadlines {
			if dl := o.Deadline(); dl.Rule == "cppm.review" {
				found = true
				assert.Equal(t, date("2026-05-24"), dl.Due, e)
				require.NotNil(t, dl.Local, e)
				assert.True(t, dl.Local.Governs, e)
				assert.Contains(t, dl.Explanation(), "Local figure: Anytown CPC procedures 2026, para 6.1 sets 2 months", e)
			}
		}
		assert.True(t, found, "the review is still owed under %s", e)
	}
}

func TestDecodeOverlay_Sample(t *testing.T) {
	data, err := os.ReadFile("examples/overlays/anytown-2026.json")
	require.NoError(t, err)
	o, err := cpguide.DecodeOverlay(data)
	require.NoError(t, err)
	assert.Equal(t, "Anytown CPC procedures 2026", o.Name)
	require.Len(t, o.Holidays, 1)
	require.Len(t, o.Timescales, 3)
	assert.Equal(t, cpguide.OverlayTimescale{Rule: "cppm.review", Months: days(3), Source: "Anytown CPC procedures 2026, para 6.1"}, o.Timescales[2])
	local, err := o.LocalTimescales(guidance.Edition2023)
	require.NoError(t, err)
	assert.Len(t, local, 3)

	// The decoded overlay encodes back to the same JSON shape.
	js, err := json.Marshal(o)
	require.NoError(t, err)
	again, err := cpguide.DecodeOverlay(js)
	require.NoError(t, err)
	assert.Equal(t, o, again)
}

func TestDecodeOverlay_ErrorsNameThePath(t *testing.T) {
	for _, tc := range []struct{ in, field string }{
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":5,"unit":"working"}]}`, "overlay.timescales[0].source"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":"five","unit":"working","source":"s"}]}`, "overlay.timescales[0].days"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","unit":"working","source":"s"}]}`, "overlay.timescales[0]"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","months":1,"unit":"working","source":"s"}]}`, "overlay.timescales[0].unit"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":5,"unit":"fortnightly","source":"s"}]}`, "overlay.timescales[0].unit"},
		{`{"name":"x","timescales":[{"days":5,"unit":"working","source":"s"}]}`, "overlay.timescales[0].rule"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":-5,"unit":"working","source":"s"}]}`, "overlay.timescales[0].days"},
		{`{"name":"x","timescales":[{"rule":"cppm.review","months":-1,"source":"s"}]}`, "overlay.timescales[0].months"},
		{`{"name":"x","timescales":[{"rule":"cppm.review","months":0,"source":"s"}]}`, "overlay.timescales[0].months"},
		{`{"name":"x","timescales":[{"rule":"cppm.review","months":25,"source":"s"}]}`, "overlay.timescales[0].months"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":1000000000,"unit":"working","source":"s"}]}`, "overlay.timescales[0].days"},
		{`{"name":"x","timescales":[{"rule":"cppm.record","days":1000000000,"unit":"calendar","source":"s"}]}`, "overlay.timescales[0].days"},
		{`{"name":"x","timescales":{}}`, "overlay.timescales"},
		{`{"name":"x","holidays":[{"date":"2026-04-06","name":"Easter Monday"}]}`, "overlay.holidays[0]"},
		{`{"name":"x","Jane Doe":1}`, "overlay"},
	} {
		_, err := cpguide.DecodeOverlay([]byte(tc.in))
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "%s: got %v", tc.in, err)
		if err != nil {
			assert.NotContains(t, err.Error(), "Jane", "input is never quoted")
			assert.NotContains(t, err.Error(), "fortnightly", "input is never quoted")
		}
	}
}

// FuzzDecodeOverlay: DecodeOverlay never panics; it returns an overlay or a
// *guidance.Error naming an overlay path; a decoded overlay's timescales
// either check against the 2023 edition or are refused with a typed error.
func FuzzDecodeOverlay(f *testing.F) {
	sample, err := os.ReadFile("examples/overlays/anytown-2026.json")
	require.NoError(f, err)
	f.Add(sample)
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"name":"x","timescales":[{"rule":"cppm.record","days":-3,"unit":"working","source":"s"}]}`,
		`{"timescales":[{"rule":"cppm.notice","days":7,"unit":"calendar","source":"s"},{"rule":"cppm.notice","days":8,"unit":"calendar","source":"s"}]}`,
		`{"timescales":[{"rule":"birth.pre-discharge","days":2,"unit":"calendar","source":"s"}]}`,
		`{"holidays":[{"date":"2026-02-30","name":"n","source":"s"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Add(make([]byte, 1<<16)) // --overlay /dev/zero, cut down
	f.Add([]byte(`{"name":"Any\u001b[2Jtown","holidays":[{"date":"9999-12-31","name":"x","source":"y"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzbudget.Start(t, len(data))()
		o, err := cpguide.DecodeOverlay(data)
		if err != nil {
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			require.True(t, strings.HasPrefix(ge.Field, "overlay") || ge.Field == "input", "field %q", ge.Field)
			return
		}
		if _, err := o.LocalTimescales(guidance.Edition2023); err != nil {
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			require.True(t, strings.HasPrefix(ge.Field, "overlay.timescales["), "field %q", ge.Field)
		}
	})
}
