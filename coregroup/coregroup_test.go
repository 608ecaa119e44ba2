package coregroup

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

var fixtureNames = []string{"Morag Quinlan-Testcase", "Eilidh Farquharson-Testcase", "Calum Drummond-Testcase", "Skye Testchild", "Fiona Testparent", "Testparent", "Testchild"}

func d(s string) Date {
	v, err := guidance.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func readFixture(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	return b
}

func load(t testing.TB, path string) *CoreGroup {
	t.Helper()
	g, err := Decode(readFixture(t, path))
	require.NoError(t, err, path)
	return g
}

func check(t *testing.T, g *CoreGroup, opts Options) *guidance.Report {
	t.Helper()
	r, err := Check(g, opts)
	require.NoError(t, err)
	return r
}

func findAll(r *guidance.Report, id string) []guidance.Finding {
	var out []guidance.Finding
	for _, f := range r.Findings() {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

func find(t *testing.T, r *guidance.Report, id string) guidance.Finding {
	t.Helper()
	fs := findAll(r, id)
	require.Len(t, fs, 1, "want exactly one finding of %s", id)
	return fs[0]
}

var (
	goodOpts = Options{Options: engine.Options{Today: d("2026-05-01")}, MaxMeetingGap: 42}
	badOpts  = Options{Options: engine.Options{Today: d("2026-06-01")}, MaxMeetingGap: 42}
)

// TestEveryCoreGroupRule proves each Core Group rule: removing a rule's check
// fails it, because each must give the wanted failure on the bad fixture and
// Met on the good one.
func TestEveryCoreGroupRule(t *testing.T) {
	tests := []struct {
		rule string
		want guidance.Status
	}{
		{"coregroup.coordinated-by-lead-professional", guidance.Missing},
		{"coregroup.partners", guidance.Missing},
		{"coregroup.in-person", guidance.Missing},
		{"coregroup.communication", guidance.Missing},
		{"coregroup.regular-meetings", guidance.Late},
		{"coregroup.contingency-activated", guidance.Missing},
		{"coregroup.escalation", guidance.Missing},
		{"coregroup.full-plan-at-first-meeting", guidance.Missing},
	}
	covered := map[string]bool{"coregroup.refer-change": true} // TestReferChange_ThreeCalendarDays
	bad := check(t, load(t, "2023/bad.json"), badOpts)
	good := check(t, load(t, "2023/good.json"), goodOpts)
	for _, tt := range tests {
		covered[tt.rule] = true
		t.Run(tt.rule, func(t *testing.T) {
			f := find(t, bad, tt.rule)
			assert.Equal(t, tt.want, f.Status, f.Message)
			assert.NotEmpty(t, f.Citations)
			g := find(t, good, tt.rule)
			assert.Equal(t, guidance.Met, g.Status, g.Message)
		})
	}
	covered["coregroup.first"] = true // owed by the CPPM: meeting/series_test.go
	for _, r := range guidance.Rules() {
		if r.Area == guidance.AreaCoreGroup || strings.HasPrefix(r.ID, "coregroup.") {
			assert.True(t, covered[r.ID], "rule %s has no test in TestEveryCoreGroupRule", r.ID)
		}
	}
}

func TestGoodCoreGroupHasNoBreaches(t *testing.T) {
	r := check(t, load(t, "2023/good.json"), goodOpts)
	require.NoError(t, r.Err())
	for _, f := range r.Findings() {
		assert.Equal(t, guidance.Met, f.Status, f.String())
	}
}

func TestReferChange_ThreeCalendarDays(t *testing.T) {
	r := check(t, load(t, "2023/bad.json"), badOpts)
	fs := findAll(r, "coregroup.refer-change")
	require.Len(t, fs, 2, "one finding per referral")
	bySubject := map[string]guidance.Finding{}
	for _, f := range fs {
		bySubject[f.Subject] = f
	}
	late := bySubject["change_referrals[0]"]
	assert.Equal(t, guidance.Late, late.Status)
	assert.Equal(t, d("2026-04-04"), late.Due, "identified 1 April + 3 calendar days")
	assert.Contains(t, late.Message, "record to whom")
	overdue := bySubject["change_referrals[1]"]
	assert.Equal(t, guidance.Overdue, overdue.Status)
	assert.Equal(t, d("2026-05-28"), overdue.Due)

	good := find(t, check(t, load(t, "2023/good.json"), goodOpts), "coregroup.refer-change")
	assert.Equal(t, guidance.Met, good.Status)

	// An approved variation makes a late referral met under variation.
	g := load(t, "2023/bad.json")
	g.ChangeReferrals = g.ChangeReferrals[:1]
	v := timescale.Variation{Rule: "coregroup.refer-change", NewDate: d("2026-04-07"), Approver: "Morag Quinlan-Testcase", Reason: "r", Recorded: d("2026-04-03")}
	opts := badOpts
	opts.Variations = []timescale.Variation{v}
	assert.Equal(t, guidance.MetUnderVariation, find(t, check(t, g, opts), "coregroup.refer-change").Status)

	// A variation naming another referral does not excuse this one.
	v.Subject = "change_referrals[1]"
	opts.Variations = []timescale.Variation{v}
	assert.Equal(t, guidance.Late, find(t, check(t, g, opts), "coregroup.refer-change").Status)
	v.Subject = "change_referrals[0]"
	opts.Variations = []timescale.Variation{v}
	assert.Equal(t, guidance.MetUnderVariation, find(t, check(t, g, opts), "coregroup.refer-change").Status)
}

// The first Core Group meeting (coregroup.first) is owed by the CPPM that
// decided the plan: package meeting checks it (meeting/series_test.go).

// A 2021 group is checked only against the rules 2021 states.
func TestEdition2021_NeverBlendsEditions(t *testing.T) {
	r := check(t, load(t, "2021/good.json"), Options{Options: engine.Options{Today: d("2022-05-01")}, MaxMeetingGap: 42})
	assert.Equal(t, guidance.Edition2021, r.Edition)
	// G21 3.153: the plan is developed at the first Core Group meeting, in
	// the 2021 text too; it is cited as the 2021 paragraph.
	f := find(t, r, "coregroup.full-plan-at-first-meeting")
	require.NotEmpty(t, f.Citations)
	assert.Equal(t, guidance.G21, f.Citations[0].Source)
	assert.Equal(t, "3.153", f.Citations[0].Paragraph)
	for _, f := range r.Findings() {
		assert.Equal(t, guidance.Edition2021, f.Edition)
	}
	require.NoError(t, r.Err())
}

func TestInPerson_ReasonRecordedIsForTheChairToJudge(t *testing.T) {
	g := load(t, "2023/good.json")
	no := false
	g.Meetings[1].InPerson = &no
	g.Meetings[1].NotInPersonReason = "severe weather"
	f := find(t, check(t, g, goodOpts), "coregroup.in-person")
	assert.Equal(t, guidance.Unknown, f.Status)
	assert.Contains(t, f.Message, "judge")
	g.Meetings[1].InPerson = nil
	assert.Equal(t, guidance.Unknown, find(t, check(t, g, goodOpts), "coregroup.in-person").Status)
}

func TestRegularMeetings_NoIntervalInTheGuidanceIsUnknown(t *testing.T) {
	g := load(t, "2023/good.json")
	f := find(t, check(t, g, Options{Options: engine.Options{Today: d("2026-05-01")}}), "coregroup.regular-meetings")
	assert.Equal(t, guidance.Unknown, f.Status)
	assert.Contains(t, f.Message, "MaxMeetingGap")
	f = find(t, check(t, g, Options{Options: engine.Options{Today: d("2026-06-01")}, MaxMeetingGap: 42}), "coregroup.regular-meetings")
	assert.Equal(t, guidance.Overdue, f.Status)
	assert.Equal(t, d("2026-05-22"), f.Due)
}

func TestContingencyActivated_NotApplicableWhenProgressMade(t *testing.T) {
	g := load(t, "2023/good.json")
	yes := true
	g.Meetings[1].ProgressMade = &yes
	assert.Equal(t, guidance.NotApplicable, find(t, check(t, g, goodOpts), "coregroup.contingency-activated").Status)
	g.Meetings[1].ProgressMade = nil
	assert.Equal(t, guidance.Unknown, find(t, check(t, g, goodOpts), "coregroup.contingency-activated").Status)
}

// G21 3.137: contingency plans are activated when progress is not made or
// circumstances deteriorate; an improvement does not call for them (the
// Highland wording "or circumstances change" is local, and wrong here).
func TestContingencyActivated_G21_3137_DeterioratedNotImproved(t *testing.T) {
	yes, no := true, false
	for _, tc := range []struct {
		name          string
		progress      *bool
		circumstances Circumstances
		changed       bool
		want          guidance.Status
	}{
		{"progress, circumstances improved: nothing to activate", &yes, Improved, false, guidance.NotApplicable},
		{"progress, circumstances unchanged: nothing to activate", &yes, Unchanged, false, guidance.NotApplicable},
		{"progress, circumstances deteriorated: activate", &yes, Deteriorated, false, guidance.Missing},
		{"no progress although circumstances improved: activate", &no, Improved, false, guidance.Missing},
		{"a change recorded without its direction: unknown", &yes, "", true, guidance.Unknown},
		{"a change recorded as an improvement: nothing to activate", &yes, Improved, true, guidance.NotApplicable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := load(t, "2023/good.json")
			g.ContingencyActivations = nil
			for i := range g.Meetings {
				g.Meetings[i].ProgressMade = &yes
			}
			g.Meetings[1].ProgressMade = tc.progress
			g.Meetings[1].Circumstances = tc.circumstances
			g.Meetings[1].CircumstancesChanged = tc.changed
			f := find(t, check(t, g, goodOpts), "coregroup.contingency-activated")
			assert.Equal(t, tc.want, f.Status, f.Message)
		})
	}
	g := load(t, "2023/good.json")
	g.Meetings[0].Circumstances = "better"
	_, err := Check(g, goodOpts)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "meetings[0].circumstances"}, err), "%v", err)
}

func TestEscalation_ReviewCPPMNeedsTheRequestDate(t *testing.T) {
	g := load(t, "2023/good.json")
	g.Escalations[0].ReviewCPPMRequested = Date{}
	f := find(t, check(t, g, goodOpts), "coregroup.escalation")
	assert.Equal(t, guidance.Missing, f.Status)
	assert.Contains(t, f.Message, "escalations[0].review_cppm_requested")
	g.Escalations = nil
	assert.Equal(t, guidance.NotApplicable, find(t, check(t, g, goodOpts), "coregroup.escalation").Status)
}

func TestFullPlanAtFirstMeeting_WithTheFamily(t *testing.T) {
	g := load(t, "2023/good.json")
	g.Meetings[0].Attendance = []string{"sw1", "hv1"}
	f := find(t, check(t, g, goodOpts), "coregroup.full-plan-at-first-meeting")
	assert.Equal(t, guidance.Missing, f.Status)
	assert.Contains(t, f.Message, "with the family")
	g.Meetings[0].FullPlanFormulated = nil
	assert.Equal(t, guidance.Unknown, find(t, check(t, g, goodOpts), "coregroup.full-plan-at-first-meeting").Status)
}

func TestDeadlines_ReferralsWithExplanations(t *testing.T) {
	dls, err := Deadlines(load(t, "2023/new.json"), Options{})
	require.NoError(t, err)
	require.Len(t, dls, 1)
	assert.Equal(t, "coregroup.refer-change", dls[0].Rule)
	assert.Equal(t, d("2026-03-08"), dls[0].Due)
	assert.Contains(t, dls[0].String(), "Counting:")

	dls, err = Deadlines(load(t, "2023/good.json"), Options{})
	require.NoError(t, err)
	assert.Empty(t, dls, "first meeting held and every referral made")
}

func TestCheck_BadOptionsAreTypedErrors(t *testing.T) {
	g := load(t, "2023/good.json")
	_, err := Check(g, Options{Options: engine.Options{Edition: 42}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownEdition, Field: "edition"}, err), err)
	_, err = Check(g, Options{Options: engine.Options{Policies: map[string]string{"coregroup.first.reading": "lunar"}}})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownPolicy}, err), err)
	_, err = Check(g, Options{MaxMeetingGap: -1})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.max_meeting_gap"}, err), err)
	_, err = Check(nil, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "core_group"}, err), err)
	g.CPPM = Date{}
	_, err = Check(g, Options{})
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.MissingFact, Field: "cppm"}, err), err)
}

func TestDecode_TypedErrorsNameTheField(t *testing.T) {
	tests := []struct{ name, in, field string }{
		{"unknown field", `{"chair":"x"}`, "chair"},
		{"attendance of a stranger", `{"members":[{"id":"a"}],"meetings":[{"date":"2026-03-10","attendance":["a","zz"]}]}`, "meetings[0].attendance[1]"},
		{"meeting without date", `{"meetings":[{"in_person":true}]}`, "meetings[0].date"},
		{"meeting before CPPM", `{"cppm":"2026-03-02","meetings":[{"date":"2026-03-01"}]}`, "meetings[0].date"},
		{"meetings out of order", `{"meetings":[{"date":"2026-03-10"},{"date":"2026-03-09"}]}`, "meetings[1].date"},
		{"referred before identified", `{"change_referrals":[{"identified":"2026-03-10","referred":"2026-03-09"}]}`, "change_referrals[0].referred"},
		{"bad recipient", `{"change_referrals":[{"identified":"2026-03-10","to":"mum"}]}`, "change_referrals[0].to"},
		{"bad response", `{"escalations":[{"identified":"2026-03-10","responses":["panic"]}]}`, "escalations[0].responses[0]"},
		{"bad relationship", `{"partners":[{"id":"p","relationship":"uncle"}]}`, "partners[0].relationship"},
		{"duplicate id", `{"members":[{"id":"a"}],"partners":[{"id":"a","relationship":"child"}]}`, "partners[0].id"},
		{"coordinator not a member", `{"coordinator":"x","members":[{"id":"a"}]}`, "coordinator"},
		{"in_person not bool", `{"meetings":[{"date":"2026-03-10","in_person":"yes"}]}`, "meetings[0].in_person"},
		{"contingency index", `{"contingency_activations":[{"date":"2026-03-10","contingency":1.5}]}`, "contingency_activations[0].contingency"},
		{"negative index", `{"contingency_activations":[{"date":"2026-03-10","contingency":-1}]}`, "contingency_activations[0].contingency"},
		{"impossible date", `{"cppm":"2026-13-01"}`, "cppm"},
		{"two lead professionals", `{"members":[{"id":"a","lead_professional":true},{"id":"b","lead_professional":true}]}`, "members[1].lead_professional"},
		{"trailing garbage", `{}x`, "input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in))
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: tt.field}, err), "got %v", err)
		})
	}
}

func TestNoNamesInErrorsFindingsOrLogs(t *testing.T) {
	for _, path := range []string{"2023/good.json", "2023/bad.json"} {
		g := load(t, path)
		r := check(t, g, badOpts)
		js, err := json.Marshal(r)
		require.NoError(t, err)
		text := string(js)
		if e := r.Err(); e != nil {
			text += e.Error()
		}
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("core group", "group", g, "member", g.Members[0], "partner", g.Partners[0],
			"members", g.Members, "partners", g.Partners)
		text += fmt.Sprint(g.Members, g.Partners, *g, g)
		assert.Contains(t, buf.String(), "{redacted}")
		text += buf.String()
		for _, n := range fixtureNames {
			assert.NotContains(t, text, n, path)
		}
	}
	_, err := Decode([]byte(`{"change_referrals":[{"identified":"2026-03-10","to":"Fiona Testparent"}]}`))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "Testparent")
}

func TestDecode_RoundTrip(t *testing.T) {
	for _, name := range []string{"2023/good.json", "2023/bad.json", "2023/new.json", "2021/good.json"} {
		g := load(t, name)
		b, err := strictjson.Encode(g)
		require.NoError(t, err)
		h, err := Decode(b)
		require.NoError(t, err, name)
		assert.Equal(t, g, h, name)
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
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update and inspect the diff", path)
}

func TestGoldenReports(t *testing.T) {
	cases := []struct {
		name string
		opts Options
	}{
		{"2023/good", goodOpts},
		{"2023/bad", badOpts},
		{"2023/new", Options{Options: engine.Options{Today: d("2026-03-10")}}},
		{"2021/good", Options{Options: engine.Options{Today: d("2022-05-01")}, MaxMeetingGap: 42}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, load(t, c.name+".json"), c.opts)
			golden(t, c.name+".golden.txt", []byte(renderText(r)))
			js, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			golden(t, c.name+".golden.json", append(js, '\n'))
		})
	}
	dls, err := Deadlines(load(t, "2023/new.json"), Options{})
	require.NoError(t, err)
	var b strings.Builder
	for _, dl := range dls {
		b.WriteString(dl.String() + "\n")
	}
	golden(t, "2023/new.deadlines.golden.txt", []byte(b.String()))
}

// TestCatalogueStrengths pins how firmly each edition states each Core Group
// rule, so that a change to the catalogue is a deliberate, reviewed one.
func TestCatalogueStrengths(t *testing.T) {
	s := guidance.Should
	both := map[guidance.Edition]guidance.Strength{guidance.Edition2021: s, guidance.Edition2023: s}
	want := map[string]map[guidance.Edition]guidance.Strength{
		"coregroup.coordinated-by-lead-professional": both,
		"coregroup.partners":                         both,
		"coregroup.in-person":                        both,
		"coregroup.communication":                    both,
		"coregroup.regular-meetings":                 both,
		"coregroup.contingency-activated":            both,
		"coregroup.escalation":                       both,
		"coregroup.full-plan-at-first-meeting":       both,
	}
	got := map[string]map[guidance.Edition]guidance.Strength{}
	for _, r := range guidance.Rules() {
		if r.Area != guidance.AreaCoreGroup {
			continue
		}
		assert.Equal(t, "v0.1.0", r.Since, r.ID)
		got[r.ID] = map[guidance.Edition]guidance.Strength{}
		for _, p := range r.Provisions {
			got[r.ID][p.Edition] = p.Strength
			assert.NotEmpty(t, p.Citations, "%s %s", r.ID, p.Edition)
		}
	}
	assert.Equal(t, want, got)
}

func TestFindingsMatchTheCatalogue(t *testing.T) {
	r := check(t, load(t, "2023/bad.json"), badOpts)
	for _, f := range r.Findings() {
		want := guidance.NewFinding(f.Rule, f.Edition, f.Status, f.Message)
		assert.Equal(t, want.Title, f.Title, f.Rule)
		assert.Equal(t, want.Strength, f.Strength, f.Rule)
		assert.Equal(t, want.Citations, f.Citations, f.Rule)
	}
}

// The 2014 edition states only the Core Group timescales (G14 Appendix C):
// change notified within 3 calendar days (the first meeting, within 15, is
// the CPPM's step: package meeting).
func TestEdition2014_OnlyTheTimescales(t *testing.T) {
	r := check(t, load(t, "2014/bad.json"), Options{Options: engine.Options{Today: d("2016-06-01")}, MaxMeetingGap: 42})
	assert.Equal(t, guidance.Edition2014, r.Edition)
	// Every other rule is not checked: one NotApplicable finding each, saying
	// the edition does not state it.
	for _, f := range r.Findings() {
		assert.Equal(t, guidance.Edition2014, f.Edition)
		if f.Rule != "coregroup.refer-change" {
			assert.Equal(t, guidance.NotApplicable, f.Status, f.Rule)
			assert.Empty(t, f.Citations, f.Rule)
			assert.Contains(t, f.Message, "2014 edition, as the library's sources state it, has no such requirement", f.Rule)
		}
	}
	assert.Len(t, r.Findings(), len(Checks)-1+2)
	assert.Len(t, findAll(r, "coregroup.refer-change"), 2)
}

// G21 3.137 and S0 (Core Group): keep effective communication between all
// services and agencies and with the parents or carers. The record can show
// whether each meeting's note or decisions were shared.
func TestCommunication_G21_3137(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name            string
		members, family *bool
		want            guidance.Status
		msg             []string
	}{
		{"shared with all", &yes, &yes, guidance.Met, []string{"for the Core Group and Chair to judge"}},
		{"not shared with the family", &yes, &no, guidance.Missing, []string{"with the child and family at meetings[1]"}},
		{"not shared with members", &no, &yes, guidance.Missing, []string{"with all members at meetings[1]"}},
		{"not shared with either", &no, &no, guidance.Missing, []string{"with all members at meetings[1]", "with the child and family at meetings[1]"}},
		{"members not recorded", nil, &yes, guidance.Unknown, []string{"meetings[1].decisions_shared_with_members"}},
		{"family not recorded", &yes, nil, guidance.Unknown, []string{"meetings[1].decisions_shared_with_family"}},
	}
	for _, e := range []guidance.Edition{guidance.Edition2021, guidance.Edition2023} {
		for _, tt := range tests {
			t.Run(e.String()+"/"+tt.name, func(t *testing.T) {
				g := load(t, "2023/good.json")
				g.Meetings[1].DecisionsSharedWithMembers = tt.members
				g.Meetings[1].DecisionsSharedWithFamily = tt.family
				opts := goodOpts
				opts.Edition = e
				f := find(t, check(t, g, opts), "coregroup.communication")
				assert.Equal(t, tt.want, f.Status, f.Message)
				for _, m := range tt.msg {
					assert.Contains(t, f.Message, m)
				}
				assert.Equal(t, guidance.Should, f.Strength)
				assert.Equal(t, guidance.G21, f.Citations[0].Source, "G21 3.137, carried into the 2023 update")
				assert.Equal(t, "3.137", f.Citations[0].Paragraph)
				for _, n := range fixtureNames {
					assert.NotContains(t, f.Message, n)
				}
			})
		}
	}
	r := check(t, load(t, "2023/new.json"), Options{Options: engine.Options{Today: d("2026-03-10")}})
	assert.Equal(t, guidance.Unknown, find(t, r, "coregroup.communication").Status, "no meetings yet")
}

// TestChecks_OneValuePerRuleOfTheCoreGroup: the check values are bound one
// to one to the Core Group's rules of the catalogue (area coregroup, and the
// timescale coregroup.refer-change). The first meeting (coregroup.first) is
// owed by the CPPM that decided the plan and checked by package meeting,
// not here.
func TestChecks_OneValuePerRuleOfTheCoreGroup(t *testing.T) {
	area := map[string]guidance.Area{}
	for _, r := range guidance.Rules() {
		area[r.ID] = r.Area
	}
	seen := map[string]bool{}
	for _, id := range engine.Rules(Checks) {
		assert.False(t, seen[id], "rule %s has two check values", id)
		seen[id] = true
		a, ok := area[id]
		require.True(t, ok, "check value for %q, which the catalogue lacks", id)
		if id != "coregroup.refer-change" {
			assert.Equal(t, guidance.AreaCoreGroup, a, id)
		}
	}
	for id, a := range area {
		if a == guidance.AreaCoreGroup {
			assert.True(t, seen[id], "rule %s of area coregroup has no check value", id)
		}
	}
	assert.Contains(t, engine.Rules(Checks), "coregroup.refer-change")
	assert.NotContains(t, engine.Rules(Checks), "coregroup.first", "owed by the CPPM: package meeting")
}

// TestRun_OnASharedPass: Run appends the group's findings to a pass that
// already holds others (cpguide.Check runs every package on one pass) and
// owes the referrals not yet made; an invalid group is an error that
// reports nothing.
func TestRun_OnASharedPass(t *testing.T) {
	p := engine.NewPass(engine.Options{Today: d("2026-03-10")}, guidance.Edition2023)
	p.View().Add(guidance.Finding{Rule: "other"})
	require.NoError(t, Run(p, load(t, "2023/new.json"), 0))
	assert.Equal(t, "other", p.View().At(0).Rule)
	assert.Equal(t, 1+len(Checks), p.Len()) // new.json: one referral
	require.Len(t, p.Deadlines, 1)
	assert.Equal(t, "coregroup.refer-change", p.Deadlines[0].Rule)

	q := engine.NewPass(engine.Options{}, guidance.Edition2023)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "core_group"}, Run(q, nil, 0)))
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "options.max_meeting_gap"}, Run(q, load(t, "2023/good.json"), -1)))
	assert.Zero(t, q.Len())
}

// With one Core Group meeting there is no gap between meetings to report:
// the finding says one meeting is recorded and when (it once said "the
// longest gap between meetings is 0 day(s)").
func TestRegularMeetings_OneMeetingHasNoGap(t *testing.T) {
	g := load(t, "2023/good.json")
	g.Meetings = g.Meetings[:1]
	f := find(t, check(t, g, Options{Options: engine.Options{Today: g.Meetings[0].Date.AddDays(9)}}), "coregroup.regular-meetings")
	assert.Equal(t, guidance.Unknown, f.Status)
	assert.Contains(t, f.Message, "one meeting is recorded, 9 day(s) ago")
	assert.NotContains(t, f.Message, "gap between meetings")
}
