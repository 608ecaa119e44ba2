package meeting

import (
	"strings"
	"testing"

	"github.com/cpguide/cpguide/internal/fuzzbudget"

	"github.com/stretchr/testify/assert"
)

// normalised is how the Chair and note-taker were first compared: lower case,
// words joined by single spaces. sameName must agree with it.
func normalised(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func TestSameName_IgnoresCaseAndSpacingOnly(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Ann Smith", "Ann Smith", true},
		{"Ann Smith", "  ann   SMITH\t", true},
		{"Ann Smith", "Ann Smyth", false},
		{"Ann", "Anne", false},
		{"Ann Smith", "AnnSmith", false},
		{"Ann Smith", "Ann", false},
		{"Élodie Ångström", "élodie ångström", true},
		{"", "   ", true},
		{"\xff", "\xfe", true}, // invalid bytes all read as U+FFFD, as strings.ToLower has it
	} {
		assert.Equal(t, tc.same, sameName(tc.a, tc.b), "%q vs %q", tc.a, tc.b)
		assert.Equal(t, normalised(tc.a) == normalised(tc.b), sameName(tc.a, tc.b), "%q vs %q agrees with the normalised comparison", tc.a, tc.b)
	}
}

func FuzzSameName(f *testing.F) {
	for _, s := range [][2]string{{"Ann Smith", " ann  smith"}, {"ſam", "sam"}, {"K", "k"}, {"a\u00a0b", "a b"}, {"\xff", "\uFFFD"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		defer fuzzbudget.Start(t, len(a)+len(b))()
		if got, want := sameName(a, b), normalised(a) == normalised(b); got != want {
			t.Fatalf("sameName(%q, %q) = %v, normalised comparison says %v", a, b, got, want)
		}
	})
}
