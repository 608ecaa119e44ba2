package plan

import (
	"testing"

	"github.com/cpguide/cpguide/guidance"
)

// BenchmarkCheckPlan checks a typical complete plan (every rule Met).
func BenchmarkCheckPlan(b *testing.B) {
	p := load(b, "2023/good.json")
	opts := Options{Today: today}
	b.ReportAllocs()
	for b.Loop() {
		r, err := Check(p, opts)
		if err != nil || len(r.Findings) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPlanWithoutRecord leaves out the plan.record timescale,
// which builds a full explanation through package timescale.
func BenchmarkCheckPlanWithoutRecord(b *testing.B) {
	p := load(b, "2023/good.json")
	p.CPPM = guidance.Date{}
	opts := Options{Today: today, Edition: guidance.Edition2023}
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
