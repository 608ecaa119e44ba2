package register

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/timescale"
)

// Config configures a [Register].
type Config struct {
	Store Store // required
	// Clock gives the instant recorded on each event. Required: the
	// register never reads the system clock itself.
	Clock func() time.Time
	// Policy governs access; the zero value means [DefaultPolicy].
	Policy *Policy
	// Concerns is the code list registrations use; the zero value means
	// [DefaultConcerns].
	Concerns *ConcernList
	// Logger receives one line per change and per refusal, never personal
	// data. Nil discards.
	Logger *slog.Logger
	// Retries is how often a change is retried after a concurrent change
	// to the same child (default 8); a Conflict on field "version" is
	// returned after that. Enquiries and refusals are appended to the
	// access log, which never conflicts, so looking never fails for being
	// concurrent.
	Retries int
}

// A Register is the Child Protection Register of one or more local
// authorities over a [Store]. Every call is checked against the access
// policy, and it is the only way to the store: no method returns the
// store or an event without a policy check. Every change is appended to
// the child's history as an event; every enquiry, history read and
// statistics request (answered, refused, invalid or failed) and every
// refused change is recorded in the access log ([Access]), kept apart
// from the history so that looking never grows a child's record. Refusals
// are errors of kind Refused. It is safe for concurrent use.
type Register struct {
	store    Store
	clock    func() time.Time
	policy   Policy
	concerns ConcernList
	log      *slog.Logger
	retries  int
}

// New returns a register over cfg.Store. A missing store or clock is an
// Invalid error.
func New(cfg Config) (*Register, error) {
	if cfg.Store == nil {
		return nil, invalid("store", "a register needs a store")
	}
	if cfg.Clock == nil {
		return nil, invalid("clock", "a register needs a clock, e.g. time.Now at the edge of the program")
	}
	if cfg.Policy != nil {
		if err := cfg.Policy.Validate(); err != nil {
			return nil, err
		}
	}
	r := &Register{store: cfg.Store, clock: cfg.Clock, policy: DefaultPolicy(), concerns: DefaultConcerns(), log: cfg.Logger, retries: cfg.Retries}
	if cfg.Policy != nil {
		r.policy = *cfg.Policy
	}
	if cfg.Concerns != nil {
		r.concerns = *cfg.Concerns
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if r.retries <= 0 {
		r.retries = 8
	}
	return r, nil
}

// RegistrationInput is the input of [Register.Register]: a CPPM decided that a
// Child Protection Plan is required.
type RegistrationInput struct {
	Child     ChildID
	Authority string
	Date      timescale.Date // the date of registration, usually the meeting's
	Meeting   MeetingRef
	Concerns  []string
	// Details is the child's personal data; optional if already held.
	Details *Child
}

// Register records a registration decided by an initial or pre-birth CPPM
// (rules register.registration, register.concerns, register.keep).
func (r *Register) Register(ctx context.Context, by Actor, in RegistrationInput) error {
	return r.update(ctx, by, ActionRegister, in.Child, in.Authority, func(s *State) ([]Event, error) {
		if err := in.Meeting.validate("meeting"); err != nil {
			return nil, err
		}
		var kind RegistrationKind
		switch in.Meeting.Kind {
		case meeting.Initial:
			kind = ByInitialCPPM
		case meeting.PreBirth:
			kind = ByPreBirthCPPM
		case meeting.Transfer:
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: "meeting.kind", Value: string(in.Meeting.Kind), Hint: "a transfer CPPM registers through Transfer"}
		default:
			return nil, refused(registrationCheck.Rule, "meeting.kind", string(in.Meeting.Kind), "only an initial or pre-birth CPPM (or a transfer CPPM, through Transfer) registers a child")
		}
		if !in.Meeting.PlanRequired {
			return nil, refused(registrationCheck.Rule, "meeting.plan_required", "false", "a child is registered only when the CPPM decides a Child Protection Plan is required")
		}
		if err := r.checkConcerns("concerns", in.Concerns); err != nil {
			return nil, err
		}
		child := s.Child
		if in.Details != nil {
			if err := in.Details.validate("details"); err != nil {
				return nil, err
			}
			child = in.Details
		}
		unborn := child != nil && child.Unborn
		if (kind == ByPreBirthCPPM) != unborn {
			return nil, invalid("details.unborn", "a pre-birth CPPM registers an unborn baby, and only an unborn baby")
		}
		if err := r.checkDate(in.Date, in.Meeting.Held); err != nil {
			return nil, err
		}
		if s.Open(in.Authority) >= 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: in.Authority, Hint: "the child is already registered in this authority"}
		}
		m := in.Meeting
		return []Event{{Type: Registered, Authority: in.Authority, Date: in.Date, Meeting: &m,
			Registration: &Registration{Kind: kind, Concerns: slices.Clone(in.Concerns), ConcernsVersion: r.concerns.Version, Child: in.Details}}}, nil
	})
}

// TemporaryInput is the input of [Register.RegisterTemporary].
type TemporaryInput struct {
	Child     ChildID
	Authority string // the receiving authority
	From      string // the originating authority, where the child is registered
	Date      timescale.Date
}

// RegisterTemporary records the receiving authority's immediate temporary
// registration of a child who has moved there for a while, while the
// originating authority's registration stays open (rule
// register.temporary).
func (r *Register) RegisterTemporary(ctx context.Context, by Actor, in TemporaryInput) error {
	return r.update(ctx, by, ActionRegister, in.Child, in.Authority, func(s *State) ([]Event, error) {
		if in.From == "" || in.From == in.Authority {
			return nil, invalid("from", "name the originating authority, other than the receiving one")
		}
		i := s.Open(in.From)
		if i < 0 || s.Episodes[i].Kind == Temporary {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "from", Value: in.From, Hint: "the child has no open (non-temporary) registration in the originating authority"}
		}
		if err := r.checkDate(in.Date, s.Episodes[i].Start); err != nil {
			return nil, err
		}
		if s.Open(in.Authority) >= 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: in.Authority, Hint: "the child is already registered in this authority"}
		}
		ep := s.Episodes[i]
		return []Event{{Type: Registered, Authority: in.Authority, Date: in.Date,
			Registration: &Registration{Kind: Temporary, From: in.From, Concerns: slices.Clone(ep.Concerns), ConcernsVersion: ep.ConcernsVersion}}}, nil
	})
}

// TransferInput is the input of [Register.Transfer].
type TransferInput struct {
	Child    ChildID
	From, To string
	Date     timescale.Date
	Meeting  MeetingRef // the receiving authority's transfer CPPM
	// Concerns as identified by the transfer CPPM; empty keeps the
	// originating authority's.
	Concerns []string
}

// Transfer records a permanent move: the receiving authority's transfer
// CPPM registers the child and the originating authority's registration
// ends with reason [Transferred], in one atomic append (rule
// register.transfer). A temporary registration in the receiving authority
// ends with it. A transfer CPPM that finds no plan needed cannot
// de-register: that is refused (rule register.deregistration).
func (r *Register) Transfer(ctx context.Context, by Actor, in TransferInput) error {
	return r.update(ctx, by, ActionRegister, in.Child, in.To, func(s *State) ([]Event, error) {
		if err := in.Meeting.validate("meeting"); err != nil {
			return nil, err
		}
		if in.Meeting.Kind != meeting.Transfer {
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: "meeting.kind", Value: string(in.Meeting.Kind), Hint: "a transfer is decided by the receiving authority's transfer CPPM"}
		}
		if !in.Meeting.PlanRequired {
			return nil, refused(deregistrationCheck.Rule, "meeting.kind", string(in.Meeting.Kind), "a transfer CPPM cannot de-register; the registration continues until a quorate review CPPM ends it")
		}
		if in.From == "" || in.From == in.To {
			return nil, invalid("from", "name the originating authority, other than the receiving one")
		}
		i := s.Open(in.From)
		if i < 0 || s.Episodes[i].Kind == Temporary {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "from", Value: in.From, Hint: "the child has no open (non-temporary) registration in the originating authority"}
		}
		ep := s.Episodes[i]
		concerns, version := ep.Concerns, ep.ConcernsVersion
		if len(in.Concerns) > 0 {
			if err := r.checkConcerns("concerns", in.Concerns); err != nil {
				return nil, err
			}
			concerns, version = in.Concerns, r.concerns.Version
		}
		if err := r.checkDate(in.Date, ep.Start); err != nil {
			return nil, err
		}
		var out []Event
		if j := s.Open(in.To); j >= 0 {
			if s.Episodes[j].Kind != Temporary {
				return nil, &guidance.Error{Kind: guidance.Conflict, Field: "to", Value: in.To, Hint: "the child is already registered in the receiving authority"}
			}
			out = append(out, Event{Type: Deregistered, Authority: in.To, Date: in.Date, Reason: TemporaryEnded})
		}
		m := in.Meeting
		out = append(out,
			Event{Type: Deregistered, Authority: in.From, Date: in.Date, Reason: Transferred, Meeting: &m},
			Event{Type: Registered, Authority: in.To, Date: in.Date, Meeting: &m,
				Registration: &Registration{Kind: ByTransferCPPM, From: in.From, Concerns: slices.Clone(concerns), ConcernsVersion: version}})
		return out, nil
	})
}

// DeregistrationInput is the input of [Register.Deregister].
type DeregistrationInput struct {
	Child     ChildID
	Authority string
	Date      timescale.Date
	Reason    Reason
	// Meeting is the review CPPM, required for reason [RiskReduced].
	Meeting *MeetingRef
}

// Deregister ends a registration. For reason [RiskReduced] only a quorate
// review CPPM with the child and family represented may do it; anything
// else is refused and recorded (rule register.deregistration). Other
// reasons need no meeting (rule register.end-reason); [Transferred] is
// recorded only by [Register.Transfer].
func (r *Register) Deregister(ctx context.Context, by Actor, in DeregistrationInput) error {
	return r.update(ctx, by, ActionDeregister, in.Child, in.Authority, func(s *State) ([]Event, error) {
		switch in.Reason {
		case "":
			return nil, refused(endReasonCheck.Rule, "reason", "", "every ending of a registration needs its reason")
		case Transferred:
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: "reason", Value: string(in.Reason), Hint: "a transfer is recorded by Transfer, with the receiving authority's registration"}
		case RiskReduced:
			if in.Meeting == nil {
				return nil, refused(deregistrationCheck.Rule, "meeting", "", "de-registration because the risk has reduced needs the quorate review CPPM that decided it")
			}
			if err := in.Meeting.validate("meeting"); err != nil {
				return nil, err
			}
			m := in.Meeting
			switch {
			case m.Kind != meeting.Review:
				return nil, refused(deregistrationCheck.Rule, "meeting.kind", string(m.Kind), "only a review CPPM may de-register")
			case !m.Quorate:
				return nil, refused(deregistrationCheck.Rule, "meeting.quorate", "false", "an inquorate CPPM cannot de-register; reconvene it")
			case !m.ChildFamilyRepresented:
				return nil, refused(deregistrationCheck.Rule, "meeting.child_family_represented", "false", "the child and family must be represented at the CPPM that de-registers")
			case m.PlanRequired:
				return nil, invalid("meeting.plan_required", "the meeting decided a plan is still required")
			}
		default:
			if !in.Reason.Valid() {
				return nil, &guidance.Error{Kind: guidance.Invalid, Field: "reason", Value: string(in.Reason), Hint: "one of risk-reduced, died, adulthood, left-jurisdiction, temporary-ended"}
			}
		}
		i := s.Open(in.Authority)
		if i < 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: in.Authority, Hint: "the child has no open registration in this authority"}
		}
		if in.Reason == TemporaryEnded && s.Episodes[i].Kind != Temporary {
			return nil, invalid("reason", "only a temporary registration ends because the temporary move ended")
		}
		if err := r.checkDate(in.Date, s.Episodes[i].Start); err != nil {
			return nil, err
		}
		var out []Event
		var m *MeetingRef
		if in.Meeting != nil {
			v := *in.Meeting
			m = &v
		}
		out = append(out, Event{Type: Deregistered, Authority: in.Authority, Date: in.Date, Reason: in.Reason, Meeting: m})
		// A child who leaves the originating register for good leaves any
		// temporary registration that depended on it.
		for _, ep := range s.OpenEpisodes() {
			if ep.Kind == Temporary && ep.From == in.Authority {
				out = append(out, Event{Type: Deregistered, Authority: ep.Authority, Date: in.Date, Reason: TemporaryEnded})
			}
		}
		return out, nil
	})
}

// RecordParentsInformed records that parents or carers were told of the
// registration in authority, verbally, in writing or both (rule
// register.parents-informed).
func (r *Register) RecordParentsInformed(ctx context.Context, by Actor, child ChildID, authority string, on timescale.Date, told Informed) error {
	return r.update(ctx, by, ActionRecord, child, authority, func(s *State) ([]Event, error) {
		if !told.Verbally && !told.InWriting {
			return nil, invalid("told", "say whether they were told verbally, in writing or both")
		}
		i := s.Latest(authority)
		if i < 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: authority, Hint: "the child has no registration in this authority"}
		}
		if err := r.checkDate(on, s.Episodes[i].Start); err != nil {
			return nil, err
		}
		return []Event{{Type: ParentsInformed, Authority: authority, Date: on, Informed: &told}}, nil
	})
}

// RecordFamilyToldEnded records that the child and family were told of the
// de-registration in authority (rule register.deregistration-told).
func (r *Register) RecordFamilyToldEnded(ctx context.Context, by Actor, child ChildID, authority string, on timescale.Date) error {
	return r.update(ctx, by, ActionRecord, child, authority, func(s *State) ([]Event, error) {
		i := s.Latest(authority)
		if i < 0 || s.Episodes[i].Open() {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: authority, Hint: "the child has not been de-registered in this authority"}
		}
		if err := r.checkDate(on, s.Episodes[i].End); err != nil {
			return nil, err
		}
		return []Event{{Type: FamilyToldEnded, Authority: authority, Date: on}}, nil
	})
}

// RecordBirth links an unborn baby's record to the child after birth.
func (r *Register) RecordBirth(ctx context.Context, by Actor, child ChildID, authority string, born Child) error {
	return r.update(ctx, by, ActionRecord, child, authority, func(s *State) ([]Event, error) {
		if s.Child == nil || !s.Child.Unborn {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "child_id", Hint: "the record is not of an unborn baby"}
		}
		if born.Unborn || !born.DateOfBirth.Valid() {
			return nil, invalid("born.date_of_birth", "give the date of birth")
		}
		if err := born.validate("born"); err != nil {
			return nil, err
		}
		if s.Latest(authority) < 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: authority, Hint: "the child has no registration in this authority"}
		}
		return []Event{{Type: BirthRecorded, Authority: authority, Date: born.DateOfBirth, Child: &born}}, nil
	})
}

// CorrectionInput is the input of [Register.Correct]: new areas of concern
// for the open registration in Authority, new personal data, or both.
type CorrectionInput struct {
	Child     ChildID
	Authority string
	Concerns  []string
	Details   *Child
}

// Correct corrects an entry by appending a correction: the history keeps
// what was first recorded (rule register.history).
func (r *Register) Correct(ctx context.Context, by Actor, in CorrectionInput) error {
	return r.update(ctx, by, ActionCorrect, in.Child, in.Authority, func(s *State) ([]Event, error) {
		i := s.Latest(in.Authority)
		if i < 0 {
			return nil, &guidance.Error{Kind: guidance.Conflict, Field: "authority", Value: in.Authority, Hint: "the child has no registration in this authority"}
		}
		if in.Concerns == nil && in.Details == nil {
			return nil, invalid("concerns", "nothing to correct")
		}
		c := &Correction{Corrects: s.Episodes[i].Registered}
		if in.Concerns != nil {
			if err := r.checkConcerns("concerns", in.Concerns); err != nil {
				return nil, err
			}
			c.Concerns, c.ConcernsVersion = slices.Clone(in.Concerns), r.concerns.Version
		}
		if in.Details != nil {
			if err := in.Details.validate("details"); err != nil {
				return nil, err
			}
			d := *in.Details
			c.Child = &d
		}
		return []Event{{Type: Corrected, Authority: in.Authority, Correction: c}}, nil
	})
}

// Answer is what an enquiry learns: whether the child is on a register,
// and where since when. It holds no personal data.
type Answer struct {
	OnRegister bool      `json:"on_register"`
	Open       []Episode `json:"open,omitempty"`
}

// Enquire answers whether a child is on a register, and records who asked
// and why in the access log (rule register.access). Purpose is required
// (at most [MaxPurpose] bytes). Every enquiry is recorded: answered,
// refused by the policy, invalid (no purpose, a bad child ID, whose value
// is not kept) or failed (a store error). An answer is returned only once
// its record is written. An enquiry reads one row (the child's folded
// state), however long the child's history.
func (r *Register) Enquire(ctx context.Context, by Actor, child ChildID, purpose string) (Answer, error) {
	acc := Access{Actor: by, Action: ActionEnquire, Authority: by.Authority, Purpose: purpose}
	if len(purpose) > MaxPurpose {
		acc.Purpose = ""
	}
	if err := r.admit(ctx, &acc, child); err != nil {
		return Answer{}, err
	}
	if strings.TrimSpace(purpose) == "" || len(purpose) > MaxPurpose {
		return Answer{}, r.reject(ctx, acc, "purpose", invalid("purpose", "say why you are asking (1 to 500 bytes)"))
	}
	s, err := r.store.Head(ctx, child)
	if err != nil {
		return Answer{}, r.fail(ctx, acc, err)
	}
	ans := Answer{Open: s.OpenEpisodes()}
	ans.OnRegister = len(ans.Open) > 0
	acc.OnRegister = ans.OnRegister
	if err := r.record(ctx, acc); err != nil {
		return Answer{}, err
	}
	return ans, nil
}

// History returns a child's events and derived state to a reader the
// policy allows (by default a register keeper of authority, which must be
// the keeper's own) and only if the child is, or was, registered in
// authority: the check is against the child's registrations, not the
// caller's claim. The reading is recorded in the access log; so is a
// refusal.
func (r *Register) History(ctx context.Context, by Actor, child ChildID, authority string) ([]Event, State, error) {
	acc := Access{Actor: by, Action: ActionHistory, Authority: authority, Purpose: "history"}
	if err := r.admit(ctx, &acc, child); err != nil {
		return nil, State{}, err
	}
	evs, _, err := r.store.Load(ctx, child)
	if err != nil {
		return nil, State{}, r.fail(ctx, acc, err)
	}
	st, err := Fold(child, evs)
	if err != nil {
		return nil, State{}, r.fail(ctx, acc, err)
	}
	if st.Latest(authority) < 0 {
		err := refused(accessCheck.Rule, "authority", authority, "the child has never been registered in this authority, so its history is not this authority's to read")
		return nil, State{}, r.refuse(ctx, acc, accessCheck.Rule, err)
	}
	acc.OnRegister = st.OnRegister()
	if err := r.record(ctx, acc); err != nil {
		return nil, State{}, err
	}
	return evs, st, nil
}

// Statistics computes the counts of the register of q.Authority (every
// authority when empty) for a reader the policy allows (by default a
// [Statistician] of that authority). Stats hold counts only, never a
// child's ID or personal data. The request is recorded in the access log.
func (r *Register) Statistics(ctx context.Context, by Actor, q Query) (Stats, error) {
	acc := Access{Actor: by, Action: ActionStatistics, Authority: q.Authority}
	if !r.policy.Allows(by, ActionStatistics, q.Authority) {
		return Stats{}, r.refuse(ctx, acc, accessCheck.Rule, r.accessRefusal(by, ActionStatistics))
	}
	st, err := statistics(ctx, r.store, q)
	if err != nil {
		if guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err) || guidance.Match(&guidance.Error{Kind: guidance.MissingFact}, err) {
			return Stats{}, r.reject(ctx, acc, "query", err)
		}
		return Stats{}, r.fail(ctx, acc, err)
	}
	if err := r.record(ctx, acc); err != nil {
		return Stats{}, err
	}
	return st, nil
}

// Accesses returns the access-log entries q selects to an auditor the
// policy allows (by default a social work manager, for their own
// authority): those about a child who is or was registered in the
// auditor's authority, or those by one actor of the auditor's authority.
// The reading is itself recorded.
func (r *Register) Accesses(ctx context.Context, by Actor, q AccessQuery) ([]Access, error) {
	acc := Access{Actor: by, Action: ActionAudit, Authority: by.Authority, Purpose: "audit"}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if q.ChildID != "" {
		if err := r.admit(ctx, &acc, q.ChildID); err != nil {
			return nil, err
		}
		s, err := r.store.Head(ctx, q.ChildID)
		if err != nil {
			return nil, r.fail(ctx, acc, err)
		}
		if s.Latest(by.Authority) < 0 {
			err := refused(accessCheck.Rule, "query.child_id", "", "the child has never been registered in your authority")
			return nil, r.refuse(ctx, acc, accessCheck.Rule, err)
		}
	} else if !r.policy.Allows(by, ActionAudit, by.Authority) {
		return nil, r.refuse(ctx, acc, accessCheck.Rule, r.accessRefusal(by, ActionAudit))
	}
	var out []Access
	err := r.store.Accesses(ctx, q, func(a Access) error {
		if q.ActorID == "" || a.Actor.Authority == by.Authority {
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, r.fail(ctx, acc, err)
	}
	if err := r.record(ctx, acc); err != nil {
		return nil, err
	}
	return out, nil
}

// admit checks the child ID and the policy for a read, recording a bad ID
// (without the ID) or a refusal. On success acc names the child.
func (r *Register) admit(ctx context.Context, acc *Access, child ChildID) error {
	if err := validChildID(child); err != nil {
		return r.reject(ctx, *acc, "child_id", err)
	}
	acc.ChildID = child
	if !r.policy.Allows(acc.Actor, acc.Action, acc.Authority) {
		return r.refuse(ctx, *acc, accessCheck.Rule, r.accessRefusal(acc.Actor, acc.Action))
	}
	return nil
}

func (r *Register) accessRefusal(by Actor, act Action) error {
	return refused(accessCheck.Rule, "actor.role", string(by.Role), "policy "+r.policy.Name+" does not allow "+string(by.Agency)+" "+string(by.Role)+" to "+string(act)+" on this register")
}

// record writes one access-log entry. A store error is returned wrapped:
// a request whose record cannot be written is not answered.
func (r *Register) record(ctx context.Context, acc Access) error {
	acc.Recorded = r.clock().UTC()
	if acc.Outcome == "" {
		acc.Outcome = Answered
	}
	if err := r.store.Record(ctx, acc); err != nil {
		return &guidance.Error{Kind: guidance.Other, Field: "access_log", Hint: "the request could not be recorded, so it was not answered", Err: err}
	}
	return nil
}

// reject records an invalid request and returns err.
func (r *Register) reject(ctx context.Context, acc Access, field string, err error) error {
	acc.Outcome, acc.Field = Malformed, field
	if rerr := r.record(ctx, acc); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

// fail records a request the store could not answer and returns err.
func (r *Register) fail(ctx context.Context, acc Access, err error) error {
	acc.Outcome = Failed
	r.log.LogAttrs(ctx, slog.LevelError, "register store error", slog.String("child_id", acc.ChildID), slog.String("actor", acc.Actor.ID),
		slog.String("action", string(acc.Action)))
	if rerr := r.record(ctx, acc); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

func (r *Register) checkConcerns(field string, codes []string) error {
	if len(codes) == 0 {
		return refused(concernsCheck.Rule, field, "", "record at least one area of concern identified by the CPPM")
	}
	// The code is not echoed: a mistaken entry may hold personal data.
	for i, c := range codes {
		f := field + "[" + itoa(int64(i)) + "]"
		if !r.concerns.Has(c) {
			return &guidance.Error{Kind: guidance.Invalid, Field: f, Hint: "not a code in area of concern list " + r.concerns.Version}
		}
		if slices.Contains(codes[:i], c) {
			return &guidance.Error{Kind: guidance.Invalid, Field: f, Hint: "listed twice"}
		}
	}
	return nil
}

func (r *Register) checkDate(d, notBefore timescale.Date) error {
	if !d.Valid() {
		return invalid("date", "give a valid date (YYYY-MM-DD)")
	}
	if !notBefore.IsZero() && d.Before(notBefore) {
		return &guidance.Error{Kind: guidance.Invalid, Field: "date", Hint: "a date on or after the date of the event it follows"}
	}
	return nil
}

// update is the one write path: check the policy, read the child's
// folded state (one row), decide on it, append at its version, retry on a
// concurrent change. A refusal, by the policy or by a rule, is recorded in
// the access log before it is returned.
func (r *Register) update(ctx context.Context, by Actor, act Action, child ChildID, authority string, decide func(*State) ([]Event, error)) error {
	acc := Access{Actor: by, Action: act, Authority: authority}
	if err := validChildID(child); err != nil {
		return err
	}
	acc.ChildID = child
	if !r.policy.Allows(by, act, authority) {
		return r.refuse(ctx, acc, accessCheck.Rule, r.accessRefusal(by, act))
	}
	if authority == "" {
		return invalid("authority", "name the local authority whose register this is")
	}
	for attempt := 0; ; attempt++ {
		out, decided, err := r.change(ctx, by, child, decide)
		if decided != nil {
			if guidance.Match(&guidance.Error{Kind: guidance.Refused}, decided) {
				return r.refuse(ctx, acc, ruleOf(decided), decided)
			}
			return decided
		}
		if err == nil {
			for _, e := range out {
				r.log.LogAttrs(ctx, slog.LevelInfo, "register event", slog.Any("event", e))
			}
			return nil
		}
		if attempt < r.retries && guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "version"}, err) {
			if werr := backoff(ctx, attempt); werr != nil {
				return werr
			}
			continue
		}
		return err
	}
}

// change makes one attempt at a change: read the child's state, decide,
// append the events stamped, in one transaction if the store is an
// [Updater] (else Head, then Append at the version read). It returns the
// events appended, or decide's error (decided), or the store's error.
func (r *Register) change(ctx context.Context, by Actor, child ChildID, decide func(*State) ([]Event, error)) (out []Event, decided, err error) {
	stamped := func(st State) ([]Event, error) {
		evs, err := decide(&st)
		if err != nil {
			decided = err
			return nil, err
		}
		r.stamp(by, child, st.Version, evs)
		out = evs
		return evs, nil
	}
	if u, ok := r.store.(Updater); ok {
		err = u.Update(ctx, child, stamped)
	} else {
		var st State
		if st, err = r.store.Head(ctx, child); err != nil {
			return nil, nil, err
		}
		if _, derr := stamped(st); derr != nil {
			return nil, decided, nil
		}
		err = r.store.Append(ctx, child, st.Version, out...)
	}
	if decided != nil {
		return nil, decided, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return out, nil, nil
}

// backoff waits a short, growing, jittered time before a retry after a
// concurrent change, so that contending writers spread out.
func backoff(ctx context.Context, attempt int) error {
	if attempt == 0 {
		return nil
	}
	d := time.Duration(rand.Int64N(int64(min(attempt, 20)) * int64(200*time.Microsecond)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (r *Register) stamp(by Actor, child ChildID, ver int64, out []Event) {
	now := r.clock().UTC()
	for i := range out {
		out[i].ChildID, out[i].Version, out[i].Recorded, out[i].Actor = child, ver+int64(i)+1, now, by
	}
}

// refuse records a refusal in the access log and returns err; if the
// record cannot be written, the returned error says so too. A refusal is
// one append to the access log: it never touches the child's history.
func (r *Register) refuse(ctx context.Context, acc Access, rule string, err error) error {
	r.log.LogAttrs(ctx, slog.LevelWarn, "register refusal", slog.String("child_id", acc.ChildID), slog.String("actor", acc.Actor.ID),
		slog.String("action", string(acc.Action)), slog.String("rule", rule))
	acc.Outcome, acc.Rule = Denied, rule
	if rerr := r.record(ctx, acc); rerr != nil {
		return &guidance.Error{Kind: guidance.Refused, Field: "refusal", Hint: "refused, and the refusal could not be recorded", Err: errors.Join(err, rerr)}
	}
	return err
}

// ruleOf extracts the rule ID from a Refused error's hint ("rule X: ...").
func ruleOf(err error) string {
	var e *guidance.Error
	if !asErr(err, &e) {
		return ""
	}
	h := e.Hint
	const p = "rule "
	if len(h) > len(p) && h[:len(p)] == p {
		for i := len(p); i < len(h); i++ {
			if h[i] == ':' {
				return h[len(p):i]
			}
		}
	}
	return ""
}
