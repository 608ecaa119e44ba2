package meeting_test

import (
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/meeting"
)

// BenchmarkCheck validates a typical initial CPPM (the compliant 2023
// fixture) with a date of check.
func BenchmarkCheck(b *testing.B) {
	m := compliant(b)
	o := meeting.Options{Options: engine.Options{Today: today}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := meeting.Check(m, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNext(b *testing.B) {
	m := compliant(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := meeting.Next(m, meeting.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
