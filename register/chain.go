package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Tamper evidence. Every row a store keeps, of a child's history and of the
// access log, carries the SHA-256 hash of its predecessor in its chain and
// its own hash, SHA-256(prev || body), where body is the exact bytes kept
// ([MarshalEvent] or [MarshalAccess]). Each child has one chain of events
// (versions 1, 2, 3, ...) and one chain of access-log entries (1, 2, 3,
// ...); entries that name no valid child form one more chain. The head of
// each chain (its last version, last hash and last sequence number, and for
// events the folded [State]) is kept beside it. An edit, deletion,
// reordering or re-insertion of a row then breaks a chain or disagrees with
// a head, and [ChainVerifier] reports the first sequence number at fault.
//
// The hashes are not keyed: someone able to write the database and
// recompute every hash after an edit is not stopped by them. Against that,
// keep the database role without UPDATE and DELETE grants (the PostgreSQL
// store), and record the digest [ChainVerifier.Digest] returns somewhere
// the database's writers cannot change it: any later rewrite of history
// changes it.

// HashSize is the size of a chain hash.
const HashSize = sha256.Size

// ErrTampered is wrapped by every [TamperError].
var ErrTampered = errors.New("register: stored history does not verify")

// A TamperError reports the first row of a store that breaks a hash chain
// or disagrees with its head. It carries no event body.
type TamperError struct {
	Log     string  // "events" or "access"
	Seq     int64   // the first bad sequence number
	ChildID ChildID // the chain's child ("" for access entries with no child)
	N       int64   // the version (events) or position (access) expected or found
	Problem string
}

func (e *TamperError) Error() string {
	// The child's ID stays in the ChildID field for the program that
	// handles the error: the message, which may be logged, names only
	// sequence numbers.
	return fmt.Sprintf("register: %s log fails verification at sequence number %d (the child's entry number %d): %s", e.Log, e.Seq, e.N, e.Problem)
}

// Unwrap returns [ErrTampered].
func (e *TamperError) Unwrap() error { return ErrTampered }

// ChainHash returns SHA-256(prev || body).
func ChainHash(prev, body []byte) []byte {
	h := sha256.New()
	h.Write(prev)
	h.Write(body)
	return h.Sum(nil)
}

// A ChainRow is one row of a chain as a store keeps it.
type ChainRow struct {
	Seq   int64   // assigned by the store; 0 before it is written
	Key   ChildID // the child (access entries with no child: "")
	N     int64   // version, or position in the access chain
	Type  string  // the event type (events) or outcome (access)
	Body  []byte
	Prev  []byte
	Hash  []byte
	Event Event  // events: the event
	Entry Access // access log: the entry
}

// A ChainHead is the head of one chain: its last number and hash, the
// sequence number of its last row and, for events, the folded state as
// [MarshalState] encodes it.
type ChainHead struct {
	Key   ChildID
	N     int64
	Seq   int64
	Hash  []byte
	State []byte
}

// PrepareAppend is what a store does inside its transaction, once it has
// read the child's head at version expected (head.N == expected; a zero
// head for a child with no history): it checks the events ([CheckAppend]),
// folds them onto the head's state (a history that does not fold is a
// Conflict), and returns the rows to insert, chained on the head, and the
// new head (whose Seq the store sets to the last row's).
func PrepareAppend(child ChildID, head ChainHead, events []Event) ([]ChainRow, ChainHead, error) {
	if err := CheckAppend(child, head.N, events); err != nil {
		return nil, ChainHead{}, err
	}
	st := State{ChildID: child}
	if head.N > 0 {
		var err error
		if st, err = DecodeState(head.State); err != nil {
			return nil, ChainHead{}, err
		}
		if st.ChildID != child || st.Version != head.N {
			return nil, ChainHead{}, &TamperError{Log: "events", Seq: head.Seq, ChildID: child, N: head.N, Problem: "the stored state is not the head's"}
		}
	}
	rows, nh, _, err := prepareAppend(child, head, st, events)
	return rows, nh, err
}

// prepareAppend folds events onto st (which it changes) and chains them
// on head.
func prepareAppend(child ChildID, head ChainHead, st State, events []Event) ([]ChainRow, ChainHead, State, error) {
	rows := make([]ChainRow, len(events))
	prev := head.Hash
	if prev == nil {
		prev = []byte{} // stores keep an empty prev, never NULL
	}
	for i, e := range events {
		if err := st.apply(e); err != nil {
			return nil, ChainHead{}, State{}, err
		}
		body, err := MarshalEvent(e)
		if err != nil {
			return nil, ChainHead{}, State{}, &encodeError{err}
		}
		h := ChainHash(prev, body)
		rows[i] = ChainRow{Key: child, N: e.Version, Type: string(e.Type), Body: body, Prev: prev, Hash: h, Event: e}
		prev = h
	}
	state, err := MarshalState(st)
	if err != nil {
		return nil, ChainHead{}, State{}, &encodeError{err}
	}
	return rows, ChainHead{Key: child, N: st.Version, Hash: prev, State: state}, st, nil
}

// PrepareAccess numbers entry a after head (the head of the chain of
// a.ChildID) and returns its row and the new head.
func PrepareAccess(head ChainHead, a Access) (ChainRow, ChainHead, error) {
	if err := a.Validate(); err != nil {
		return ChainRow{}, ChainHead{}, err
	}
	a.Seq, a.N = 0, head.N+1
	body, err := MarshalAccess(a)
	if err != nil {
		return ChainRow{}, ChainHead{}, &encodeError{err}
	}
	prev := head.Hash
	if prev == nil {
		prev = []byte{}
	}
	h := ChainHash(prev, body)
	return ChainRow{Key: a.ChildID, N: a.N, Type: string(a.Outcome), Body: body, Prev: prev, Hash: h, Entry: a},
		ChainHead{Key: a.ChildID, N: a.N, Hash: h}, nil
}

type encodeError struct{ err error }

func (e *encodeError) Error() string { return "register: encoding for the store: " + e.err.Error() }
func (e *encodeError) Unwrap() error { return e.err }

// A ChainVerifier checks the rows of one log (events or access), fed in
// the store's sequence order, then the heads. Verify methods of stores use
// it; so does Load, for one child. Errors are *[TamperError].
type ChainVerifier struct {
	log    string
	events bool
	last   map[ChildID]*link
	digest []byte
	rows   int64
}

type link struct {
	n     int64
	seq   int64
	hash  []byte
	state State
	head  bool
}

// NewChainVerifier returns a verifier of the events log (events true) or
// of the access log.
func NewChainVerifier(events bool) *ChainVerifier {
	log := "access"
	if events {
		log = "events"
	}
	return &ChainVerifier{log: log, events: events, last: map[ChildID]*link{}}
}

func (v *ChainVerifier) bad(seq int64, key ChildID, n int64, problem string) error {
	return &TamperError{Log: v.log, Seq: seq, ChildID: key, N: n, Problem: problem}
}

// Row checks the next row: its sequence number follows its chain's last,
// its number is the next, its prev is the last hash, its hash is
// SHA-256(prev || body), and its body decodes to an event (or entry) of
// the chain's child with that number; events also fold.
func (v *ChainVerifier) Row(r ChainRow) error {
	l := v.last[r.Key]
	if l == nil {
		l = &link{state: State{ChildID: r.Key}}
		v.last[r.Key] = l
	}
	switch {
	case r.Seq <= l.seq:
		return v.bad(r.Seq, r.Key, r.N, "out of sequence order")
	case r.N != l.n+1:
		return v.bad(r.Seq, r.Key, l.n+1, fmt.Sprintf("number %d where %d was due: a row is missing, moved or re-used", r.N, l.n+1))
	case !bytes.Equal(r.Prev, l.hash):
		return v.bad(r.Seq, r.Key, r.N, "does not chain on its predecessor")
	case !bytes.Equal(r.Hash, ChainHash(r.Prev, r.Body)):
		return v.bad(r.Seq, r.Key, r.N, "the hash does not match the stored body: edited")
	}
	if v.events {
		e, err := DecodeEvent(r.Body)
		if err != nil || e.ChildID != r.Key || e.Version != r.N || string(e.Type) != r.Type {
			return v.bad(r.Seq, r.Key, r.N, "the body is not this row's event")
		}
		if err := l.state.apply(e); err != nil {
			return v.bad(r.Seq, r.Key, r.N, "the history does not fold here")
		}
	} else {
		a, err := DecodeAccess(r.Body)
		if err != nil || a.ChildID != r.Key || a.N != r.N || string(a.Outcome) != r.Type {
			return v.bad(r.Seq, r.Key, r.N, "the body is not this row's entry")
		}
	}
	l.n, l.seq, l.hash = r.N, r.Seq, r.Hash
	v.rows++
	return nil
}

// Head checks a chain's head against the rows seen: same last number,
// sequence number and hash and, for events, the same folded state. A head
// whose last rows are missing is reported at the head's sequence number.
func (v *ChainVerifier) Head(h ChainHead) error {
	l := v.last[h.Key]
	if l == nil {
		l = &link{state: State{ChildID: h.Key}}
		v.last[h.Key] = l
	}
	if l.head {
		return v.bad(h.Seq, h.Key, h.N, "two heads for one chain")
	}
	l.head = true
	switch {
	case h.N != l.n || h.Seq != l.seq:
		seq := h.Seq
		if l.seq > seq {
			seq = l.seq
		}
		return v.bad(seq, h.Key, h.N, fmt.Sprintf("the head says number %d, the rows end at %d: rows missing or added", h.N, l.n))
	case !bytes.Equal(h.Hash, l.hash):
		return v.bad(h.Seq, h.Key, h.N, "the head's hash is not the last row's")
	}
	if v.events && h.N > 0 {
		want, err := MarshalState(l.state)
		if err != nil {
			return err
		}
		if !bytes.Equal(canonical(h.State), canonical(want)) {
			return v.bad(h.Seq, h.Key, h.N, "the stored state is not the fold of the history")
		}
	}
	v.digest = ChainHash(v.digest, append([]byte(h.Key+"\x00"), h.Hash...))
	return nil
}

// Done checks that every chain seen has a head, and returns the number of
// rows verified.
func (v *ChainVerifier) Done() (int64, error) {
	var worst *TamperError
	for k, l := range v.last {
		if !l.head && l.n > 0 {
			if worst == nil || l.seq < worst.Seq {
				worst = &TamperError{Log: v.log, Seq: l.seq, ChildID: k, N: l.n, Problem: "a chain with no head"}
			}
		}
	}
	if worst != nil {
		return v.rows, worst
	}
	return v.rows, nil
}

// Digest is a SHA-256 over the heads checked, in the order given: stores
// give them by child ID, so two stores with the same history give the
// same digest. Recorded elsewhere, it shows later whether history was
// rewritten.
func (v *ChainVerifier) Digest() string { return hex.EncodeToString(v.digest) }

// canonical re-encodes JSON so that stores that re-format it (PostgreSQL's
// jsonb) compare equal.
func canonical(b []byte) []byte {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return b
	}
	out, err := json.Marshal(v)
	if err != nil {
		return b
	}
	return out
}
