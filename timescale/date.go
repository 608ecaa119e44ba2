package timescale

import (
	"time"

	"github.com/cpguide/cpguide/guidance"
)

// Date is the civil date every rule works in: a year, month and day with no
// time zone, comparable with ==, written "2006-01-02" in text and JSON. It is
// [guidance.Date]; see there for its methods (AddDays, AddMonths, Weekday,
// Compare, Before, After, Sub, ...).
type Date = guidance.Date

// ParseDate parses "2006-01-02". Malformed text and impossible dates
// (2026-02-30) are a *guidance.Error of kind Invalid.
func ParseDate(s string) (Date, error) { return guidance.ParseDate(s) }

// DateOf returns the date in Scotland (Europe/London, from zone data embedded
// in the binary) at the instant t, whatever the host's time zone.
func DateOf(t time.Time) Date { return guidance.DateOf(t) }
