package timescale

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/rickar/cal/v2"
)

// A Calendar says which days are working days: Monday to Friday, less the
// holidays it was built with. [Scotland] is the national calendar; [Calendar.With]
// derives a calendar with extra non-working days (a one-off proclamation, a
// council's local holidays, an office closure) without changing the original.
//
// A Calendar is immutable and safe for concurrent use. Working-day
// arithmetic does not walk day by day: each calendar indexes the days from
// 1900 to 2199 as one bit per day with cumulative counts, so AddWorkingDays
// and WorkingDaysBetween cost the same for 10 days or 10,000. The index is
// built a decade at a time, on first use, and a derived calendar shares the
// decades its extra days do not touch with the calendar it extends. Outside
// that range the answer is computed exactly, day by day.
//
// The zero value is not usable; build calendars with [Scotland] or
// [Calendar.With].
type Calendar struct {
	name string
	defs []definition
	// base is the calendar this one extends, and own the index in defs of
	// the first definition this calendar adds to it (0 for none).
	base *Calendar
	own  int
	// precomputed is set for the national calendar, whose holidays'
	// occurrences are generated (scotland_occurrences.go).
	precomputed bool

	chunks [numChunks]lazyChunk
	years  [numOccYears]lazyYear
}

var scotlandOnce = sync.OnceValue(func() *Calendar {
	return &Calendar{name: "Scotland", defs: scotland(), precomputed: true}
})

// Scotland returns Scotland's national working-day calendar: Monday to
// Friday, less the Scottish bank holidays (1 and 2 January, Good Friday, the
// first Monday in May, the last Monday in May, the first Monday in August, St
// Andrew's Day from 2007, 25 and 26 December, each with its substitute day,
// and the one-off days appointed by proclamation). Easter Monday and the last
// Monday in August are not Scottish bank holidays; add local holidays with
// [Calendar.With].
//
// The holidays are rickar/cal definitions (see [ScottishHolidays]). They are
// tested against the UK Government's published Scottish list for 2012 to
// 2028.
func Scotland() *Calendar { return scotlandOnce() }

// Name returns the calendar's name, for example "Scotland" or
// "Scotland + Glasgow local holidays".
func (c *Calendar) Name() string { return c.name }

// A Holiday is a non-working weekday of a calendar: its date, its name, and
// where it comes from. A substitute day names the day it stands for.
type Holiday struct {
	Date       Date   `json:"date"`
	Name       string `json:"name"`
	Source     string `json:"source"`
	Substitute bool   `json:"substitute,omitempty"` // a weekday standing in for a holiday at a weekend
	For        Date   `json:"for,omitzero"`         // the holiday's own date, when Substitute
}

// Holidays lists the calendar's non-working weekdays in year, in date order.
// Holidays that fall at a weekend and are not moved are not listed: the day
// was not a working day anyway. Where two holidays share a day, their names
// are joined with " / ".
func (c *Calendar) Holidays(year int) []Holiday {
	if year < indexFirstYear || year > indexLastYear {
		return c.holidaysIn(year)
	}
	ch := c.chunk((year - indexFirstYear) / chunkYears)
	lo := Date{Year: year, Month: time.January, Day: 1}.Days()
	hi := Date{Year: year + 1, Month: time.January, Day: 1}.Days()
	var out []Holiday
	for _, o := range ch.offs {
		if int(o.n) >= lo && int(o.n) < hi {
			out = append(out, ch.holidayOf(o))
		}
	}
	return out
}

// holidaysIn is Holidays computed from the definitions, for a year outside
// the index.
func (c *Calendar) holidaysIn(year int) []Holiday {
	var out []Holiday
	for _, d := range c.defs {
		// A rule's observed day may fall in the year before or after its
		// own (a local rule that moves 1 January back to 31 December), so
		// look one year either side.
		for y := year - 1; y <= year+1; y++ {
			act, obs := d.h.Calc(y)
			if obs.IsZero() {
				continue
			}
			od := Date{Year: obs.Year(), Month: obs.Month(), Day: obs.Day()}
			if od.Year != year {
				continue
			}
			if wd := od.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			h := Holiday{Date: od, Name: d.h.Name, Source: d.source}
			if ad := (Date{Year: act.Year(), Month: act.Month(), Day: act.Day()}); ad != od {
				h.Substitute, h.For = true, ad
				h.Name += " (substitute day)"
			}
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	// Merge holidays that share a day.
	merged := out[:0]
	for _, h := range out {
		if n := len(merged); n > 0 && merged[n-1].Date == h.Date {
			merged[n-1].Name += " / " + h.Name
			if !strings.Contains(merged[n-1].Source, h.Source) {
				merged[n-1].Source += "; " + h.Source
			}
			continue
		}
		merged = append(merged, h)
	}
	return merged
}

// holiday returns the holiday on d, if d is a non-working weekday.
func (c *Calendar) holiday(d Date) (Holiday, bool) {
	if k, _, ok := locate(d.Days()); ok {
		ch := c.chunk(k)
		o, ok := ch.off(d.Days())
		if !ok {
			return Holiday{}, false
		}
		return ch.holidayOf(o), true
	}
	for _, h := range c.holidaysIn(d.Year) {
		if h.Date == d {
			return h, true
		}
	}
	return Holiday{}, false
}

// IsWorkingDay reports whether d is a working day: a weekday that is not one
// of the calendar's holidays.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if k, i, ok := locate(d.Days()); ok {
		return c.chunk(k).bit(i)
	}
	return c.isWorkingExact(d)
}

func (c *Calendar) isWorkingExact(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, hol := c.holiday(d)
	return !hol
}

// AddWorkingDays returns the n-th working day after d; the day d itself never
// counts, whether or not it is a working day. For n < 0 it returns the |n|-th
// working day before d. For n == 0 it returns d unchanged.
//
// For example, with Christmas and Boxing Day 2026 on Friday 25 and (by
// substitution) Monday 28 December, 1 working day after Thursday
// 2026-12-24 is Tuesday 2026-12-29.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	if n == 0 {
		return d
	}
	k, i, ok := locate(d.Days())
	if !ok {
		return c.addWorkingExact(d, n)
	}
	ch := c.chunk(k)
	if n > 0 {
		r := ch.rank(i + 1) // working days of the chunk up to d
		for r+n > ch.total() {
			n -= ch.total() - r
			if k++; k == numChunks {
				return c.addWorkingExact(guidance.DateFromDays(chunkLo[numChunks]-1), n)
			}
			ch, r, i = c.chunk(k), 0, 0
		}
		return guidance.DateFromDays(ch.lo + ch.selectNth(r+n-1, i/64))
	}
	n = -n
	r := ch.rank(i) // working days of the chunk before d
	for n > r {
		n -= r
		if k--; k < 0 {
			return c.addWorkingExact(guidance.DateFromDays(chunkLo[0]), -n)
		}
		ch = c.chunk(k)
		r, i = ch.total(), ch.n-1
	}
	return guidance.DateFromDays(ch.lo + ch.selectNth(r-n, i/64))
}

func (c *Calendar) addWorkingExact(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts working days from from to to. When to is after
// from it counts the working days d with from < d <= to. When to is before
// from it returns minus the number of working days d with to <= d < from.
// So it inverts AddWorkingDays: for any working day t,
// c.AddWorkingDays(f, c.WorkingDaysBetween(f, t)) == t; and for any n,
// c.WorkingDaysBetween(d, c.AddWorkingDays(d, n)) == n.
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	switch from.Compare(to) {
	case 0:
		return 0
	case 1:
		return -c.countHalfOpen(to.Days(), from.Days())
	}
	return c.countHalfOpen(from.Days()+1, to.Days()+1)
}

// countHalfOpen counts working days among the day numbers [a, b), a < b.
func (c *Calendar) countHalfOpen(a, b int) int {
	ka, i, okA := locate(a)
	kb, j, okB := locate(b - 1)
	if !okA || !okB {
		n := 0
		for d := a; d < b; d++ {
			if c.IsWorkingDay(guidance.DateFromDays(d)) {
				n++
			}
		}
		return n
	}
	j++ // b's position, one past the last day counted
	if ka == kb {
		ch := c.chunk(ka)
		return ch.rank(j) - ch.rank(i)
	}
	ch := c.chunk(ka)
	n := ch.total() - ch.rank(i)
	for k := ka + 1; k < kb; k++ {
		n += c.chunk(k).total()
	}
	return n + c.chunk(kb).rank(j)
}

// LastWorkingDayOnOrBefore returns d if it is a working day, and otherwise
// the last working day before it.
func (c *Calendar) LastWorkingDayOnOrBefore(d Date) Date {
	if c.IsWorkingDay(d) {
		return d
	}
	return c.AddWorkingDays(d, -1)
}

// skipped lists the non-working days strictly between a and b (in either
// order), each with why. Inside the index it visits only the clear bits of
// the bitmap, so a count of 15 working days touches its six or so weekend
// days and holidays, not every day.
func (c *Calendar) skipped(a, b Date) []Skip {
	lo, hi := a.Days(), b.Days()
	if hi < lo {
		lo, hi = hi, lo
	}
	lo++ // the days [lo, hi)
	if lo >= hi {
		return c.skippedExact(lo-1, hi)
	}
	ka, i, okA := locate(lo)
	kb, j, okB := locate(hi - 1)
	if !okA || !okB {
		return c.skippedExact(lo-1, hi)
	}
	// Size the list exactly: the days less the working ones.
	out := make([]Skip, 0, (hi-lo)-c.countHalfOpen(lo, hi))
	for k := ka; k <= kb; k++ {
		ch := c.chunk(k)
		from, to := 0, ch.n // positions [from, to) of this chunk
		if k == ka {
			from = i
		}
		if k == kb {
			to = j + 1
		}
		for w := from / 64; w*64 < to; w++ {
			free := ^ch.work[w] // set bits: non-working days
			if w == from/64 {
				free &^= 1<<(from%64) - 1 // drop positions before from
			}
			if end := to - w*64; end < 64 {
				free &= 1<<end - 1 // drop positions from to on
			}
			for ; free != 0; free &= free - 1 {
				n := ch.lo + w*64 + bits.TrailingZeros64(free)
				out = append(out, Skip{Date: guidance.DateFromDays(n), Why: ch.whyOff(n)})
			}
		}
	}
	return out
}

// skippedExact is skipped outside the index: it walks day by day through
// the day numbers strictly between lo and hi.
func (c *Calendar) skippedExact(lo, hi int) []Skip {
	var out []Skip
	for n := lo + 1; n < hi; n++ {
		d := guidance.DateFromDays(n)
		if why := c.Why(d); why != "" {
			out = append(out, Skip{Date: d, Why: why})
		}
	}
	return out
}

// Why returns why d is not a working day ("Saturday", or the holiday's name
// and source), and "" if it is a working day.
func (c *Calendar) Why(d Date) string {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	if k, _, ok := locate(d.Days()); ok {
		ch := c.chunk(k)
		if o, ok := ch.off(d.Days()); ok {
			return ch.infos[o.info].why
		}
		return ""
	}
	if h, ok := c.holiday(d); ok {
		return h.why()
	}
	return ""
}

func (h Holiday) why() string { return reason(h.Name, h.Source) }

// reason is why a holiday named name, from source, is not a working day.
func reason(name, source string) string { return name + " (" + source + ")" }

// A NonWorkingDay is a day to add to a calendar with [Calendar.With]: either
// one fixed Date (a one-off proclamation, an office closure) or a recurring
// Rule written as a rickar/cal holiday (a council's Easter Monday, a local
// September weekend). Name and Source are required: every day a deadline
// skips must say why.
type NonWorkingDay struct {
	Date   Date         `json:"date,omitzero"`
	Rule   *cal.Holiday `json:"-"`
	Name   string       `json:"name"`
	Source string       `json:"source"`
}

// With returns a new calendar: c plus the given non-working days. The new
// calendar's name is c's name and " + " and name. c is not changed.
//
// Each day must have a Name, a Source and exactly one of Date or Rule; a Rule
// must have a Func (rickar/cal silently ignores a holiday without one; this
// library refuses it). Errors are *guidance.Error of kind Invalid naming the
// day by position, e.g. "days[2].rule.func".
func (c *Calendar) With(name string, days ...NonWorkingDay) (*Calendar, error) {
	if strings.TrimSpace(name) == "" {
		return nil, &guidance.Error{Kind: guidance.Invalid, Field: "name",
			Hint: "name the derived calendar, e.g. \"Glasgow local holidays\""}
	}
	defs := slices.Clone(c.defs)
	for i, d := range days {
		field := fmt.Sprintf("days[%d]", i)
		bad := func(f, hint string) (*Calendar, error) {
			return nil, &guidance.Error{Kind: guidance.Invalid, Field: field + f, Hint: hint}
		}
		switch {
		case strings.TrimSpace(d.Name) == "":
			return bad(".name", "say what the day is, e.g. \"Glasgow Fair Monday\"")
		case strings.TrimSpace(d.Source) == "":
			return bad(".source", "say where the day comes from, e.g. the council decision or proclamation")
		case d.Rule == nil && d.Date.IsZero():
			return bad(".date", "give either a date or a recurring rule")
		case d.Rule != nil && !d.Date.IsZero():
			return bad(".date", "give either a date or a recurring rule, not both")
		case d.Rule == nil && !d.Date.Valid():
			return bad(".date", "the date does not exist")
		case d.Rule != nil && d.Rule.Func == nil:
			return bad(".rule.func", "the rickar/cal holiday has no Func, so it would never occur")
		}
		h := d.Rule
		if h == nil {
			h = &cal.Holiday{Month: d.Date.Month, Day: d.Date.Day, StartYear: d.Date.Year, EndYear: d.Date.Year,
				Func: cal.CalcDayOfMonth}
		} else {
			h = h.Clone(nil)
		}
		h.Name = d.Name
		defs = append(defs, definition{h: h, source: d.Source})
	}
	// A derived calendar's index is built as it is used: the last few
	// built from dated days alone are kept and handed out again for the
	// same base, name and days, so that checking many cases with one
	// council's holidays builds each decade once (a calendar is immutable,
	// so sharing one is safe).
	k, keyed := derivedKey(c, name, days)
	if keyed {
		derived.Lock()
		got, ok := derived.m[k]
		derived.Unlock()
		if ok {
			return got, nil
		}
	}
	out := &Calendar{name: c.name + " + " + name, defs: defs, base: c, own: len(c.defs)}
	if keyed {
		derived.Lock()
		if len(derived.m) >= maxDerived {
			clear(derived.m) // many different calendars: start again rather than grow
		}
		derived.m[k] = out
		derived.Unlock()
	}
	return out, nil
}

type calendarKey struct {
	base *Calendar
	days string
}

// derivedKey is the key of a calendar derived from base with dated days
// only; keyed is false when a day is a recurring rule (not worth keying by
// content). The key holds every string with its length, so no two sets of
// days share one.
func derivedKey(base *Calendar, name string, days []NonWorkingDay) (k calendarKey, keyed bool) {
	var b strings.Builder
	field := func(s string) { b.WriteString(strconv.Itoa(len(s)) + ":" + s) }
	field(name)
	for _, d := range days {
		if d.Rule != nil {
			return calendarKey{}, false
		}
		field(d.Date.String())
		field(d.Name)
		field(d.Source)
	}
	return calendarKey{base, b.String()}, true
}

// derived holds the calendars With built from dated days, at most
// maxDerived.
var derived = struct {
	sync.Mutex
	m map[calendarKey]*Calendar
}{m: map[calendarKey]*Calendar{}}

const maxDerived = 16
