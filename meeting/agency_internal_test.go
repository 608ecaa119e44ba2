package meeting

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Agency.index places each of Agencies at its position, and nothing else
// among them: the switch and the list cannot drift apart unnoticed.
func TestAgency_IndexIsThePlaceInAgencies(t *testing.T) {
	all := Agencies()
	require.Len(t, all, agencyCount)
	for i, a := range all {
		require.Equal(t, i, a.index(), "%s", a)
		require.True(t, a.Valid())
	}
	for _, a := range []Agency{"", "Health", "social work", "social-work ", "other-agency"} {
		require.Equal(t, agencyCount, a.index(), "%q", a)
		require.False(t, a.Valid(), "%q", a)
	}
	for i, a := range CoreAgencies() {
		require.Equal(t, i, a.index(), "the core agencies come first, in order")
	}
}
