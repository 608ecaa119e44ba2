package timescale

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Calendars derived from dated days are reused for the same base, name and
// days, never for different ones, and the cache stays bounded.
func TestWith_ReusedOnlyForTheSameDays(t *testing.T) {
	day := Date{Year: 2026, Month: time.March, Day: 27}
	with := func(name, source string) (*Calendar, error) {
		return Scotland().With("Anytown", NonWorkingDay{Date: day, Name: name, Source: source})
	}
	a1, err := with("Spring holiday", "council list")
	require.NoError(t, err)
	a2, err := with("Spring holiday", "council list")
	require.NoError(t, err)
	assert.Same(t, a1, a2, "the same days reuse the calendar")

	b, err := with("Spring holiday", "council list 2")
	require.NoError(t, err)
	assert.NotSame(t, a1, b)
	assert.Equal(t, "Spring holiday (council list 2)", b.Why(day))
	assert.Equal(t, "Spring holiday (council list)", a1.Why(day))

	_, err = with("", "council list")
	assert.Error(t, err, "a day without a name is refused, not cached")
	for i := range 2 * maxDerived {
		_, err := with("Spring holiday", "list "+string(rune('a'+i)))
		require.NoError(t, err)
	}
	derived.Lock()
	assert.LessOrEqual(t, len(derived.m), maxDerived, "the cache stays bounded")
	derived.Unlock()
}
