package plan

import (
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
)

// BenchmarkCheckPlan checks a typical complete plan (every rule Met).
func BenchmarkCheckPlan(b *testing.B) {
	p := load(b, "2023/good.json")
	opts := Options{Options: engine.Options{Today: today}}
	b.ReportAllocs()
	for b.Loop() {
		r, err := Check(p, opts)
		if err != nil || r.Len() == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPlanWithoutRecord checks the plan without its CPPM date,
// under a chosen edition. (It once left out the plan.record timescale, which
// package meeting now checks; the name is kept to compare figures.)
func BenchmarkCheckPlanWithoutRecord(b *testing.B) {
	p := load(b, "2023/good.json")
	p.CPPM = guidance.Date{}
	opts := Options{Options: engine.Options{Today: today, Edition: guidance.Edition2023}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(p, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodePlan(b *testing.B) {
	data := readFixture(b, "2023/good.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
