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
// A Calendar is immutable once built and safe for concurrent use. Working-day
// arithmetic does not walk day by day: each calendar holds one bit per day
// from 1900 to 2199 with cumulative counts, so AddWorkingDays and
// WorkingDaysBetween cost the same for 10 days or 10,000. Outside that range
// the answer is computed exactly, day by day.
//
// The zero value is not usable; build calendars with [Scotland] or
// [Calendar.With].
type Calendar struct {
	name string
	defs []definition

	// The index covers day numbers [lo, lo+n) (see guidance.Date.Days).
	lo, n int
	work  []uint64 // bit i%64 of work[i/64]: day lo+i is a working day
	cum   []int32  // cum[w]: working days before word w; cum[len(work)] is the total
	// offs lists the holidays of the indexed years in day order, so that
	// explanations name a skipped day without re-deriving its year. It holds
	// no pointers (names and sources are in infos, each once), so the garbage
	// collector never scans its thousands of entries.
	offs  []offDay
	infos []holidayInfo
}

// An offDay is a holiday of the index: its day number, its name and source
// (infos[info]) and, for a substitute day, how far its own date is.
type offDay struct {
	n          int32
	info       uint16
	forDelta   int16 // For minus Date, in days, when substitute
	substitute bool
}

// A holidayInfo is a holiday's name and source, and the reason Why gives.
type holidayInfo struct{ name, source, why string }

// off returns the holiday of the index on day number n.
func (c *Calendar) off(n int) (offDay, bool) {
	i, ok := slices.BinarySearchFunc(c.offs, n, func(o offDay, n int) int { return int(o.n) - n })
	if !ok {
		return offDay{}, false
	}
	return c.offs[i], true
}

// holidayOf turns an offDay back into the Holiday it was built from.
func (c *Calendar) holidayOf(o offDay) Holiday {
	d := guidance.DateFromDays(int(o.n))
	h := Holiday{Date: d, Name: c.infos[o.info].name, Source: c.infos[o.info].source, Substitute: o.substitute}
	if o.substitute {
		h.For = d.AddDays(int(o.forDelta))
	}
	return h
}

// The years the index covers. Outside them every call is exact but walks.
const (
	indexFirstYear = 1900
	indexLastYear  = 2199
)

var scotlandOnce = sync.OnceValue(func() *Calendar {
	return build("Scotland", scotland())
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

func build(name string, defs []definition) *Calendar {
	c := &Calendar{name: name, defs: defs}
	c.lo = Date{Year: indexFirstYear, Month: time.January, Day: 1}.Days()
	hi := Date{Year: indexLastYear + 1, Month: time.January, Day: 1}.Days()
	c.n = hi - c.lo
	words := (c.n + 63) / 64
	c.work = make([]uint64, words)
	for i := 0; i < c.n; i++ {
		if wd := guidance.DateFromDays(c.lo + i).Weekday(); wd != time.Saturday && wd != time.Sunday {
			c.work[i/64] |= 1 << (i % 64)
		}
	}
	infoOf := map[[2]string]uint16{}
	for y := indexFirstYear; y <= indexLastYear; y++ {
		for _, h := range c.holidaysIn(y) {
			n := h.Date.Days()
			i := n - c.lo
			c.work[i/64] &^= 1 << (i % 64)
			k := [2]string{h.Name, h.Source}
			info, ok := infoOf[k]
			if !ok {
				info = uint16(len(c.infos))
				infoOf[k] = info
				c.infos = append(c.infos, holidayInfo{h.Name, h.Source, h.why()})
			}
			o := offDay{n: int32(n), info: info, substitute: h.Substitute}
			if h.Substitute {
				o.forDelta = int16(h.For.Sub(h.Date))
			}
			c.offs = append(c.offs, o)
		}
	}
	// Each year's holidays come in date order; keep the whole list so.
	slices.SortStableFunc(c.offs, func(a, b offDay) int { return int(a.n) - int(b.n) })
	c.cum = make([]int32, words+1)
	for w, x := range c.work {
		c.cum[w+1] = c.cum[w] + int32(bits.OnesCount64(x))
	}
	return c
}

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
func (c *Calendar) Holidays(year int) []Holiday { return c.holidaysIn(year) }

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
	if _, ok := c.index(d); ok {
		o, ok := c.off(d.Days())
		if !ok {
			return Holiday{}, false
		}
		return c.holidayOf(o), true
	}
	for _, h := range c.holidaysIn(d.Year) {
		if h.Date == d {
			return h, true
		}
	}
	return Holiday{}, false
}

// index returns d's position in the index, and false outside it.
func (c *Calendar) index(d Date) (int, bool) {
	i := d.Days() - c.lo
	return i, i >= 0 && i < c.n
}

func (c *Calendar) bit(i int) int { return int(c.work[i/64] >> (i % 64) & 1) }

// rank returns the number of working days among the first i days of the
// index (0 <= i <= n).
func (c *Calendar) rank(i int) int {
	w, b := i/64, i%64
	r := int(c.cum[w])
	if b != 0 {
		r += bits.OnesCount64(c.work[w] & (1<<b - 1))
	}
	return r
}

// selectNth returns the index of the k-th working day (0-based) of the index,
// searching from word hint. 0 <= k < total.
func (c *Calendar) selectNth(k, hint int) int {
	// Gallop from the hint, then binary search: O(log distance).
	lo, hi := hint, hint+1 // invariant sought: cum[lo] <= k < cum[hi]
	last := len(c.work)
	if int(c.cum[lo]) <= k {
		step := 1
		for hi <= last && int(c.cum[hi]) <= k {
			lo = hi
			hi += step
			step *= 2
		}
		hi = min(hi, last)
	} else {
		hi = lo
		step := 1
		lo -= step
		for lo > 0 && int(c.cum[lo]) > k {
			hi = lo
			step *= 2
			lo -= step
		}
		lo = max(lo, 0)
	}
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if int(c.cum[mid]) <= k {
			lo = mid
		} else {
			hi = mid
		}
	}
	// The answer is in word lo: find its (k-cum[lo])-th set bit.
	x := c.work[lo]
	r := k - int(c.cum[lo])
	off := 0
	for {
		n := bits.OnesCount8(uint8(x))
		if r < n {
			break
		}
		r -= n
		x >>= 8
		off += 8
	}
	for ; r > 0; r-- {
		x &= x - 1
	}
	return lo*64 + off + bits.TrailingZeros64(x)
}

// IsWorkingDay reports whether d is a working day: a weekday that is not one
// of the calendar's holidays.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if i, ok := c.index(d); ok {
		return c.bit(i) == 1
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
	if i, ok := c.index(d); ok {
		total := int(c.cum[len(c.work)])
		var k int
		if n > 0 {
			k = c.rank(i) + c.bit(i) + n - 1
		} else {
			k = c.rank(i) + n
		}
		if k >= 0 && k < total {
			return guidance.DateFromDays(c.lo + c.selectNth(k, i/64))
		}
	}
	return c.addWorkingExact(d, n)
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
		return -c.countHalfOpen(to, from)
	}
	return c.countHalfOpen(from.AddDays(1), to.AddDays(1))
}

// countHalfOpen counts working days d with a <= d < b (a before b).
func (c *Calendar) countHalfOpen(a, b Date) int {
	i, j := a.Days()-c.lo, b.Days()-c.lo
	if i >= 0 && j <= c.n {
		return c.rank(j) - c.rank(i)
	}
	n := 0
	for d := a; d.Before(b); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
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
	i, j := lo+1-c.lo, hi-c.lo // index positions [i, j)
	if i < 0 || j > c.n || i >= j {
		return c.skippedExact(lo, hi)
	}
	// Size the list exactly: days in (lo, hi) less the working ones.
	out := make([]Skip, 0, (j-i)-(c.rank(j)-c.rank(i)))
	for w := i / 64; w*64 < j; w++ {
		free := ^c.work[w] // set bits: non-working days
		if w == i/64 {
			free &^= 1<<(i%64) - 1 // drop positions before i
		}
		if end := j - w*64; end < 64 {
			free &= 1<<end - 1 // drop positions from j on
		}
		for ; free != 0; free &= free - 1 {
			n := c.lo + w*64 + bits.TrailingZeros64(free)
			out = append(out, Skip{Date: guidance.DateFromDays(n), Why: c.whyOff(n)})
		}
	}
	return out
}

// skippedExact is skipped outside the index: it walks day by day.
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

// whyOff returns why day number n, a non-working day inside the index, is
// not a working day: its weekday at a weekend, else its holiday.
func (c *Calendar) whyOff(n int) string {
	// Day 0 (1970-01-01) was a Thursday.
	if wd := time.Weekday(((n+4)%7 + 7) % 7); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	if o, ok := c.off(n); ok {
		return c.infos[o.info].why
	}
	return ""
}

// Why returns why d is not a working day ("Saturday", or the holiday's name
// and source), and "" if it is a working day.
func (c *Calendar) Why(d Date) string {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	if o, ok := c.off(d.Days()); ok {
		return c.infos[o.info].why
	}
	if _, ok := c.index(d); ok {
		return ""
	}
	if h, ok := c.holiday(d); ok {
		return h.why()
	}
	return ""
}

func (h Holiday) why() string { return h.Name + " (" + h.Source + ")" }

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
	// A derived calendar indexes three centuries of days, which costs far
	// more than a check: the last few built from dated days alone are kept
	// and handed out again for the same base, name and days (a calendar is
	// immutable, so sharing one is safe).
	k, keyed := derivedKey(c, name, days)
	if keyed {
		derived.Lock()
		got, ok := derived.m[k]
		derived.Unlock()
		if ok {
			return got, nil
		}
	}
	out := build(c.name+" + "+name, defs)
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
