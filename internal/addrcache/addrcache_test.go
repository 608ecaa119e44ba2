package addrcache

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// Get answers make(key) for constants, for the same text in other bytes,
// for the empty string, and once the slots are full; from many goroutines
// at once (-race).
func TestGet_AlwaysWhatMakeSays(t *testing.T) {
	var c Cache[int]
	calls := 0
	var mu sync.Mutex
	count := func(s string) int {
		mu.Lock()
		calls++
		mu.Unlock()
		return len(s) * 7
	}
	const id = "coregroup.first"
	require.Equal(t, len(id)*7, c.Get(id, count))
	require.Equal(t, len(id)*7, c.Get(id, count))
	require.Equal(t, 1, calls, "a constant is worked out once")
	require.Equal(t, 0, c.Get("", count))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range 3 << bits {
				s := strings.Repeat("x", 1+i%50) // new bytes each time: the slots fill up
				if got := c.Get(s, count); got != len(s)*7 {
					t.Errorf("Get(%d bytes) = %d", len(s), got)
					return
				}
			}
		})
	}
	wg.Wait()
	require.Equal(t, len(id)*7, c.Get(id, count), "a cached constant stays")
}

// Get answers for the key's own text: other text of the same length, a
// prefix of a cached key (same first byte, shorter) and the same text in
// other bytes each get their own answer, never another key's.
func TestGet_NeverAnotherKeysValue(t *testing.T) {
	var c Cache[string]
	text := func(s string) string { return strings.Clone(s) }
	const id = "coregroup.first"
	keys := []string{id, id[:9], id[:1], "cppm.initial.x", "plan.record.abc", strings.Clone(id), id}
	for round := range 2 {
		for _, k := range keys {
			require.Equal(t, k, c.Get(k, text), "round %d", round)
		}
	}
	for i := range 3 << bits {
		k := strings.Repeat(string(rune('a'+i%26)), 1+i%40) // same lengths, other letters
		require.Equal(t, k, c.Get(k, text))
	}
}

// Same is the address and the length, not the text.
func TestSame_TheVeryBytes(t *testing.T) {
	s := "cppm.record"
	other := string([]byte(s)) // equal text, its own bytes
	if !Same(s, s) || !Same(s[:4], s[:4]) || !Same("", other[:0]) {
		t.Error("a string is not the same as itself")
	}
	if Same(s, other) || Same(s, s[:4]) || Same(s[1:], s[:len(s)-1]) {
		t.Error("equal text elsewhere, a prefix, or another part of the same bytes counted as the same")
	}
}
