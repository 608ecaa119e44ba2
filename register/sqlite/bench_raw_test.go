package sqlite_test

import (
	"context"
	"database/sql"
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

// The references: the same kind of row (a registration's body) written
// with the store's own connection settings (WAL, synchronous=FULL,
// IMMEDIATE transactions), one statement prepared once, no checks, no
// hashes, no head.

func openRaw(b *testing.B) (*sql.DB, *sql.Stmt, []byte) {
	path := filepath.Join(b.TempDir(), "raw.db")
	db, err := sql.Open("sqlite", sqlite.DSN(path, "FULL"))
	require.NoError(b, err)
	b.Cleanup(func() { db.Close() })
	_, err = db.Exec(`CREATE TABLE raw (seq INTEGER PRIMARY KEY AUTOINCREMENT, child_id TEXT NOT NULL, version INTEGER NOT NULL,
		type TEXT NOT NULL, recorded TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (child_id, version))`)
	require.NoError(b, err)
	st, err := db.Prepare(`INSERT INTO raw (child_id, version, type, recorded, body) VALUES (?, ?, ?, ?, ?)`)
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	body, err := register.MarshalEvent(storetest.Registration("c1", "fife", 1))
	require.NoError(b, err)
	return db, st, body
}

// BenchmarkRawOneRowCommit is the reference for BenchmarkRegisterDurable:
// one row per durable transaction.
func BenchmarkRawOneRowCommit(b *testing.B) {
	db, st, body := openRaw(b)
	ctx := context.Background()
	recorded := storetest.T0.Format(time.RFC3339Nano)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		tx, err := db.BeginTx(ctx, nil)
		require.NoError(b, err)
		_, err = tx.StmtContext(ctx, st).ExecContext(ctx, fmt.Sprint("d", i), 1, "registered", recorded, body)
		require.NoError(b, err)
		require.NoError(b, tx.Commit())
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkRawBatched is the reference for BenchmarkRegisterBatched: 100
// rows per durable transaction.
func BenchmarkRawBatched(b *testing.B) {
	const per = 100
	db, st, body := openRaw(b)
	ctx := context.Background()
	recorded := storetest.T0.Format(time.RFC3339Nano)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		tx, err := db.BeginTx(ctx, nil)
		require.NoError(b, err)
		ins := tx.StmtContext(ctx, st)
		for range per {
			n++
			_, err = ins.ExecContext(ctx, fmt.Sprint("b", n), 1, "registered", recorded, body)
			require.NoError(b, err)
		}
		require.NoError(b, tx.Commit())
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkEnquiryRecorded: a recorded enquiry (read the head, append to
// the access log, durably) on a child whose history has 10 or 1,000
// events and who had 10 or 1,000 earlier enquiries. The cost must not
// depend on either.
func BenchmarkEnquiryRecorded(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprint("prior=", n), func(b *testing.B) {
			ctx := context.Background()
			s := openTemp(b)
			child := fmt.Sprint("h", n)
			evs := []register.Event{storetest.Registration(child, "fife", 1)}
			for v := 2; v <= n; v++ {
				evs = append(evs, storetest.Enquiry(child, int64(v)))
			}
			require.NoError(b, s.Append(ctx, child, 0, evs...))
			r := newRegister(b, s)
			police := register.Actor{ID: "pc", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
			for range n {
				_, err := r.Enquire(ctx, police, child, "earlier")
				require.NoError(b, err)
			}
			b.ReportAllocs()
			for b.Loop() {
				ans, err := r.Enquire(ctx, police, child, "welfare check")
				if err != nil || !ans.OnRegister {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFoldAfterRefusals: loading and folding a child's registration
// history (5 events) before and after 20,000 refused enquiries about the
// child. Refusals go to the access log, so the times must match.
func BenchmarkFoldAfterRefusals(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.OpenWith(ctx, filepath.Join(b.TempDir(), "r.db"), sqlite.Options{GroupCommit: true})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	require.NoError(b, s.Append(ctx, "f1", 0, storetest.Registration("f1", "fife", 1), storetest.Enquiry("f1", 2),
		storetest.Enquiry("f1", 3), storetest.Enquiry("f1", 4), storetest.Enquiry("f1", 5)))
	r := newRegister(b, s)
	fold := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			evs, _, err := s.Load(ctx, "f1")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := register.Fold("f1", evs); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("refusals=0", fold)
	teacher := register.Actor{ID: "t-1", Role: register.Practitioner, Agency: meeting.Education, Authority: "fife"}
	var wg sync.WaitGroup
	for g := range 40 {
		wg.Go(func() {
			for range 500 {
				if _, err := r.Enquire(ctx, teacher, "f1", "curious"); err == nil {
					b.Errorf("goroutine %d: not refused", g)
					return
				}
			}
		})
	}
	wg.Wait()
	n := 0
	require.NoError(b, s.Accesses(ctx, register.AccessQuery{ChildID: "f1"}, func(register.Access) error { n++; return nil }))
	require.Equal(b, 20000, n, "every refusal recorded")
	_, v, err := s.Load(ctx, "f1")
	require.NoError(b, err)
	require.Equal(b, int64(5), v, "and none in the history")
	b.Run("refusals=20000", fold)
}
