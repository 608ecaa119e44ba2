package cpguide_test

import (
	"testing"

	"github.com/cpguide/cpguide"
)

// BenchmarkCheck checks a typical case: an initial CPPM leading to
// registration, its plan and a Core Group with two meetings.
func BenchmarkCheck(b *testing.B) {
	c := readCase(b, "initial-registration.json")
	opts := cpguide.Options{Today: date("2026-05-15")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cpguide.Check(c, opts); err != nil {
			b.Fatal(err)
		}
	}
}
