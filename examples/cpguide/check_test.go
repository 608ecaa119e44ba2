package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got)
}

const cases = "../cases/"

func TestCheck_SamplesExitStatusAndGolden(t *testing.T) {
	for _, tc := range []struct {
		file, today string
		code        int
	}{
		{"initial-registration", "2026-05-15", 0},
		{"pre-birth", "2026-06-15", 0},
		{"inquorate-reconvened", "2026-10-15", 0},
		{"transfer", "2026-06-15", 0},
		{"deregistration", "2026-06-15", 0},
		{"reviews-referral", "2026-10-30", 0},
		{"several-breaches", "2026-06-15", 1},
	} {
		t.Run(tc.file, func(t *testing.T) {
			code, out, errs := runCLI("check", cases+tc.file+".json", "--today", tc.today)
			assert.Equal(t, tc.code, code, errs)
			assert.Empty(t, errs)
			golden(t, "check-"+tc.file+".golden.txt", out)
			for _, secret := range []string{"Testcase", "Jo Social", "Morgan Parent", "2026-05-30"} {
				assert.NotContains(t, out, secret)
			}
		})
	}
}

func TestCheck_JSONAndBadInput(t *testing.T) {
	code, out, _ := runCLI("check", cases+"several-breaches.json", "--today", "2026-06-15", "--json")
	assert.Equal(t, 1, code)
	golden(t, "check-several-breaches.golden.json", out)

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id":"X","meetings":[{"kind":"initial","held":"2026-02-30","chair":{"name":"Secret Name"}}]}`), 0o644))
	for _, args := range [][]string{
		{"check", bad},
		{"check"},
		{"check", filepath.Join(dir, "none.json")},
		{"check", cases + "transfer.json", "--today", "soon"},
		{"check", cases + "transfer.json", "--edition", "1999"},
	} {
		code, out, errs := runCLI(args...)
		assert.Equal(t, 2, code, args)
		assert.Empty(t, out)
		assert.Equal(t, 1, strings.Count(errs, "\n"), errs)
		assert.NotContains(t, errs, "Secret")
	}
	_, _, errs := runCLI("check", bad)
	assert.Contains(t, errs, "meetings[0].held")
}

func TestCheck_OverlayFlag(t *testing.T) {
	o := filepath.Join(t.TempDir(), "overlay.json")
	require.NoError(t, os.WriteFile(o, []byte(`{"name":"council local holidays 2026","holidays":[{"date":"2026-04-06","name":"Easter Monday","source":"council list"}]}`), 0o644))
	code, out, errs := runCLI("check", cases+"initial-registration.json", "--today", "2026-05-15", "--overlay", o)
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Calendar: Scotland + council local holidays 2026.")
}

func TestRulesExplainAndTest(t *testing.T) {
	code, out, errs := runCLI("rules")
	require.Equal(t, 0, code, errs)
	golden(t, "rules.golden.txt", out)
	code, out, _ = runCLI("rules", "--json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"id": "coregroup.first"`)

	code, out, errs = runCLI("explain", "coregroup.first")
	require.Equal(t, 0, code, errs)
	golden(t, "explain-coregroup.first.golden.txt", out)
	code, _, errs = runCLI("explain", "coregroup.frist")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "coregroup.first")

	code, out, errs = runCLI("test", "../scenarios")
	require.Equal(t, 0, code, out+errs)
	assert.Regexp(t, `(?m)^\d+ passed, 0 failed\n$`, out)

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.json"), []byte(`{"name":"wrong on purpose","case":{"id":"S","out_of_hours_ird":"2026-03-06"},"options":{"today":"2026-03-20"},"expect":{"findings":[{"rule":"ird.follow-up","status":"met"}]}}`), 0o644))
	code, out, _ = runCLI("test", dir)
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasSuffix(out, "0 passed, 1 failed\n"), out)
	assert.Contains(t, out, "missing finding: ird.follow-up met")
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, cmd := range []string{"check", "rules", "explain", "test", "calendar", "due"} {
		code, out, _ := runCLI(cmd, "--help")
		assert.Equal(t, 0, code, cmd)
		assert.Contains(t, out, "usage: cpguide "+cmd, cmd)
	}
}
