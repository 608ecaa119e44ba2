package register

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"slices"
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
	// returned after that. Enquiries and recorded refusals are retried up
	// to 1000 times, with backoff, so that looking never fails for being
	// concurrent.
	Retries int
}

// A Register is the Child Protection Register of one or more local
// authorities over a [Store]. Every call is checked against the access
// policy; every change and every enquiry is appended as an event; refusals
// are errors of kind Refused and are recorded. It is safe for concurrent
// use.
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

// Store returns the register's store.
func (r *Register) Store() Store { return r.store }

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
			return nil, refused("register.registration", "meeting.kind", string(in.Meeting.Kind), "only an initial or pre-birth CPPM (or a transfer CPPM, through Transfer) registers a child")
		}
		if !in.Meeting.PlanRequired {
			return nil, refused("register.registration", "meeting.plan_required", "false", "a child is registered only when the CPPM decides a Child Protection Plan is required")
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
			return nil, refused("register.deregistration", "meeting.kind", string(in.Meeting.Kind), "a transfer CPPM cannot de-register; the registration continues until a quorate review CPPM ends it")
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
			return nil, refused("register.end-reason", "reason", "", "every ending of a registration needs its reason")
		case Transferred:
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: "reason", Value: string(in.Reason), Hint: "a transfer is recorded by Transfer, with the receiving authority's registration"}
		case RiskReduced:
			if in.Meeting == nil {
				return nil, refused("register.deregistration", "meeting", "", "de-registration because the risk has reduced needs the quorate review CPPM that decided it")
			}
			if err := in.Meeting.validate("meeting"); err != nil {
				return nil, err
			}
			m := in.Meeting
			switch {
			case m.Kind != meeting.Review:
				return nil, refused("register.deregistration", "meeting.kind", string(m.Kind), "only a review CPPM may de-register")
			case !m.Quorate:
				return nil, refused("register.deregistration", "meeting.quorate", "false", "an inquorate CPPM cannot de-register; reconvene it")
			case !m.ChildFamilyRepresented:
				return nil, refused("register.deregistration", "meeting.child_family_represented", "false", "the child and family must be represented at the CPPM that de-registers")
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
// and why (rule register.access). Purpose is required. An actor the policy
// does not allow is refused, and the refusal is recorded.
func (r *Register) Enquire(ctx context.Context, by Actor, child ChildID, purpose string) (Answer, error) {
	var ans Answer
	err := r.update(ctx, by, ActionEnquire, child, by.Authority, func(s *State) ([]Event, error) {
		if purpose == "" {
			return nil, invalid("purpose", "say why you are asking")
		}
		ans = Answer{Open: s.OpenEpisodes()}
		ans.OnRegister = len(ans.Open) > 0
		return []Event{{Type: Enquired, Authority: by.Authority, Enquiry: &Enquiry{Purpose: purpose, OnRegister: ans.OnRegister}}}, nil
	})
	if err != nil {
		return Answer{}, err
	}
	return ans, nil
}

// History returns a child's events and derived state to a reader the
// policy allows (by default the authority's register keepers); the reading
// is recorded as an enquiry.
func (r *Register) History(ctx context.Context, by Actor, child ChildID, authority string) ([]Event, State, error) {
	var st State
	err := r.update(ctx, by, ActionHistory, child, authority, func(s *State) ([]Event, error) {
		st = *s
		return []Event{{Type: Enquired, Authority: authority, Enquiry: &Enquiry{Purpose: "history", OnRegister: s.OnRegister()}}}, nil
	})
	if err != nil {
		return nil, State{}, err
	}
	evs, _, err := r.store.Load(ctx, child)
	return evs, st, err
}

func (r *Register) checkConcerns(field string, codes []string) error {
	if len(codes) == 0 {
		return refused("register.concerns", field, "", "record at least one area of concern identified by the CPPM")
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

// update is the one write path: check the policy, load, decide on the
// fresh state, append at the loaded version, retry on a concurrent change.
// A refusal, by the policy or by a rule, is recorded before it is returned.
func (r *Register) update(ctx context.Context, by Actor, act Action, child ChildID, authority string, decide func(*State) ([]Event, error)) error {
	if err := validChildID(child); err != nil {
		return err
	}
	if !r.policy.Allows(by, act, authority) {
		err := refused("register.access", "actor.role", string(by.Role), "policy "+r.policy.Name+" does not allow "+string(by.Agency)+" "+string(by.Role)+" to "+string(act)+" on this register")
		return r.refuse(ctx, by, act, child, authority, "register.access", err)
	}
	if authority == "" {
		return invalid("authority", "name the local authority whose register this is")
	}
	for attempt := 0; ; attempt++ {
		evs, ver, err := r.store.Load(ctx, child)
		if err != nil {
			return err
		}
		st, err := Fold(child, evs)
		if err != nil {
			return err
		}
		out, err := decide(&st)
		if err != nil {
			if guidance.Match(&guidance.Error{Kind: guidance.Refused}, err) {
				return r.refuse(ctx, by, act, child, authority, ruleOf(err), err)
			}
			return err
		}
		r.stamp(by, child, ver, out)
		err = r.store.Append(ctx, child, ver, out...)
		if err == nil {
			for _, e := range out {
				r.log.LogAttrs(ctx, slog.LevelInfo, "register event", slog.Any("event", e))
			}
			return nil
		}
		limit := r.retries
		if act == ActionEnquire || act == ActionHistory {
			// An enquiry changes nothing but the record of who looked: it
			// must not fail because others are looking at the same time.
			limit = max(limit, 1000)
		}
		if attempt < limit && guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "version"}, err) {
			if werr := backoff(ctx, attempt); werr != nil {
				return werr
			}
			continue
		}
		return err
	}
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

// refuse records a refusal on the child's history and returns err; if the
// record cannot be written, the returned error says so too.
func (r *Register) refuse(ctx context.Context, by Actor, act Action, child ChildID, authority, rule string, err error) error {
	r.log.LogAttrs(ctx, slog.LevelWarn, "register refusal", slog.String("child_id", child), slog.String("actor", by.ID),
		slog.String("action", string(act)), slog.String("rule", rule))
	for attempt := 0; ; attempt++ {
		_, ver, lerr := r.store.Load(ctx, child)
		if lerr != nil {
			return &guidance.Error{Kind: guidance.Refused, Field: "refusal", Hint: "refused, and the refusal could not be recorded", Err: err}
		}
		out := []Event{{Type: RefusalRecorded, Authority: authority, Refusal: &Refusal{Action: act, Rule: rule}}}
		r.stamp(by, child, ver, out)
		aerr := r.store.Append(ctx, child, ver, out...)
		if aerr == nil {
			return err
		}
		if attempt >= max(r.retries, 1000) || !guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "version"}, aerr) {
			return &guidance.Error{Kind: guidance.Refused, Field: "refusal", Hint: "refused, and the refusal could not be recorded", Err: err}
		}
		if werr := backoff(ctx, attempt); werr != nil {
			return &guidance.Error{Kind: guidance.Refused, Field: "refusal", Hint: "refused, and the refusal could not be recorded", Err: err}
		}
	}
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
