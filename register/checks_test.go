package register_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

// check runs register.Check under the 2023 edition on the case and returns
// the findings of rule.
func check(t *testing.T, c register.Case, opts register.Options, rule string) []guidance.Finding {
	t.Helper()
	if opts.Edition == guidance.EditionUnset {
		opts.Edition = guidance.Edition2023
	}
	rep, err := register.Check(&c, opts)
	require.NoError(t, err)
	var out []guidance.Finding
	for _, f := range rep.Findings() {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func yes() *bool { b := true; return &b }

// The register rules are the catalogue's register area, each bound to one
// check value.
func TestChecks_OneValuePerRegisterRule(t *testing.T) {
	var want []string
	for _, r := range guidance.Rules() {
		if r.Area == guidance.AreaRegister {
			want = append(want, r.ID)
		}
	}
	got := engine.Rules(register.Checks)
	assert.Equal(t, want, got)
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(got))), len(got), "one value per rule")
}

// G21 1.88 and 1.91: parents or carers are told of a registration,
// verbally and in writing; the child and family are told of a
// de-registration by a review CPPM.
func TestCheck_ParentsInformedAndFamilyToldOfDeregistration(t *testing.T) {
	r, m := newReg(t, nil)
	told := func(rule string) []guidance.Finding {
		evs, _, err := m.Load(ctx, "c1")
		require.NoError(t, err)
		return check(t, register.Case{Events: evs}, register.Options{}, rule)
	}
	registerIn(t, r, fife, "c1", d(2026, 3, 2))
	f := told("register.parents-informed")
	require.Len(t, f, 1)
	assert.Equal(t, guidance.Missing, f[0].Status)
	assert.Equal(t, "registration in fife from 2026-03-02", f[0].Subject)
	assert.Empty(t, told("register.deregistration-told"), "not de-registered")
	require.NoError(t, r.RecordParentsInformed(ctx, fife, "c1", "fife", d(2026, 3, 2), register.Informed{Verbally: true}))
	assert.Equal(t, guidance.Missing, told("register.parents-informed")[0].Status, "verbal only is not enough")
	require.NoError(t, r.RecordParentsInformed(ctx, fife, "c1", "fife", d(2026, 3, 4), register.Informed{InWriting: true}))
	assert.Equal(t, guidance.Met, told("register.parents-informed")[0].Status)

	require.NoError(t, r.Deregister(ctx, fife, register.DeregistrationInput{Child: "c1", Authority: "fife", Date: d(2026, 6, 1), Reason: register.RiskReduced, Meeting: reviewCPPM(d(2026, 6, 1))}))
	f = told("register.deregistration-told")
	require.Len(t, f, 1)
	assert.Equal(t, guidance.Missing, f[0].Status)
	assert.Equal(t, d(2026, 6, 1), f[0].Done, "dated with the de-registration")
	require.NoError(t, r.RecordFamilyToldEnded(ctx, fife, "c1", "fife", d(2026, 6, 2)))
	assert.Equal(t, guidance.Met, told("register.deregistration-told")[0].Status)
}

// G21 1.88: a CPPM that decided to register, in a case that gives no
// register events, is Unknown (not Met); with events that show no
// registration, Missing; with the registration, Met.
func TestRegistration_CPPMDecisionToRegisterNeedsTheRegister(t *testing.T) {
	cppm := meeting.Meeting{Ref: "m-c1", Kind: meeting.Initial, Held: d(2026, 3, 2), Decisions: meeting.Decisions{PlanRequired: yes()}}
	enquiry := storetest.Enquiry("c1", 1)
	for _, tc := range []struct {
		name   string
		events []register.Event
		want   guidance.Status
		subj   string
	}{
		{"no register events", nil, guidance.Unknown, "initial CPPM m-c1"},
		{"events without the registration", []register.Event{enquiry}, guidance.Missing, "initial CPPM m-c1"},
		{"registered", []register.Event{storetest.Registration("c1", "fife", 1)}, guidance.Met, "registration in fife from 2026-03-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := check(t, register.Case{Events: tc.events, CPPMs: []meeting.Meeting{cppm}}, register.Options{}, "register.registration")
			require.Len(t, f, 1)
			assert.Equal(t, tc.want, f[0].Status, f[0].Message)
			assert.Equal(t, tc.subj, f[0].Subject)
		})
	}
}

// G21 1.94: enquiries follow local criteria. An enquiry by a practitioner
// the default policy does not allow is Missing; under a local policy that
// allows it, Met; with no record of who asked, Unknown; without a purpose,
// Missing.
func TestAccess_EnquiriesAgainstTheAccessPolicy(t *testing.T) {
	local := register.DefaultPolicy()
	local.Name = "Testshire CPC"
	local.Grants = append(local.Grants, register.Grant{Role: register.Practitioner, Agencies: []meeting.Agency{meeting.Education}, Actions: []register.Action{register.ActionEnquire}})
	enquiry := func(by register.Actor, purpose string) []register.Event {
		e := storetest.Enquiry("c1", 2)
		e.Actor, e.Enquiry.Purpose = by, purpose
		return []register.Event{storetest.Registration("c1", "fife", 1), e}
	}
	for _, tc := range []struct {
		name   string
		events []register.Event
		policy *register.Policy
		want   guidance.Status
	}{
		{"allowed by the default policy", enquiry(police, "welfare check"), nil, guidance.Met},
		{"not allowed by the default policy", enquiry(teach, "pupil absent"), nil, guidance.Missing},
		{"allowed by the local policy", enquiry(teach, "pupil absent"), &local, guidance.Met},
		{"who asked not recorded", enquiry(register.Actor{}, "pupil absent"), &local, guidance.Unknown},
		{"no purpose", enquiry(teach, " "), &local, guidance.Missing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := check(t, register.Case{Events: tc.events}, register.Options{Policy: tc.policy}, "register.access")
			require.Len(t, f, 1)
			assert.Equal(t, tc.want, f[0].Status, f[0].Message)
			assert.Equal(t, "register enquiries", f[0].Subject)
		})
	}
	assert.Empty(t, check(t, register.Case{Events: enquiry(police, "x")[:1]}, register.Options{}, "register.access"), "no enquiry, nothing to check")
}

// The 2014 edition, as modelled, states no register rule (RULES.md
// section 6 cites G21 and later): a case with register events, or with a
// CPPM decision the register should show, gets one NotApplicable finding
// per register rule saying so; a case with neither gets none.
func TestCheck_Edition2014StatesNoRegisterRule(t *testing.T) {
	opts := register.Options{Options: engine.Options{Edition: guidance.Edition2014}}
	cppm := meeting.Meeting{Ref: "m-1", Kind: meeting.Initial, Held: d(2026, 3, 2), Decisions: meeting.Decisions{PlanRequired: yes()}}
	for _, c := range []register.Case{
		{Events: []register.Event{storetest.Registration("c1", "fife", 1)}},
		{CPPMs: []meeting.Meeting{cppm}},
	} {
		rep, err := register.Check(&c, opts)
		require.NoError(t, err)
		var rules []string
		for _, f := range rep.Findings() {
			assert.Equal(t, guidance.NotApplicable, f.Status, f.Rule)
			assert.Equal(t, "register", f.Subject)
			assert.Contains(t, f.Message, "2014 edition")
			rules = append(rules, f.Rule)
		}
		assert.ElementsMatch(t, engine.Rules(register.Checks), rules)
	}
	cppm.Decisions = meeting.Decisions{}
	rep, err := register.Check(&register.Case{CPPMs: []meeting.Meeting{cppm}}, opts)
	require.NoError(t, err)
	assert.Empty(t, rep.Findings(), "nothing for the register to show, nothing to say")
}

// Check refuses events that are not valid or do not make one child's
// history, naming the event, and reports nothing.
func TestCheck_RefusesEventsThatDoNotMakeAHistory(t *testing.T) {
	bad := storetest.Registration("c1", "fife", 1)
	bad.Authority = ""
	gap := storetest.Enquiry("c1", 3)
	for _, tc := range []struct {
		name   string
		events []register.Event
		field  string
	}{
		{"invalid event", []register.Event{storetest.Registration("c1", "fife", 1), bad}, "events[1].authority"},
		{"gap in the versions: the first event the history cannot take", []register.Event{storetest.Registration("c1", "fife", 1), gap}, "events[1].version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := register.Check(&register.Case{Events: tc.events}, register.Options{})
			assert.Nil(t, rep)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tc.field}, err), "%v", err)
			assert.False(t, strings.Contains(err.Error(), "Test Child"), "no personal data")
		})
	}
	_, err := register.Check(nil, register.Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "case"}, err), "%v", err)
}

// With no edition chosen, the register is checked under the edition in
// force on its earliest event or CPPM.
func TestCheck_EditionInForceOnTheEarliestDate(t *testing.T) {
	ev := storetest.Registration("c1", "fife", 1)
	ev.Date, ev.Meeting.Held = d(2022, 5, 2), d(2022, 5, 2)
	rep, err := register.Check(&register.Case{Events: []register.Event{ev}}, register.Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Edition2021, rep.Edition)
	_, err = register.Check(&register.Case{}, register.Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact}, err), "%v", err)
}
