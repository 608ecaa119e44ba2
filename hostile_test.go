package cpguide_test

import (
	"bytes"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// costOf runs f once and returns its time and the bytes it allocated.
func costOf(f func()) (time.Duration, uint64) {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	start := time.Now()
	f()
	d := time.Since(start)
	runtime.ReadMemStats(&b)
	return d, b.TotalAlloc - a.TotalAlloc
}

func repeat(head, item, sep, tail string, n int) []byte {
	var b bytes.Buffer
	b.Grow(len(head) + n*(len(item)+len(sep)) + len(tail))
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// TestHostileInputs_RefusedByALimitQuicklyNamingThePathNeverTheValue: each
// input of issue 15's review is refused while decoding, in bounded time and
// memory, by an error that names the JSON path and the limit and quotes
// nothing of the input.
func TestHostileInputs_RefusedByALimitQuicklyNamingThePathNeverTheValue(t *testing.T) {
	bigRef := strings.Repeat("A", 700_000)
	tests := []struct {
		name   string
		yaml   bool
		data   []byte
		field  string
		hint   string
		secret string
	}{
		{"100,000 review meetings", false,
			repeat(`{"id":"C1","meetings":[`, `{"kind":"review","held":"2026-03-20"}`, ",", `]}`, 100_000),
			"meetings", "(limit meetings)", ""},
		{"16 MiB of {} meetings in JSON", false,
			repeat(`{"meetings":[`, `{}`, ",", `]}`, 5<<20),
			"meetings", "(limit meetings)", ""},
		{"16 MiB YAML meetings: [1,1,...]", true,
			repeat(`meetings: [`, `1`, ",", "]\n", 8<<20-16),
			"input", "(limit yaml_marks)", ""},
		{"20 meetings with 700 KB refs", false,
			repeat(`{"id":"C1","meetings":[`, `{"kind":"review","held":"2026-03-20","ref":"`+bigRef+`"}`, ",", `]}`, 20),
			"meetings[0].ref", "(limit references)", bigRef[:64]},
		{"a name typed as a variation's rule", false,
			[]byte(`{"id":"C1","variations":[{"rule":"Jane Doe 2015-03-17","subject":"M-1","new_date":"2026-04-01","approver":"TL","reason":"r","recorded":"2026-03-01"}]}`),
			"variations[0].rule", "(limit references)", "Jane Doe"},
		{"terminal escapes in the case ID", false,
			[]byte(`{"id":"C\u001b[2J\u001b[31mFAKE: 0 breaches\u001b[0m\r"}`),
			"id", "(limit references)", "FAKE"},
		{"NUL in a meeting ref", false,
			[]byte(`{"meetings":[{"ref":"M-1\u0000","kind":"review"}]}`),
			"meetings[0].ref", "(limit references)", "M-1"},
		{"a meeting held on 9999-12-31", false,
			[]byte(`{"id":"C1","meetings":[{"kind":"initial","held":"9999-12-31"}]}`),
			"meetings[0].held", "supported range", "9999"},
		{"a date before 1900", false,
			[]byte(`{"id":"C1","concern":"1899-12-31"}`),
			"concern", "supported range", "1899"},
		{"a 5,000-byte free-text reason", false,
			[]byte(`{"variations":[{"rule":"cppm.initial","reason":"` + strings.Repeat("x", 5000) + `"}]}`),
			"variations[0].reason", "(limit text)", "xxxx"},
		{"a 300-byte variation subject", false,
			[]byte(`{"variations":[{"rule":"cppm.initial","subject":"` + strings.Repeat("y", 300) + `"}]}`),
			"variations[0].subject", "(limit subject)", "yyyy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			took, alloc := costOf(func() {
				if tt.yaml {
					_, err = cpguide.DecodeCaseYAML(bytes.NewReader(tt.data))
				} else {
					_, err = cpguide.DecodeCase(bytes.NewReader(tt.data))
				}
			})
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "err = %v", err)
			assert.Contains(t, err.Error(), tt.hint)
			if tt.secret != "" {
				assert.NotContains(t, err.Error(), tt.secret)
			}
			assert.Less(t, took, 5*time.Second, "time")
			assert.Less(t, alloc, uint64(100<<20), "allocated %d MiB", alloc>>20)
		})
	}
}

// TestCheck_NoDeadlineLeavesTheSupportedRange: a meeting held at the end of
// the supported range owes steps that would fall after it; they are
// reported as beyond the supported range, never printed as a wrong date
// (9999-12-31 once gave 10000-01-18, an invalid ICS date and a JSON error).
func TestCheck_NoDeadlineLeavesTheSupportedRange(t *testing.T) {
	c, err := cpguide.DecodeCase(strings.NewReader(`{"id":"C1","concern":"2199-12-01","ird":"2199-12-02","meetings":[{"ref":"M-1","kind":"initial","convened":"2199-12-10","held":"2199-12-20","decisions":{"plan_required":true,"risk_of_significant_harm":true}}]}`))
	require.NoError(t, err)
	res, err := cpguide.Check(c, cpguide.Options{Today: date("2199-12-31")})
	require.NoError(t, err)
	beyond := 0
	for _, f := range res.Report.Findings() {
		if strings.Contains(f.Message, "beyond the supported range") {
			beyond++
		}
	}
	assert.Positive(t, beyond, "the review owed after the meeting is beyond the range")
	for _, d := range res.Deadlines {
		assert.True(t, d.Due.Supported(), "%s due %v", d.Rule, d.Due)
	}
	out, err := json.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(out), "2200-")
}
