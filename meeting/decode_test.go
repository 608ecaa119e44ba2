package meeting_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/meeting"
)

// compliant returns the 2023 fixture that meets every rule, decoded afresh.
func compliant(t testing.TB) meeting.Meeting {
	t.Helper()
	b, err := os.ReadFile("testdata/2023/initial-compliant.json")
	require.NoError(t, err)
	m, err := meeting.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	return m
}

// edit decodes the compliant fixture, applies f to its generic JSON form
// and re-encodes it: a way to write a bad input a case system could send.
func edit(t *testing.T, f func(map[string]any)) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/2023/initial-compliant.json")
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(b, &v))
	f(v)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return out
}

func TestDecode_BadInputIsATypedErrorNamingTheField(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		field string
	}{
		{"unknown kind", edit(t, func(v map[string]any) { v["kind"] = "strategy" }), "kind"},
		{"no kind", edit(t, func(v map[string]any) { delete(v, "kind") }), "kind"},
		{"unknown agency in attendance", edit(t, func(v map[string]any) {
			v["attendance"].([]any)[2].(map[string]any)["agency"] = "housing"
		}), "attendance[2].agency"},
		{"reporter is not an agency", edit(t, func(v map[string]any) {
			v["attendance"].([]any)[0].(map[string]any)["agency"] = "reporter"
		}), "attendance[0].agency"},
		{"unknown agency in invitation", edit(t, func(v map[string]any) {
			v["invitations"].([]any)[1].(map[string]any)["invitee"].(map[string]any)["agency"] = "fire"
		}), "invitations[1].invitee.agency"},
		{"held before convened", edit(t, func(v map[string]any) { v["held"] = "2026-03-09" }), "held"},
		{"record circulated before held", edit(t, func(v map[string]any) {
			v["record"].(map[string]any)["circulated"] = "2026-03-23"
		}), "record.circulated"},
		{"plan circulated before held", edit(t, func(v map[string]any) {
			v["record"].(map[string]any)["plan_circulated"] = "2026-03-01"
		}), "record.plan_circulated"},
		{"invitation after the meeting", edit(t, func(v map[string]any) {
			v["invitations"].([]any)[3].(map[string]any)["sent"] = "2026-03-25"
		}), "invitations[3].sent"},
		{"impossible date", edit(t, func(v map[string]any) { v["held"] = "2026-02-30" }), "held"},
		{"impossible nested date", edit(t, func(v map[string]any) {
			v["reports"].([]any)[1].(map[string]any)["received"] = "2026-13-01"
		}), "reports[1].received"},
		{"unknown field", edit(t, func(v map[string]any) { v["venue"] = "x" }), "venue"},
		{"unknown mode", edit(t, func(v map[string]any) {
			v["family"].([]any)[0].(map[string]any)["mode"] = "phoned"
		}), "family[0].mode"},
		{"unknown quorum decision", edit(t, func(v map[string]any) {
			v["quorum"].(map[string]any)["decision"] = "maybe"
		}), "quorum.decision"},
		{"unknown record item", edit(t, func(v map[string]any) {
			v["record"].(map[string]any)["contents"] = []any{"invitees", "gossip"}
		}), "record.contents[1]"},
		{"wrong JSON type", edit(t, func(v map[string]any) { v["attendance"] = "all" }), "attendance"},
		{"trailing data", append(edit(t, func(map[string]any) {}), []byte(` {}`)...), "input"},
		{"malformed", []byte(`{"kind":`), "input"},
		{"empty", nil, "input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := meeting.Decode(bytes.NewReader(tt.input))
			require.Error(t, err)
			require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "got %v", err)
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			require.NotEmpty(t, ge.Hint, "every error says what to fix")
		})
	}
}

// personal is every piece of personal data in the fixtures.
var personal = []string{"Alex", "Chairperson", "Sam Minutes", "Jo Social", "Pat Nurse", "Lee Constable",
	"Kim Teacher", "Morgan", "Chris Parent", "chose not to attend", "all core agencies present"}

func requireNoPersonalData(t *testing.T, s string) {
	t.Helper()
	for _, p := range personal {
		require.NotContains(t, strings.ToLower(s), strings.ToLower(p))
	}
}

// TestDecode_ErrorsNeverQuoteNames: a name typed into an enumerated field
// never reaches the error string.
func TestDecode_ErrorsNeverQuoteNames(t *testing.T) {
	for _, in := range [][]byte{
		edit(t, func(v map[string]any) { v["attendance"].([]any)[0].(map[string]any)["agency"] = "Jo Social" }),
		edit(t, func(v map[string]any) { v["kind"] = "Morgan Parent" }),
		edit(t, func(v map[string]any) { v["family"].([]any)[0].(map[string]any)["mode"] = "Morgan Parent" }),
		edit(t, func(v map[string]any) { v["held"] = "Alex Chairperson" }),
		edit(t, func(v map[string]any) { v["Alex Chairperson"] = 1 }),
		edit(t, func(v map[string]any) { v["chair"] = []any{"Alex Chairperson"} }),
	} {
		_, err := meeting.Decode(bytes.NewReader(in))
		require.Error(t, err)
		requireNoPersonalData(t, err.Error())
	}
}

// TestLogValue_RedactsNames logs a whole meeting and each part that holds a
// name through slog's JSON handler and checks no name or free text appears.
func TestLogValue_RedactsNames(t *testing.T) {
	m := compliant(t)
	m.PreBirth = &meeting.PreBirthFacts{BirthNotifier: "Pat Nurse", AtBirth: "Morgan to be told"}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("meeting", "meeting", m)
	log.Info("parts", "chair", m.Chair, "invitation", m.Invitations[0], "attendee", m.Attendance[1],
		"family", m.Family[0], "child", m.Child, "quorum", m.Quorum, "pre_birth", *m.PreBirth)
	out := buf.String()
	require.Contains(t, out, `meeting.Meeting{redacted}`)
	requireNoPersonalData(t, out)
}

// TestCheck_FindingsHoldNoPersonalData checks every fixture's report, text
// and JSON, for names and free text.
func TestCheck_FindingsHoldNoPersonalData(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		rep, err := meeting.Check(fx.meeting, fx.opts)
		require.NoError(t, err)
		js, err := json.Marshal(rep)
		require.NoError(t, err)
		requireNoPersonalData(t, string(js)+meeting.Text(rep))
		if e := rep.Err(); e != nil {
			requireNoPersonalData(t, e.Error())
		}
	}
}

func TestDecode_RoundTrip(t *testing.T) {
	m := compliant(t)
	b, err := strictjson.Encode(m)
	require.NoError(t, err)
	m2, err := meeting.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	require.Equal(t, m, m2)
}

// Validate names each impossible date by its JSON path, the first one when
// there are several, for a meeting built in Go (Decode refuses them first).
func TestValidate_ImpossibleDateNamesItsField(t *testing.T) {
	bad := guidance.Date{Year: 2026, Month: time.February, Day: 30}
	tests := []struct {
		field string
		set   func(m *meeting.Meeting)
	}{
		{"convened", func(m *meeting.Meeting) { m.Convened = bad }},
		{"held", func(m *meeting.Meeting) { m.Held = bad }},
		{"case.concern", func(m *meeting.Meeting) { m.Case.Concern = bad }},
		{"case.ird", func(m *meeting.Meeting) { m.Case.IRD = bad }},
		{"case.investigation", func(m *meeting.Meeting) { m.Case.Investigation = bad }},
		{"case.move_notified", func(m *meeting.Meeting) { m.Case.MoveNotified = bad }},
		{"case.prior_referral", func(m *meeting.Meeting) { m.Case.PriorReferral = bad }},
		{"quorum.new_date", func(m *meeting.Meeting) { m.Quorum.NewDate = bad }},
		{"decisions.referral.decided", func(m *meeting.Meeting) { m.Decisions.Referral.Decided = bad }},
		{"decisions.referral.sent", func(m *meeting.Meeting) { m.Decisions.Referral.Sent = bad }},
		{"record.circulated", func(m *meeting.Meeting) { m.Record.Circulated = bad }},
		{"record.plan_circulated", func(m *meeting.Meeting) { m.Record.PlanCirculated = bad }},
		{"child.outcome_by", func(m *meeting.Meeting) { m.Child.OutcomeBy = bad }},
		{"pre_birth.expected_delivery", func(m *meeting.Meeting) {
			m.Kind = meeting.PreBirth
			m.PreBirth = &meeting.PreBirthFacts{ExpectedDelivery: bad}
		}},
		{"convened", func(m *meeting.Meeting) { m.Convened, m.Child.OutcomeBy = bad, bad }}, // the first
		{"case.ird", func(m *meeting.Meeting) { m.Case.IRD, m.Record.Circulated = bad, bad }},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			m := compliant(t)
			tt.set(&m)
			err := m.Validate()
			require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "got %v", err)
		})
	}
}
