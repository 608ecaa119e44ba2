package procedures_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/procedures"
)

func TestLookup_BundledProfilesDecodeAndTightenEveryEdition(t *testing.T) {
	for _, name := range procedures.Names() {
		p, err := procedures.Lookup(name)
		require.NoError(t, err, name)
		assert.Equal(t, name, p.Name)
		for _, e := range []guidance.Edition{guidance.Edition2014, guidance.Edition2021, guidance.Edition2023} {
			_, err := p.LocalTimescales(e)
			assert.NoError(t, err, "%s %s", name, e)
		}
	}
	_, err := procedures.Lookup("nowhere-2020")
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "procedures"}, err), "got %v", err)
}

func TestDecode_RefusesWithJSONPath(t *testing.T) {
	head := `{"name":"x","committee":"X Child Protection Committee","year":2025,"edition":"2023","source":"https://example.org",`
	for _, tc := range []struct {
		name, body string
		kind       guidance.Kind
		field      string
	}{
		{"a looser figure", `"timescales":[{"rule":"coregroup.first","days":16,"unit":"working","section":"4"}]}`, guidance.Refused, "profile.timescales[0].days"},
		{"calendar days that could run past working days", `"timescales":[{"rule":"coregroup.first","days":16,"unit":"calendar","section":"4"}]}`, guidance.Refused, "profile.timescales[0].days"},
		{"an unknown rule", `"timescales":[{"rule":"coregroup.second","days":5,"unit":"working","section":"4"}]}`, guidance.UnknownRule, "profile.timescales[0].rule"},
		{"an unknown provision rule", `"provisions":[{"rule":"cppm.minutes","section":"4","text":"x"}]}`, guidance.UnknownRule, "profile.provisions[0].rule"},
		{"a weaker strength", `"provisions":[{"rule":"cppm.core-agencies","strength":"should","section":"4","text":"x"}]}`, guidance.Refused, "profile.provisions[0].strength"},
		{"a bad date", `"holidays":[{"date":"2025-02-30","name":"x","source":"y"}]}`, guidance.Invalid, "profile.holidays[0].date"},
		{"an unknown field", `"weeks":3}`, guidance.Invalid, "profile.weeks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := procedures.Decode([]byte(head + tc.body))
			if err == nil {
				_, err = p.LocalTimescales(guidance.Edition2023)
			}
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: tc.kind, Field: tc.field}, err), "got %v", err)
			assert.NotContains(t, err.Error(), "coregroup.second", "input is not quoted")
		})
	}
}

func TestDecodeYAML_HighlandFirstCoreGroup(t *testing.T) {
	p, err := procedures.DecodeYAML([]byte("name: h\ncommittee: Highland Child Protection Committee\nyear: 2024\nedition: \"2023\"\nsource: https://example.org\ntimescales:\n  - rule: coregroup.first\n    days: 14\n    unit: calendar\n    section: Core Group\n"))
	require.NoError(t, err)
	ls, err := p.LocalTimescales(guidance.Edition2023)
	require.NoError(t, err)
	require.Len(t, ls, 1)
	assert.Equal(t, "Highland Child Protection Committee 2024 procedures, Core Group", ls[0].Source)
}

func TestApply_LocalCitationAndOnlyAStrongerStrength(t *testing.T) {
	p, err := procedures.Decode([]byte(`{"name":"x","committee":"X Child Protection Committee","year":2025,"edition":"2023","source":"https://example.org",
		"provisions":[{"rule":"coregroup.in-person","strength":"must","section":"4","text":"the Core Group must meet in person"},
		{"rule":"plan.record","section":"5","text":"within 5 working days"}]}`))
	require.NoError(t, err)
	rep := guidance.Report{Edition: guidance.Edition2023}
	rep.Add(
		guidance.Finding{Rule: "coregroup.in-person", Edition: guidance.Edition2023, Strength: guidance.Should},
		guidance.Finding{Rule: "plan.record", Edition: guidance.Edition2023, Strength: guidance.Should},
		guidance.Finding{Rule: "cppm.notice", Edition: guidance.Edition2023, Strength: guidance.WherePossible},
	)
	p.Apply(&rep)
	fs := rep.Findings()
	assert.Equal(t, guidance.Must, fs[0].Strength, "a stronger local strength applies")
	assert.Equal(t, guidance.Should, fs[1].Strength, "no local strength: the national one stays")
	assert.Equal(t, []guidance.Citation{{Source: guidance.Local, Paragraph: "5", Note: "within 5 working days", Committee: "X Child Protection Committee", Year: 2025}}, fs[1].Citations)
	assert.Empty(t, fs[2].Citations, "a rule without a provision is untouched")

	oldRep := guidance.Report{Edition: guidance.Edition2021}
	oldRep.Add(guidance.Finding{Rule: "coregroup.in-person", Edition: guidance.Edition2021, Strength: guidance.Should})
	p.Apply(&oldRep)
	old := oldRep.Findings()
	assert.Equal(t, guidance.Should, old[0].Strength, "a 2023 profile leaves a 2021 check alone")
	assert.Empty(t, old[0].Citations)
}
