package register

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
)

// Outcome says how the register answered a request recorded in the access
// log.
type Outcome string

// Outcomes of a recorded request. They only grow.
const (
	Answered  Outcome = "answered" // answered: an enquiry, a history read, statistics
	Denied    Outcome = "refused"  // refused by the access policy or by a rule of the guidance
	Malformed Outcome = "invalid"  // not a valid request (no purpose, a bad child ID)
	Failed    Outcome = "failed"   // the register could not answer (a store error)
)

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool {
	return slices.Contains([]Outcome{Answered, Denied, Malformed, Failed}, o)
}

// MaxPurpose is the longest purpose an enquiry may give, in bytes.
const MaxPurpose = 500

// An Access is one entry of the access log: who asked what of the register,
// why, and how it was answered. Every enquiry, history read and statistics
// request is recorded (answered, refused, invalid or failed), and so is
// every refused change. The access log is kept apart from the children's
// histories, append-only and hash-chained like them, so that looking at a
// record, or being refused, never makes the record bigger or slower.
type Access struct {
	// Seq is the store's sequence number, assigned when it is written.
	Seq int64 `json:"-"`
	// ChildID is the child asked about; empty when the request named no
	// valid child ID (the ID given is not kept: it may be personal data,
	// such as a CHI number).
	ChildID ChildID `json:"child_id,omitempty"`
	// N numbers the child's entries 1, 2, 3, ... (the entries with no
	// child are numbered together); assigned by the store.
	N        int64     `json:"n"`
	Recorded time.Time `json:"recorded"`
	Actor    Actor     `json:"actor"`
	Action   Action    `json:"action"`
	// Authority is the register the request was about (for an enquiry,
	// the actor's own authority).
	Authority string  `json:"authority,omitempty"`
	Purpose   string  `json:"purpose,omitempty"`
	Outcome   Outcome `json:"outcome"`
	// Rule is the refusing rule of a refused request; Field names the
	// field at fault of an invalid one.
	Rule  string `json:"rule,omitempty"`
	Field string `json:"field,omitempty"`
	// OnRegister is an enquiry's answer.
	OnRegister bool `json:"on_register,omitempty"`
}

// Validate checks that the entry is well formed, before a store numbers it.
func (a Access) Validate() error {
	if a.ChildID != "" {
		if err := validChildID(a.ChildID); err != nil {
			return err
		}
	}
	switch {
	case !a.Action.Valid():
		return &guidance.Error{Kind: guidance.Invalid, Field: "access.action", Value: string(a.Action), Hint: "not a known action"}
	case !a.Outcome.Valid():
		return &guidance.Error{Kind: guidance.Invalid, Field: "access.outcome", Value: string(a.Outcome), Hint: "one of answered, refused, invalid, failed"}
	case a.Recorded.IsZero():
		return invalid("access.recorded", "give the instant the request was made")
	case len(a.Purpose) > MaxPurpose:
		return invalid("access.purpose", "at most 500 bytes")
	}
	return nil
}

// MarshalAccess encodes an access-log entry as the JSON a store keeps and
// hashes (Seq is not part of it).
func MarshalAccess(a Access) ([]byte, error) { return strictjson.Encode(a) }

// DecodeAccess decodes an access-log entry, refusing unknown fields and
// trailing data. Errors never quote the input.
func DecodeAccess(b []byte) (Access, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var a Access
	if err := dec.Decode(&a); err != nil {
		return Access{}, &guidance.Error{Kind: guidance.Invalid, Field: "access", Hint: "malformed access-log JSON"}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Access{}, &guidance.Error{Kind: guidance.Invalid, Field: "access", Hint: "trailing data after the entry"}
	}
	return a, a.Validate()
}

// AccessQuery selects access-log entries: those about one child, or those
// by one actor (exactly one of ChildID and ActorID), after sequence number
// After, at most Limit of them (0: no limit), oldest first.
type AccessQuery struct {
	ChildID ChildID
	ActorID string
	After   int64
	Limit   int
}

// Validate checks the query.
func (q AccessQuery) Validate() error {
	if (q.ChildID == "") == (q.ActorID == "") {
		return invalid("query.child_id", "ask for one child's entries or one actor's, not both or neither")
	}
	if q.Limit < 0 || q.After < 0 {
		return invalid("query.limit", "not negative")
	}
	return nil
}

// Matches reports whether entry a is selected by q.
func (q AccessQuery) Matches(a Access) bool {
	if a.Seq <= q.After {
		return false
	}
	if q.ChildID != "" {
		return a.ChildID == q.ChildID
	}
	return a.Actor.ID == q.ActorID
}
