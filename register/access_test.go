package register_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

// The security review's read: a Fife keeper asks for the history of a child
// registered only in Dundee, claiming Fife.
func TestAccess_CrossAuthorityHistoryIsRefusedAndRecorded(t *testing.T) {
	r, m := newReg(t, nil)
	dundee := storetest.Keeper("dundee")
	registerIn(t, r, dundee, "c1", d(2026, 3, 2))
	evs, st, err := r.History(ctx, fife, "c1", "fife")
	assert.True(t, refusedBy("register.access", err), "got %v", err)
	assert.Nil(t, evs)
	assert.Nil(t, st.Child, "no personal data returned")
	last := lastAccess(t, m, "c1")
	assert.Equal(t, register.Denied, last.Outcome)
	assert.Equal(t, register.ActionHistory, last.Action)
	assert.Equal(t, fife, last.Actor)

	// Claiming Dundee is refused by the policy (a keeper reads only their
	// own authority's register), and recorded too.
	_, _, err = r.History(ctx, fife, "c1", "dundee")
	assert.True(t, refusedBy("register.access", err), "got %v", err)
	assert.Equal(t, 2, count(accesses(t, m, "c1"), register.Denied))

	// Dundee's keeper reads it; after a transfer to Fife, so does Fife's.
	_, _, err = r.History(ctx, dundee, "c1", "dundee")
	require.NoError(t, err)
	require.NoError(t, r.Transfer(ctx, fife, register.TransferInput{Child: "c1", From: "dundee", To: "fife", Date: d(2026, 5, 4), Meeting: transferCPPM(d(2026, 5, 4), true)}))
	evs, _, err = r.History(ctx, fife, "c1", "fife")
	require.NoError(t, err)
	assert.Len(t, evs, 3)
}

func TestStatistics_CountsOnlyNeverAnIdentity(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "child-ref-1", d(2026, 3, 2))
	registerIn(t, r, fife, "child-ref-2", d(2026, 3, 3))
	stat := register.Actor{ID: "st-1", Role: register.Statistician, Agency: meeting.SocialWork, Authority: "fife"}
	q := register.Query{From: d(2026, 1, 1), To: d(2026, 3, 31), Authority: "fife", ReRegistrationMonths: 12}
	st, err := r.Statistics(ctx, stat, q)
	require.NoError(t, err)
	assert.Equal(t, 2, st.Registrations)
	js, err := json.Marshal(st)
	require.NoError(t, err)
	for _, secret := range []string{"child-ref", secretName, secretAddress, secretDOB} {
		assert.NotContains(t, string(js), secret)
	}
	// Stats has no field that could hold an identity: only counts and the query.
	stT := reflect.TypeFor[register.Stats]()
	for i := range stT.NumField() {
		f := stT.Field(i)
		k := f.Type.Kind()
		ok := k == reflect.Int || f.Name == "Query" || k == reflect.Map && f.Type.Elem().Kind() == reflect.Int
		assert.True(t, ok, "field %s is not a count", f.Name)
	}
	// A statistician sees nothing else.
	_, err = r.Enquire(ctx, stat, "child-ref-1", "curious")
	assert.True(t, refusedBy("register.access", err), "got %v", err)
	_, _, err = r.History(ctx, stat, "child-ref-1", "fife")
	assert.True(t, refusedBy("register.access", err), "got %v", err)
	// Another authority's counts, or every authority's, are refused and recorded.
	for _, a := range []string{"angus", ""} {
		q.Authority = a
		_, err = r.Statistics(ctx, stat, q)
		assert.True(t, refusedBy("register.access", err), "got %v", err)
	}
	// Nor may a practitioner count.
	_, err = r.Statistics(ctx, police, q)
	assert.True(t, refusedBy("register.access", err), "got %v", err)
	got := byActor(t, m, "st-1")
	require.Len(t, got, 5)
	assert.Equal(t, []register.Outcome{register.Answered, register.Denied, register.Denied, register.Denied, register.Denied},
		[]register.Outcome{got[0].Outcome, got[1].Outcome, got[2].Outcome, got[3].Outcome, got[4].Outcome})
	assert.Equal(t, register.ActionStatistics, got[0].Action)
	assert.Empty(t, got[0].ChildID)
}

// Every exported method of a Register takes an actor (checked against the
// policy) and none hands out the store.
func TestRegister_NoExportedPathReachesTheStoreWithoutThePolicy(t *testing.T) {
	storeT := reflect.TypeFor[register.Store]()
	actorT := reflect.TypeFor[register.Actor]()
	rt := reflect.TypeFor[*register.Register]()
	require.Positive(t, rt.NumMethod())
	for j := range rt.NumMethod() {
		m := rt.Method(j)
		takesActor := false
		for i := range m.Type.NumIn() {
			takesActor = takesActor || m.Type.In(i) == actorT
		}
		assert.True(t, takesActor, "%s takes no Actor", m.Name)
		for i := range m.Type.NumOut() {
			out := m.Type.Out(i)
			assert.False(t, out.Implements(storeT) || out.Kind() == reflect.Interface && storeT.Implements(out) && out.NumMethod() > 0,
				"%s returns something that reaches the store", m.Name)
		}
	}
	regT := reflect.TypeFor[register.Register]()
	for i := range regT.NumField() {
		f := regT.Field(i)
		assert.False(t, f.IsExported(), "exported field %s", f.Name)
	}
}

// failing is a store whose reads fail.
type failing struct {
	*register.Memory
	err error
}

func (f failing) Head(context.Context, register.ChildID) (register.State, error) {
	return register.State{}, f.err
}
func (f failing) Load(context.Context, register.ChildID) ([]register.Event, int64, error) {
	return nil, 0, f.err
}

func TestEnquiry_EveryEnquiryIsRecorded(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, tc := range []struct {
		name    string
		by      register.Actor
		child   string
		purpose string
		store   func(*register.Memory) register.Store
		outcome register.Outcome
		field   string
		logged  string // the child the entry is logged under
		want    func(error) bool
	}{
		{name: "answered", by: police, child: "c1", purpose: "check", outcome: register.Answered, logged: "c1",
			want: func(err error) bool { return err == nil }},
		{name: "no purpose", by: police, child: "c1", purpose: "", outcome: register.Malformed, field: "purpose", logged: "c1",
			want: func(err error) bool {
				return guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "purpose"}, err)
			}},
		{name: "purpose too long", by: police, child: "c1", purpose: string(make([]byte, 501)), outcome: register.Malformed, field: "purpose", logged: "c1",
			want: func(err error) bool {
				return guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "purpose"}, err)
			}},
		{name: "bad child ID", by: police, child: "2311170000", purpose: "check", outcome: register.Malformed, field: "child_id", logged: "",
			want: func(err error) bool {
				return guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "child_id"}, err)
			}},
		{name: "empty child ID", by: police, child: " ", purpose: "check", outcome: register.Malformed, field: "child_id", logged: "",
			want: func(err error) bool {
				return guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "child_id"}, err)
			}},
		{name: "refused", by: teach, child: "c1", purpose: "check", outcome: register.Denied, logged: "c1",
			want: func(err error) bool { return refusedBy("register.access", err) }},
		{name: "store error", by: police, child: "c1", purpose: "check", outcome: register.Failed, logged: "c1",
			store: func(m *register.Memory) register.Store { return failing{m, boom} },
			want:  func(err error) bool { return errors.Is(err, boom) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := register.NewMemory()
			var s register.Store = m
			if tc.store != nil {
				s = tc.store(m)
			}
			r, err := register.New(register.Config{Store: s, Clock: func() time.Time { return storetest.T0 }})
			require.NoError(t, err)
			_, err = r.Enquire(ctx, tc.by, tc.child, tc.purpose)
			assert.True(t, tc.want(err), "got %v", err)
			got := byActor(t, m, tc.by.ID)
			require.Len(t, got, 1, "recorded once")
			assert.Equal(t, tc.outcome, got[0].Outcome)
			assert.Equal(t, tc.field, got[0].Field)
			assert.Equal(t, tc.logged, got[0].ChildID, "a bad ID is not kept")
			assert.Equal(t, register.ActionEnquire, got[0].Action)
			assert.Equal(t, tc.by, got[0].Actor)
			storetest.Verify(t, m)
		})
	}
}

// An enquiry whose record cannot be written is not answered.
type noRecord struct{ *register.Memory }

func (noRecord) Record(context.Context, ...register.Access) error { return errors.New("log full") }

func TestEnquiry_NotAnsweredWhenItCannotBeRecorded(t *testing.T) {
	m := register.NewMemory()
	require.NoError(t, m.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)))
	r, err := register.New(register.Config{Store: noRecord{m}, Clock: func() time.Time { return storetest.T0 }})
	require.NoError(t, err)
	ans, err := r.Enquire(ctx, police, "c1", "check")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Other, Field: "access_log"}, err), "got %v", err)
	assert.False(t, ans.OnRegister)
	_, err = r.Enquire(ctx, teach, "c1", "check")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Refused, Field: "refusal"}, err), "got %v", err)
}

func TestPolicy_ValidatedWhenBuilt(t *testing.T) {
	grant := func(g register.Grant) *register.Policy {
		return &register.Policy{Name: "local", Grants: []register.Grant{g}}
	}
	ok := register.Grant{Role: register.Practitioner, Agencies: []meeting.Agency{meeting.Police}, Actions: []register.Action{register.ActionEnquire}}
	for _, tc := range []struct {
		name   string
		policy *register.Policy
		field  string
	}{
		{"empty role", grant(register.Grant{Actions: []register.Action{register.ActionEnquire}}), "policy.grants[0].role"},
		{"blank role", grant(register.Grant{Role: " ", Actions: []register.Action{register.ActionEnquire}}), "policy.grants[0].role"},
		{"no actions", grant(register.Grant{Role: register.Practitioner}), "policy.grants[0].actions"},
		{"unknown action", grant(register.Grant{Role: register.Practitioner, Actions: []register.Action{"peek"}}), "policy.grants[0].actions[0]"},
		{"action twice", grant(register.Grant{Role: register.Practitioner, Actions: []register.Action{register.ActionEnquire, register.ActionEnquire}}), "policy.grants[0].actions[1]"},
		{"unknown agency", grant(register.Grant{Role: register.Practitioner, Agencies: []meeting.Agency{"press"}, Actions: []register.Action{register.ActionEnquire}}), "policy.grants[0].agencies[0]"},
		{"no name", &register.Policy{Grants: []register.Grant{ok}}, "policy.name"},
		{"no grants", &register.Policy{Name: "empty"}, "policy.grants"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, tc.policy.Validate()), "got %v", tc.policy.Validate())
			_, err := register.New(register.Config{Store: register.NewMemory(), Clock: time.Now, Policy: tc.policy})
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "New: got %v", err)
		})
	}
	require.NoError(t, register.DefaultPolicy().Validate())
	require.NoError(t, grant(ok).Validate())
	// Even a hand-built grant with an empty role allows no actor without a role.
	p := register.Policy{Name: "bad", Grants: []register.Grant{{Actions: []register.Action{register.ActionEnquire}}}}
	assert.False(t, p.Allows(register.Actor{ID: "x", Authority: "fife"}, register.ActionEnquire, "fife"))
}

func TestAccesses_AuditByChildAndByActorOwnAuthorityOnly(t *testing.T) {
	r, _ := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	registerIn(t, r, angus, "c2", d(2026, 3, 2))
	_, err := r.Enquire(ctx, police, "c1", "check")
	require.NoError(t, err)
	_, err = r.Enquire(ctx, nurse, "c2", "check")
	require.NoError(t, err)
	mgr := register.Actor{ID: "mgr-1", Role: register.Manager, Agency: meeting.SocialWork, Authority: "fife"}
	got, err := r.Accesses(ctx, mgr, register.AccessQuery{ChildID: "c1"})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, police, got[0].Actor)
	_, err = r.Accesses(ctx, mgr, register.AccessQuery{ChildID: "c2"})
	assert.True(t, refusedBy("register.access", err), "another authority's child: got %v", err)
	_, err = r.Accesses(ctx, fife, register.AccessQuery{ChildID: "c1"})
	assert.True(t, refusedBy("register.access", err), "a keeper is not an auditor: got %v", err)
	// By actor: only entries by staff of the manager's own authority.
	got, err = r.Accesses(ctx, mgr, register.AccessQuery{ActorID: "hv-3"})
	require.NoError(t, err)
	assert.Empty(t, got, "nhs-fife staff are not fife's")
	got, err = r.Accesses(ctx, mgr, register.AccessQuery{ActorID: "mgr-1"})
	require.NoError(t, err)
	assert.Len(t, got, 3, "the manager's earlier readings and refusal are recorded")
}

// Refusals go to the access log: a flood of them leaves the child's
// history, and so the cost of folding it, unchanged.
func TestRefusals_DoNotGrowTheHistory(t *testing.T) {
	r, m := newReg(t, nil)
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	for range 2000 {
		_, err := r.Enquire(ctx, teach, "c1", "x")
		require.Error(t, err)
	}
	_, v, err := m.Load(ctx, "c1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), v)
	assert.Len(t, accesses(t, m, "c1"), 2000)
	storetest.Verify(t, m)
}
