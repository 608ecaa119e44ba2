package register

import (
	"context"
	"sort"
	"sync"

	"github.com/cpguide/cpguide/guidance"
)

// A Store keeps each child's events, append-only and hash-chained, with
// the folded state at its head (a head row, or the chain's last row), and
// the access log (see [Access]). Implementations must be safe for
// concurrent use, and must make Append atomic: all the events and the new
// head, or nothing. Two appends at the same expected version must not both
// succeed.
//
// A Store is the register's storage, not an API for people: a host program
// opens it, passes it to [New] and keeps no other handle, so that every
// read and write goes through the access policy of the [Register].
//
// Errors of kind Conflict with Field "version" mean the expected version was
// stale: read the head again and retry. A *[TamperError] (errors.Is
// [ErrTampered]) means stored rows fail verification.
type Store interface {
	// Append adds events to the child's history, which must be at version
	// expected (0 for a child with no history). The events' versions must
	// be expected+1, expected+2, ..., and they must fold onto the
	// child's state ([PrepareAppend] does both checks).
	Append(ctx context.Context, child ChildID, expected int64, events ...Event) error
	// Head returns the child's folded state (its Version is the
	// history's), reading O(1) rows: an unknown child has the zero state
	// at version 0.
	Head(ctx context.Context, child ChildID) (State, error)
	// Load returns the child's events in version order and the current
	// version (0 and no events for an unknown child), verifying the
	// child's hash chain and head.
	Load(ctx context.Context, child ChildID) ([]Event, int64, error)
	// Scan calls fn for every event of every child, ordered by child ID and
	// then version, stopping at the first error fn returns.
	Scan(ctx context.Context, fn func(Event) error) error
	// ScanHeads calls fn for every child's folded state, by child ID.
	ScanHeads(ctx context.Context, fn func(State) error) error
	// Record appends entries to the access log, each chained after the
	// last entry about the same child; Seq and N are assigned. It never
	// fails for being concurrent with other writers.
	Record(ctx context.Context, entries ...Access) error
	// Accesses calls fn for the access-log entries q selects, oldest
	// first.
	Accesses(ctx context.Context, q AccessQuery, fn func(Access) error) error
	// Verify checks every hash chain and head of the store, events and
	// access log, and returns the first row at fault as a *[TamperError].
	// since is the Anchor an earlier Verify returned (the zero Anchor for
	// none): every chain end it records must still be in the store. It
	// returns the store's Anchor now, to keep outside the database for
	// the next Verify.
	Verify(ctx context.Context, since Anchor) (Anchor, error)
}

// An AppendBatch is one child's part of a [Batcher] call.
type AppendBatch struct {
	Child    ChildID
	Expected int64
	Events   []Event
}

// A Batcher is a Store that can append to several children in one
// transaction, all or nothing.
type Batcher interface {
	AppendBatch(ctx context.Context, batches ...AppendBatch) error
}

// An Updater is a Store that can read a child's head, decide on it and
// append in one transaction, so that a change reads the head once and
// cannot meet a concurrent change to the child. [Register] makes its
// changes through it when its store has it, and through Head and Append
// otherwise.
type Updater interface {
	// Update reads the child's folded state (the zero state at version 0
	// for a child with no history), calls decide with it and appends the
	// events decide returns, numbered from the state's version + 1, all
	// in one transaction. An error from decide is returned as it is, and
	// nothing is written.
	Update(ctx context.Context, child ChildID, decide func(State) ([]Event, error)) error
}

// StaleVersion is the error a Store returns when the expected version is
// not the child's current version.
func StaleVersion() error {
	return &guidance.Error{Kind: guidance.Conflict, Field: "version", Hint: "the child's record changed since it was loaded: load it again and retry"}
}

// CheckAppend validates an append before a store writes it: the events are
// well formed, belong to the child and are numbered from expected+1. Stores
// call it (through [PrepareAppend]).
func CheckAppend(child ChildID, expected int64, events []Event) error {
	if err := validChildID(child); err != nil {
		return err
	}
	if expected < 0 {
		return invalid("expected", "versions are not negative")
	}
	if len(events) == 0 {
		return invalid("events", "nothing to append")
	}
	for i, e := range events {
		if e.ChildID != child {
			return invalid("events.child_id", "every event must belong to the child appended to")
		}
		if e.Version != expected+int64(i)+1 {
			return invalid("events.version", "versions must follow the expected version with no gap")
		}
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// CheckBatches checks that batches name each child once.
func CheckBatches(batches []AppendBatch) error {
	seen := make(map[ChildID]bool, len(batches))
	for _, b := range batches {
		if seen[b.Child] {
			return invalid("batches.child", "one batch per child")
		}
		seen[b.Child] = true
	}
	return nil
}

// Memory is an in-memory [Store], [Batcher] and [Updater], for tests and
// small tools.
// It keeps rows as a database would (encoded bodies, hash chains, heads).
// The zero value is ready to use.
type Memory struct {
	mu       sync.RWMutex
	seq      int64
	rows     []ChainRow // events, in sequence order
	children map[ChildID][]int
	heads    map[ChildID]ChainHead
	states   map[ChildID]State // the heads' states, decoded
	access   []ChainRow
	byChild  map[ChildID][]int
	byActor  map[string][]int
	accHeads map[ChildID]ChainHead
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{} }

var (
	_ Store   = (*Memory)(nil)
	_ Batcher = (*Memory)(nil)
	_ Updater = (*Memory)(nil)
)

// Append implements [Store].
func (m *Memory) Append(ctx context.Context, child ChildID, expected int64, events ...Event) error {
	return m.AppendBatch(ctx, AppendBatch{Child: child, Expected: expected, Events: events})
}

// AppendBatch implements [Batcher].
func (m *Memory) AppendBatch(ctx context.Context, batches ...AppendBatch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := CheckBatches(batches); err != nil {
		return err
	}
	for _, b := range batches {
		if err := CheckAppend(b.Child, b.Expected, b.Events); err != nil {
			return err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	type prepared struct {
		rows  []ChainRow
		head  ChainHead
		state State
	}
	ps := make([]prepared, len(batches))
	for i, b := range batches {
		head := m.heads[b.Child]
		if head.N != b.Expected {
			return StaleVersion()
		}
		st := State{ChildID: b.Child}
		if head.N > 0 {
			st = m.states[b.Child].clone()
		}
		rows, nh, nst, err := prepareHead(b.Child, head, st, b.Events)
		if err != nil {
			return err
		}
		ps[i] = prepared{rows, nh, nst}
	}
	for _, p := range ps {
		m.keep(p.rows, p.head, p.state)
	}
	return nil
}

// prepareHead folds events onto st (which it changes) and chains them on
// head, and returns the rows, the new head and its state.
func prepareHead(child ChildID, head ChainHead, st State, events []Event) ([]ChainRow, ChainHead, State, error) {
	rows, st, err := prepareRows(child, head.Hash, st, events, false)
	if err != nil {
		return nil, ChainHead{}, State{}, err
	}
	state, err := MarshalState(st)
	if err != nil {
		return nil, ChainHead{}, State{}, &encodeError{err}
	}
	return rows, ChainHead{Key: child, N: st.Version, Hash: rows[len(rows)-1].Hash, State: state}, st, nil
}

// Update implements [Updater], under the store's lock.
func (m *Memory) Update(ctx context.Context, child ChildID, decide func(State) ([]Event, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	head := m.heads[child]
	st := State{ChildID: child}
	if head.N > 0 {
		st = m.states[child]
	}
	events, err := decide(st.clone())
	if err != nil {
		return err
	}
	if err := CheckAppend(child, head.N, events); err != nil {
		return err
	}
	rows, nh, nst, err := prepareHead(child, head, st.clone(), events)
	if err != nil {
		return err
	}
	m.keep(rows, nh, nst)
	return nil
}

// keep stores a child's new rows, its new head and the head's state
// decoded; the caller holds m.mu.
func (m *Memory) keep(rows []ChainRow, head ChainHead, st State) {
	if m.children == nil {
		m.children, m.heads, m.states = map[ChildID][]int{}, map[ChildID]ChainHead{}, map[ChildID]State{}
	}
	for _, r := range rows {
		m.seq++
		r.Seq, r.Event = m.seq, Event{}
		m.children[r.Key] = append(m.children[r.Key], len(m.rows))
		m.rows = append(m.rows, r)
	}
	head.Seq = m.seq
	m.heads[head.Key] = head
	m.states[head.Key] = st
}

// Head implements [Store].
func (m *Memory) Head(ctx context.Context, child ChildID) (State, error) {
	if err := ctx.Err(); err != nil {
		return State{}, err
	}
	m.mu.RLock()
	st, ok := m.states[child]
	if ok {
		st = st.clone()
	}
	m.mu.RUnlock()
	if !ok {
		return State{ChildID: child}, nil
	}
	return st, nil
}

// Load implements [Store].
func (m *Memory) Load(ctx context.Context, child ChildID) ([]Event, int64, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	v := NewChainVerifier(true)
	idx := m.children[child]
	out := make([]Event, 0, len(idx))
	for _, i := range idx {
		r := m.rows[i]
		if err := v.Row(r); err != nil {
			return nil, 0, err
		}
		e, err := DecodeEvent(r.Body)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	if h, ok := m.heads[child]; ok {
		if err := v.Head(h); err != nil {
			return nil, 0, err
		}
	} else if len(idx) > 0 {
		return nil, 0, &TamperError{Log: "events", Seq: m.rows[idx[0]].Seq, ChildID: child, Problem: "a chain with no head"}
	}
	return out, int64(len(out)), nil
}

// Scan implements [Store].
func (m *Memory) Scan(ctx context.Context, fn func(Event) error) error {
	for _, id := range m.ids() {
		evs, _, err := m.Load(ctx, id)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *Memory) ids() []ChildID {
	m.mu.RLock()
	ids := make([]ChildID, 0, len(m.heads))
	for id := range m.heads {
		ids = append(ids, id)
	}
	m.mu.RUnlock()
	sort.Strings(ids)
	return ids
}

// ScanHeads implements [Store].
func (m *Memory) ScanHeads(ctx context.Context, fn func(State) error) error {
	for _, id := range m.ids() {
		st, err := m.Head(ctx, id)
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return nil
}

// Record implements [Store].
func (m *Memory) Record(ctx context.Context, entries ...Access) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, a := range entries {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.accHeads == nil {
		m.accHeads, m.byChild, m.byActor = map[ChildID]ChainHead{}, map[ChildID][]int{}, map[string][]int{}
	}
	for _, a := range entries {
		r, h, err := PrepareAccess(m.accHeads[a.ChildID], a)
		if err != nil {
			return err
		}
		m.seq++
		r.Seq, h.Seq = m.seq, m.seq
		m.accHeads[a.ChildID] = h
		m.byChild[a.ChildID] = append(m.byChild[a.ChildID], len(m.access))
		m.byActor[a.Actor.ID] = append(m.byActor[a.Actor.ID], len(m.access))
		m.access = append(m.access, r)
	}
	return nil
}

// Accesses implements [Store].
func (m *Memory) Accesses(ctx context.Context, q AccessQuery, fn func(Access) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.RLock()
	idx := m.byActor[q.ActorID]
	if q.ChildID != "" {
		idx = m.byChild[q.ChildID]
	}
	var out []Access
	for _, i := range idx {
		r := m.access[i]
		a, err := DecodeAccess(r.Body)
		if err != nil {
			m.mu.RUnlock()
			return err
		}
		a.Seq = r.Seq
		if q.Matches(a) {
			out = append(out, a)
		}
		if q.Limit > 0 && len(out) == q.Limit {
			break
		}
	}
	m.mu.RUnlock()
	for _, a := range out {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// Verify implements [Store].
func (m *Memory) Verify(ctx context.Context, since Anchor) (Anchor, error) {
	if err := ctx.Err(); err != nil {
		return Anchor{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var a Anchor
	for _, log := range []struct {
		rows   []ChainRow
		heads  map[ChildID]ChainHead
		ev     bool
		expect []ChainEnd
		ends   *[]ChainEnd
	}{{m.rows, m.heads, true, since.Events, &a.Events}, {m.access, m.accHeads, false, since.Access, &a.Access}} {
		v := NewChainVerifier(log.ev)
		v.Expect(log.expect)
		for _, r := range log.rows {
			if err := v.Row(r); err != nil {
				return Anchor{}, err
			}
		}
		keys := make([]ChildID, 0, len(log.heads))
		for k := range log.heads {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := v.Head(log.heads[k]); err != nil {
				return Anchor{}, err
			}
		}
		if _, err := v.Done(); err != nil {
			return Anchor{}, err
		}
		*log.ends = v.Ends()
	}
	return a, nil
}
