package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Tamper evidence. Every row a store keeps, of a child's history and of the
// access log, carries the SHA-256 hash of its predecessor in its chain and
// its own hash, SHA-256(prev || body), where body is the exact bytes kept
// ([MarshalEvent] or [MarshalAccess]). Each child has one chain of events
// (versions 1, 2, 3, ...) and one chain of access-log entries (1, 2, 3,
// ...); entries that name no valid child form one more chain. A store
// keeps the folded [State] of each child with the chain, as a head row
// beside it (the PostgreSQL and in-memory stores) or in every event row
// (the SQLite store, whose chain heads are their last rows). An edit,
// deletion, reordering or re-insertion of a row then breaks a chain,
// disagrees with a head or a stored state, or leaves a gap in the
// sequence numbers of a store that gives them out one by one, and
// [ChainVerifier] reports the first sequence number at fault.
//
// The hashes are not keyed: someone able to write the database and
// recompute every hash after an edit is not stopped by them, and the last
// rows of a chain can be deleted without a trace in the chain itself.
// Against that, keep the database role without UPDATE and DELETE grants
// (the PostgreSQL store), and keep the [Anchor] a store's Verify returns
// (or its [Anchor.Digest]) somewhere the database's writers cannot change
// it: a later Verify given it finds any rewrite or truncation of the
// history it recorded.

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
	Seq  int64   // assigned by the store; 0 before it is written
	Key  ChildID // the child (access entries with no child: "")
	N    int64   // version, or position in the access chain
	Type string  // the event type (events) or outcome (access)
	Body []byte
	Prev []byte
	Hash []byte
	// State is, for events of a store that keeps the state in its rows
	// ([PrepareRows]), the child's folded state after this row as
	// [MarshalState] encodes it; empty in a child's first row, whose state
	// is the fold of its own event, and where a store keeps heads.
	State []byte
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

// PrepareAppend is what a store that keeps a head beside each chain does
// inside its transaction, once it has read the child's head at version
// expected (head.N == expected; a zero head for a child with no history):
// it checks the events ([CheckAppend]), folds them onto the head's state
// (a history that does not fold is a Conflict), and returns the rows to
// insert, chained on the head, and the new head (whose Seq the store sets
// to the last row's).
func PrepareAppend(child ChildID, head ChainHead, events []Event) ([]ChainRow, ChainHead, error) {
	if err := CheckAppend(child, head.N, events); err != nil {
		return nil, ChainHead{}, err
	}
	st, err := headState(child, head)
	if err != nil {
		return nil, ChainHead{}, err
	}
	rows, st, err := prepareRows(child, head.Hash, st, events, false)
	if err != nil {
		return nil, ChainHead{}, err
	}
	state, err := MarshalState(st)
	if err != nil {
		return nil, ChainHead{}, &encodeError{err}
	}
	return rows, ChainHead{Key: child, N: st.Version, Hash: rows[len(rows)-1].Hash, State: state}, nil
}

// PrepareRows is PrepareAppend for a store that keeps no heads but the
// folded state in its event rows (the SQLite store): last is the child's
// last row as the store read it (N, Seq, Hash, State and, for a first
// row, Body; a zero row for a child with no history), and each row
// returned carries the state after it, but a child's first row, whose
// state is the fold of its own event ([LastRowState]).
func PrepareRows(child ChildID, last ChainRow, events []Event) ([]ChainRow, error) {
	if err := CheckAppend(child, last.N, events); err != nil {
		return nil, err
	}
	st, err := LastRowState(child, last)
	if err != nil {
		return nil, err
	}
	rows, _, err := prepareRows(child, last.Hash, st, events, true)
	return rows, err
}

// PrepareUpdate is what the [Updater.Update] of a store that keeps the
// state in its rows does inside its transaction, once it has read the
// child's last row (as for [PrepareRows]): it works out the child's
// state, calls decide with it, and prepares the events decide returns as
// PrepareRows does. An error from decide is returned as it is.
func PrepareUpdate(child ChildID, last ChainRow, decide func(State) ([]Event, error)) ([]ChainRow, error) {
	st, err := LastRowState(child, last)
	if err != nil {
		return nil, err
	}
	events, err := decide(st.clone())
	if err != nil {
		return nil, err
	}
	if err := CheckAppend(child, last.N, events); err != nil {
		return nil, err
	}
	rows, _, err := prepareRows(child, last.Hash, st, events, true)
	return rows, err
}

// LastRowState returns the child's state at its last row, as a store
// that keeps the state in its rows read it: the state kept in the row
// or, for a first row, which keeps none, the fold of its event; the zero
// state for a zero row (no history). One row, whatever the history's
// length.
func LastRowState(child ChildID, last ChainRow) (State, error) {
	switch {
	case last.N == 0:
		return State{ChildID: child}, nil
	case last.N == 1 && len(last.State) == 0:
		e, err := DecodeEvent(last.Body)
		if err != nil {
			return State{}, err
		}
		st := State{ChildID: child}
		if err := st.apply(e, false); err != nil {
			return State{}, &TamperError{Log: "events", Seq: last.Seq, ChildID: child, N: 1, Problem: "the first event does not fold"}
		}
		return st, nil
	}
	return headState(child, ChainHead{Key: child, N: last.N, Seq: last.Seq, State: last.State})
}

// headState decodes the state kept at head, which must be the child's at
// the head's version: the zero state for a zero head.
func headState(child ChildID, head ChainHead) (State, error) {
	if head.N == 0 {
		return State{ChildID: child}, nil
	}
	st, err := DecodeState(head.State)
	if err != nil {
		return State{}, err
	}
	if st.ChildID != child || st.Version != head.N {
		return State{}, &TamperError{Log: "events", Seq: head.Seq, ChildID: child, N: head.N, Problem: "the stored state is not the head's"}
	}
	return st, nil
}

// prepareRows folds events onto st (which it changes) and chains them on
// prev (the head's hash), and returns the rows and the state after them;
// with rowStates, each row but a first carries the state after it.
func prepareRows(child ChildID, prev []byte, st State, events []Event, rowStates bool) ([]ChainRow, State, error) {
	rows := make([]ChainRow, len(events))
	if prev == nil {
		prev = []byte{} // stores keep an empty prev, never NULL
	}
	for i, e := range events {
		if err := st.apply(e, false); err != nil {
			return nil, State{}, err
		}
		body, err := MarshalEvent(e)
		if err != nil {
			return nil, State{}, &encodeError{err}
		}
		var state []byte
		if rowStates && e.Version > 1 {
			if state, err = MarshalState(st); err != nil {
				return nil, State{}, &encodeError{err}
			}
		}
		h := ChainHash(prev, body)
		rows[i] = ChainRow{Key: child, N: e.Version, Type: string(e.Type), Body: body, Prev: prev, Hash: h, State: state, Event: e}
		prev = h
	}
	return rows, st, nil
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
// the store's sequence order, then the heads, if the store keeps them.
// Verify methods of stores use it; so does Load, for one child. Errors are
// *[TamperError].
type ChainVerifier struct {
	log     string
	events  bool
	noHeads bool
	gapless bool
	last    map[ChildID]*link
	expect  map[ChildID]*anchored
	seq     int64 // the last sequence number seen
	rows    int64
}

type link struct {
	n     int64
	seq   int64
	hash  []byte
	state State
	head  bool
}

type anchored struct {
	end  ChainEnd
	seen bool
}

// NewChainVerifier returns a verifier of the events log (events true) or
// of the access log, for a store that keeps a head beside each chain.
func NewChainVerifier(events bool) *ChainVerifier {
	log := "access"
	if events {
		log = "events"
	}
	return &ChainVerifier{log: log, events: events, last: map[ChildID]*link{}}
}

// NoHeads says that the store keeps no heads: a chain's last row is its
// head and, in the events log, every row but a child's first carries the
// folded state after it ([ChainRow.State]), which Row checks (and that a
// first row carries none). Done then wants no Head.
func (v *ChainVerifier) NoHeads() { v.noHeads = true }

// Gapless says that the store gives out the log's sequence numbers one by
// one from 1 under its write lock, so that a missing number is a deleted
// row: Row reports the first missing number (after the checks of the row
// that follows the gap, which name that row if it is itself at fault).
// For a whole log only, not for one child's rows.
func (v *ChainVerifier) Gapless() { v.gapless = true }

// Expect makes the verifier check the rows against the chain ends of an
// earlier [Anchor] of this log: each must still be in its chain, at its
// sequence number with its hash. A row that differs is reported by Row, a
// row that is gone by Done.
func (v *ChainVerifier) Expect(ends []ChainEnd) {
	v.expect = make(map[ChildID]*anchored, len(ends))
	for _, e := range ends {
		v.expect[e.Key] = &anchored{end: e}
	}
}

func (v *ChainVerifier) bad(seq int64, key ChildID, n int64, problem string) error {
	return &TamperError{Log: v.log, Seq: seq, ChildID: key, N: n, Problem: problem}
}

// Row checks the next row: its sequence number follows its chain's last
// (and, for a gapless log, the log's last), its number is the next, its
// prev is the last hash, its hash is SHA-256(prev || body), and its body
// decodes to an event (or entry) of the chain's child with that number;
// events also fold, and a state kept in the row is the fold.
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
		if err := l.state.apply(e, false); err != nil {
			return v.bad(r.Seq, r.Key, r.N, "the history does not fold here")
		}
		switch {
		case v.noHeads && r.N == 1:
			if len(r.State) != 0 {
				return v.bad(r.Seq, r.Key, r.N, "a first row keeps no state")
			}
		case v.noHeads || r.State != nil:
			ok, err := sameState(r.State, l.state)
			if err != nil {
				return err
			}
			if !ok {
				return v.bad(r.Seq, r.Key, r.N, "the stored state is not the fold of the history")
			}
		}
	} else {
		a, err := DecodeAccess(r.Body)
		if err != nil || a.ChildID != r.Key || a.N != r.N || string(a.Outcome) != r.Type {
			return v.bad(r.Seq, r.Key, r.N, "the body is not this row's entry")
		}
	}
	if v.gapless && r.Seq != v.seq+1 {
		return v.bad(v.seq+1, "", 0, fmt.Sprintf("sequence numbers %d to %d are missing: rows deleted", v.seq+1, r.Seq-1))
	}
	if x := v.expect[r.Key]; x != nil && x.end.N == r.N {
		if x.end.Seq != r.Seq || !bytes.Equal(x.end.Hash, r.Hash) {
			return v.bad(r.Seq, r.Key, r.N, "not the row the anchor recorded: history rewritten since")
		}
		x.seen = true
	}
	l.n, l.seq, l.hash = r.N, r.Seq, r.Hash
	v.seq = r.Seq
	v.rows++
	return nil
}

// sameState reports whether stored is the encoding of st: the same bytes
// or, for a store that re-formats JSON (PostgreSQL's jsonb), the same
// JSON.
func sameState(stored []byte, st State) (bool, error) {
	want, err := MarshalState(st)
	if err != nil {
		return false, &encodeError{err}
	}
	return bytes.Equal(stored, want) || bytes.Equal(canonical(stored), canonical(want)), nil
}

// Issued checks, after the last Row of a gapless log, that the log ends at
// last, the highest sequence number the store has given out (SQLite keeps
// it in sqlite_sequence): rows deleted at the end of the log are reported
// at the first missing number.
func (v *ChainVerifier) Issued(last int64) error {
	if v.seq < last {
		return v.bad(v.seq+1, "", 0, fmt.Sprintf("the log ends at sequence number %d, but numbers up to %d were given out: rows deleted at the end", v.seq, last))
	}
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
		ok, err := sameState(h.State, l.state)
		if err != nil {
			return err
		}
		if !ok {
			return v.bad(h.Seq, h.Key, h.N, "the stored state is not the fold of the history")
		}
	}
	return nil
}

// Done checks that every chain seen has a head (unless the store keeps
// none) and that every chain end of the expected anchor was seen, and
// returns the number of rows verified. The first fault by sequence number
// is reported.
func (v *ChainVerifier) Done() (int64, error) {
	var worst *TamperError
	note := func(e *TamperError) {
		if worst == nil || e.Seq < worst.Seq {
			worst = e
		}
	}
	if !v.noHeads {
		for k, l := range v.last {
			if !l.head && l.n > 0 {
				note(&TamperError{Log: v.log, Seq: l.seq, ChildID: k, N: l.n, Problem: "a chain with no head"})
			}
		}
	}
	for k, x := range v.expect {
		if !x.seen {
			note(&TamperError{Log: v.log, Seq: x.end.Seq, ChildID: k, N: x.end.N, Problem: "the anchor recorded this row and it is gone: history truncated since"})
		}
	}
	if worst != nil {
		return v.rows, worst
	}
	return v.rows, nil
}

// Ends returns, after Done, where each chain ends, by key: the log's part
// of an [Anchor].
func (v *ChainVerifier) Ends() []ChainEnd {
	ends := make([]ChainEnd, 0, len(v.last))
	for k, l := range v.last {
		if l.n > 0 {
			ends = append(ends, ChainEnd{Key: k, N: l.n, Seq: l.seq, Hash: l.hash})
		}
	}
	slices.SortFunc(ends, func(a, b ChainEnd) int { return strings.Compare(a.Key, b.Key) })
	return ends
}

// An Anchor records where each hash chain of a store ended when its Verify
// read it. Keep it, or at least its [Anchor.Digest], where the database's
// writers cannot change it (a write-once store, a signed log, another
// organisation), and give it to the next Verify: that checks that every
// chain still passes through the end recorded, at the same sequence
// number with the same hash, so a history rewritten or truncated since
// (even with every hash recomputed, even with the sequence counter wound
// back) is reported as a *[TamperError] at the recorded row. Kept with
// only its digest outside, check that the anchor you read back has that
// digest before you use it.
//
// An Anchor holds child IDs (opaque references), numbers and hashes: no
// personal data.
type Anchor struct {
	Events []ChainEnd `json:"events"` // by child ID
	Access []ChainEnd `json:"access"` // by child ID ("" first: entries with no child)
}

// A ChainEnd is the last row of one chain: its child (Key), its number
// (version or access-log position), its sequence number and its hash.
type ChainEnd struct {
	Key  ChildID `json:"key"`
	N    int64   `json:"n"`
	Seq  int64   `json:"seq"`
	Hash []byte  `json:"hash"`
}

// Digest returns the anchor's SHA-256, in hex, over the events chain
// ends, then the access chain ends, each list as its length and its ends,
// each end as the length of its key, its key, N, Seq, the length of its
// hash and its hash, numbers as 8-byte big-endian. Two anchors with the
// same digest record the same chain ends.
func (a Anchor) Digest() string {
	h := sha256.New()
	num := func(n int64) {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
	for _, ends := range [][]ChainEnd{a.Events, a.Access} {
		num(int64(len(ends)))
		for _, e := range ends {
			num(int64(len(e.Key)))
			h.Write([]byte(e.Key))
			num(e.N)
			num(e.Seq)
			num(int64(len(e.Hash)))
			h.Write(e.Hash)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

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
