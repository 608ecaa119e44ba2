package templates

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cpguide/cpguide/guidance"
)

// Templates are exactly what guidance.NewFinding builds, for the editions
// that state each rule and no others.
func TestSet_MatchesNewFinding(t *testing.T) {
	all := New()
	some := New("coregroup.first", "cppm.record")
	for _, r := range guidance.Rules() {
		for _, e := range guidance.Editions() {
			_, stated := r.In(e)
			f, ok := all.Get(r.ID, e)
			assert.Equal(t, stated, ok, "%s %s", r.ID, e)
			if ok {
				assert.Equal(t, guidance.NewFinding(r.ID, e, guidance.Unknown, ""), f)
			}
			want := stated && (r.ID == "coregroup.first" || r.ID == "cppm.record")
			assert.Equal(t, want, some.Has(r.ID, e), "%s %s", r.ID, e)
		}
	}
	assert.False(t, all.Has("coregroup.first", guidance.EditionUnset))
	assert.False(t, all.Has("coregroup.first", guidance.Edition(200)))
	assert.Panics(t, func() { New("no.such.rule") })
	for _, e := range append(guidance.Editions(), guidance.EditionUnset, guidance.Edition(200)) {
		m := Edition(e)
		n := 0
		for _, r := range guidance.Rules() {
			if f, ok := all.Get(r.ID, e); ok {
				assert.Equal(t, f, m[r.ID], "%s %s", r.ID, e)
				n++
			}
		}
		assert.Len(t, m, n, "edition %s", e)
	}
}
