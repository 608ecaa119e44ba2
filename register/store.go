package register

import (
	"context"
	"slices"
	"sort"
	"sync"

	"github.com/cpguide/cpguide/guidance"
)

// A Store keeps each child's events, append-only. Implementations must be
// safe for concurrent use, and must make Append atomic: all the events or
// none. Two appends at the same expected version must not both succeed.
//
// Errors of kind Conflict with Field "version" mean the expected version was
// stale: load again and retry.
type Store interface {
	// Append adds events to the child's history, which must be at version
	// expected (0 for a child with no history). The events' versions must
	// be expected+1, expected+2, ...
	Append(ctx context.Context, child ChildID, expected int64, events ...Event) error
	// Load returns the child's events in version order and the current
	// version (0 and no events for an unknown child).
	Load(ctx context.Context, child ChildID) ([]Event, int64, error)
	// Scan calls fn for every event of every child, ordered by child ID and
	// then version, stopping at the first error fn returns.
	Scan(ctx context.Context, fn func(Event) error) error
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

// StaleVersion is the error a Store returns when the expected version is
// not the child's current version.
func StaleVersion() error {
	return &guidance.Error{Kind: guidance.Conflict, Field: "version", Hint: "the child's record changed since it was loaded: load it again and retry"}
}

// CheckAppend validates an append before a store writes it: the events are
// well formed, belong to the child and are numbered from expected+1. Stores
// call it.
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

// Memory is an in-memory [Store] and [Batcher], for tests and small tools.
// The zero value is ready to use.
type Memory struct {
	mu       sync.RWMutex
	children map[ChildID][]Event
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{} }

// Append implements [Store].
func (m *Memory) Append(ctx context.Context, child ChildID, expected int64, events ...Event) error {
	return m.AppendBatch(ctx, AppendBatch{Child: child, Expected: expected, Events: events})
}

// AppendBatch implements [Batcher].
func (m *Memory) AppendBatch(ctx context.Context, batches ...AppendBatch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	seen := map[ChildID]bool{}
	for _, b := range batches {
		if seen[b.Child] {
			return invalid("batches.child", "one batch per child")
		}
		seen[b.Child] = true
		if err := CheckAppend(b.Child, b.Expected, b.Events); err != nil {
			return err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, b := range batches {
		if int64(len(m.children[b.Child])) != b.Expected {
			return StaleVersion()
		}
	}
	if m.children == nil {
		m.children = map[ChildID][]Event{}
	}
	for _, b := range batches {
		for _, e := range b.Events {
			m.children[b.Child] = append(m.children[b.Child], e.clone())
		}
	}
	return nil
}

// Load implements [Store].
func (m *Memory) Load(ctx context.Context, child ChildID) ([]Event, int64, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	evs := m.children[child]
	out := make([]Event, len(evs))
	for i, e := range evs {
		out[i] = e.clone()
	}
	return out, int64(len(evs)), nil
}

// Scan implements [Store].
func (m *Memory) Scan(ctx context.Context, fn func(Event) error) error {
	m.mu.RLock()
	ids := make([]ChildID, 0, len(m.children))
	for id := range m.children {
		ids = append(ids, id)
	}
	m.mu.RUnlock()
	sort.Strings(ids)
	for _, id := range ids {
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

// clone deep-copies the event so that callers cannot change a stored one.
func (e Event) clone() Event {
	cp := func(c *Child) *Child {
		if c == nil {
			return nil
		}
		v := *c
		return &v
	}
	if e.Meeting != nil {
		m := *e.Meeting
		e.Meeting = &m
	}
	if e.Registration != nil {
		r := *e.Registration
		r.Concerns = slices.Clone(r.Concerns)
		r.Child = cp(r.Child)
		e.Registration = &r
	}
	if e.Informed != nil {
		v := *e.Informed
		e.Informed = &v
	}
	e.Child = cp(e.Child)
	if e.Enquiry != nil {
		v := *e.Enquiry
		e.Enquiry = &v
	}
	if e.Refusal != nil {
		v := *e.Refusal
		e.Refusal = &v
	}
	if e.Correction != nil {
		v := *e.Correction
		v.Concerns = slices.Clone(v.Concerns)
		v.Child = cp(v.Child)
		e.Correction = &v
	}
	return e
}
