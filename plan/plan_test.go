package plan

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/timescale"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Names used in the fixtures; they must never reach an error, a finding or
// a log.
var fixtureNames = []string{"Morag Quinlan-Testcase", "Eilidh Farquharson-Testcase", "Quinlan", "Farquharson"}

func d(s string) Date {
	v, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func load(t testing.TB, path string) *Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	p, err := Decode(b)
	require.NoError(t, err, path)
	return p
}

func loadInterim(t testing.TB, path string) *InterimSafetyPlan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	p, err := DecodeInterim(b)
	require.NoError(t, err, path)
	return p
}

func find(t *testing.T, r *guidance.Report, id string) guidance.Finding {
	t.Helper()
	var out []guidance.Finding
	for _, f := range r.Findings() {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	require.Len(t, out, 1, "want exactly one finding of %s", id)
	return out[0]
}

func check(t *testing.T, p *Plan, opts Options) *guidance.Report {
	t.Helper()
	r, err := Check(p, opts)
	require.NoError(t, err)
	return r
}

var today = d("2026-04-01")

// TestEveryPlanRule proves each rule of the plan area: it fails if a rule's
// check is removed, because each rule must give the wanted failure status on
// a bad fixture and Met on a good one.
func TestEveryPlanRule(t *testing.T) {
	preBirthGood := func(p *Plan) {
		p.PreBirth = true
		p.BirthNotifier = &Person{Name: "Eilidh Farquharson-Testcase", Agency: "health", Role: "midwife"}
		p.Discharge, p.PreDischargeMeeting = d("2026-03-25"), d("2026-03-24")
	}
	tests := []struct {
		rule     string
		bad      string
		badOpts  Options
		want     guidance.Status
		goodEdit func(*Plan)
	}{
		{rule: "plan.collaboration", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.actions-linked-to-risk", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.outcomes-current", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.action-responsibility", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.lead-professional", bad: "2023/empty.json", want: guidance.Missing},
		{rule: "plan.lead-professional-childs-plan", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.lead-professional-social-worker", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.core-group-named", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.contingencies", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.child-involvement", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.objectives-smarter", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.proportionate-interventions", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.risks-considered", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.pre-birth-birth-notifier", bad: "2023/bad.json", want: guidance.Missing, goodEdit: preBirthGood},
		{rule: "plan.in-place", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.single-plan", bad: "2023/bad.json", want: guidance.Missing},
		{rule: "plan.provisional", bad: "2023/bad.json", badOpts: Options{Options: engine.Options{Today: today}}, want: guidance.Missing},
		{rule: "birth.pre-discharge", bad: "2023/bad.json", badOpts: Options{Options: engine.Options{Today: today}}, want: guidance.Overdue, goodEdit: preBirthGood},
	}
	covered := map[string]bool{"isp.contents": true} // TestInterimSafetyPlanContents
	for _, tt := range tests {
		covered[tt.rule] = true
		t.Run(tt.rule, func(t *testing.T) {
			bad := check(t, load(t, tt.bad), tt.badOpts)
			f := find(t, bad, tt.rule)
			assert.Equal(t, tt.want, f.Status, f.Message)
			assert.NotEmpty(t, f.Citations)
			good := load(t, "2023/good.json")
			if tt.goodEdit != nil {
				tt.goodEdit(good)
			}
			g := find(t, check(t, good, Options{Options: engine.Options{Today: today}}), tt.rule)
			assert.Equal(t, guidance.Met, g.Status, g.Message)
		})
	}
	for _, r := range guidance.Rules() {
		if r.Area == guidance.AreaPlan {
			assert.True(t, covered[r.ID], "rule %s has no test in TestEveryPlanRule", r.ID)
		}
	}
}

func TestGoodPlanHasNoBreaches(t *testing.T) {
	r := check(t, load(t, "2023/good.json"), Options{Options: engine.Options{Today: today}})
	require.NoError(t, r.Err())
	assert.Equal(t, guidance.Edition2023, r.Edition)
	for _, f := range r.Findings() {
		assert.Contains(t, []guidance.Status{guidance.Met, guidance.NotApplicable}, f.Status, f.String())
	}
}

func TestCheckReportsEveryFinding_NeverStopsAtFirst(t *testing.T) {
	r := check(t, load(t, "2023/bad.json"), Options{Options: engine.Options{Today: today}})
	assert.Len(t, r.Breaches(), 17)
	var be *guidance.BreachError
	require.ErrorAs(t, r.Err(), &be)
}

func TestPlanInPlace_EndedOnlyByACPPMDecision(t *testing.T) {
	p := load(t, "2023/good.json")
	p.Ended, p.EndedByCPPM = d("2026-09-01"), d("2026-09-01")
	assert.Equal(t, guidance.Met, find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.in-place").Status)
	p.EndedByCPPM = d("2026-09-02")
	assert.Equal(t, guidance.Missing, find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.in-place").Status)
}

func TestPreDischargeMeeting_BeforeTheBabyLeavesHospital(t *testing.T) {
	p := load(t, "2023/good.json")
	p.PreBirth = true
	f := find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "birth.pre-discharge")
	assert.Equal(t, guidance.Unknown, f.Status, "no discharge date: unknown, never met")
	p.Discharge, p.PreDischargeMeeting = d("2026-03-25"), d("2026-03-26")
	f = find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "birth.pre-discharge")
	assert.Equal(t, guidance.Late, f.Status)
	assert.Equal(t, guidance.Must, f.Strength)
}

func TestPlanCurrent_ActionPastItsTimescaleIsOverdue(t *testing.T) {
	p := load(t, "2023/good.json")
	p.Actions[0].By = d("2026-03-20")
	f := find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.outcomes-current")
	assert.Equal(t, guidance.Overdue, f.Status)
	assert.Contains(t, f.Message, "actions[0]")
}

func TestPlanCurrent_UnknownWithoutToday(t *testing.T) {
	f := find(t, check(t, load(t, "2023/good.json"), Options{}), "plan.outcomes-current")
	assert.Equal(t, guidance.Unknown, f.Status, "the plan's currency needs the date of the check; never the machine clock")
}

func TestLeadProfessionalSocialWorker_UnrecordedIsUnknownNotMet(t *testing.T) {
	p := load(t, "2023/good.json")
	p.LeadProfessional.QualifiedSocialWorker = nil
	f := find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.lead-professional-social-worker")
	assert.Equal(t, guidance.Unknown, f.Status)
	assert.Equal(t, guidance.Must, f.Strength)
}

func TestActionsLinkedToRisk_UnknownRiskIDIsMissing(t *testing.T) {
	p := load(t, "2023/good.json")
	p.Actions[1].Risk = "r99"
	f := find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.actions-linked-to-risk")
	assert.Equal(t, guidance.Missing, f.Status)
	assert.Contains(t, f.Message, "actions[1].risk")
}

func TestObjectivesSMARTER_MessageSaysWhatAPersonMustJudge(t *testing.T) {
	f := find(t, check(t, load(t, "2023/good.json"), Options{Options: engine.Options{Today: today}}), "plan.objectives-smarter")
	assert.Equal(t, guidance.Met, f.Status)
	assert.Contains(t, f.Message, "attainable")
	assert.Contains(t, f.Message, "judge")
	bad := find(t, check(t, load(t, "2023/bad.json"), Options{Options: engine.Options{Today: today}}), "plan.objectives-smarter")
	for _, attr := range []string{"objectives[0].measure", "objectives[0].by", "objectives[0].evaluate", "objectives[0].re_evaluate"} {
		assert.Contains(t, bad.Message, attr)
	}
	assert.Equal(t, guidance.Should, bad.Strength)
}

func TestChildInvolvement_ReasonWhyNotPossibleIsMet(t *testing.T) {
	p := load(t, "2023/good.json")
	p.Child = ChildInvolvement{NotPossible: "unborn child"}
	assert.Equal(t, guidance.Met, find(t, check(t, p, Options{Options: engine.Options{Today: today}}), "plan.child-involvement").Status)
}

// A 2021 plan is checked against the 2021 provisions (G21 1.84-1.85,
// 3.134-3.136, 3.139-3.142, 3.166), citing only 2021 text, never 2023's.
// Every rule of the plan is stated in 2021: the proportionate interventions,
// the risks considered and the plan in place while the risk lasts are in
// G21 3.134-3.136 and 1.85 (they were 2023-only while they rested on the
// councils' copies of the 2023 text).
func TestEdition2021_NeverBlendsEditions(t *testing.T) {
	p := load(t, "2021/good.json")
	r := check(t, p, Options{Options: engine.Options{Today: d("2022-04-01")}})
	assert.Equal(t, guidance.Edition2021, r.Edition)
	ids := map[string]bool{}
	for _, f := range r.Findings() {
		ids[f.Rule] = true
		assert.Equal(t, guidance.Edition2021, f.Edition)
		require.NotEmpty(t, f.Citations, f.Rule)
		for _, c := range f.Citations {
			assert.Equal(t, guidance.Edition2021, c.Edition, "%s cites %s", f.Rule, c)
			assert.Equal(t, guidance.G21, c.Source, "%s cites %s", f.Rule, c)
		}
	}
	want := map[string]bool{}
	for _, id := range []string{"plan.collaboration", "plan.actions-linked-to-risk", "plan.outcomes-current",
		"plan.action-responsibility", "plan.lead-professional", "plan.lead-professional-social-worker",
		"plan.core-group-named", "plan.contingencies", "plan.child-involvement", "plan.objectives-smarter",
		"plan.single-plan", "plan.provisional", "plan.pre-birth-birth-notifier",
		"plan.proportionate-interventions", "plan.risks-considered", "plan.in-place", "plan.lead-professional-childs-plan"} {
		want[id] = true
	}
	assert.Equal(t, want, ids)
	require.NoError(t, r.Err())
	p.PreBirth = true
	r = check(t, p, Options{Options: engine.Options{Today: d("2022-04-01")}})
	assert.Equal(t, guidance.Unknown, find(t, r, "birth.pre-discharge").Status)
}

// The 2014 edition, as the library's sources state it, has none of the
// plan's rules (the record of the plan is owed by the CPPM: package meeting).
func TestEdition2014_NoPlanRules(t *testing.T) {
	p := load(t, "2023/good.json")
	r := check(t, p, Options{Options: engine.Options{Edition: guidance.Edition2014, Today: today}})
	// One NotApplicable finding per rule of Checks (birth.pre-discharge
	// too: 2014 states no pre-discharge meeting), citing nothing.
	require.Len(t, r.Findings(), len(Checks))
	for _, f := range r.Findings() {
		assert.Equal(t, guidance.NotApplicable, f.Status, f.Rule)
		assert.Empty(t, f.Citations, f.Rule)
		assert.Contains(t, f.Message, "2014 edition, as the library's sources state it, has no such requirement", f.Rule)
	}
	require.NoError(t, r.Err())
}

func TestCheck_EditionFromCPPMDate(t *testing.T) {
	p := load(t, "2023/good.json")
	p.CPPM = d("2023-08-30")
	p.RecordSent = d("2023-09-01")
	assert.Equal(t, guidance.Edition2021, check(t, p, Options{}).Edition)
	p.CPPM = d("2023-08-31")
	assert.Equal(t, guidance.Edition2023, check(t, p, Options{}).Edition)
}

func TestCheck_BadOptionsAreTypedErrors(t *testing.T) {
	p := load(t, "2023/good.json")
	_, err := Check(p, Options{Options: engine.Options{Edition: 99}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition, Field: "edition"}, err), err)
	_, err = Check(p, Options{Options: engine.Options{Policies: map[string]string{"nope": "x"}}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy}, err), err)
	_, err = Check(nil, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "plan"}, err), err)
	noDate := load(t, "2023/good.json")
	noDate.CPPM, noDate.Versions, noDate.RecordSent = Date{}, nil, Date{}
	_, err = Check(noDate, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "cppm"}, err), err)
	_, err = Check(p, Options{Options: engine.Options{Variations: []timescale.Variation{{Rule: "plan.record"}}}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.variations[0]"}, err), err)
	old := load(t, "2023/good.json")
	old.CPPM, old.RecordSent = d("2010-01-01"), Date{}
	_, err = Check(old, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInForce}, err), err)
}

func TestInterimSafetyPlanContents(t *testing.T) {
	good, err := CheckInterim(loadInterim(t, "2023/isp-good.json"), Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Met, find(t, good, "isp.contents").Status)
	require.NoError(t, good.Err())

	bad, err := CheckInterim(loadInterim(t, "2023/isp-bad.json"), Options{})
	require.NoError(t, err)
	f := find(t, bad, "isp.contents")
	assert.Equal(t, guidance.Missing, f.Status)
	for _, want := range []string{"actions[0].responsible", "child_seen_heard", "child_contacts", "needs_harm", "high_risk_contexts"} {
		assert.Contains(t, f.Message, want)
	}
	none := loadInterim(t, "2023/isp-good.json")
	none.HighRiskContexts, none.NoHighRiskContexts = nil, true
	r, err := CheckInterim(none, Options{})
	require.NoError(t, err)
	assert.Equal(t, guidance.Met, find(t, r, "isp.contents").Status)

	noIRD := loadInterim(t, "2023/isp-good.json")
	noIRD.IRD = Date{}
	_, err = CheckInterim(noIRD, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "ird"}, err), err)
	r, err = CheckInterim(noIRD, Options{Options: engine.Options{Edition: guidance.Edition2023}})
	require.NoError(t, err)
	assert.Contains(t, find(t, r, "isp.contents").Message, "(ird)")

	r, err = CheckInterim(loadInterim(t, "2023/isp-good.json"), Options{Options: engine.Options{Edition: guidance.Edition2014}})
	require.NoError(t, err)
	require.Len(t, r.Findings(), 1, "the 2014 edition has no isp.contents in the library's sources")
	assert.Equal(t, guidance.NotApplicable, find(t, r, "isp.contents").Status)
	assert.Equal(t, "interim safety plan", r.Findings()[0].Subject)
}

func TestDecode_TypedErrorsNameTheField(t *testing.T) {
	tests := []struct {
		name, in, field string
	}{
		{"unknown field", `{"cppm":"2026-03-02","colour":"red"}`, "colour"},
		{"nested unknown field", `{"actions":[{},{"responsible":{"nmae":"x"}}]}`, "actions[1].responsible.nmae"},
		{"wrong type", `{"actions":[{"responsible":{"agency":7}}]}`, "actions[0].responsible.agency"},
		{"impossible date", `{"cppm":"2026-02-30"}`, "cppm"},
		{"date not a string", `{"actions":[{"by":20260301}]}`, "actions[0].by"},
		{"bad horizon", `{"risks":[{"id":"r1","horizon":"soon"}]}`, "risks[0].horizon"},
		{"duplicate risk", `{"risks":[{"id":"r1"},{"id":"r1"}]}`, "risks[1].id"},
		{"bad term", `{"outcomes":[{"term":"forever"}]}`, "outcomes[0].term"},
		{"re-evaluate before evaluate", `{"objectives":[{"evaluate":"2026-04-01","re_evaluate":"2026-03-01"}]}`, "objectives[0].re_evaluate"},
		{"versions out of order", `{"versions":[{"date":"2026-03-02","reason":"a"},{"date":"2026-03-01","reason":"b"}]}`, "versions[1].date"},
		{"unknown prompt", `{"reflection":[{"prompt":"prompt.18","answer":"yes"}]}`, "reflection[0].prompt"},
		{"record before CPPM", `{"cppm":"2026-03-02","record_sent":"2026-03-01"}`, "record_sent"},
		{"version without reason", `{"versions":[{"date":"2026-03-02","reason":" "}]}`, "versions[0].reason"},
		{"provisional disagrees", `{"provisional":true,"versions":[{"date":"2026-03-02","reason":"a"}]}`, "versions[0].provisional"},
		{"discharge without pre-birth", `{"discharge":"2026-03-02"}`, "discharge"},
		{"ended before CPPM", `{"cppm":"2026-03-02","ended":"2026-03-01"}`, "ended"},
		{"CPPM decision without end", `{"ended_by_cppm":"2026-03-02"}`, "ended_by_cppm"},
		{"two values", `{} {}`, "input"},
		{"not JSON", `{"cppm":`, "input"},
		{"null", `null`, "input"},
		{"array", `[]`, "input"},
		{"case-folded key refused, named by its field", `{"CPPM":"2026-03-02"}`, "cppm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in))
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "got %v", err)
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			assert.NotEmpty(t, ge.Hint)
		})
	}
}

func TestDecodeInterim_TypedErrors(t *testing.T) {
	_, err := DecodeInterim([]byte(`{"ird":"2026-02-10","cppm":"2026-02-01"}`))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "cppm"}, err), err)
	_, err = DecodeInterim([]byte(`{"high_risk_contexts":[{"context":"x","management":"y"}],"no_high_risk_contexts":true}`))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "no_high_risk_contexts"}, err), err)
	_, err = DecodeInterim([]byte(`{"child_contacts":[{"name":"Morag Quinlan-Testcase","phone":"0"}]}`))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "child_contacts[0].phone"}, err), err)
}

// Personal data stays in: no name reaches an error, a finding or a log.
func TestNoNamesInErrorsFindingsOrLogs(t *testing.T) {
	for _, path := range []string{"2023/good.json", "2023/bad.json"} {
		p := load(t, path)
		r := check(t, p, Options{Options: engine.Options{Today: today}})
		out, err := json.Marshal(r)
		require.NoError(t, err)
		text := string(out)
		if e := r.Err(); e != nil {
			text += e.Error()
		}
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("plan", "plan", p, "lead", *p.LeadProfessional,
			"action", p.Actions[0], "person", p.Actions[0].Responsible, "contingency", Contingency{Trigger: "t", Response: "r", Responsible: &p.Actions[0].Responsible},
			"answer", Answer{Prompt: "prompt.01", Answer: "Morag Quinlan-Testcase said yes", Notes: "Morag Quinlan-Testcase"},
			"core_group", p.CoreGroup)
		text += fmt.Sprint(p.CoreGroup, p.Actions[0].Responsible, *p.LeadProfessional) + fmt.Sprintf("%v %s", *p, p)
		require.NotEmpty(t, buf.String())
		assert.Contains(t, buf.String(), "{redacted}")
		text += buf.String()
		for _, n := range fixtureNames {
			assert.NotContains(t, text, n, path)
		}
	}
	isp := loadInterim(t, "2023/isp-good.json")
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("isp", "isp", isp, "contacts", isp.ChildContacts)
	for _, n := range fixtureNames {
		assert.NotContains(t, buf.String(), n)
	}
	// A name typed into the wrong field is not echoed by the decoder.
	_, err := Decode([]byte(`{"risks":[{"id":"r1","horizon":"Morag Quinlan-Testcase"}],"Morag Quinlan-Testcase":1}`))
	require.Error(t, err)
	_, err2 := Decode([]byte(`{"cppm":"Morag Quinlan-Testcase"}`))
	require.Error(t, err2)
	_, err3 := Decode([]byte(`{"reflection":[{"prompt":"Morag Quinlan-Testcase"}]}`))
	require.Error(t, err3)
	for _, e := range []error{err2, err3} {
		assert.NotContains(t, e.Error(), "Quinlan")
	}
}

// The national box (2021, Part 3, p.122) has seventeen bullets; Highland's
// copy merged two pairs, whose second halves are prompt.16 and prompt.17 in
// the national order.
func TestPromptsToReflection_G21p122_AreAChecklistNotRules(t *testing.T) {
	ps := Prompts()
	require.Len(t, ps, 17)
	for i, p := range ps {
		assert.Equal(t, "prompt."+[]string{"01", "02", "03", "04", "16", "05", "06", "07", "08", "09", "10", "17", "11", "12", "13", "14", "15"}[i], p.ID)
		_, err := guidance.Lookup(p.ID)
		assert.Error(t, err, "prompts must not be in the rule catalogue")
	}
	r := Reflect([]Answer{{Prompt: "prompt.01", Answer: "yes"}, {Prompt: "prompt.15", Answer: "  "}, {Prompt: "bogus", Answer: "x"}})
	assert.Len(t, r.Answered, 1)
	assert.Len(t, r.Unanswered, 16)
	assert.Equal(t, "prompt.02", r.Unanswered[0].ID)
	assert.Contains(t, r.String(), "1 of 17 prompts to reflection answered")

	// Unanswered prompts never make a breach.
	p := load(t, "2023/good.json")
	p.Reflection = nil
	rep := check(t, p, Options{Options: engine.Options{Today: today}})
	require.NoError(t, rep.Err())
	for _, f := range rep.Findings() {
		assert.False(t, strings.HasPrefix(f.Rule, "prompt."))
	}
}

func renderText(r *guidance.Report) string {
	var b strings.Builder
	b.WriteString("edition " + r.Edition.String() + ", today " + r.Today.String() + "\n")
	for _, f := range r.Findings() {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	path = filepath.Join("testdata", path)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update and inspect the diff", path)
}

func TestInterimGoldenReports(t *testing.T) {
	for _, name := range []string{"2023/isp-good", "2023/isp-bad"} {
		t.Run(name, func(t *testing.T) {
			r, err := CheckInterim(loadInterim(t, name+".json"), Options{Options: engine.Options{Today: today}})
			require.NoError(t, err)
			golden(t, name+".golden.txt", []byte(renderText(r)))
			js, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			golden(t, name+".golden.json", append(js, '\n'))
		})
	}
}

// A plan survives encoding and strict decoding unchanged: every field's JSON
// name is one the decoder accepts.
func TestDecode_RoundTrip(t *testing.T) {
	for _, name := range []string{"2023/good.json", "2023/bad.json", "2023/empty.json", "2021/good.json"} {
		p := load(t, name)
		b, err := strictjson.Encode(p)
		require.NoError(t, err)
		q, err := Decode(b)
		require.NoError(t, err, name)
		assert.Equal(t, p, q, name)
	}
	isp := loadInterim(t, "2023/isp-good.json")
	b, err := strictjson.Encode(isp)
	require.NoError(t, err)
	q, err := DecodeInterim(b)
	require.NoError(t, err)
	assert.Equal(t, isp, q)
}

func TestGoldenReports(t *testing.T) {
	for _, name := range []string{"2023/good", "2023/bad", "2023/empty", "2021/good"} {
		t.Run(name, func(t *testing.T) {
			p := load(t, name+".json")
			opts := Options{Options: engine.Options{Today: today}}
			if strings.HasPrefix(name, "2021") {
				opts.Today = d("2022-04-01")
			}
			r := check(t, p, opts)
			golden(t, name+".golden.txt", []byte(renderText(r)))
			js, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			golden(t, name+".golden.json", append(js, '\n'))
		})
	}
}

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	return b
}

// TestCatalogueStrengths pins how firmly each edition states each plan rule,
// so that a change to the catalogue is a deliberate, reviewed one.
func TestCatalogueStrengths(t *testing.T) {
	must, should := guidance.Must, guidance.Should
	must21and23 := map[guidance.Edition]guidance.Strength{guidance.Edition2021: must, guidance.Edition2023: must}
	should21and23 := map[guidance.Edition]guidance.Strength{guidance.Edition2021: should, guidance.Edition2023: should}
	want := map[string]map[guidance.Edition]guidance.Strength{
		"plan.collaboration":                   must21and23,
		"plan.actions-linked-to-risk":          must21and23,
		"plan.outcomes-current":                must21and23,
		"plan.action-responsibility":           must21and23,
		"plan.lead-professional":               must21and23,
		"plan.lead-professional-social-worker": must21and23,
		"plan.lead-professional-childs-plan":   should21and23, // G21 1.83: "will be responsible"; "should integrate"
		"plan.core-group-named":                must21and23,
		"plan.contingencies":                   must21and23,
		"plan.child-involvement":               must21and23,
		"plan.objectives-smarter":              should21and23,
		"plan.single-plan":                     should21and23,
		"plan.provisional":                     should21and23,
		"plan.proportionate-interventions":     should21and23,
		"plan.risks-considered":                should21and23,
		"plan.in-place":                        should21and23,
		"plan.pre-birth-birth-notifier":        must21and23, // G21 3.142: "must stipulate"
		"isp.contents":                         must21and23, // G21 3.110: most elements "must"
	}
	got := map[string]map[guidance.Edition]guidance.Strength{}
	for _, r := range guidance.Rules() {
		if r.Area != guidance.AreaPlan {
			continue
		}
		assert.Equal(t, "v0.1.0", r.Since, r.ID)
		assert.NotEmpty(t, r.Doc, r.ID)
		got[r.ID] = map[guidance.Edition]guidance.Strength{}
		for _, p := range r.Provisions {
			got[r.ID][p.Edition] = p.Strength
			assert.NotEmpty(t, p.Citations, "%s %s", r.ID, p.Edition)
		}
	}
	assert.Equal(t, want, got)
}

// Findings carry the catalogue's title, strength and citations for their
// rule and edition, exactly as guidance.NewFinding builds them.
func TestFindingsMatchTheCatalogue(t *testing.T) {
	r := check(t, load(t, "2023/bad.json"), Options{Options: engine.Options{Today: today}})
	r2, err := CheckInterim(loadInterim(t, "2023/isp-bad.json"), Options{})
	require.NoError(t, err)
	for _, f := range append(r.Findings(), r2.Findings()...) {
		want := guidance.NewFinding(f.Rule, f.Edition, f.Status, f.Message)
		assert.Equal(t, want.Title, f.Title, f.Rule)
		assert.Equal(t, want.Strength, f.Strength, f.Rule)
		assert.Equal(t, want.Citations, f.Citations, f.Rule)
	}
	// Citations are the catalogue's, shared read-only: appending to a
	// finding's citations writes nothing the catalogue or another finding
	// sees.
	f0 := r.At(0)
	_ = append(f0.Citations, guidance.Citation{Note: "changed"})
	again := check(t, load(t, "2023/bad.json"), Options{Options: engine.Options{Today: today}})
	assert.Equal(t, f0.Citations, again.At(0).Citations)
	assert.Len(t, f0.Citations, cap(f0.Citations))
}

// The point of SMARTER objectives is to avoid drift: an evaluation date that
// has passed with no evaluation recorded is overdue.
func TestObjectivesSMARTER_EvaluationOverdue(t *testing.T) {
	p := load(t, "2023/good.json")
	f := find(t, check(t, p, Options{Options: engine.Options{Today: d("2026-04-20")}}), "plan.objectives-smarter")
	assert.Equal(t, guidance.Overdue, f.Status)
	assert.Contains(t, f.Message, "objectives[0].evaluated")
	p.Objectives[0].Evaluated = d("2026-04-15")
	assert.Equal(t, guidance.Met, find(t, check(t, p, Options{Options: engine.Options{Today: d("2026-04-20")}}), "plan.objectives-smarter").Status)
	assert.Equal(t, guidance.Met, find(t, check(t, p, Options{}), "plan.objectives-smarter").Status)
}

func TestRevise_KeepsEveryVersion(t *testing.T) {
	p := load(t, "2023/good.json")
	n := len(p.Versions)
	require.NoError(t, p.Revise(Version{Date: d("2026-04-10"), Reason: "contingency activated; new action added"}))
	assert.Len(t, p.Versions, n+1)
	assert.False(t, p.Provisional)
	err := p.Revise(Version{Date: d("2026-04-01"), Reason: "x"})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "versions[3].date"}, err), err)
	err = p.Revise(Version{Date: d("2026-04-11")})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "versions[3].reason"}, err), err)
	assert.Len(t, p.Versions, n+1, "a refused revision leaves the plan unchanged")
	require.NoError(t, p.Validate())
}

// G21 3.144: the pre-discharge meeting is owed while not held. (The record
// of the plan is owed by the CPPM: package meeting.)
func TestDeadlines_PreDischarge(t *testing.T) {
	p := load(t, "2023/bad.json")
	dls, err := Deadlines(p, Options{})
	require.NoError(t, err)
	require.Len(t, dls, 1)
	assert.Equal(t, "birth.pre-discharge", dls[0].Rule)
	assert.Equal(t, d("2026-03-25"), dls[0].Due)
	assert.Contains(t, dls[0].String(), "Counting:")
	dls, err = Deadlines(load(t, "2023/good.json"), Options{})
	require.NoError(t, err)
	assert.Empty(t, dls)
	_, err = Deadlines(nil, Options{})
	assert.Error(t, err)
}

// 2021 (S3): objectives SMART and regularly re-evaluated. Only the
// re-evaluation date is demanded; the SMARTER evaluation date is 2023's.
func TestObjectivesSMART_2021WordingRegularlyReEvaluated(t *testing.T) {
	p := load(t, "2021/good.json")
	p.Objectives[0].Evaluate = Date{}
	f := find(t, check(t, p, Options{Options: engine.Options{Today: d("2022-04-01")}}), "plan.objectives-smarter")
	assert.Equal(t, guidance.Met, f.Status, f.Message)
	assert.Contains(t, f.Message, "SMART and regularly re-evaluated (2021 wording)")
	assert.Equal(t, guidance.Should, f.Strength)
	p.Objectives[0].ReEvaluate = Date{}
	f = find(t, check(t, p, Options{Options: engine.Options{Today: d("2022-04-01")}}), "plan.objectives-smarter")
	assert.Equal(t, guidance.Missing, f.Status)
	assert.Contains(t, f.Message, "objectives[0].re_evaluate")
	assert.NotContains(t, f.Message, "objectives[0].evaluate")
	// The same plan under 2023 demands the evaluation date too.
	f = find(t, check(t, p, Options{Options: engine.Options{Edition: guidance.Edition2023, Today: d("2022-04-01")}}), "plan.objectives-smarter")
	assert.Contains(t, f.Message, "objectives[0].evaluate")
	assert.Contains(t, f.Message, "SMARTER (2023 wording)")
}

// 2021: the eight musts and the qualified social worker are must-level in
// 2021 too, citing S3's 2021 wording.
func TestEdition2021_MustsApply(t *testing.T) {
	r := check(t, load(t, "2023/bad.json"), Options{Options: engine.Options{Edition: guidance.Edition2021, Today: today}})
	for _, id := range []string{"plan.collaboration", "plan.actions-linked-to-risk", "plan.outcomes-current",
		"plan.action-responsibility", "plan.lead-professional-social-worker", "plan.core-group-named",
		"plan.contingencies", "plan.child-involvement"} {
		f := find(t, r, id)
		assert.Equal(t, guidance.Missing, f.Status, id)
		assert.Equal(t, guidance.Must, f.Strength, id)
		require.NotEmpty(t, f.Citations, id)
		assert.Equal(t, guidance.G21, f.Citations[0].Source, id)
		assert.Equal(t, guidance.Edition2021, f.Citations[0].Edition, id)
	}
}

// G21 3.139-3.140: one plan, one meeting structure.
func TestSinglePlan_G21_3139to3140(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		in   *bool
		want guidance.Status
		msg  string
	}{
		{"not recorded", nil, guidance.Unknown, "incorporated_in_childs_plan"},
		{"separate plan", &no, guidance.Missing, "incorporate it in the child's plan"},
		{"incorporated", &yes, guidance.Met, "incorporates"},
	}
	for _, e := range []guidance.Edition{guidance.Edition2021, guidance.Edition2023} {
		for _, tt := range tests {
			t.Run(e.String()+"/"+tt.name, func(t *testing.T) {
				p := load(t, "2023/good.json")
				p.IncorporatedInChildsPlan = tt.in
				f := find(t, check(t, p, Options{Options: engine.Options{Edition: e, Today: today}}), "plan.single-plan")
				assert.Equal(t, tt.want, f.Status, f.Message)
				assert.Contains(t, f.Message, tt.msg)
				assert.Equal(t, guidance.Should, f.Strength)
				assert.Equal(t, "3.139-3.140", f.Citations[0].Paragraph)
			})
		}
	}
}

// G21 3.166 and S3: an early plan may be provisional until the first Core
// Group, where the full plan is formulated with the family.
func TestProvisional_G21_3166(t *testing.T) {
	tests := []struct {
		name        string
		provisional bool
		first       string
		lastVersion string // date of an added latest version, provisional as the plan
		today       string
		want        guidance.Status
		msg         string
	}{
		{"full plan", false, "2026-03-13", "", "2026-04-01", guidance.Met, "not marked provisional"},
		{"provisional before the first Core Group", true, "2026-03-13", "", "2026-03-10", guidance.Met, "until the first Core Group (2026-03-13)"},
		{"provisional on the day of the first Core Group", true, "2026-03-13", "", "2026-03-13", guidance.Met, "until the first Core Group"},
		{"provisional after the first Core Group", true, "2026-03-13", "", "2026-04-01", guidance.Missing, "formulate the full plan"},
		{"provisional version after the first Core Group", true, "2026-03-13", "2026-03-20", "", guidance.Missing, "latest version (2026-03-20)"},
		{"first Core Group not recorded", true, "", "", "2026-04-01", guidance.Unknown, "first_core_group"},
		{"date of check unknown", true, "2026-03-13", "", "", guidance.Unknown, "date of the check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := load(t, "2023/good.json")
			p.Versions = p.Versions[:1] // the provisional version agreed at the CPPM
			p.Provisional = true
			if tt.lastVersion != "" {
				require.NoError(t, p.Revise(Version{Date: d(tt.lastVersion), Reason: "interim changes", Provisional: true}))
			}
			if !tt.provisional {
				require.NoError(t, p.Revise(Version{Date: d("2026-03-13"), Reason: "full plan"}))
			}
			p.FirstCoreGroup = Date{}
			if tt.first != "" {
				p.FirstCoreGroup = d(tt.first)
			}
			opts := Options{}
			if tt.today != "" {
				opts.Today = d(tt.today)
			}
			f := find(t, check(t, p, opts), "plan.provisional")
			assert.Equal(t, tt.want, f.Status, f.Message)
			assert.Contains(t, f.Message, tt.msg)
			assert.Equal(t, guidance.Should, f.Strength)
			assert.Equal(t, "3.166", f.Citations[0].Paragraph)
		})
	}
	_, err := Decode([]byte(`{"cppm":"2026-03-02","first_core_group":"2026-03-01"}`))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "first_core_group"}, err), err)
}

// TestChecks_OneValuePerRuleOfThePlan: the check values are bound one to
// one to the plan's rules of the catalogue (area plan, and the timescale
// birth.pre-discharge that a pre-birth plan owes); isp.contents is the
// Interim Safety Plan's. The record of the plan (plan.record) is owed by
// the CPPM that agreed it and checked by package meeting, not here.
func TestChecks_OneValuePerRuleOfThePlan(t *testing.T) {
	area := map[string]guidance.Area{}
	for _, r := range guidance.Rules() {
		area[r.ID] = r.Area
	}
	seen := map[string]bool{}
	for _, id := range append(engine.Rules(Checks), engine.Rules(InterimChecks)...) {
		assert.False(t, seen[id], "rule %s has two check values", id)
		seen[id] = true
		a, ok := area[id]
		require.True(t, ok, "check value for %q, which the catalogue lacks", id)
		if id != "birth.pre-discharge" {
			assert.Equal(t, guidance.AreaPlan, a, id)
		}
	}
	for id, a := range area {
		if a == guidance.AreaPlan {
			assert.True(t, seen[id], "rule %s of area plan has no check value", id)
		}
	}
	assert.Equal(t, []string{"isp.contents"}, engine.Rules(InterimChecks))
	assert.Contains(t, engine.Rules(Checks), "birth.pre-discharge")
	assert.NotContains(t, engine.Rules(Checks), "plan.record", "owed by the CPPM: package meeting")
}

// TestRun_OnASharedPass: Run appends the plan's findings to a pass that
// already holds others (cpguide.Check runs every package on one pass), and
// an invalid plan is an error that reports nothing.
func TestRun_OnASharedPass(t *testing.T) {
	p := engine.NewPass(engine.Options{Today: today}, guidance.Edition2023)
	p.View().Add(guidance.Finding{Rule: "other"})
	require.NoError(t, Run(p, load(t, "2023/good.json")))
	require.NoError(t, RunInterim(p, loadInterim(t, "2023/isp-good.json")))
	// One finding per rule, but none for birth.pre-discharge: the plan is
	// not pre-birth.
	assert.Equal(t, 1+(len(Checks)-1)+len(InterimChecks), p.Len())
	assert.Equal(t, "other", p.View().At(0).Rule)

	q := engine.NewPass(engine.Options{}, guidance.Edition2023)
	bad := load(t, "2023/good.json")
	bad.RecordSent = d("2026-03-01") // before the CPPM
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "record_sent"}, Run(q, bad)))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "plan"}, Run(q, nil)))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "interim_safety_plan"}, RunInterim(q, nil)))
	assert.Zero(t, q.Len())
}
