package guidance_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// expectedRuleIDs are released rule IDs: they must never disappear or be renamed.
var expectedRuleIDs = []string{
	"ird.follow-up", "cppm.notice", "cppm.initial", "cppm.pre-birth", "cppm.reconvene",
	"cppm.record", "plan.record", "coregroup.first", "coregroup.refer-change", "cppm.review",
	"cppm.review-subsequent", "cppm.review-pre-birth", "cppm.transfer", "reporter.referral",
	"birth.pre-discharge",
}

func TestRulesAreSortedByIDAndUnique(t *testing.T) {
	rules := guidance.Rules()
	require.NotEmpty(t, rules)
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	assert.True(t, slices.IsSorted(ids), "rules not sorted: %v", ids)
	assert.Len(t, slices.Compact(slices.Clone(ids)), len(ids), "duplicate rule IDs: %v", ids)
}

func TestReleasedRuleIDsExist(t *testing.T) {
	for _, id := range expectedRuleIDs {
		t.Run(id, func(t *testing.T) {
			r, err := guidance.Lookup(id)
			require.NoError(t, err)
			assert.Equal(t, id, r.ID)
		})
	}
	assert.GreaterOrEqual(t, len(guidance.Rules()), len(expectedRuleIDs))
}

// Rule IDs are append-only (DESIGN.md idea 2): every ID in
// testdata/released-rule-ids.txt must stay in the catalogue, and every rule
// of a tagged release must be listed there.
func TestReleasedRuleIDs_AppendOnly(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "released-rule-ids.txt"))
	require.NoError(t, err)
	released := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		require.False(t, released[line], "%s is listed twice", line)
		released[line] = true
		_, err := guidance.Lookup(line)
		assert.NoError(t, err, "released rule %s was removed or renamed: IDs are append-only", line)
	}
	// A rule of a tagged release (a dated section of CHANGELOG.md) must be
	// listed; a rule added since is listed when its release is made
	// (CONTRIBUTING.md, "Releasing").
	_, dated := changelogVersions(t)
	for _, r := range guidance.Rules() {
		if dated[r.Since] {
			assert.True(t, released[r.ID], "rule %s of release %s is not in testdata/released-rule-ids.txt: append it", r.ID, r.Since)
		}
	}
}

func TestEveryRuleIsFullyDescribedAndCited(t *testing.T) {
	for _, r := range guidance.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			assert.NotEmpty(t, r.Title)
			assert.NotEmpty(t, r.Doc)
			assert.NotEmpty(t, r.Area)
			assert.NotEmpty(t, r.Since)
			assert.Equal(t, strings.TrimSpace(r.ID), r.ID)
			require.NotEmpty(t, r.Provisions)
			for i, p := range r.Provisions {
				assert.True(t, p.Edition.Valid(), "provision %d edition %v", i, p.Edition)
				assert.NotEqual(t, guidance.StrengthUnset, p.Strength, "provision %d", i)
				_, err := p.Strength.MarshalText()
				assert.NoError(t, err)
				require.NotEmpty(t, p.Citations, "provision %d (%v) has no citation", i, p.Edition)
				for _, c := range p.Citations {
					assert.NotEmpty(t, c.Source)
					title := c.Source.Title()
					assert.NotEmpty(t, title)
					assert.NotEqual(t, string(c.Source), title, "source %q has no title", c.Source)
					assert.NotEmpty(t, c.String())
				}
				if i > 0 {
					assert.Less(t, r.Provisions[i-1].Edition, p.Edition,
						"provisions must be oldest edition first with no duplicate: %v", r.Editions())
				}
				got, ok := r.In(p.Edition)
				assert.True(t, ok)
				assert.Equal(t, p, got)
			}
		})
	}
}

func TestRulesReturnsACopy(t *testing.T) {
	rules := guidance.Rules()
	require.NotEmpty(t, rules)
	id := rules[0].ID
	before, err := guidance.Lookup(id)
	require.NoError(t, err)

	rules[0].Title = "changed"
	rules[0].Provisions[0].Strength = guidance.May
	rules[0].Provisions[0].Citations[0].Note = "changed"
	rules[0].Provisions = rules[0].Provisions[:0]
	rules[1].ID = "zzz"

	after, err := guidance.Lookup(id)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	assert.Equal(t, guidance.Rules()[1].ID, expectedSorted()[1])

	// A rule returned by Lookup is a copy too.
	after.Provisions[0].Citations[0].Note = "changed again"
	again, err := guidance.Lookup(id)
	require.NoError(t, err)
	assert.Equal(t, before, again)
}

func expectedSorted() []string {
	ids := make([]string, 0)
	for _, r := range guidance.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestLookupUnknownIDIsUnknownRuleWithHint(t *testing.T) {
	for _, id := range []string{"coregroup.frist", "cppm.reveiw", "nothing-like-it", ""} {
		t.Run(id, func(t *testing.T) {
			_, err := guidance.Lookup(id)
			require.Error(t, err)
			assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownRule, Field: "rule"}, err), "err = %v", err)
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			assert.Equal(t, id, ge.Value)
			assert.NotEmpty(t, ge.Hint)
		})
	}
	_, err := guidance.Lookup("nothing-like-it")
	assert.Contains(t, err.Error(), "guidance.Rules()")
}

// A one-letter typo in a released ID must be answered with the IDs it is
// close to. suggest() lists same-prefix IDs only when there are at most
// eight of them, so this fails as soon as an area holds more than eight
// rules (the working-tree catalogue has 9 coregroup.* rules).
func TestLookupHintSuggestsSimilarIDsForTypo(t *testing.T) {
	_, err := guidance.Lookup("coregroup.frist")
	var ge *guidance.Error
	require.ErrorAs(t, err, &ge)
	assert.Contains(t, ge.Hint, "coregroup.first", "hint: %q", ge.Hint)
}

func TestProvisionOf(t *testing.T) {
	r, p, err := guidance.ProvisionOf("cppm.record", guidance.Edition2023)
	require.NoError(t, err)
	assert.Equal(t, "cppm.record", r.ID)
	assert.Equal(t, guidance.Edition2023, p.Edition)
	assert.Equal(t, guidance.Should, p.Strength)

	r, _, err = guidance.ProvisionOf("ird.follow-up", guidance.Edition2021)
	require.Error(t, err)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInEdition, Field: "edition", Value: "2021"}, err), "err = %v", err)
	assert.Equal(t, "ird.follow-up", r.ID, "the rule is still returned")
	assert.Contains(t, err.Error(), "edition(s) 2023")

	_, _, err = guidance.ProvisionOf("no.rule", guidance.Edition2023)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.UnknownRule}, err), "err = %v", err)

	_, _, err = guidance.ProvisionOf("cppm.record", guidance.EditionUnset)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.NotInEdition}, err), "err = %v", err)
}

func TestEveryRuleIsInThe2023Edition(t *testing.T) {
	for _, r := range guidance.Rules() {
		_, _, err := guidance.ProvisionOf(r.ID, guidance.DefaultEdition)
		assert.NoError(t, err, r.ID)
	}
}

func TestNewFindingTakesStrengthAndCitationsFromCatalogue(t *testing.T) {
	f := guidance.NewFinding("birth.pre-discharge", guidance.Edition2023, guidance.Missing, "hold the meeting")
	assert.Equal(t, "birth.pre-discharge", f.Rule)
	assert.Equal(t, guidance.Must, f.Strength)
	assert.NotEmpty(t, f.Title)
	assert.NotEmpty(t, f.Citations)
	assert.True(t, f.Breach())

	assert.Panics(t, func() { guidance.NewFinding("no.rule", guidance.Edition2023, guidance.Met, "") })
	assert.Panics(t, func() { guidance.NewFinding("ird.follow-up", guidance.Edition2021, guidance.Met, "") })
}

func TestCatalogueJSONRoundTrips(t *testing.T) {
	rules := guidance.Rules()
	b, err := json.Marshal(rules)
	require.NoError(t, err)
	var got []guidance.Rule
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, rules, got)
}

func TestCitationString(t *testing.T) {
	tests := []struct {
		c    guidance.Citation
		want string
	}{
		{guidance.Citation{Source: guidance.G21, Paragraph: "3.38"}, "G21 3.38"},
		{guidance.Citation{Source: guidance.AD23, Edition: guidance.Edition2023, Paragraph: "Appendix D"}, "AD23 Appendix D (2023 edition)"},
		{guidance.Citation{Source: guidance.Local, Note: "n"}, "LOCAL: n"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.c.String())
	}
	assert.Equal(t, "X9", guidance.Source("X9").Title())
}

// Known says nil for every rule of the catalogue and, for another ID, what
// Lookup says.
func TestKnown_IsLookupWithoutTheRule(t *testing.T) {
	for _, r := range guidance.Rules() {
		require.NoError(t, guidance.Known(r.ID), r.ID)
	}
	for _, id := range []string{"", "cppm.intial", "CPPM.initial", "cppm.initial "} {
		_, want := guidance.Lookup(id)
		require.Error(t, want)
		require.Equal(t, want, guidance.Known(id), "%q", id)
	}
}
