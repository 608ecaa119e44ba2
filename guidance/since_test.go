package guidance_test

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// changelogVersions returns the versions that have a section in
// CHANGELOG.md ("v0.1.0"), newest first, and which of them are dated
// (tagged and released).
func changelogVersions(t *testing.T) (versions []string, dated map[string]bool) {
	t.Helper()
	data, err := os.ReadFile("../CHANGELOG.md")
	require.NoError(t, err)
	dated = map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\](.*)$`).FindAllStringSubmatch(string(data), -1) {
		v := "v" + m[1]
		versions = append(versions, v)
		dated[v] = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(m[2])
	}
	require.NotEmpty(t, versions, "CHANGELOG.md has a section per release")
	return versions, dated
}

// A rule's Since is the release that introduced it: a version with its own
// section in CHANGELOG.md, released as the tags vX.Y.Z and
// register/sqlite/vX.Y.Z, or, for a rule added since the newest section, a
// later version (the next release, whose section the release adds).
func TestRuleSince_IsAReleaseInTheChangelog(t *testing.T) {
	versions, _ := changelogVersions(t)
	newest := versions[0]
	for _, r := range guidance.Rules() {
		assert.True(t, slices.Contains(versions, r.Since) || slices.Compare(version(t, r.Since), version(t, newest)) > 0,
			"%s: since %q is neither a release in CHANGELOG.md nor a later version", r.ID, r.Since)
	}
}

// version parses "vX.Y.Z".
func version(t *testing.T, v string) []int {
	t.Helper()
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	require.True(t, strings.HasPrefix(v, "v") && len(parts) == 3, "%q is not vX.Y.Z", v)
	out := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		require.NoError(t, err, "%q is not vX.Y.Z", v)
		out[i] = n
	}
	return out
}
