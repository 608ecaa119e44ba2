package register_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

// counter is a statistician of authority a ("" for every authority: a
// national statistician, allowed by a grant without OwnAuthority).
func counter(a string) register.Actor {
	if a == "" {
		a = "scottish-government"
	}
	return register.Actor{ID: "stat-" + a, Role: register.Statistician, Agency: meeting.SocialWork, Authority: a}
}

func statsReg(t *testing.T) (*register.Register, *register.Memory) {
	t.Helper()
	m := register.NewMemory()
	p := register.DefaultPolicy()
	p.Name = "default-with-national-statistics"
	p.Grants = append(p.Grants, register.Grant{Role: register.Statistician, Actions: []register.Action{register.ActionStatistics}})
	var tick time.Duration
	r, err := register.New(register.Config{Store: m, Policy: &p, Clock: func() time.Time { tick += time.Second; return storetest.T0.Add(tick) }})
	require.NoError(t, err)
	return r, m
}

func TestStatistics_FromEvents(t *testing.T) {
	r, _ := statsReg(t)
	// c1: registered Jan 2025, de-registered Apr 2025 (3 months), re-registered Mar 2026: a re-registration within 12 months.
	registerIn(t, r, fife, "c1", d(2025, 1, 6))
	require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2025, 4, 7), Reason: register.RiskReduced, Meeting: reviewCPPM(d(2025, 4, 7))}))
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	// c2: pre-birth in Feb 2026.
	require.NoError(t, r.Register(ctx, fife, register.RegistrationInput{Child: "c2", Authority: "fife", Date: d(2026, 2, 2),
		Meeting: register.MeetingRef{ID: "pb", Kind: meeting.PreBirth, Held: d(2026, 2, 2), Quorate: true, PlanRequired: true}, Concerns: []string{"domestic-abuse"},
		Details: &register.Child{Unborn: true}}))
	// c3: registered in 2024, transferred to angus in Feb 2026, with a review CPPM at which nothing changed (reviews do not restart episodes).
	registerIn(t, r, fife, "c3", d(2024, 1, 8))
	require.NoError(t, r.Transfer(ctx, angus, register.TransferInput{Child: "c3", From: "fife", To: "angus", Date: d(2026, 2, 9), Meeting: transferCPPM(d(2026, 2, 9), true)}))
	// c4: registered 2025-06, died 2026-01; temporary registration elsewhere.
	registerIn(t, r, fife, "c4", d(2025, 6, 2))
	require.NoError(t, r.RegisterTemporary(ctx, angus, register.TemporaryInput{Child: "c4", Authority: "angus", From: "fife", Date: d(2025, 9, 1)}))
	require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c4", Authority: "fife", Date: d(2026, 1, 12), Reason: register.Died}))

	q := register.Query{From: d(2026, 1, 1), To: d(2026, 3, 31), ReRegistrationMonths: 12}
	st, err := r.Statistics(ctx, counter(q.Authority), q)
	require.NoError(t, err)
	assert.Equal(t, 2, st.OnRegisterAtStart, "c3, c4 on 1 Jan")
	assert.Equal(t, 3, st.OnRegisterAtEnd, "c1, c2, c3 on 31 Mar")
	assert.Equal(t, 3, st.Registrations)
	assert.Equal(t, map[register.RegistrationKind]int{register.ByInitialCPPM: 1, register.ByPreBirthCPPM: 1, register.ByTransferCPPM: 1}, st.RegistrationsByKind)
	assert.Equal(t, 1, st.PreBirth)
	assert.Equal(t, 1, st.ReRegistrations)
	assert.Equal(t, 2, st.RegistrationsByConcern["neglect"])
	assert.Equal(t, 1, st.RegistrationsByConcern["domestic-abuse"])
	assert.Equal(t, 2, st.Deregistrations)
	assert.Equal(t, map[register.Reason]int{register.Transferred: 1, register.Died: 1}, st.DeregistrationsByReason)
	assert.Equal(t, map[string]int{"6-12m": 1, ">=24m": 1}, st.LengthBands)
	assert.Equal(t, 0, st.Temporary)

	// A narrower window: the c1 gap (Apr 2025 to Mar 2026) is over 6 months.
	q.ReRegistrationMonths = 6
	st, err = r.Statistics(ctx, counter(q.Authority), q)
	require.NoError(t, err)
	assert.Equal(t, 0, st.ReRegistrations)

	// One authority: fife's transfer out counts, angus's transfer in does not.
	q.Authority = "fife"
	st, err = r.Statistics(ctx, counter(q.Authority), q)
	require.NoError(t, err)
	assert.Equal(t, 2, st.Registrations)
	assert.Equal(t, 2, st.Deregistrations)

	// Episode length runs from the transfer registration, not the first one.
	q = register.Query{From: d(2026, 1, 1), To: d(2028, 12, 31), Authority: "angus", ReRegistrationMonths: 12}
	require.NoError(t, r.Deregister(ctx, angus, register.DeregistrationInput{Child: "c3", Authority: "angus", Date: d(2026, 4, 6), Reason: register.RiskReduced, Meeting: reviewCPPM(d(2026, 4, 6))}))
	st, err = r.Statistics(ctx, counter(q.Authority), q)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"<3m": 1}, st.LengthBands)

	_, err = r.Statistics(ctx, counter(""), register.Query{From: d(2026, 1, 1), To: d(2026, 3, 31)})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact}, err))
}
