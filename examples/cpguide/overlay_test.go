package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const anytownOverlay = "../overlays/anytown-2026.json"

// A local overlay's tighter timescale changes the answer: Anytown's 5 working
// days for the record of the CPPM make a record sent on day 7 late, and the
// report cites the local source beside the national one.
func TestCheck_OverlayTightenedTimescales(t *testing.T) {
	code, out, errs := runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--overlay", anytownOverlay)
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, "LATE [should] cppm.record")
	assert.Contains(t, out, "Due Tuesday 2026-03-31")
	assert.Contains(t, out, "LOCAL: Anytown CPC procedures 2026, para 3.9")
	assert.Contains(t, out, "Hold the first review CPPM by Wednesday 2026-06-24 [cppm.review]")
	assert.Contains(t, out, "Calendar: Scotland + Anytown CPC procedures 2026.")

	code, out, errs = runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--overlay", anytownOverlay, "--json")
	assert.Equal(t, 1, code, errs)
	assert.Contains(t, out, `"source": "Anytown CPC procedures 2026, para 6.1"`)
	assert.Contains(t, out, "Local figure: Anytown CPC procedures 2026, para 6.1 sets 3 months, tightening the national 6 months after the CPPM that registered the child")
}

// An overlay cannot loosen the guidance: the check stops with exit status 2
// and says which figure to fix.
func TestCheck_OverlayLooserTimescaleRefused(t *testing.T) {
	for _, tc := range []struct{ name, overlay, field string }{
		{"looser", `{"name":"x","timescales":[{"rule":"coregroup.first","days":20,"unit":"working","source":"x procedures"}]}`, "overlay.timescales[0].days"},
		{"mixed units", `{"name":"x","timescales":[{"rule":"cppm.review","days":7,"unit":"calendar","source":"x procedures"}]}`, "overlay.timescales[0].unit"},
		{"calendar days that could run past working days", `{"name":"x","timescales":[{"rule":"cppm.record","days":11,"unit":"calendar","source":"x procedures"}]}`, "overlay.timescales[0].days"},
		{"no unit", `{"name":"x","timescales":[{"rule":"cppm.record","days":7,"source":"x procedures"}]}`, "overlay.timescales[0].unit"},
		{"unknown field", `{"name":"x","timescales":[{"rule":"cppm.record","weeks":1,"source":"x procedures"}]}`, "overlay.timescales[0].weeks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := filepath.Join(t.TempDir(), "overlay.json")
			require.NoError(t, os.WriteFile(o, []byte(tc.overlay), 0o644))
			code, _, errs := runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--overlay", o)
			assert.Equal(t, 2, code)
			assert.Contains(t, errs, tc.field)
			assert.Contains(t, errs, "overlay", "the message names the overlay as the file at fault")
			assert.NotContains(t, errs, "case file:", "the case file is not at fault")
		})
	}
}
