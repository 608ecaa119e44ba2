package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

var benchDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func newRegister(tb testing.TB, s register.Store) *register.Register {
	r, err := register.New(register.Config{Store: s, Clock: func() time.Time { return storetest.T0 }})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// registration is the i-th registration of the durable benchmarks: a new
// child with personal data, so that its event is the size of the raw
// benchmarks' row (storetest.Registration's).
func registration(i int) register.RegistrationInput {
	day := storetest.Date(2026, 3, 2)
	c := fmt.Sprint("d", i)
	return register.RegistrationInput{Child: c, Authority: "fife", Date: day,
		Meeting:  register.MeetingRef{ID: "m-" + c, Kind: meeting.Initial, Held: day, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
		Concerns: []string{"neglect", "domestic-abuse"},
		Details:  &register.Child{Name: "Test Child", DateOfBirth: storetest.Date(2019, 4, 5), Address: "1 Test Street"}}
}

// BenchmarkRegisterDurable: one registration per transaction through
// Register (read the head, decide, append), each committed with
// synchronous=FULL.
func BenchmarkRegisterDurable(b *testing.B) {
	s := openTemp(b)
	r := newRegister(b, s)
	keeper := storetest.Keeper("fife")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := r.Register(context.Background(), keeper, registration(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "registrations/s")
}

// BenchmarkRegisterBatched: 100 registrations per transaction.
func BenchmarkRegisterBatched(b *testing.B) {
	const per = 100
	s := openTemp(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		batch := make([]register.AppendBatch, per)
		for j := range batch {
			n++
			c := fmt.Sprint("b", n)
			batch[j] = register.AppendBatch{Child: c, Events: []register.Event{storetest.Registration(c, "fife", 1)}}
		}
		if err := s.AppendBatch(context.Background(), batch...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "registrations/s")
}

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

const bigN = 100_000

// bigRegister builds, once per test binary, a register of 100,000
// registered children, in batches of 5,000 per transaction.
func bigRegister(b *testing.B) *sqlite.Store {
	bigOnce.Do(func() {
		benchDir, bigErr = os.MkdirTemp("", "cpguide-register-bench")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(benchDir, "big.db")
		start := time.Now()
		s, err := sqlite.Open(context.Background(), bigPath)
		if err != nil {
			bigErr = err
			return
		}
		defer s.Close()
		for lo := 0; lo < bigN; lo += 5000 {
			batch := make([]register.AppendBatch, 0, 5000)
			for i := lo; i < lo+5000; i++ {
				c := fmt.Sprint("k", i)
				batch = append(batch, register.AppendBatch{Child: c, Events: []register.Event{storetest.Registration(c, "fife", 1)}})
			}
			if bigErr = s.AppendBatch(context.Background(), batch...); bigErr != nil {
				return
			}
		}
		b.Logf("built a register of %d children in %v", bigN, time.Since(start))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	s, err := sqlite.Open(context.Background(), bigPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkEnquiry100k measures an enquiry on a register of 100,000
// children: Lookup reads and folds the child's history; Recorded is the
// full Register.Enquire, which reads the child's head and appends the
// enquiry to the access log durably. Both walk every child in turn (7919
// is prime to 100,000), and enquiries no longer grow histories, so -count
// runs measure the same register.
func BenchmarkEnquiry100k(b *testing.B) {
	s := bigRegister(b)
	b.Run("Lookup", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i = (i + 7919) % bigN
			evs, _, err := s.Load(context.Background(), fmt.Sprint("k", i))
			if err != nil {
				b.Fatal(err)
			}
			st, err := register.Fold(fmt.Sprint("k", i), evs)
			if err != nil || !st.OnRegister() {
				b.Fatal("not on the register", err)
			}
		}
	})
	b.Run("Recorded", func(b *testing.B) {
		r := newRegister(b, s)
		police := register.Actor{ID: "pc", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i = (i + 7919) % bigN
			ans, err := r.Enquire(context.Background(), police, fmt.Sprint("k", i), "welfare check")
			if err != nil || !ans.OnRegister {
				b.Fatal("not on the register", err)
			}
		}
	})
}
