package blank

import (
	"strings"
	"testing"

	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// Is says what strings.TrimSpace(s) == "" says.
func TestIs_AsTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "a", " a", "a ", "\u00a0", " \u00a0 ", "\u2003x", "\u0085", "é", " \xff", "\x00"} {
		if got, want := Is(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("Is(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIs(f *testing.F) {
	f.Add(" \u00a0x")
	f.Fuzz(func(t *testing.T, s string) {
		defer fuzzbudget.Start(t, len(s))()
		if got, want := Is(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("Is(%q) = %v, want %v", s, got, want)
		}
	})
}
