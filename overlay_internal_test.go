package cpguide

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/timescale"
)

// Derived calendars are reused for the same base and the same holidays, and
// never for different ones.
func TestOverlayCalendar_ReusedOnlyForTheSameHolidays(t *testing.T) {
	day := timescale.Date{Year: 2026, Month: time.March, Day: 27}
	overlay := func(name, source string) *Overlay {
		return &Overlay{Name: "Anytown", Holidays: []timescale.NonWorkingDay{{Date: day, Name: name, Source: source}}}
	}
	base := timescale.Scotland()
	a1, err := overlay("Spring holiday", "council list").calendar(base)
	require.NoError(t, err)
	a2, err := overlay("Spring holiday", "council list").calendar(base)
	require.NoError(t, err)
	assert.Same(t, a1, a2, "the same holidays reuse the calendar")

	b, err := overlay("Spring holiday", "council list 2").calendar(base)
	require.NoError(t, err)
	assert.NotSame(t, a1, b)
	assert.Equal(t, "Spring holiday (council list 2)", b.Why(day))
	assert.Equal(t, "Spring holiday (council list)", a1.Why(day))

	_, err = overlay("", "council list").calendar(base)
	assert.Error(t, err, "a day without a name is refused, not cached")
	for i := range 2 * maxDerived {
		_, err := overlay("Spring holiday", "list "+string(rune('a'+i))).calendar(base)
		require.NoError(t, err)
	}
	derived.Lock()
	assert.LessOrEqual(t, len(derived.m), maxDerived, "the cache stays bounded")
	derived.Unlock()
}
