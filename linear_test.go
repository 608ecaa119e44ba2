package cpguide_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
)

// reviews is a case of n CPPMs: an initial CPPM and n-1 reviews, all held on
// one day (the worst case for working out each meeting's place).
func reviews(n int) cpguide.Case {
	c := cpguide.Case{ID: "C1", Concern: date("2026-01-05"), IRD: &ird.IRD{Held: date("2026-01-06")}}
	for i := range n {
		m := meeting.Meeting{Ref: fmt.Sprintf("M-%d", i), Kind: meeting.Review, Convened: date("2026-03-10"), Held: date("2026-03-20")}
		if i == 0 {
			m.Kind = meeting.Initial
		}
		c.Meetings = append(c.Meetings, m)
	}
	return c
}

func benchmarkCheckMeetings(b *testing.B, n int) {
	c := reviews(n)
	opts := cpguide.Options{Today: date("2026-06-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cpguide.Check(c, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckMeetings1 and BenchmarkCheckMeetings100 are a pair: issue
// 11 asks that 100 meetings cost at most 1.3 times per meeting what one
// costs (divide the second's ns/op by 100 and compare; no test enforces it).
func BenchmarkCheckMeetings1(b *testing.B)   { benchmarkCheckMeetings(b, 1) }
func BenchmarkCheckMeetings100(b *testing.B) { benchmarkCheckMeetings(b, 100) }

// BenchmarkCheckMeetings250 and BenchmarkCheckMeetings500 are a pair:
// doubling the meetings at most doubles the time (and the allocations).
func BenchmarkCheckMeetings250(b *testing.B) { benchmarkCheckMeetings(b, 250) }
func BenchmarkCheckMeetings500(b *testing.B) { benchmarkCheckMeetings(b, 500) }

// TestCheck_LinearInTheMeetings: checking eight times the meetings makes at
// most ten times the allocations and bytes (the quadratic code grew with
// the square). Counted, not timed, so that a shared machine cannot fail it;
// the time is measured by the benchmark pair above (compare them with
// benchstat). It took 89 s for 100,000 review meetings and 8 s for 30,000
// before.
func TestCheck_LinearInTheMeetings(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("counts allocations: the race detector adds its own")
	}
	cost := func(n int) (allocs, bytes float64) {
		c := reviews(n)
		opts := cpguide.Options{Today: date("2026-06-01")}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		allocs = testing.AllocsPerRun(2, func() {
			if _, err := cpguide.Check(c, opts); err != nil {
				t.Fatal(err)
			}
		})
		runtime.ReadMemStats(&after)
		return allocs, float64(after.TotalAlloc-before.TotalAlloc) / 3 // AllocsPerRun runs it once more to warm up
	}
	sa, sb := cost(2000)
	la, lb := cost(16000)
	t.Logf("2,000 meetings: %.0f allocs, %.0f bytes; 16,000: %.0f allocs, %.0f bytes", sa, sb, la, lb)
	assert.Less(t, la, 10*sa, "8x the meetings: %.0f allocations against %.0f", la, sa)
	assert.Less(t, lb, 10*sb, "8x the meetings: %.0f bytes against %.0f", lb, sb)
}

// TestCheck_AllocationsOfTheSampleCases holds the allocations of the two
// cases issue 11's benchmarks check (BenchmarkCheck and
// BenchmarkCheckSeveralBreaches) where they are: the result, the report's
// findings and subjects, the steps owed, and for several-breaches.json one
// more, against the 12 allocations and 4 KB. Counted, not timed. A
// value escaping to the heap by accident (the default access policy did
// once, through a function value: 18 allocations), or explanations built
// for the steps owed again (8 allocations), fails it.
func TestCheck_AllocationsOfTheSampleCases(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("counts allocations: the race detector adds its own")
	}
	for _, tc := range []struct {
		name   string
		allocs float64
	}{{"initial-registration.json", 4}, {"several-breaches.json", 5}} {
		name := tc.name
		c := readCase(t, name)
		opts := cpguide.Options{Today: date("2026-05-15")}
		const runs = 1000
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		allocs := testing.AllocsPerRun(runs, func() {
			if _, err := cpguide.Check(c, opts); err != nil {
				t.Fatal(err)
			}
		})
		runtime.ReadMemStats(&after)
		bytes := float64(after.TotalAlloc-before.TotalAlloc) / (runs + 1) // AllocsPerRun warms up once
		t.Logf("%s: %.0f allocations, %.0f bytes per check", name, allocs, bytes)
		assert.LessOrEqual(t, allocs, tc.allocs, "%s: allocations per check", name)
		assert.LessOrEqual(t, bytes, 3584.0, "%s: bytes per check (issue 11: 4 KB)", name)
	}
}

// TestChecks_AllocationsOfTheTypicalRecords holds issue 11's 8
// allocations for meeting.Check, plan.Check and coregroup.Check on the
// records their benchmarks check. Counted, not timed.
func TestChecks_AllocationsOfTheTypicalRecords(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("counts allocations: the race detector adds its own")
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		return b
	}
	m, err := meeting.Decode(bytes.NewReader(read("meeting/testdata/2023/initial-compliant.json")))
	require.NoError(t, err)
	pl, err := plan.Decode(read("plan/testdata/2023/good.json"))
	require.NoError(t, err)
	g, err := coregroup.Decode(read("coregroup/testdata/2023/good.json"))
	require.NoError(t, err)
	for name, check := range map[string]func() error{
		"meeting.Check": func() error {
			_, err := meeting.Check(m, meeting.Options{Options: engine.Options{Today: date("2026-05-01")}})
			return err
		},
		"plan.Check": func() error {
			_, err := plan.Check(pl, plan.Options{Options: engine.Options{Today: date("2026-04-01")}})
			return err
		},
		"coregroup.Check": func() error {
			_, err := coregroup.Check(g, coregroup.Options{Options: engine.Options{Today: date("2026-05-01")}, MaxMeetingGap: 42})
			return err
		},
	} {
		allocs := testing.AllocsPerRun(200, func() {
			if err := check(); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("%s: %.0f allocations", name, allocs)
		assert.LessOrEqual(t, allocs, 8.0, "%s: allocations per check", name)
	}
}

// atTheLimits is several-breaches.json grown to the limits of the table:
// 500 CPPMs (each with its invitations, attendance, family and reports),
// 500 plan actions, 500 Core Group meetings, 200 variations.
func atTheLimits(t testing.TB) []byte {
	raw, err := os.ReadFile("examples/cases/several-breaches.json")
	require.NoError(t, err)
	var c map[string]any
	require.NoError(t, json.Unmarshal(raw, &c))
	lim := strictjson.Default.Lists
	first := c["meetings"].([]any)[0].(map[string]any)
	day := date("2026-03-20")
	var ms []any
	for i := range lim["meetings"] {
		m := maps.Clone(first)
		m["ref"] = fmt.Sprintf("M-%04d", i)
		if i > 0 {
			m["kind"] = "review"
		}
		m["convened"] = day.AddDays(2 * i).String()
		m["held"] = day.AddDays(2*i + 1).String()
		delete(m, "record")
		ms = append(ms, m)
	}
	c["meetings"] = ms
	p := c["plan"].(map[string]any)
	a := p["actions"].([]any)
	for len(a) < lim["actions"] {
		a = append(a, a[0])
	}
	p["actions"] = a
	g := c["core_group"].(map[string]any)
	gm := g["meetings"].([]any)[0].(map[string]any)
	var gms []any
	for i := range lim["meetings"] {
		m := maps.Clone(gm)
		m["date"] = day.AddDays(30 + 2*i).String()
		gms = append(gms, m)
	}
	g["meetings"] = gms
	var vs []any
	for i := range lim["variations"] {
		vs = append(vs, map[string]any{"rule": "cppm.review", "subject": fmt.Sprintf("M-%04d", i), "new_date": day.AddDays(2*i + 200).String(),
			"approver": "Service Manager Testcase", "reason": "family unavailable", "recorded": day.AddDays(2 * i).String()})
	}
	c["variations"] = vs
	out, err := json.Marshal(c)
	require.NoError(t, err)
	return out
}

// TestCheck_ACaseAtTheLimitsChecksWellUnderASecondAndUnder100MB: decoding,
// checking and writing the JSON of a case at the limits of the table.
func TestCheck_ACaseAtTheLimitsChecksWellUnderASecondAndUnder100MB(t *testing.T) {
	data := atTheLimits(t)
	var (
		res   *cpguide.Result
		out   []byte
		took  = time.Duration(1 << 62)
		alloc uint64
	)
	for range 3 { // best of three: the machine may be shared
		d, a := costOf(func() {
			c, err := cpguide.DecodeCase(bytes.NewReader(data))
			require.NoError(t, err)
			res, err = cpguide.Check(c, cpguide.Options{Today: date("2029-01-01")})
			require.NoError(t, err)
			out, err = json.Marshal(res)
			require.NoError(t, err)
		})
		took, alloc = min(took, d), a
	}
	t.Logf("%d KB in, %d findings, %d KB of JSON out, %v, %d MiB allocated", len(data)>>10, len(res.Report.Findings()), len(out)>>10, took, alloc>>20)
	assert.Greater(t, len(res.Report.Findings()), 1000)
	if !raceEnabled { // the race detector slows the code and defeats sync.Pool
		assert.Less(t, took, time.Second)
		assert.Less(t, alloc, uint64(100<<20))
	}
}
