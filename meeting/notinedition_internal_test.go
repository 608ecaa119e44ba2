package meeting

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cpguide/cpguide/guidance"
)

// TestNotInEdition_SameAsBuiltEachTime proves that the findings built once
// for rules an edition does not state (or gives no timescale) are the ones
// built from the catalogue on each call, and that changing a copy changes
// no later one.
func TestNotInEdition_SameAsBuiltEachTime(t *testing.T) {
	for _, id := range RuleIDs() {
		for _, e := range guidance.Editions() {
			assert.Equal(t, buildNotInEdition(id, e), notInEdition(id, e), "%s in %s", id, e)
		}
	}
	f := notInEdition("cppm.record", guidance.Edition2021)
	assert.Contains(t, f.Message, "no national figure", "the message of the 2021 edition's record")
	f.Message = "changed"
	assert.NotEqual(t, "changed", notInEdition("cppm.record", guidance.Edition2021).Message)
	assert.Equal(t, buildNotInEdition("plan.collaboration", guidance.Edition2014), notInEdition("plan.collaboration", guidance.Edition2014),
		"a rule outside RuleIDs is built on the spot")
}
