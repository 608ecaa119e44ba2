package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/postgres"
	"github.com/cpguide/cpguide/register/storetest"
)

// benchStore opens a store on one connection (pool_max_conns=1), so that
// the raw references run on the very connection the store uses, with a
// raw table beside the register's.
func benchStore(b *testing.B) (*postgres.Store, *register.Register, []byte) {
	owner, app := newSchema(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, owner)
	require.NoError(b, err)
	_, err = conn.Exec(ctx, `CREATE TABLE raw (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, child_id text NOT NULL, version bigint NOT NULL,
		type text NOT NULL, recorded timestamptz NOT NULL, body bytea NOT NULL, UNIQUE (child_id, version))`)
	require.NoError(b, err)
	_, err = conn.Exec(ctx, `GRANT SELECT, INSERT ON raw TO `+appRole)
	require.NoError(b, err)
	require.NoError(b, conn.Close(ctx))
	s := openApp(b, app+" pool_max_conns=1")
	r, err := register.New(register.Config{Store: s, Clock: func() time.Time { return storetest.T0 }})
	require.NoError(b, err)
	body, err := register.MarshalEvent(storetest.Registration("c1", "fife", 1))
	require.NoError(b, err)
	return s, r, body
}

// BenchmarkRegisterDurable: one registration through Register (read the
// head, decide, append the event and the new head, commit).
func BenchmarkRegisterDurable(b *testing.B) {
	_, r, _ := benchStore(b)
	keeper := storetest.Keeper("fife")
	day := storetest.Date(2026, 3, 2)
	mr := register.MeetingRef{ID: "m", Kind: meeting.Initial, Held: day, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := r.Register(context.Background(), keeper, register.RegistrationInput{Child: fmt.Sprint("d", i), Authority: "fife", Date: day, Meeting: mr, Concerns: []string{"neglect"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawInsert is the reference: one INSERT of a registration's
// body, committed on its own, on the store's connection.
func BenchmarkRawInsert(b *testing.B) {
	s, _, body := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := s.Pool().Exec(ctx, `INSERT INTO raw (child_id, version, type, recorded, body) VALUES ($1, 1, 'registered', $2, $3)`, fmt.Sprint("d", i), storetest.T0, body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnquiryRecorded: a recorded enquiry (read the head, append to
// the access log) on a child with 10 or 1,000 events in its history and
// as many earlier enquiries.
func BenchmarkEnquiryRecorded(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprint("prior=", n), func(b *testing.B) {
			ctx := context.Background()
			s, r, _ := benchStore(b)
			child := fmt.Sprint("h", n)
			evs := []register.Event{storetest.Registration(child, "fife", 1)}
			for v := 2; v <= n; v++ {
				evs = append(evs, storetest.Enquiry(child, int64(v)))
			}
			require.NoError(b, s.Append(ctx, child, 0, evs...))
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

// pair times a and b alternately, one of each per iteration, and reports
// each one's mean time and b's as a multiple of a's, from the same run.
func pair(b *testing.B, aName string, a func(i int), bName string, fb func(i int)) {
	b.ReportAllocs()
	var ta, tb time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		a(i)
		t1 := time.Now()
		fb(i)
		tb += time.Since(t1)
		ta += t1.Sub(t0)
	}
	b.ReportMetric(float64(ta.Nanoseconds())/float64(i), aName+"-ns/op")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(i), bName+"-ns/op")
	b.ReportMetric(float64(tb)/float64(ta), bName+"/"+aName)
}

// BenchmarkPaired: each figure against its reference in the same run, on
// the store's one connection.
func BenchmarkPaired(b *testing.B) {
	ctx := context.Background()
	day := storetest.Date(2026, 3, 2)
	mr := register.MeetingRef{ID: "m", Kind: meeting.Initial, Held: day, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true}
	keeper := storetest.Keeper("fife")
	police := register.Actor{ID: "pc", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
	raw := func(s *postgres.Store, body []byte) func(int) {
		return func(i int) {
			if _, err := s.Pool().Exec(ctx, `INSERT INTO raw (child_id, version, type, recorded, body) VALUES ($1, 1, 'registered', $2, $3)`, fmt.Sprint("r", i), storetest.T0, body); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("registration-vs-raw-insert", func(b *testing.B) {
		s, r, body := benchStore(b)
		pair(b, "raw", raw(s, body), "register", func(i int) {
			if err := r.Register(ctx, keeper, register.RegistrationInput{Child: fmt.Sprint("d", i), Authority: "fife", Date: day, Meeting: mr, Concerns: []string{"neglect"}}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("enquiry-vs-raw-insert", func(b *testing.B) {
		s, r, body := benchStore(b)
		require.NoError(b, s.Append(ctx, "e1", 0, storetest.Registration("e1", "fife", 1)))
		pair(b, "raw", raw(s, body), "enquiry", func(int) {
			if _, err := r.Enquire(ctx, police, "e1", "welfare check"); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("enquiry-1000-vs-10", func(b *testing.B) {
		s, r, _ := benchStore(b)
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
				if _, err := r.Enquire(ctx, police, child, "welfare check"); err != nil {
					b.Fatal(err)
				}
			}
		}
		pair(b, "prior10", enquire("h10"), "prior1000", enquire("h1000"))
	})
}
