package register_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

var (
	ctx    = context.Background()
	fife   = storetest.Keeper("fife")
	angus  = storetest.Keeper("angus")
	police = register.Actor{ID: "pc-7", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
	nurse  = register.Actor{ID: "hv-3", Role: register.Practitioner, Agency: meeting.Health, Authority: "nhs-fife"}
	teach  = register.Actor{ID: "t-1", Role: register.Practitioner, Agency: meeting.Education, Authority: "fife"}
	d      = storetest.Date
)

// The personal data the PII test looks for.
const (
	secretName    = "Morag Quillfeather"
	secretAddress = "17 Lanthorn Wynd"
	secretDOB     = "2017-11-23"
)

func secretChild() *register.Child {
	return &register.Child{Name: secretName, Address: secretAddress, DateOfBirth: d(2017, 11, 23)}
}

func newReg(t *testing.T, logger *slog.Logger) (*register.Register, *register.Memory) {
	t.Helper()
	m := register.NewMemory()
	var tick time.Duration
	r, err := register.New(register.Config{Store: m, Logger: logger, Clock: func() time.Time { tick += time.Second; return storetest.T0.Add(tick) }})
	require.NoError(t, err)
	return r, m
}

func registeringCPPM(held time_) register.MeetingRef {
	return register.MeetingRef{ID: "cppm-1", Kind: meeting.Initial, Held: held, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true}
}

type time_ = guidance.Date

func reviewCPPM(held time_) *register.MeetingRef {
	return &register.MeetingRef{ID: "rev-1", Kind: meeting.Review, Held: held, Quorate: true, ChildFamilyRepresented: true}
}

func registerIn(t *testing.T, r *register.Register, by register.Actor, child string, on time_) {
	t.Helper()
	require.NoError(t, r.Register(ctx, by, register.RegistrationInput{Child: child, Authority: by.Authority, Date: on,
		Meeting: registeringCPPM(on), Concerns: []string{"neglect", "parental-drug-misuse"}, Details: secretChild()}))
}

func state(t *testing.T, m register.Store, child string) register.State {
	t.Helper()
	evs, _, err := m.Load(ctx, child)
	require.NoError(t, err)
	s, err := register.Fold(child, evs)
	require.NoError(t, err)
	return s
}

func refusedBy(rule string, err error) bool {
	var e *guidance.Error
	return guidance.Match(&guidance.Error{Kind: guidance.Refused}, err) && asErr(err, &e) && strings.HasPrefix(e.Hint, "rule "+rule+":")
}

func asErr(err error, e **guidance.Error) bool {
	for err != nil {
		if x, ok := err.(*guidance.Error); ok {
			if x.Kind == guidance.Refused && strings.HasPrefix(x.Hint, "rule ") {
				*e = x
				return true
			}
			err = x.Err
			continue
		}
		return false
	}
	return false
}

// accesses returns the access-log entries about child, oldest first.
func accesses(t *testing.T, m register.Store, child string) []register.Access {
	t.Helper()
	var out []register.Access
	require.NoError(t, m.Accesses(ctx, register.AccessQuery{ChildID: child}, func(a register.Access) error { out = append(out, a); return nil }))
	return out
}

// byActor returns the access-log entries by actor, oldest first.
func byActor(t *testing.T, m register.Store, actor string) []register.Access {
	t.Helper()
	var out []register.Access
	require.NoError(t, m.Accesses(ctx, register.AccessQuery{ActorID: actor}, func(a register.Access) error { out = append(out, a); return nil }))
	return out
}

func count(as []register.Access, o register.Outcome) int {
	n := 0
	for _, a := range as {
		if a.Outcome == o {
			n++
		}
	}
	return n
}

func lastAccess(t *testing.T, m register.Store, child string) register.Access {
	t.Helper()
	as := accesses(t, m, child)
	require.NotEmpty(t, as)
	return as[len(as)-1]
}

func lastEvent(t *testing.T, m register.Store, child string) register.Event {
	evs, _, err := m.Load(ctx, child)
	require.NoError(t, err)
	require.NotEmpty(t, evs)
	return evs[len(evs)-1]
}

func TestRegistration_InitialCPPMThatRequiresAPlanRegisters(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	s := state(t, m, "c1")
	require.Len(t, s.Episodes, 1)
	ep := s.Episodes[0]
	assert.Equal(t, "fife", ep.Authority)
	assert.Equal(t, register.ByInitialCPPM, ep.Kind)
	assert.Equal(t, d(2026, 3, 2), ep.Start)
	assert.Equal(t, []string{"neglect", "parental-drug-misuse"}, ep.Concerns)
	assert.Equal(t, "csws-2016-17", ep.ConcernsVersion)
	ev := lastEvent(t, m, "c1")
	assert.Equal(t, fife, ev.Actor)
	assert.Equal(t, storetest.T0.Add(time.Second), ev.Recorded, "the recorded instant comes from the injected clock")
}

func TestRegistration_SecondOpenRegistrationInOneAuthorityIsConflict(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	err := r.Register(ctx, fife, register.RegistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 9), Meeting: registeringCPPM(d(2026, 3, 9)), Concerns: []string{"neglect"}})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "authority"}, err), "got %v", err)
	_, v, _ := m.Load(ctx, "c1")
	assert.Equal(t, int64(1), v, "nothing written")
}

func TestRegistration_RefusedWithoutACPPMDecisionThatAPlanIsRequired(t *testing.T) {
	r, m := newReg(t, nil)
	for name, mr := range map[string]register.MeetingRef{
		"no plan required": {ID: "x", Kind: meeting.Initial, Held: d(2026, 3, 2), Quorate: true},
		"review CPPM":      {ID: "x", Kind: meeting.Review, Held: d(2026, 3, 2), Quorate: true, PlanRequired: true},
	} {
		err := r.Register(ctx, fife, register.RegistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 2), Meeting: mr, Concerns: []string{"neglect"}})
		assert.True(t, refusedBy("register.registration", err), "%s: got %v", name, err)
	}
	s := state(t, m, "c1")
	assert.Empty(t, s.Episodes)
	assert.Equal(t, 2, count(accesses(t, m, "c1"), register.Denied), "refusals are recorded in the access log")
	assert.Zero(t, s.Version, "and not in the history")
}

func TestRegistration_AreasOfConcernRequiredFromTheVersionedList(t *testing.T) {
	r, _ := newReg(t, nil)
	in := register.RegistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2))}
	err := r.Register(ctx, fife, in)
	assert.True(t, refusedBy("register.concerns", err), "got %v", err)
	in.Concerns = []string{"child-exploitation"} // split in three from 2016-17
	err = r.Register(ctx, fife, in)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "concerns[0]"}, err), "got %v", err)
	in.Concerns = []string{"child-sexual-exploitation", "forced-or-dangerous-labour", "trafficking"}
	require.NoError(t, r.Register(ctx, fife, in))
}

func TestConcernList_OlderListKeptAndExtensible(t *testing.T) {
	assert.True(t, register.ConcernsCSWS2012.Has("child-exploitation"))
	assert.False(t, register.DefaultConcerns().Has("child-exploitation"))
	local, err := register.DefaultConcerns().With("fife-2026", register.Concern{Code: "online-harm", Label: "Online harm"})
	require.NoError(t, err)
	assert.True(t, local.Has("online-harm"))
	assert.False(t, register.DefaultConcerns().Has("online-harm"))
	_, err = local.With("fife-2027", register.Concern{Code: "neglect"})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err))

	m := register.NewMemory()
	r, err := register.New(register.Config{Store: m, Concerns: &local, Clock: func() time.Time { return storetest.T0 }})
	require.NoError(t, err)
	require.NoError(t, r.Register(ctx, fife, register.RegistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2)), Concerns: []string{"online-harm"}}))
	assert.Equal(t, "fife-2026", state(t, m, "c1").Episodes[0].ConcernsVersion)
}

func TestRegistration_UnbornBabyByPreBirthCPPMThenLinkedAtBirth(t *testing.T) {
	r, m := newReg(t, nil)
	pre := register.MeetingRef{ID: "pb", Kind: meeting.PreBirth, Held: d(2026, 2, 2), Quorate: true, PlanRequired: true}
	err := r.Register(ctx, fife, register.RegistrationInput{Child: "u1", Authority: "fife", Date: d(2026, 2, 2), Meeting: pre, Concerns: []string{"domestic-abuse"}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "details.unborn"}, err), "got %v", err)
	require.NoError(t, r.Register(ctx, fife, register.RegistrationInput{Child: "u1", Authority: "fife", Date: d(2026, 2, 2), Meeting: pre,
		Concerns: []string{"domestic-abuse"}, Details: &register.Child{Unborn: true, ExpectedDate: d(2026, 5, 1)}}))
	require.NoError(t, r.RecordBirth(ctx, fife, "u1", "fife", register.Child{Name: secretName, DateOfBirth: d(2026, 4, 28)}))
	s := state(t, m, "u1")
	require.NotNil(t, s.Child)
	assert.False(t, s.Child.Unborn)
	assert.Equal(t, register.ByPreBirthCPPM, s.Episodes[0].Kind)
	assert.True(t, s.Episodes[0].Open(), "birth does not end the registration")
	err = r.RecordBirth(ctx, fife, "u1", "fife", register.Child{DateOfBirth: d(2026, 4, 28)})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict}, err))
}

func TestDeregistration_OnlyAQuorateReviewCPPMWithChildAndFamilyRepresented(t *testing.T) {
	for name, mr := range map[string]*register.MeetingRef{
		"no meeting":                     nil,
		"inquorate review":               {ID: "r", Kind: meeting.Review, Held: d(2026, 6, 1), ChildFamilyRepresented: true},
		"transfer CPPM":                  {ID: "r", Kind: meeting.Transfer, Held: d(2026, 6, 1), Quorate: true, ChildFamilyRepresented: true},
		"initial CPPM":                   {ID: "r", Kind: meeting.Initial, Held: d(2026, 6, 1), Quorate: true, ChildFamilyRepresented: true},
		"child and family unrepresented": {ID: "r", Kind: meeting.Review, Held: d(2026, 6, 1), Quorate: true},
	} {
		t.Run(name, func(t *testing.T) {
			r, m := newReg(t, nil)
			registerIn(t, r, fife, "c1", d(2026, 3, 2))
			err := r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 6, 1), Reason: register.RiskReduced, Meeting: mr})
			require.True(t, refusedBy("register.deregistration", err), "got %v", err)
			s := state(t, m, "c1")
			assert.True(t, s.Episodes[0].Open(), "still registered")
			last := lastAccess(t, m, "c1")
			assert.Equal(t, register.Denied, last.Outcome)
			assert.Equal(t, "register.deregistration", last.Rule)
			assert.Equal(t, register.ActionDeregister, last.Action)
			assert.Equal(t, fife, last.Actor)
		})
	}
	t.Run("quorate review", func(t *testing.T) {
		r, m := newReg(t, nil)
		registerIn(t, r, fife, "c1", d(2026, 3, 2))
		require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 6, 1), Reason: register.RiskReduced, Meeting: reviewCPPM(d(2026, 6, 1))}))
		ep := state(t, m, "c1").Episodes[0]
		assert.Equal(t, d(2026, 6, 1), ep.End)
		assert.Equal(t, register.RiskReduced, ep.Reason)
	})
}

func TestDeregistration_OtherEndingsNeedTheirReason(t *testing.T) {
	for _, reason := range []register.Reason{register.Died, register.Adulthood, register.LeftJurisdiction} {
		r, m := newReg(t, nil)
		registerIn(t, r, fife, "c1", d(2026, 3, 2))
		require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 4, 1), Reason: reason}))
		assert.Equal(t, reason, state(t, m, "c1").Episodes[0].Reason)
	}
	r, _ := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	err := r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 4, 1)})
	assert.True(t, refusedBy("register.end-reason", err), "got %v", err)
	err = r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 4, 1), Reason: register.Transferred})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "reason"}, err))
	err = r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 1), Reason: register.Died})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "date"}, err), "before the registration")
	err = r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c2", Authority: "fife", Date: d(2026, 4, 1), Reason: register.Died})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "authority"}, err))
}

func transferCPPM(held time_, plan bool) register.MeetingRef {
	return register.MeetingRef{ID: "t-1", Kind: meeting.Transfer, Held: held, Quorate: true, PlanRequired: plan}
}

func TestTransfer_ReceivingAuthorityRegistersOriginatingEndsTransferred(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	_, before, _ := m.Load(ctx, "c1")
	require.NoError(t, r.Transfer(ctx, angus, register.TransferInput{Child: "c1", From: "fife", To: "angus", Date: d(2026, 5, 4), Meeting: transferCPPM(d(2026, 5, 4), true)}))
	evs, after, _ := m.Load(ctx, "c1")
	assert.Equal(t, before+2, after, "both events in one append")
	s := state(t, m, "c1")
	require.Len(t, s.Episodes, 2)
	assert.Equal(t, register.Transferred, s.Episodes[0].Reason)
	assert.Equal(t, d(2026, 5, 4), s.Episodes[0].End)
	assert.Equal(t, "angus", s.Episodes[1].Authority)
	assert.Equal(t, register.ByTransferCPPM, s.Episodes[1].Kind)
	assert.Equal(t, d(2026, 5, 4), s.Episodes[1].Start, "the new episode runs from the transfer registration")
	assert.Equal(t, s.Episodes[0].Concerns, s.Episodes[1].Concerns)
	assert.Equal(t, angus, evs[len(evs)-1].Actor)

	// Only the receiving authority's keepers may do it.
	r2, _ := newReg(t, nil)
	registerIn(t, r2, fife, "c1", d(2026, 3, 2))
	err := r2.Transfer(ctx, fife, register.TransferInput{Child: "c1", From: "fife", To: "angus", Date: d(2026, 5, 4), Meeting: transferCPPM(d(2026, 5, 4), true)})
	assert.True(t, refusedBy("register.access", err), "got %v", err)
}

func TestTransfer_TransferCPPMCannotDeregister(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	err := r.Transfer(ctx, angus, register.TransferInput{Child: "c1", From: "fife", To: "angus", Date: d(2026, 5, 4), Meeting: transferCPPM(d(2026, 5, 4), false)})
	require.True(t, refusedBy("register.deregistration", err), "got %v", err)
	assert.True(t, state(t, m, "c1").Episodes[0].Open())
	err = r.Transfer(ctx, angus, register.TransferInput{Child: "c1", From: "fife", To: "angus", Date: d(2026, 5, 4), Meeting: registeringCPPM(d(2026, 5, 4))})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "meeting.kind"}, err))
	err = r.Transfer(ctx, angus, register.TransferInput{Child: "c9", From: "fife", To: "angus", Date: d(2026, 5, 4), Meeting: transferCPPM(d(2026, 5, 4), true)})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "from"}, err))
}

func TestTemporary_ReceivingAuthorityRegistersWhileOriginatingOpen(t *testing.T) {
	r, m := newReg(t, nil)
	err := r.RegisterTemporary(ctx, angus, register.TemporaryInput{Child: "c1", Authority: "angus", From: "fife", Date: d(2026, 3, 9)})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "from"}, err), "nothing to be temporary from")
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	require.NoError(t, r.RegisterTemporary(ctx, angus, register.TemporaryInput{Child: "c1", Authority: "angus", From: "fife", Date: d(2026, 3, 9)}))
	s := state(t, m, "c1")
	assert.Len(t, s.OpenEpisodes(), 2)
	// The move becomes permanent: the transfer ends the temporary
	// registration too.
	require.NoError(t, r.Transfer(ctx, angus, register.TransferInput{Child: "c1", From: "fife", To: "angus", Date: d(2026, 4, 6), Meeting: transferCPPM(d(2026, 4, 6), true)}))
	s = state(t, m, "c1")
	open := s.OpenEpisodes()
	require.Len(t, open, 1)
	assert.Equal(t, register.ByTransferCPPM, open[0].Kind)
	assert.Equal(t, register.TemporaryEnded, s.Episodes[1].Reason)
}

func TestTemporary_EndsWhenOriginatingRegistrationEnds(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	require.NoError(t, r.RegisterTemporary(ctx, angus, register.TemporaryInput{Child: "c1", Authority: "angus", From: "fife", Date: d(2026, 3, 9)}))
	require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 6, 1), Reason: register.RiskReduced, Meeting: reviewCPPM(d(2026, 6, 1))}))
	assert.Empty(t, state(t, m, "c1").OpenEpisodes())
}

func TestAccess_DefaultPolicy(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	for _, a := range []register.Actor{police, nurse, {ID: "sw-2", Role: register.Practitioner, Agency: meeting.SocialWork, Authority: "angus"}, angus} {
		ans, err := r.Enquire(ctx, a, "c1", "night-time welfare concern")
		require.NoError(t, err, a.ID)
		assert.True(t, ans.OnRegister)
		require.Len(t, ans.Open, 1)
		assert.Equal(t, "fife", ans.Open[0].Authority)
		ev := lastAccess(t, m, "c1")
		assert.Equal(t, register.Answered, ev.Outcome)
		assert.Equal(t, register.ActionEnquire, ev.Action)
		assert.Equal(t, a, ev.Actor)
		assert.True(t, ev.OnRegister)
		assert.Equal(t, "night-time welfare concern", ev.Purpose)
	}
	ans, err := r.Enquire(ctx, police, "nobody", "check")
	require.NoError(t, err)
	assert.False(t, ans.OnRegister)
	assert.Len(t, accesses(t, m, "nobody"), 1, "an enquiry about a child not on the register is recorded too")
	assert.Equal(t, int64(1), state(t, m, "c1").Version, "enquiries do not grow the history")

	_, err = r.Enquire(ctx, police, "c1", "")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "purpose"}, err))

	for name, call := range map[string]func() error{
		"education enquires": func() error { _, err := r.Enquire(ctx, teach, "c1", "x"); return err },
		"police registers": func() error {
			return r.Register(ctx, police, register.RegistrationInput{Child: "c1", Authority: "police-scotland", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2)), Concerns: []string{"neglect"}})
		},
		"other keeper writes": func() error {
			return r.Deregister(ctx, angus, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 4, 1), Reason: register.Died})
		},
		"anonymous": func() error {
			_, err := r.Enquire(ctx, register.Actor{Role: register.Practitioner, Agency: meeting.Police}, "c1", "x")
			return err
		},
		"health reads history": func() error { _, _, err := r.History(ctx, nurse, "c1", "fife"); return err },
	} {
		before := count(accesses(t, m, "c1"), register.Denied)
		err := call()
		assert.True(t, refusedBy("register.access", err), "%s: got %v", name, err)
		assert.Equal(t, before+1, count(accesses(t, m, "c1"), register.Denied), "%s: the refusal is recorded", name)
	}
	evs, st, err := r.History(ctx, fife, "c1", "fife")
	require.NoError(t, err)
	assert.Equal(t, st.Version, int64(len(evs)))
	last := lastAccess(t, m, "c1")
	assert.Equal(t, register.ActionHistory, last.Action, "the reading is recorded in the access log")
	assert.Equal(t, register.Answered, last.Outcome)
}

func TestHistory_CorrectionAppendsAndKeepsTheOriginal(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	require.NoError(t, r.Correct(ctx, fife, register.CorrectionInput{Child: "c1", Authority: "fife", Concerns: []string{"emotional-abuse"}}))
	evs, _, _ := m.Load(ctx, "c1")
	require.Len(t, evs, 2)
	assert.Equal(t, []string{"neglect", "parental-drug-misuse"}, evs[0].Registration.Concerns, "the original stays in the history")
	assert.Equal(t, []string{"emotional-abuse"}, state(t, m, "c1").Episodes[0].Concerns)
	err := r.Correct(ctx, police, register.CorrectionInput{Child: "c1", Authority: "fife", Concerns: []string{"neglect"}})
	assert.True(t, refusedBy("register.access", err))
}

func TestNew_RequiresStoreAndClock(t *testing.T) {
	_, err := register.New(register.Config{Clock: time.Now})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "store"}, err))
	_, err = register.New(register.Config{Store: register.NewMemory()})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "clock"}, err))
}

func TestChildID_CHINumberRefused(t *testing.T) {
	r, _ := newReg(t, nil)
	_, err := r.Enquire(ctx, police, "2311170000", "x")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "child_id"}, err))
	assert.NotContains(t, err.Error(), "2311170000")
}

// TestNoPersonalDataInErrorsOrLogs drives every error path with a child
// whose name, address and date of birth are known, and checks that none of
// them reaches an error string, a log line or a formatted value.
func TestNoPersonalDataInErrorsOrLogs(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r, m := newReg(t, logger)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	var errs []error
	add := func(err error) { require.Error(t, err); errs = append(errs, err) }
	det := secretChild()
	add(r.Register(ctx, fife, register.RegistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2)), Concerns: []string{"neglect"}, Details: det}))
	add(r.Register(ctx, fife, register.RegistrationInput{Child: "c2", Authority: "fife", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2)), Concerns: []string{secretName}, Details: det}))
	add(r.Register(ctx, fife, register.RegistrationInput{Child: "c2", Authority: "fife", Date: d(2026, 3, 2), Meeting: registeringCPPM(d(2026, 3, 2)), Concerns: []string{"neglect"},
		Details: &register.Child{Name: secretName, Address: secretAddress, DateOfBirth: d(2017, 11, 23), Unborn: true}}))
	add(r.Register(ctx, police, register.RegistrationInput{Child: "c2", Authority: "fife", Details: det}))
	add(r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 6, 1), Reason: register.RiskReduced, Meeting: &register.MeetingRef{ID: "r", Kind: meeting.Review, Held: d(2026, 6, 1)}}))
	add(r.RecordBirth(ctx, fife, "c1", "fife", *det))
	add(r.Correct(ctx, fife, register.CorrectionInput{Child: "c1", Authority: "fife", Details: &register.Child{Name: secretName, Unborn: true, DateOfBirth: d(2017, 11, 23)}}))
	_, err := r.Enquire(ctx, teach, "c1", "x")
	add(err)
	_, err = register.DecodeEvent([]byte(`{"child_id":"c1","version":1,"type":"registered","registration":{"kind":"initial","child":{"name":"` + secretName + `","date_of_birth":"` + secretDOB + `","address":7}}}`))
	add(err)
	_, err = register.DecodeEvent([]byte(`{"child_id":"c1","version":1,"type":"registered","registration":{"kind":"initial","child":{"name":"` + secretName + `","date_of_birth":"2017-13-23"}}}`))
	add(err)
	_, err = register.DecodeEvent([]byte(`{"name":"` + secretName + `"}`))
	add(err)
	require.NoError(t, r.Correct(ctx, fife, register.CorrectionInput{Child: "c1", Authority: "fife", Details: det}))

	s := state(t, m, "c1")
	evs, _, _ := m.Load(ctx, "c1")
	logger.Info("state", "child", *s.Child, "details", s.Child, "state", s, "events", evs)
	for _, ev := range evs {
		logger.Info("event", "event", ev)
	}
	var texts []string
	for _, e := range errs {
		texts = append(texts, e.Error())
	}
	js, err := json.Marshal(s)
	require.NoError(t, err)
	texts = append(texts, logs.String(), string(js), fmt.Sprintf("%v %+v %#v %s", *s.Child, *s.Child, *s.Child, *s.Child))
	// The store's own encoding does carry the data.
	raw, err := register.MarshalEvent(evs[0])
	require.NoError(t, err)
	assert.Contains(t, string(raw), secretName)
	require.NotEmpty(t, logs.String())
	for _, txt := range texts {
		for _, secret := range []string{secretName, secretAddress, secretDOB, "Quillfeather", "Lanthorn"} {
			assert.NotContains(t, txt, secret)
		}
	}
}
