package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
)

// check --json never prints who approved a variation or why: the reason is
// free text about the family, and neither identifies a variation that
// changed nothing. Every sample case is checked, so one whose variations are
// all used proves nothing alone, but several-breaches has an unused one.
func TestCheckJSON_VariationApproverAndReasonNeverPrinted(t *testing.T) {
	files, err := filepath.Glob(cases + "*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sawUnused := false
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			c, err := cpguide.ReadCaseFile(file)
			require.NoError(t, err)
			_, out, errs := runCLI("check", file, "--today", "2026-12-01", "--json")
			require.NotEmpty(t, out, errs)
			if len(c.Variations) > 0 && strings.Contains(out, `"unused_variations"`) {
				sawUnused = true
			}
			for _, v := range c.Variations {
				assert.NotContains(t, out, v.Approver, "approver")
				assert.NotContains(t, out, v.Reason, "reason")
			}
		})
	}
	assert.True(t, sawUnused, "a sample case has an unused variation, so the test can fail")
}
