package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

// pair times a and b alternately, one of each per iteration, a first in
// odd iterations and b first in even ones (so that neither gains from
// going second, after the other's commit), and reports each one's mean
// time and b's time as a multiple of a's: the figure and its reference
// from the same run, under the same load (the machine and its disk are
// shared, so separate benchmarks run at different moments are not
// comparable).
func pair(b *testing.B, aName string, a func(i int), bName string, fb func(i int)) {
	b.ReportAllocs()
	var ta, tb time.Duration
	timed := func(f func(int), i int, total *time.Duration) {
		t0 := time.Now()
		f(i)
		*total += time.Since(t0)
	}
	i := 0
	for b.Loop() {
		i++
		if i%2 == 1 {
			timed(a, i, &ta)
			timed(fb, i, &tb)
		} else {
			timed(fb, i, &tb)
			timed(a, i, &ta)
		}
	}
	b.ReportMetric(float64(ta.Nanoseconds())/float64(i), aName+"-ns/op")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(i), bName+"-ns/op")
	b.ReportMetric(float64(tb)/float64(ta), bName+"/"+aName)
}

// BenchmarkPaired: the figures, each against its reference in
// the same run.
func BenchmarkPaired(b *testing.B) {
	ctx := context.Background()
	keeper := storetest.Keeper("fife")
	police := register.Actor{ID: "pc", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
	recorded := storetest.T0.Format(time.RFC3339Nano)

	// A durable registration through Register against a raw one-row
	// commit with the store's settings, of a body of the same size.
	b.Run("registration-vs-raw", func(b *testing.B) {
		db, st, body := openRaw(b)
		s := openTemp(b)
		r := newRegister(b, s)
		pair(b, "raw", func(i int) {
			tx, err := db.BeginTx(ctx, nil)
			require.NoError(b, err)
			_, err = tx.StmtContext(ctx, st).ExecContext(ctx, fmt.Sprint("d", i), 1, "registered", recorded, body)
			require.NoError(b, err)
			require.NoError(b, tx.Commit())
		}, "register", func(i int) {
			require.NoError(b, r.Register(ctx, keeper, registration(i)))
		})
		evs, _, err := s.Load(ctx, "d1")
		require.NoError(b, err)
		stored, err := register.MarshalEvent(evs[0])
		require.NoError(b, err)
		require.InDelta(b, len(body), len(stored), 16, "the raw row's body is the size of a registration's")
	})

	// A later change to a registered child (parents informed), whose row
	// keeps the child's state (a first row keeps none), against a raw
	// one-row commit. The changes go round 100 children.
	b.Run("change-vs-raw", func(b *testing.B) {
		db, st, body := openRaw(b)
		s := openTemp(b)
		r := newRegister(b, s)
		for i := range 100 {
			require.NoError(b, r.Register(ctx, keeper, registration(i)))
		}
		on := storetest.Date(2026, 3, 3)
		pair(b, "raw", func(i int) {
			tx, err := db.BeginTx(ctx, nil)
			require.NoError(b, err)
			_, err = tx.StmtContext(ctx, st).ExecContext(ctx, fmt.Sprint("d", i), 1, "registered", recorded, body)
			require.NoError(b, err)
			require.NoError(b, tx.Commit())
		}, "change", func(i int) {
			require.NoError(b, r.RecordParentsInformed(ctx, keeper, fmt.Sprint("d", i%100), "fife", on, register.Informed{Verbally: true}))
		})
	})

	// 100 registrations in one AppendBatch against 100 raw rows in one
	// commit.
	b.Run("batched-vs-raw", func(b *testing.B) {
		const per = 100
		db, st, body := openRaw(b)
		s := openTemp(b)
		pair(b, "raw", func(i int) {
			tx, err := db.BeginTx(ctx, nil)
			require.NoError(b, err)
			ins := tx.StmtContext(ctx, st)
			for j := range per {
				_, err = ins.ExecContext(ctx, fmt.Sprint("b", i, "-", j), 1, "registered", recorded, body)
				require.NoError(b, err)
			}
			require.NoError(b, tx.Commit())
		}, "batch", func(i int) {
			batch := make([]register.AppendBatch, per)
			for j := range batch {
				c := fmt.Sprint("b", i, "-", j)
				batch[j] = register.AppendBatch{Child: c, Events: []register.Event{storetest.Registration(c, "fife", 1)}}
			}
			require.NoError(b, s.AppendBatch(ctx, batch...))
		})
	})

	// A recorded enquiry on a child with 10 events and 10 earlier
	// enquiries against one with 1,000 and 1,000, in one store.
	b.Run("enquiry-1000-vs-10", func(b *testing.B) {
		s := openTemp(b)
		r := newRegister(b, s)
		for _, n := range []int{10, 1000} {
			child := fmt.Sprint("h", n)
			evs := []register.Event{storetest.Registration(child, "fife", 1)}
			for v := 2; v <= n; v++ {
				evs = append(evs, storetest.Enquiry(child, int64(v)))
			}
			require.NoError(b, s.Append(ctx, child, 0, evs...))
			for range n {
				_, err := r.Enquire(ctx, police, child, "earlier")
				require.NoError(b, err)
			}
		}
		enquire := func(child string) func(int) {
			return func(int) {
				ans, err := r.Enquire(ctx, police, child, "welfare check")
				if err != nil || !ans.OnRegister {
					b.Fatal(err)
				}
			}
		}
		pair(b, "prior10", enquire("h10"), "prior1000", enquire("h1000"))
	})

	// Loading and folding a registration history of 5 events, of a child
	// with no refused enquiries and of one with 20,000, in one store.
	b.Run("fold-after-20000-refusals", func(b *testing.B) {
		s, err := sqlite.OpenWith(ctx, filepath.Join(b.TempDir(), "r.db"), sqlite.Options{GroupCommit: true})
		require.NoError(b, err)
		b.Cleanup(func() { s.Close() })
		for _, c := range []string{"f0", "f20000"} {
			require.NoError(b, s.Append(ctx, c, 0, storetest.Registration(c, "fife", 1), storetest.Enquiry(c, 2),
				storetest.Enquiry(c, 3), storetest.Enquiry(c, 4), storetest.Enquiry(c, 5)))
		}
		r := newRegister(b, s)
		teacher := register.Actor{ID: "t-1", Role: register.Practitioner, Agency: meeting.Education, Authority: "fife"}
		var wg sync.WaitGroup
		for range 40 {
			wg.Go(func() {
				for range 500 {
					_, err := r.Enquire(ctx, teacher, "f20000", "curious")
					require.Error(b, err)
				}
			})
		}
		wg.Wait()
		n := 0
		require.NoError(b, s.Accesses(ctx, register.AccessQuery{ChildID: "f20000"}, func(register.Access) error { n++; return nil }))
		require.Equal(b, 20000, n, "every refusal recorded")
		fold := func(c string) func(int) {
			return func(int) {
				evs, v, err := s.Load(ctx, c)
				if err != nil || v != 5 {
					b.Fatal(err, v)
				}
				if _, err := register.Fold(c, evs); err != nil {
					b.Fatal(err)
				}
			}
		}
		pair(b, "refusals0", fold("f0"), "refusals20000", fold("f20000"))
	})
}
