package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// Every edition has a slot of templates, and each template is the finding
// guidance.NewFinding builds, for exactly the rules the edition states.
func TestTemplates_EveryEdition(t *testing.T) {
	for _, e := range guidance.Editions() {
		require.Less(t, int(e), len(findingTemplates), "edition %s has no slot of templates", e)
		for _, r := range guidance.Rules() {
			f, ok := template(r.ID, e)
			_, want := r.In(e)
			require.Equal(t, want, ok, "%s %s", r.ID, e)
			if ok {
				require.Equal(t, guidance.NewFinding(r.ID, e, guidance.Unknown, ""), f)
			}
		}
	}
	_, ok := template("coregroup.first", guidance.Edition(200))
	require.False(t, ok)
	require.False(t, stated("coregroup.first", guidance.EditionUnset))
}
