package register_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// TestRegisterErrors_QuoteNoInput: the register API's errors name the field
// and the expected form, never the value: a child's date of birth typed as
// a de-registration date, or a name typed as a meeting kind, came back in
// the error ("date \"2019-03-17\": before the event it follows (2026-03-24)").
func TestRegisterErrors_QuoteNoInput(t *testing.T) {
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC) }
	reg, err := register.New(register.Config{Store: register.NewMemory(), Clock: clock})
	require.NoError(t, err)
	keeper := register.Actor{ID: "k1", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "fife"}
	held := timescale.Date{Year: 2026, Month: time.March, Day: 24}
	require.NoError(t, reg.Register(ctx, keeper, register.RegistrationInput{
		Child: "c-1", Authority: "fife", Date: held, Concerns: []string{"neglect"},
		Meeting: register.MeetingRef{ID: "m-1", Kind: meeting.Initial, Held: held, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
	}))
	dob := timescale.Date{Year: 2019, Month: time.March, Day: 17}
	tests := []struct {
		name    string
		call    func() error
		secrets []string
	}{
		{"a date of birth as the de-registration date", func() error {
			return reg.Deregister(ctx, keeper, register.DeregistrationInput{Child: "c-1", Authority: "fife", Date: dob, Reason: register.RiskReduced,
				Meeting: &register.MeetingRef{ID: "m-2", Kind: meeting.Review, Held: dob, Quorate: true, ChildFamilyRepresented: true}})
		}, []string{"2019-03-17", "2026-03-24"}},
		{"a name as the meeting kind", func() error {
			return reg.Register(ctx, keeper, register.RegistrationInput{Child: "c-2", Authority: "fife", Date: held, Concerns: []string{"neglect"},
				Meeting: register.MeetingRef{ID: "m-3", Kind: meeting.Kind("Jane Doe"), Held: held, Quorate: true, PlanRequired: true}})
		}, []string{"Jane Doe"}},
		{"a name as the authority", func() error {
			return reg.Deregister(ctx, keeper, register.DeregistrationInput{Child: "c-1", Authority: "Jane Doe", Date: held, Reason: register.RiskReduced,
				Meeting: &register.MeetingRef{ID: "m-2", Kind: meeting.Review, Held: held, Quorate: true, ChildFamilyRepresented: true}})
		}, []string{"Jane Doe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			for _, s := range tt.secrets {
				assert.NotContains(t, err.Error(), s)
			}
		})
	}
}

// TestMarshalEvent_KeepsWhatJSONMarshalRedacts: the store's encoding is the
// explicit export path: it keeps the meeting, the child and the dates that
// json.Marshal of an Event redacts, and DecodeEvent reads them back.
func TestMarshalEvent_KeepsWhatJSONMarshalRedacts(t *testing.T) {
	held := timescale.Date{Year: 2026, Month: time.March, Day: 24}
	e := register.Event{ChildID: "c-1", Version: 1, Type: register.Registered, Recorded: time.Date(2026, 3, 24, 10, 0, 0, 0, time.UTC),
		Actor: register.Actor{ID: "k1", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "fife"}, Authority: "fife", Date: held,
		Meeting:      &register.MeetingRef{ID: "m-1", Kind: meeting.Initial, Held: held, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
		Registration: &register.Registration{Kind: register.ByInitialCPPM, Concerns: []string{"neglect"}, ConcernsVersion: "2023"}}
	plain, err := json.Marshal(e)
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "2026-03-24")
	raw, err := register.MarshalEvent(e)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"held":"2026-03-24"`)
	back, err := register.DecodeEvent(raw)
	require.NoError(t, err)
	assert.Equal(t, e, back)
}
