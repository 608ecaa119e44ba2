package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestOverlay_DevZeroRefusedQuickly: the overlay file goes through the one
// capped reader; an endless file is refused after 16 MiB, not read until
// memory runs out (it grew to 4.5 GB in 30 s).
func TestOverlay_DevZeroRefusedQuickly(t *testing.T) {
	p := writeCase(t, "c.json", `{"id":"C1","concern":"2026-03-02"}`)
	for _, args := range [][]string{
		{"check", p, "--today", "2026-06-01", "--overlay", "/dev/zero"},
		{"check", "/dev/zero", "--today", "2026-06-01"},
	} {
		start := time.Now()
		code, _, errs := runCLI(args...)
		assert.Equal(t, 2, code, errs)
		assert.Contains(t, errs, "(limit bytes)")
		assert.Less(t, time.Since(start), 5*time.Second)
	}
}
