package register

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/timescale"
)

// An Episode is one registration of a child by one authority, from its
// registration to its end (open while End is zero).
type Episode struct {
	Authority       string           `json:"authority"`
	Kind            RegistrationKind `json:"kind"`
	From            string           `json:"from,omitempty"`
	Start           timescale.Date   `json:"start"`
	End             timescale.Date   `json:"end,omitzero"`
	Reason          Reason           `json:"reason,omitempty"`
	Concerns        []string         `json:"concerns,omitempty"`
	ConcernsVersion string           `json:"concerns_version,omitempty"`
	Meeting         *MeetingRef      `json:"meeting,omitempty"`
	EndMeeting      *MeetingRef      `json:"end_meeting,omitempty"`
	// Registered is the version of the event that opened the episode.
	Registered int64 `json:"registered"`
	// Parents told, verbally and in writing (rule register.parents-informed).
	ParentsToldVerbally  bool `json:"parents_told_verbally,omitempty"`
	ParentsToldInWriting bool `json:"parents_told_in_writing,omitempty"`
	// FamilyToldEnded: the child and family were told of the de-registration.
	FamilyToldEnded bool `json:"family_told_ended,omitempty"`
}

// Open reports whether the episode has not ended.
func (e Episode) Open() bool { return e.End.IsZero() }

// OpenOn reports whether the child was on the register on day d under this
// episode: registered on or before d and not ended by d (the day of ending
// is off the register).
func (e Episode) OpenOn(d timescale.Date) bool {
	return !e.Start.After(d) && (e.End.IsZero() || e.End.After(d))
}

// State is a child's register entry now: derived from the events. Stores
// keep the latest one beside the history ([MarshalState]), so that it is
// read in one row; Verify checks it is the fold of the history.
type State struct {
	ChildID ChildID `json:"child_id"`
	Version int64   `json:"version"`
	// Child is the latest personal data recorded, nil if none. Redacted in
	// logs.
	Child     *Child    `json:"child,omitempty"`
	Episodes  []Episode `json:"episodes"`
	Enquiries int       `json:"enquiries"`
	Refusals  int       `json:"refusals"`
}

// Open returns the index of the open episode in authority, or -1.
func (s State) Open(authority string) int {
	for i := len(s.Episodes) - 1; i >= 0; i-- {
		if s.Episodes[i].Authority == authority && s.Episodes[i].Open() {
			return i
		}
	}
	return -1
}

// OpenEpisodes returns the episodes not yet ended.
func (s State) OpenEpisodes() []Episode {
	var out []Episode
	for _, e := range s.Episodes {
		if e.Open() {
			out = append(out, e)
		}
	}
	return out
}

// OnRegister reports whether the child is on any register now.
func (s State) OnRegister() bool { return len(s.OpenEpisodes()) > 0 }

// Latest returns the index of the latest episode in authority, or -1.
func (s State) Latest(authority string) int {
	for i := len(s.Episodes) - 1; i >= 0; i-- {
		if s.Episodes[i].Authority == authority {
			return i
		}
	}
	return -1
}

// Fold derives a child's state from its events. Events that contradict the
// history (a second open registration in one authority, an ending with no
// registration, a gap in versions) are a Conflict error naming the version
// at fault: a store that only takes appends through [Register] never holds
// them.
func Fold(child ChildID, events []Event) (State, error) {
	s := State{ChildID: child}
	err := s.fold(events, false)
	return s, err
}

// fold applies the events to s. Borrowing, s shares the events' child,
// meeting references and areas of concern instead of copying them: for a
// caller that only reads s while the events stay as they are (the checks of
// Run, the validation of a history), and appends its episodes to the
// capacity s.Episodes already has.
func (s *State) fold(events []Event, borrow bool) error {
	for _, e := range events {
		if err := s.apply(e, borrow); err != nil {
			return err
		}
	}
	return nil
}

func (s *State) apply(e Event, borrow bool) error {
	bad := func(hint string) error {
		return &guidance.Error{Kind: guidance.Conflict, Field: "events.version", Value: itoa(e.Version), Hint: hint}
	}
	if e.ChildID != s.ChildID {
		return bad("event of another child")
	}
	if e.Version != s.Version+1 {
		return bad("versions must run 1, 2, 3, ... with no gap")
	}
	s.Version = e.Version
	switch e.Type {
	case Registered:
		if s.Open(e.Authority) >= 0 {
			return bad("a second open registration in one authority")
		}
		r := e.Registration
		if r == nil {
			return bad("registration detail missing")
		}
		if r.Child != nil {
			s.Child = r.Child
			if !borrow {
				c := *r.Child
				s.Child = &c
			}
		}
		m, concerns := e.Meeting, r.Concerns
		if !borrow {
			if e.Meeting != nil {
				v := *e.Meeting
				m = &v
			}
			concerns = slices.Clone(r.Concerns)
		}
		s.Episodes = append(s.Episodes, Episode{Authority: e.Authority, Kind: r.Kind, From: r.From, Start: e.Date,
			Concerns: concerns, ConcernsVersion: r.ConcernsVersion, Meeting: m, Registered: e.Version})
	case Deregistered:
		i := s.Open(e.Authority)
		if i < 0 {
			return bad("an ending with no open registration")
		}
		s.Episodes[i].End, s.Episodes[i].Reason = e.Date, e.Reason
		if e.Meeting != nil {
			s.Episodes[i].EndMeeting = e.Meeting
			if !borrow {
				v := *e.Meeting
				s.Episodes[i].EndMeeting = &v
			}
		}
	case ParentsInformed:
		i := s.Latest(e.Authority)
		if i < 0 || e.Informed == nil {
			return bad("parents told of no registration")
		}
		s.Episodes[i].ParentsToldVerbally = s.Episodes[i].ParentsToldVerbally || e.Informed.Verbally
		s.Episodes[i].ParentsToldInWriting = s.Episodes[i].ParentsToldInWriting || e.Informed.InWriting
	case FamilyToldEnded:
		i := s.Latest(e.Authority)
		if i < 0 || s.Episodes[i].Open() {
			return bad("family told of a de-registration that has not happened")
		}
		s.Episodes[i].FamilyToldEnded = true
	case BirthRecorded:
		if e.Child == nil {
			return bad("birth with no child")
		}
		s.Child = e.Child
		if !borrow {
			c := *e.Child
			s.Child = &c
		}
	case Corrected:
		c := e.Correction
		if c == nil {
			return bad("correction detail missing")
		}
		if c.Child != nil {
			s.Child = c.Child
			if !borrow {
				v := *c.Child
				s.Child = &v
			}
		}
		if c.Concerns != nil {
			for i := range s.Episodes {
				if s.Episodes[i].Registered == c.Corrects {
					s.Episodes[i].Concerns = c.Concerns
					if !borrow {
						s.Episodes[i].Concerns = slices.Clone(c.Concerns)
					}
					s.Episodes[i].ConcernsVersion = c.ConcernsVersion
				}
			}
		}
	case Enquired:
		s.Enquiries++
	case RefusalRecorded:
		s.Refusals++
	default:
		return bad("unknown event type")
	}
	return nil
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// stateWire is State with the child's personal data not redacted: the form
// stores keep beside a history (the folded head), never shown.
type stateWire struct {
	ChildID   ChildID    `json:"child_id"`
	Version   int64      `json:"version"`
	Child     *childWire `json:"child,omitempty"`
	Episodes  []Episode  `json:"episodes"`
	Enquiries int        `json:"enquiries,omitempty"`
	Refusals  int        `json:"refusals,omitempty"`
}

// MarshalState encodes a folded state as stores keep it beside the
// history, with the child's personal data (plain json.Marshal of a State
// redacts it). A store keeps it so that a registration or an enquiry reads
// one row, not the whole history.
func MarshalState(s State) ([]byte, error) {
	return strictjson.Encode(stateWire{ChildID: s.ChildID, Version: s.Version, Child: (*childWire)(s.Child), Episodes: s.Episodes, Enquiries: s.Enquiries, Refusals: s.Refusals})
}

// DecodeState decodes what [MarshalState] encoded. Errors never quote the
// input.
func DecodeState(b []byte) (State, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var w stateWire
	if err := dec.Decode(&w); err != nil {
		return State{}, &guidance.Error{Kind: guidance.Invalid, Field: "state", Hint: "malformed stored state"}
	}
	if err := validChildID(w.ChildID); err != nil || w.Version < 0 {
		return State{}, &guidance.Error{Kind: guidance.Invalid, Field: "state", Hint: "malformed stored state"}
	}
	return State{ChildID: w.ChildID, Version: w.Version, Child: (*Child)(w.Child), Episodes: w.Episodes, Enquiries: w.Enquiries, Refusals: w.Refusals}, nil
}

// clone deep-copies the state, so that a copy handed out cannot change a
// kept one.
func (s State) clone() State {
	if s.Child != nil {
		c := *s.Child
		s.Child = &c
	}
	eps := make([]Episode, len(s.Episodes))
	for i, e := range s.Episodes {
		e.Concerns = slices.Clone(e.Concerns)
		if e.Meeting != nil {
			m := *e.Meeting
			e.Meeting = &m
		}
		if e.EndMeeting != nil {
			m := *e.EndMeeting
			e.EndMeeting = &m
		}
		eps[i] = e
	}
	if s.Episodes != nil {
		s.Episodes = eps
	}
	return s
}
