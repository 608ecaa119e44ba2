package cpguide_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
)

// Personal data a register event may carry, which no error may quote.
const (
	secretName    = "Quillon Brackenfeather-Testcase"
	secretAddress = "7 Lanthorn Wynd, Testburgh"
	secretDOB     = "2017-11-23"
)

const regEvent = `{"child_id":"CHILD-TEST-0900","version":1,"type":"registered","recorded":"2026-03-02T15:00:00Z",` +
	`"actor":{"id":"RK-TEST-01","role":"register-keeper","agency":"social-work","authority":"Testshire Council"},` +
	`"authority":"Testshire Council","date":"2026-03-02",` +
	`"meeting":{"id":"M-1","kind":"initial","held":"2026-03-02","quorate":true,"child_family_represented":true,"plan_required":true},` +
	`"registration":{"kind":"initial","concerns":["neglect"],"concerns_version":"csws-2016-17",` +
	`"child":{"name":"` + secretName + `","address":"` + secretAddress + `","date_of_birth":"` + secretDOB + `"}}}`

// withRegister returns a case whose register holds the events, after the
// valid registration regEvent when first is true.
func withRegister(first bool, events ...string) string {
	if first {
		events = append([]string{regEvent}, events...)
	}
	return `{"id":"CASE-R","register":[` + strings.Join(events, ",") + `]}`
}

// G21 1.87-1.94 through the case file: a bad register event is an Invalid
// *guidance.Error naming its JSON path, and never quotes the event.
func TestDecodeCase_RegisterEventErrorsNameTheJSONPath(t *testing.T) {
	ev := func(s string) string { return `{"child_id":"CHILD-TEST-0900",` + s + `}` }
	for _, tc := range []struct {
		name, in, field string
	}{
		{"register not an array", `{"register":{}}`, "register"},
		{"event not an object", withRegister(false, `7`), "register[0]"},
		{"unknown field", withRegister(false, ev(`"version":1,"type":"enquired","enquiry":{"purpose":"x"},"colour":"`+secretName+`"`)), "register[0].colour"},
		{"wrong type", withRegister(false, ev(`"version":"one","type":"enquired"`)), "register[0].version"},
		{"bad date", withRegister(true, ev(`"version":2,"type":"deregistered","authority":"A","date":"2026-02-30","reason":"died"`)), "register[1].date"},
		{"bad recorded instant", withRegister(false, ev(`"version":1,"type":"enquired","recorded":"yesterday","enquiry":{"purpose":"x"}`)), "register[0].recorded"},
		{"unknown reason", withRegister(true, ev(`"version":2,"type":"deregistered","authority":"A","date":"2026-05-01","reason":"`+secretName+`"`)), "register[1].reason"},
		{"ending without date", withRegister(true, ev(`"version":2,"type":"deregistered","authority":"A","reason":"died"`)), "register[1].date"},
		{"ending without authority", withRegister(true, ev(`"version":2,"type":"deregistered","date":"2026-05-01","reason":"died"`)), "register[1].authority"},
		{"unknown event type", withRegister(false, ev(`"version":1,"type":"`+secretName+`"`)), "register[0].type"},
		{"registration kind", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","registration":{"kind":"weekly"}`)), "register[0].registration.kind"},
		{"meeting kind", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","meeting":{"id":"M","kind":"`+secretName+`","held":"2026-03-02"},"registration":{"kind":"initial"}`)), "register[0].meeting.kind"},
		{"nested unknown field", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","meeting":{"id":"M","kind":"initial","held":"2026-03-02","venue":"x"},"registration":{"kind":"initial"}`)), "register[0].meeting.venue"},
		{"date of birth", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","registration":{"kind":"initial","child":{"name":"`+secretName+`","date_of_birth":"2017-13-23"}}`)), "register[0].registration.child.date_of_birth"},
		{"address of the wrong type", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","registration":{"kind":"initial","child":{"name":"`+secretName+`","date_of_birth":"`+secretDOB+`","address":7}}`)), "register[0].registration.child.address"},
		{"unborn with a date of birth", withRegister(false, ev(`"version":1,"type":"registered","authority":"A","date":"2026-03-02","registration":{"kind":"pre-birth","child":{"unborn":true,"date_of_birth":"`+secretDOB+`"}}`)), "register[0].registration.child.date_of_birth"},
		{"CHI number as child ID", withRegister(false, `{"child_id":"2311171234","version":1,"type":"enquired","enquiry":{"purpose":"x"}}`), "register[0].child_id"},
		{"gap in versions", withRegister(true, ev(`"version":3,"type":"enquired","enquiry":{"purpose":"x"}`)), "register[1].version"},
		{"another child", withRegister(true, `{"child_id":"CHILD-TEST-0901","version":2,"type":"enquired","enquiry":{"purpose":"x"}}`), "register[1].child_id"},
		{"ending with no registration", withRegister(false, ev(`"version":1,"type":"deregistered","authority":"A","date":"2026-05-01","reason":"died"`)), "register[0].type"},
		{"second open registration", withRegister(true, strings.Replace(regEvent, `"version":1`, `"version":2`, 1)), "register[1].type"},
		{"family told of no de-registration", withRegister(true, ev(`"version":2,"type":"family-told-ended","authority":"Testshire Council"`)), "register[1].type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cpguide.DecodeCase(strings.NewReader(tc.in))
			require.Error(t, err)
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%T %v", err, err)
			assert.Equal(t, guidance.Invalid, ge.Kind, err.Error())
			assert.Equal(t, tc.field, ge.Field, err.Error())
			assert.Empty(t, ge.Value, "a case file's values are never quoted")
			assert.NotEmpty(t, ge.Hint, "the error says what to fix")
			for _, s := range []string{secretName, secretAddress, secretDOB, "Quillon", "Lanthorn"} {
				assert.NotContains(t, err.Error(), s)
			}
		})
	}
}

// Check refuses a case built in Go whose register events do not make a
// history, naming the event, as DecodeCase does.
func TestCheck_RegisterValidatedLikeDecodeCase(t *testing.T) {
	c, err := cpguide.DecodeCase(strings.NewReader(withRegister(true)))
	require.NoError(t, err)
	require.Len(t, c.Register, 1)
	assert.Equal(t, "CHILD-TEST-0900", c.Register[0].ChildID)

	bad := c
	bad.Register = append(bad.Register[:1:1], register.Event{ChildID: "CHILD-TEST-0900", Version: 2, Type: register.Deregistered, Authority: "Testshire Council", Date: date("2026-05-01")})
	_, err = cpguide.Check(bad, cpguide.Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "register[1].reason"}, err), "%v", err)

	bad.Register[1].Reason = register.Died
	bad.Register[1].Version = 5
	_, err = cpguide.Check(bad, cpguide.Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "register[1].version"}, err), "%v", err)
}

// The register's dates count towards the first event, which decides the
// edition; the register rules have no 2014 provision, so a 2014 check
// reports none of them.
func TestCheck_RegisterDatesDecideTheEditionAndTheRulesFollowIt(t *testing.T) {
	c := readCase(t, "transfer.json") // the originating registration is the first event
	assert.Equal(t, date("2025-12-01"), c.FirstEvent())
	c.Register[0].Date = date("2023-05-02")
	c.Register[0].Meeting.Held = date("2023-05-02")
	e, err := c.Edition(cpguide.Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Edition2021, e)

	for _, ed := range []guidance.Edition{guidance.Edition2014, guidance.Edition2021, guidance.Edition2023} {
		res, err := cpguide.Check(readCase(t, "transfer.json"), cpguide.Options{Today: date("2026-06-15"), Edition: ed})
		require.NoError(t, err)
		n, checked := 0, 0
		for _, f := range res.Report.Findings() {
			if strings.HasPrefix(f.Rule, "register.") {
				n++
				assert.Equal(t, ed, f.Edition)
				if f.Status != guidance.NotApplicable {
					checked++
				}
			}
		}
		if ed == guidance.Edition2014 {
			assert.Zero(t, checked, "no register rule in 2014: each is reported not applicable")
		} else {
			assert.Equal(t, 13, n, "every register finding of the transfer sample in %s", ed)
		}
	}
}

// Options.RegisterPolicy reaches the register rules (G21 1.94, rule
// register.access; package register tests the rule): an enquiry by a
// practitioner the default policy does not allow is Missing, and Met under
// a local policy that allows it.
func TestCheck_RegisterPolicyReachesTheRegisterRules(t *testing.T) {
	teacher := register.Actor{ID: "ED-TEST-03", Role: register.Practitioner, Agency: "education", Authority: "Testshire Council"}
	c, err := cpguide.DecodeCase(strings.NewReader(withRegister(true)))
	require.NoError(t, err)
	c.Register = append(c.Register, register.Event{ChildID: "CHILD-TEST-0900", Version: 2, Type: register.Enquired,
		Actor: teacher, Authority: "Testshire Council", Enquiry: &register.Enquiry{Purpose: "pupil absent"}})
	access := func(opts cpguide.Options) guidance.Status {
		res, err := cpguide.Check(c, opts)
		require.NoError(t, err)
		for _, f := range res.Report.Findings() {
			if f.Rule == "register.access" {
				return f.Status
			}
		}
		t.Fatal("no register.access finding")
		return 0
	}
	assert.Equal(t, guidance.Missing, access(cpguide.Options{}))
	local := register.DefaultPolicy()
	local.Name = "Testshire CPC"
	local.Grants = append(local.Grants, register.Grant{Role: register.Practitioner, Agencies: []meeting.Agency{"education"}, Actions: []register.Action{register.ActionEnquire}})
	assert.Equal(t, guidance.Met, access(cpguide.Options{RegisterPolicy: &local}))
}

// A Case logs counts, never the register's personal data.
func TestCase_LogValueCountsRegisterEventsWithoutPersonalData(t *testing.T) {
	c, err := cpguide.DecodeCase(strings.NewReader(withRegister(true)))
	require.NoError(t, err)
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("case", "case", c)
	assert.Contains(t, buf.String(), `"register_events":1`)
	for _, s := range []string{secretName, secretAddress, secretDOB} {
		assert.NotContains(t, buf.String(), s)
	}
}

// FuzzDecodeCase: DecodeCase never panics; what it refuses is a
// *guidance.Error naming a field; what it accepts validates and can be
// checked without panicking.
func FuzzDecodeCase(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("examples", "cases", "*.json"))
	require.NoError(f, err)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(withRegister(true)))
	f.Add([]byte(withRegister(true, `{"child_id":"CHILD-TEST-0900","version":2,"type":"deregistered","authority":"Testshire Council","date":"2026-05-01","reason":"risk-reduced","meeting":{"id":"M-2","kind":"review","held":"2026-05-01","quorate":false}}`)))
	f.Add([]byte(`{"register":[{"child_id":"c","version":1,"type":"enquired","enquiry":{}}]}`))
	f.Add([]byte(`{}`))
	for _, seed := range hostileSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzbudget.StartChecked(t, len(data))()
		c, err := cpguide.DecodeCase(bytes.NewReader(data))
		if err != nil {
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%T %v", err, err)
			require.NotEmpty(t, ge.Field)
			return
		}
		require.NoError(t, c.Validate())
		res, err := cpguide.Check(c, cpguide.Options{Today: date("2026-06-15")})
		if err != nil {
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%T %v", err, err)
			return
		}
		// Every finding reads back whole, its text built where it is read;
		// breaches come first, and Err says whether there is one.
		fs := res.Report.Findings()
		breaches := 0
		for i, f := range fs {
			require.NotEmpty(t, f.Rule)
			require.NotEmpty(t, f.Message, f.Rule)
			if f.Breach() {
				require.Equal(t, breaches, i, "breach %s after a finding that is not one", f.Rule)
				breaches++
			}
		}
		var be *guidance.BreachError
		if breaches == 0 {
			require.NoError(t, res.Err())
		} else {
			require.ErrorAs(t, res.Err(), &be)
			require.Equal(t, fs[:breaches], be.Breaches, "Err lists the breaches, in the report's order")
		}
		// The report survives JSON whole, as a case system stores it.
		js, err := json.Marshal(res.Report)
		require.NoError(t, err)
		var back guidance.Report
		require.NoError(t, json.Unmarshal(js, &back))
		require.Equal(t, fs, back.Findings())
	})
}

// BenchmarkCheck_Register measures what the register adds to a typical
// check: the initial-registration sample with and without its register
// events.
func BenchmarkCheck_Register(b *testing.B) {
	c := readCase(b, "initial-registration.json")
	opts := cpguide.Options{Today: date("2026-05-15")}
	for _, bc := range []struct {
		name string
		evs  []register.Event
	}{{"with", c.Register}, {"without", nil}} {
		c.Register = bc.evs
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cpguide.Check(c, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
