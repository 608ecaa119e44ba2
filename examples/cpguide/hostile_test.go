package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestVariationSubject_NeverPrinted: a variation's subject is free text; an
// unused variation is named by its place (variations[0]) and its rule, and
// its subject only when it is a finding's subject or a meeting's reference.
// "Jane Doe 2015-03-17" was printed as written in text, JSON and HTML.
func TestVariationSubject_NeverPrinted(t *testing.T) {
	p := writeCase(t, "v.json", `{"id":"C1","concern":"2026-03-02","ird":"2026-03-03","investigation":"2026-03-03",
		"variations":[{"rule":"cppm.transfer","subject":"Jane Doe 2015-03-17","new_date":"2026-04-30","approver":"Ann Approver","reason":"Jane's mother ill","recorded":"2026-03-01"}]}`)
	html := filepath.Join(t.TempDir(), "r.html")
	for _, args := range [][]string{
		{"check", p, "--today", "2026-06-15"},
		{"check", p, "--today", "2026-06-15", "--json"},
		{"report", p, "--today", "2026-06-15", "--html", html},
	} {
		_, out, errs := runCLI(args...)
		if args[0] == "report" {
			b, err := os.ReadFile(html)
			require.NoError(t, err)
			out = string(b)
		}
		assert.Regexp(t, `variations\[0\]|"index": 0`, out, args)
		for _, secret := range []string{"Jane", "2015-03-17", "Ann Approver"} {
			assert.NotContains(t, out+errs, secret, args)
		}
	}
}

// TestOutput_ControlCharactersEscaped: text with control characters (here
// an overlay's name and source, which are printed) is refused when decoding,
// naming the path; and whatever the CLI writes has its control characters
// (C0, C1, DEL) escaped, line ends kept: a second line of defence.
func TestOutput_ControlCharactersEscaped(t *testing.T) {
	overlay := filepath.Join(t.TempDir(), "o.json")
	require.NoError(t, os.WriteFile(overlay, []byte(`{"name":"Any\u001b[2Jtown\u0000 \u009b31m CPC\u007f\r","holidays":[{"date":"2026-04-06","name":"Easter\u001b[31m Monday","source":"list\u0007"}]}`), 0o644))
	p := writeCase(t, "c.json", `{"id":"C1","concern":"2026-03-02","ird":"2026-03-03","investigation":"2026-03-03"}`)
	for _, args := range [][]string{
		{"check", p, "--today", "2026-06-15", "--overlay", overlay},
		{"check", p, "--today", "2026-06-15", "--overlay", overlay, "--json"},
	} {
		code, out, errs := runCLI(args...)
		assert.Equal(t, 2, code)
		assert.Contains(t, errs, "overlay.name")
		for _, c := range []string{"\x1b", "\x00", "\u009b", "\x7f", "\x07", "\r"} {
			assert.NotContains(t, out+errs, c, "%v: %q", args, c)
		}
	}
	var b bytes.Buffer
	_, err := safeWriter{&b}.Write([]byte("a\x1b[2Jb\r\nc\u009bd\x7f\re\n"))
	require.NoError(t, err)
	assert.Equal(t, `a\u001b[2Jb`+"\r\n"+`c\u009bd\u007f\u000de`+"\n", b.String())
	assert.False(t, strings.ContainsAny(b.String(), "\x1b\x7f"))
}
