// Package fuzzbudget gives each input of a fuzz target a budget of time and
// memory, so that fuzzing finds inputs that are slow or that allocate far
// beyond their size (issue 15: 100,000 review meetings took 89 s, 16 MiB of
// YAML 2.9 GB), not only crashes.
//
//	f.Fuzz(func(t *testing.T, data []byte) {
//		defer fuzzbudget.Start(t, len(data))()
//		...
//	})
//
// One input fails when it takes more than [Time] or allocates more than
// [PerByte] bytes for each byte of input plus [Base]. Under the race
// detector both budgets are multiplied by [RaceFactor].
package fuzzbudget

import (
	"runtime"
	"testing"
	"time"
)

const (
	// Time is the most one input may take (a case at the limits, checked
	// and written as text, JSON, HTML and iCalendar, takes under a second).
	Time = 2 * time.Second
	// PerByte and Base bound what one input may allocate: PerByte bytes a
	// byte of input, plus Base (a check's fixed cost, the calendar, the
	// findings of a small case).
	PerByte = 256
	Base    = 8 << 20
	// RaceFactor widens both budgets under the race detector.
	RaceFactor = 10
)

// Start measures from now; the function it returns fails t when the input
// of size n (its bytes; for arithmetic, a measure of the work it asks for)
// went over the decoders' budget, PerByte a byte. Defer it.
func Start(t testing.TB, n int) func() { t.Helper(); return start(t, n, PerByte, Time) }

// PerByteChecked is the budget a byte of a case that is decoded, checked
// and written out: a 38-byte review meeting yields some 45 findings with
// their messages and citations, and a deadline with its explanation.
const PerByteChecked = 16 << 10

// TimeChecked is the most one input of such a target may take: a case at
// the limits (500 CPPMs) is checked and written out in under a second, and
// under the fuzzer's coverage instrumentation on a busy machine in about
// two.
const TimeChecked = 5 * time.Second

// StartChecked is Start for a target that checks the case and writes every
// output: PerByteChecked a byte, TimeChecked.
func StartChecked(t testing.TB, n int) func() {
	t.Helper()
	return start(t, n, PerByteChecked, TimeChecked)
}

func start(t testing.TB, n int, perByte uint64, budget time.Duration) func() {
	t.Helper()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	return func() {
		took := time.Since(start)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		k := 1
		if raceEnabled {
			k = RaceFactor
		}
		if limit := time.Duration(k) * budget; took > limit {
			t.Errorf("fuzzbudget: an input of %d bytes took %v, over the budget of %v", n, took, limit)
		}
		if limit := uint64(k) * (perByte*uint64(n) + Base); alloc > limit {
			t.Errorf("fuzzbudget: an input of %d bytes allocated %d bytes, over the budget of %d (%d a byte + %d)", n, alloc, limit, perByte, Base)
		}
	}
}
