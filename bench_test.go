package cpguide_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cpguide/cpguide"
)

// BenchmarkCheck checks a typical case: an initial CPPM leading to
// registration, its plan and a Core Group with two meetings.
func BenchmarkCheck(b *testing.B) { benchmarkSample(b, "initial-registration.json") }

// BenchmarkCheckSeveralBreaches checks examples/cases/several-breaches.json,
// the sample case with the most failings.
func BenchmarkCheckSeveralBreaches(b *testing.B) { benchmarkSample(b, "several-breaches.json") }

// benchmarkSample checks the sample case file examples/cases/name, as on
// 2026-05-15.
func benchmarkSample(b *testing.B, name string) {
	c := readCase(b, name)
	opts := cpguide.Options{Today: date("2026-05-15")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cpguide.Check(c, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// loadCases100k returns the 100,000 generated cases of the throughput
// benchmarks, made on first use and kept for the life of the test binary
// (about 400 MB; generating them takes seconds, outside the timer).
func loadCases100k(b *testing.B) []genCase {
	b.Helper()
	casesOnce.Do(func() { generated = generateCases(b, 100_000, 2026) })
	if len(generated) != 100_000 {
		b.Fatal("the cases could not be generated")
	}
	return generated
}

var (
	casesOnce sync.Once
	generated []genCase
)

// BenchmarkCheck100k checks 100,000 generated cases (see generateCases) one
// after another on one goroutine: an op is all of them. cases/s is the
// throughput of one core.
func BenchmarkCheck100k(b *testing.B) {
	cases := loadCases100k(b)
	b.ReportAllocs()
	for b.Loop() {
		for i := range cases {
			if _, err := cpguide.Check(cases[i].c, cases[i].opts); err != nil {
				b.Fatalf("case %d: %v", i, err)
			}
		}
	}
	perCase := b.Elapsed().Seconds() / float64(b.N*len(cases))
	b.ReportMetric(1/perCase, "cases/s")
	b.ReportMetric(perCase*1e9, "ns/case")
}

// BenchmarkCheck100kParallel checks the same cases from GOMAXPROCS
// goroutines: an op is one case. cases/s is the total throughput and
// cases/s/core that divided by GOMAXPROCS.
func BenchmarkCheck100kParallel(b *testing.B) {
	cases := loadCases100k(b)
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			g := &cases[int(next.Add(1)-1)%len(cases)]
			if _, err := cpguide.Check(g.c, g.opts); err != nil {
				b.Error(err)
				return
			}
		}
	})
	rate := float64(b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "cases/s")
	b.ReportMetric(rate/float64(runtime.GOMAXPROCS(0)), "cases/s/core")
}
