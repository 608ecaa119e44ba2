// Package storetest is the conformance suite every [register.Store] must
// pass, and a concurrency test of a [register.Register] over a store. The
// in-memory store, the SQLite store and the PostgreSQL store (each of the
// last two in its own module) run it. It also runs crash tests' writer
// processes and checks what they leave ([KillWriters], [CheckAcked]).
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// Opener returns a new, empty store for one test; the test closes it if
// needed through t.Cleanup.
type Opener func(t *testing.T) register.Store

// Keeper is a register keeper of authority a under the default policy.
func Keeper(a string) register.Actor {
	return register.Actor{ID: "keeper-" + a, Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: a}
}

// T0 is the instant the tests' clocks start at.
var T0 = time.Date(2026, 3, 2, 9, 30, 0, 123456789, time.UTC)

// Date is a test date.
func Date(y int, m time.Month, d int) timescale.Date {
	return timescale.Date{Year: y, Month: m, Day: d}
}

// Registration returns a valid first event for child in authority, with
// personal data.
func Registration(child register.ChildID, authority string, version int64) register.Event {
	return register.Event{ChildID: child, Version: version, Type: register.Registered, Recorded: T0.Add(time.Duration(version) * time.Second),
		Actor: Keeper(authority), Authority: authority, Date: Date(2026, 3, 2),
		Meeting: &register.MeetingRef{ID: "m-" + child, Kind: meeting.Initial, Held: Date(2026, 3, 2), Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
		Registration: &register.Registration{Kind: register.ByInitialCPPM, Concerns: []string{"neglect", "domestic-abuse"}, ConcernsVersion: "csws-2016-17",
			Child: &register.Child{Name: "Test Child", DateOfBirth: Date(2019, 4, 5), Address: "1 Test Street"}}}
}

// Enquiry returns a valid enquiry event.
func Enquiry(child register.ChildID, version int64) register.Event {
	return register.Event{ChildID: child, Version: version, Type: register.Enquired, Recorded: T0.Add(time.Duration(version) * time.Second),
		Actor:     register.Actor{ID: "pc-1", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"},
		Authority: "police-scotland", Enquiry: &register.Enquiry{Purpose: "welfare check", OnRegister: true}}
}

func isStale(err error) bool {
	return guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "version"}, err)
}

// Verify runs s.Verify with no earlier anchor, fails t on an error and
// returns the anchor.
func Verify(t testing.TB, s register.Store) register.Anchor {
	t.Helper()
	a, err := s.Verify(context.Background(), register.Anchor{})
	require.NoError(t, err)
	return a
}

// Run runs the conformance suite against stores from open.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("UnknownChildIsEmptyAtVersionZero", func(t *testing.T) {
		s := open(t)
		evs, v, err := s.Load(ctx, "nobody")
		require.NoError(t, err)
		assert.Empty(t, evs)
		assert.Zero(t, v)
	})
	t.Run("AppendThenLoadRoundTripsEveryField", func(t *testing.T) {
		s := open(t)
		want := []register.Event{Registration("c1", "fife", 1), Enquiry("c1", 2)}
		want = append(want, register.Event{ChildID: "c1", Version: 3, Type: register.ParentsInformed, Recorded: T0, Actor: Keeper("fife"),
			Authority: "fife", Date: Date(2026, 3, 3), Informed: &register.Informed{Verbally: true, InWriting: true}})
		require.NoError(t, s.Append(ctx, "c1", 0, want[:2]...))
		require.NoError(t, s.Append(ctx, "c1", 2, want[2]))
		got, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(3), v)
		require.Len(t, got, 3)
		for i := range want {
			assert.True(t, want[i].Recorded.Equal(got[i].Recorded))
			got[i].Recorded = want[i].Recorded
		}
		assert.Equal(t, want, got)
	})
	t.Run("LoadedEventsCannotChangeTheStore", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1)))
		got, _, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		got[0].Registration.Concerns[0] = "changed"
		again, _, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, "neglect", again[0].Registration.Concerns[0])
	})
	t.Run("StaleVersionIsConflictAndWritesNothing", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1)))
		err := s.Append(ctx, "c1", 0, Registration("c1", "angus", 1))
		require.True(t, isStale(err), "got %v", err)
		err = s.Append(ctx, "c1", 5, Enquiry("c1", 6))
		require.True(t, isStale(err), "got %v", err)
		evs, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(1), v)
		assert.Equal(t, "fife", evs[0].Authority)
	})
	t.Run("MalformedAppendIsInvalid", func(t *testing.T) {
		s := open(t)
		for name, tc := range map[string]struct {
			child    string
			expected int64
			events   []register.Event
		}{
			"no events":       {"c1", 0, nil},
			"version gap":     {"c1", 0, []register.Event{Registration("c1", "fife", 2)}},
			"other child":     {"c1", 0, []register.Event{Registration("c2", "fife", 1)}},
			"unknown type":    {"c1", 0, []register.Event{{ChildID: "c1", Version: 1, Type: "deleted"}}},
			"empty child id":  {"", 0, []register.Event{Registration("", "fife", 1)}},
			"negative expect": {"c1", -1, []register.Event{Registration("c1", "fife", 0)}},
		} {
			err := s.Append(ctx, tc.child, tc.expected, tc.events...)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err), "%s: got %v", name, err)
		}
		_, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Zero(t, v)
	})
	t.Run("ConcurrentAppendsAtOneVersionOnlyOneSucceeds", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1)))
		const n = 16
		var ok, stale atomic.Int32
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				err := s.Append(ctx, "c1", 1, Enquiry("c1", 2))
				switch {
				case err == nil:
					ok.Add(1)
				case isStale(err):
					stale.Add(1)
				default:
					t.Errorf("unexpected error %v", err)
				}
			})
		}
		wg.Wait()
		assert.Equal(t, int32(1), ok.Load())
		assert.Equal(t, int32(n-1), stale.Load())
		_, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(2), v)
	})
	t.Run("BatchIsAllOrNothing", func(t *testing.T) {
		s := open(t)
		b, ok := s.(register.Batcher)
		if !ok {
			t.Skip("store is not a Batcher")
		}
		require.NoError(t, s.Append(ctx, "c2", 0, Registration("c2", "fife", 1)))
		err := b.AppendBatch(ctx,
			register.AppendBatch{Child: "c1", Expected: 0, Events: []register.Event{Registration("c1", "fife", 1)}},
			register.AppendBatch{Child: "c2", Expected: 0, Events: []register.Event{Registration("c2", "fife", 1)}})
		require.True(t, isStale(err), "got %v", err)
		_, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Zero(t, v, "the first child's part of a failed batch must not be written")
		require.NoError(t, b.AppendBatch(ctx,
			register.AppendBatch{Child: "c1", Expected: 0, Events: []register.Event{Registration("c1", "fife", 1)}},
			register.AppendBatch{Child: "c2", Expected: 1, Events: []register.Event{Enquiry("c2", 2)}}))
		_, v, _ = s.Load(ctx, "c2")
		assert.Equal(t, int64(2), v)
	})
	t.Run("ScanVisitsEveryEventByChildThenVersion", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Append(ctx, "b", 0, Registration("b", "fife", 1)))
		require.NoError(t, s.Append(ctx, "a", 0, Registration("a", "fife", 1), Enquiry("a", 2)))
		require.NoError(t, s.Append(ctx, "b", 1, Enquiry("b", 2)))
		var got []string
		require.NoError(t, s.Scan(ctx, func(e register.Event) error {
			got = append(got, fmt.Sprintf("%s/%d", e.ChildID, e.Version))
			return nil
		}))
		assert.Equal(t, []string{"a/1", "a/2", "b/1", "b/2"}, got)
		stop := fmt.Errorf("stop")
		n := 0
		err := s.Scan(ctx, func(register.Event) error { n++; return stop })
		assert.ErrorIs(t, err, stop)
		assert.Equal(t, 1, n)
	})
	t.Run("HeadIsTheFoldOfTheHistory", func(t *testing.T) {
		s := open(t)
		st, err := s.Head(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, register.State{ChildID: "c1"}, st)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1), Enquiry("c1", 2)))
		evs, _, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		want, err := register.Fold("c1", evs)
		require.NoError(t, err)
		st, err = s.Head(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, want, st)
		require.NotNil(t, st.Child, "the head keeps the personal data, for the register's own use")
		assert.Equal(t, "Test Child", st.Child.Name)
		var heads []string
		require.NoError(t, s.Append(ctx, "a0", 0, Registration("a0", "angus", 1)))
		require.NoError(t, s.ScanHeads(ctx, func(st register.State) error {
			heads = append(heads, fmt.Sprintf("%s/%d", st.ChildID, st.Version))
			return nil
		}))
		assert.Equal(t, []string{"a0/1", "c1/2"}, heads)
	})
	t.Run("AppendThatDoesNotFoldIsConflictAndWritesNothing", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1)))
		err := s.Append(ctx, "c1", 1, Registration("c1", "fife", 2))
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "events.version"}, err), "got %v", err)
		end := register.Event{ChildID: "c2", Version: 1, Type: register.Deregistered, Recorded: T0, Actor: Keeper("fife"), Authority: "fife", Date: Date(2026, 3, 2), Reason: register.Died}
		err = s.Append(ctx, "c2", 0, end)
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict}, err), "an ending with no registration: got %v", err)
		_, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(1), v)
		Verify(t, s)
	})
	t.Run("AccessLogByChildAndByActor", func(t *testing.T) {
		s := open(t)
		pc := Enquiry("c1", 1).Actor
		entries := []register.Access{
			{ChildID: "c1", Recorded: T0, Actor: pc, Action: register.ActionEnquire, Authority: pc.Authority, Purpose: "welfare check", Outcome: register.Answered, OnRegister: true},
			{ChildID: "c2", Recorded: T0, Actor: pc, Action: register.ActionEnquire, Authority: pc.Authority, Purpose: "welfare check", Outcome: register.Answered},
			{ChildID: "c1", Recorded: T0, Actor: Keeper("angus"), Action: register.ActionHistory, Authority: "angus", Outcome: register.Denied, Rule: "register.access"},
			{Recorded: T0, Actor: pc, Action: register.ActionEnquire, Authority: pc.Authority, Outcome: register.Malformed, Field: "child_id"},
		}
		require.NoError(t, s.Record(ctx, entries[:2]...))
		require.NoError(t, s.Record(ctx, entries[2]))
		require.NoError(t, s.Record(ctx, entries[3]))
		collect := func(q register.AccessQuery) []register.Access {
			var out []register.Access
			require.NoError(t, s.Accesses(ctx, q, func(a register.Access) error { out = append(out, a); return nil }))
			return out
		}
		c1 := collect(register.AccessQuery{ChildID: "c1"})
		require.Len(t, c1, 2)
		assert.Equal(t, []int64{1, 2}, []int64{c1[0].N, c1[1].N}, "numbered per child")
		assert.Less(t, c1[0].Seq, c1[1].Seq)
		for _, a := range c1 {
			assert.True(t, a.Recorded.Equal(T0))
		}
		c1[0].Seq, c1[0].N, c1[0].Recorded = 0, 0, T0
		assert.Equal(t, entries[0], c1[0])
		byPC := collect(register.AccessQuery{ActorID: pc.ID})
		require.Len(t, byPC, 3)
		assert.Equal(t, []register.ChildID{"c1", "c2", ""}, []register.ChildID{byPC[0].ChildID, byPC[1].ChildID, byPC[2].ChildID})
		after := collect(register.AccessQuery{ActorID: pc.ID, After: byPC[0].Seq, Limit: 1})
		require.Len(t, after, 1)
		assert.Equal(t, "c2", after[0].ChildID)
		err := s.Accesses(ctx, register.AccessQuery{}, func(register.Access) error { return nil })
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err), "got %v", err)
		err = s.Record(ctx, register.Access{ChildID: "c1", Actor: pc, Action: "peek", Outcome: register.Answered, Recorded: T0})
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err), "got %v", err)
		Verify(t, s)
	})
	t.Run("ConcurrentAccessRecordsAllKept", func(t *testing.T) {
		s := open(t)
		pc := Enquiry("c1", 1).Actor
		var wg sync.WaitGroup
		for i := range 24 {
			wg.Go(func() {
				a := register.Access{ChildID: fmt.Sprint("k", i%3), Recorded: T0, Actor: pc, Action: register.ActionEnquire, Authority: pc.Authority, Purpose: "p", Outcome: register.Answered}
				assert.NoError(t, s.Record(ctx, a))
			})
		}
		wg.Wait()
		n := 0
		require.NoError(t, s.Accesses(ctx, register.AccessQuery{ActorID: pc.ID}, func(register.Access) error { n++; return nil }))
		assert.Equal(t, 24, n)
		Verify(t, s)
	})
	t.Run("VerifyPassesOnAnHonestStore", func(t *testing.T) {
		s := open(t)
		Verify(t, s)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1), Enquiry("c1", 2)))
		require.NoError(t, s.Append(ctx, "c2", 0, Registration("c2", "fife", 1)))
		require.NoError(t, s.Append(ctx, "c1", 2, Enquiry("c1", 3)))
		Verify(t, s)
	})
	t.Run("UpdateDecidesOnTheHeadInOneTransaction", func(t *testing.T) {
		s := open(t)
		u, ok := s.(register.Updater)
		if !ok {
			t.Skip("store is not an Updater")
		}
		require.NoError(t, u.Update(ctx, "c1", func(st register.State) ([]register.Event, error) {
			assert.Equal(t, register.State{ChildID: "c1"}, st, "a child with no history")
			return []register.Event{Registration("c1", "fife", 1)}, nil
		}))
		// decide's error comes back as it is, and nothing is written; so
		// do events that do not follow the head.
		no := errors.New("refused by the rules")
		err := u.Update(ctx, "c1", func(st register.State) ([]register.Event, error) {
			assert.Equal(t, int64(1), st.Version)
			assert.True(t, st.OnRegister())
			return nil, no
		})
		assert.ErrorIs(t, err, no)
		err = u.Update(ctx, "c1", func(register.State) ([]register.Event, error) { return []register.Event{Enquiry("c1", 5)}, nil })
		assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err), "got %v", err)
		_, v, err := s.Load(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(1), v)
		// Concurrent updates of one child all succeed: none decides on a
		// state another has changed.
		const n = 12
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				assert.NoError(t, u.Update(ctx, "c1", func(st register.State) ([]register.Event, error) {
					return []register.Event{Enquiry("c1", st.Version+1)}, nil
				}))
			})
		}
		wg.Wait()
		st, err := s.Head(ctx, "c1")
		require.NoError(t, err)
		assert.Equal(t, int64(n+1), st.Version)
		assert.Equal(t, n, st.Enquiries)
		Verify(t, s)
	})
	t.Run("VerifyReturnsAnAnchorThatALaterVerifyChecks", func(t *testing.T) {
		s := open(t)
		empty := Verify(t, s)
		assert.Empty(t, empty.Events)
		assert.Empty(t, empty.Access)
		require.NoError(t, s.Append(ctx, "c1", 0, Registration("c1", "fife", 1), Enquiry("c1", 2)))
		require.NoError(t, s.Append(ctx, "c2", 0, Registration("c2", "fife", 1)))
		pc := Enquiry("c1", 1).Actor
		require.NoError(t, s.Record(ctx, register.Access{ChildID: "c1", Recorded: T0, Actor: pc, Action: register.ActionEnquire,
			Authority: pc.Authority, Purpose: "welfare check", Outcome: register.Answered, OnRegister: true}))
		a1, err := s.Verify(ctx, empty)
		require.NoError(t, err)
		require.Len(t, a1.Events, 2)
		assert.Equal(t, []register.ChildID{"c1", "c2"}, []register.ChildID{a1.Events[0].Key, a1.Events[1].Key})
		assert.Equal(t, []int64{2, 1}, []int64{a1.Events[0].N, a1.Events[1].N})
		assert.Len(t, a1.Events[0].Hash, register.HashSize)
		require.Len(t, a1.Access, 1)
		assert.Equal(t, register.ChainEnd{Key: "c1", N: 1, Seq: a1.Access[0].Seq, Hash: a1.Access[0].Hash}, a1.Access[0])
		assert.Len(t, a1.Digest(), 64)
		assert.NotEqual(t, empty.Digest(), a1.Digest())

		// Appends since the anchor: the old ends are still in the chains.
		require.NoError(t, s.Append(ctx, "c1", 2, Enquiry("c1", 3)))
		a2, err := s.Verify(ctx, a1)
		require.NoError(t, err)
		assert.Equal(t, int64(3), a2.Events[0].N)
		assert.Equal(t, a1.Events[1], a2.Events[1], "an unchanged chain ends where it did")
		assert.NotEqual(t, a1.Digest(), a2.Digest())
		again, err := s.Verify(ctx, a2)
		require.NoError(t, err)
		assert.Equal(t, a2.Digest(), again.Digest(), "the same history, the same digest")

		// An anchor the store does not match: a different hash, a row
		// the store never had, a chain it never had.
		for name, edit := range map[string]func(a *register.Anchor){
			"other hash": func(a *register.Anchor) { a.Events[1].Hash = bytes.Repeat([]byte{7}, register.HashSize) },
			"later row":  func(a *register.Anchor) { a.Events[1].N, a.Events[1].Seq = 9, 99 },
			"other child": func(a *register.Anchor) {
				a.Access = append(a.Access, register.ChainEnd{Key: "c9", N: 1, Seq: 1, Hash: a.Access[0].Hash})
			},
			"other seq": func(a *register.Anchor) { a.Access[0].Seq += 1000 },
		} {
			forged := register.Anchor{Events: slices.Clone(a2.Events), Access: slices.Clone(a2.Access)}
			edit(&forged)
			_, err := s.Verify(ctx, forged)
			var te *register.TamperError
			require.ErrorAs(t, err, &te, name)
			assert.True(t, errors.Is(err, register.ErrTampered), name)
		}
	})
	t.Run("CancelledContextIsAnError", func(t *testing.T) {
		s := open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		assert.Error(t, s.Append(cctx, "c1", 0, Registration("c1", "fife", 1)))
		_, _, err := s.Load(cctx, "c1")
		assert.Error(t, err)
	})
}

// Counting wraps a store and counts the events of acknowledged appends
// and the acknowledged access-log entries.
type Counting struct {
	register.Store
	Acked, Recorded atomic.Int64
}

// Append counts the events of an acknowledged append.
func (c *Counting) Append(ctx context.Context, child register.ChildID, expected int64, events ...register.Event) error {
	err := c.Store.Append(ctx, child, expected, events...)
	if err == nil {
		c.Acked.Add(int64(len(events)))
	}
	return err
}

// Record counts acknowledged access-log entries.
func (c *Counting) Record(ctx context.Context, entries ...register.Access) error {
	err := c.Store.Record(ctx, entries...)
	if err == nil {
		c.Recorded.Add(int64(len(entries)))
	}
	return err
}

// Race runs many goroutines registering, transferring, de-registering and
// enquiring across a few children and authorities through a Register over
// s, then checks the invariants: every acknowledged event is in the store
// and no more; every child's history folds (no child with two open
// registrations in one authority, no version gap); the store verifies.
func Race(t *testing.T, s register.Store, goroutines, opsEach int) {
	cs := &Counting{Store: s}
	var tick atomic.Int64
	reg, err := register.New(register.Config{Store: cs, Clock: func() time.Time { return T0.Add(time.Duration(tick.Add(1)) * time.Millisecond) }})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() { Mix(t, reg, uint64(g), opsEach) })
	}
	wg.Wait()
	CheckHistories(t, s, cs.Acked.Load())
}

// Mix runs ops random registrations, transfers, de-registrations,
// temporary registrations and enquiries on six children across three
// authorities through reg, seeded by seed; it fails t on any error but
// the expected conflicts and invalid pairs.
func Mix(t testing.TB, reg *register.Register, seed uint64, ops int) {
	ctx := context.Background()
	authorities := []string{"fife", "angus", "dundee"}
	children := []string{"r1", "r2", "r3", "r4", "r5", "r6"}
	day := Date(2026, 1, 5)
	rng := rand.New(rand.NewPCG(seed, 7))
	for range ops {
		c := children[rng.IntN(len(children))]
		a := authorities[rng.IntN(len(authorities))]
		b := authorities[rng.IntN(len(authorities))]
		var err error
		switch rng.IntN(5) {
		case 0:
			err = reg.Register(ctx, Keeper(a), register.RegistrationInput{Child: c, Authority: a, Date: day,
				Meeting:  register.MeetingRef{ID: "m", Kind: meeting.Initial, Held: day, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
				Concerns: []string{"neglect"}})
		case 1:
			err = reg.Transfer(ctx, Keeper(b), register.TransferInput{Child: c, From: a, To: b, Date: day,
				Meeting: register.MeetingRef{ID: "t", Kind: meeting.Transfer, Held: day, Quorate: true, PlanRequired: true}})
		case 2:
			err = reg.Deregister(ctx, Keeper(a), register.DeregistrationInput{Child: c, Authority: a, Date: day, Reason: register.RiskReduced,
				Meeting: &register.MeetingRef{ID: "r", Kind: meeting.Review, Held: day, Quorate: true, ChildFamilyRepresented: true}})
		case 3:
			err = reg.RegisterTemporary(ctx, Keeper(b), register.TemporaryInput{Child: c, Authority: b, From: a, Date: day})
		case 4:
			_, err = reg.Enquire(ctx, register.Actor{ID: "pc", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}, c, "check")
		}
		// Conflicts (already registered, nothing to end) and invalid
		// pairs (from == to) are expected; nothing else.
		if err != nil && !guidance.Match(&guidance.Error{Kind: guidance.Conflict}, err) && !guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err) {
			t.Errorf("unexpected error: %v", err)
		}
	}
}

// CheckHistories checks that s holds exactly acked events, that every
// child's history folds with no two open registrations in one authority,
// that every head is the fold of its history (foldsToHead), and that the
// store verifies.
func CheckHistories(t testing.TB, s register.Store, acked int64) {
	var total int64
	for c, evs := range historiesOf(t, s) {
		total += int64(len(evs))
		st := foldsToHead(t, s, c, evs)
		open := map[string]int{}
		for _, ep := range st.OpenEpisodes() {
			open[ep.Authority]++
			assert.Equal(t, 1, open[ep.Authority], "child %s has two open registrations in %s", c, ep.Authority)
		}
	}
	assert.Equal(t, acked, total, "events in the store must equal acknowledged events")
	assert.Positive(t, total)
	Verify(t, s)
}

// Enquiries runs n concurrent enquiries about one registered child through
// a Register over s: every one must succeed and be recorded in the access
// log, and none may grow the child's history.
func Enquiries(t *testing.T, s register.Store, n int) {
	ctx := context.Background()
	reg, err := register.New(register.Config{Store: s, Clock: func() time.Time { return T0 }})
	require.NoError(t, err)
	require.NoError(t, s.Append(ctx, "e1", 0, Registration("e1", "fife", 1)))
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a := register.Actor{ID: fmt.Sprint("pc-", i), Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
			ans, err := reg.Enquire(ctx, a, "e1", "concurrent check")
			if assert.NoError(t, err) {
				assert.True(t, ans.OnRegister)
			}
		})
	}
	wg.Wait()
	_, v, err := s.Load(ctx, "e1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), v, "enquiries do not grow the history")
	got := 0
	require.NoError(t, s.Accesses(ctx, register.AccessQuery{ChildID: "e1"}, func(a register.Access) error {
		if a.Action == register.ActionEnquire && a.Outcome == register.Answered && a.OnRegister {
			got++
		}
		return nil
	}))
	assert.Equal(t, n, got)
	Verify(t, s)
}
