package timescale

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cpguide/cpguide/guidance"
)

// The index of a calendar holds one bit per day from indexFirstYear to
// indexLastYear, in decades ("chunks") built on first use: a process that
// checks one case builds the decade or two its dates fall in, not three
// centuries. Outside the index every answer is computed exactly, day by day.
const (
	indexFirstYear = 1900
	indexLastYear  = 2199

	chunkYears = 10
	numChunks  = (indexLastYear - indexFirstYear + 1) / chunkYears
	chunkWords = (chunkYears*366 + 63) / 64 // enough words for the longest decade
)

// chunkLo[k] is the day number (see guidance.Date.Days) of the first day of
// chunk k; chunkLo[numChunks] is the day after the index.
var chunkLo = func() (lo [numChunks + 1]int) {
	for k := range lo {
		lo[k] = Date{Year: indexFirstYear + k*chunkYears, Month: time.January, Day: 1}.Days()
	}
	return lo
}()

// weekdayWords[r] is the bitmap of Monday to Friday for 64 days from a day
// numbered n with (n+4)%7 == r (day 0, 1970-01-01, was a Thursday): bit i is
// set when day n+i is a weekday.
var weekdayWords = func() (ws [7]uint64) {
	for r := range ws {
		for i := range 64 {
			if wd := time.Weekday((r + i) % 7); wd != time.Saturday && wd != time.Sunday {
				ws[r] |= 1 << i
			}
		}
	}
	return ws
}()

// weekdayOf returns the weekday of day number n.
func weekdayOf(n int) time.Weekday { return time.Weekday(((n+4)%7 + 7) % 7) }

// locate returns the chunk holding day number n and n's position in it,
// and false when n is outside the index.
func locate(n int) (k, i int, ok bool) {
	i = n - chunkLo[0]
	if i < 0 || n >= chunkLo[numChunks] {
		return 0, 0, false
	}
	// Decades are 3652 or 3653 days long, so this is k or k-1.
	k = i / (chunkYears*365 + 3)
	if n >= chunkLo[k+1] {
		k++
	}
	return k, n - chunkLo[k], true
}

// A chunk is one decade of a calendar's index: which of its days are working
// days, and its holidays. It is immutable once built; a derived calendar
// shares the chunks its extra days do not touch with its base.
type chunk struct {
	lo, n int                   // its days are the day numbers [lo, lo+n)
	work  [chunkWords]uint64    // bit i%64 of work[i/64]: day lo+i is a working day
	cum   [chunkWords + 1]int32 // cum[w]: working days before word w; cum[chunkWords] is the total
	offs  []offDay              // its non-working weekdays, in day order
	infos []holidayInfo         // the names and reasons offs refer to
}

// An offDay is a holiday of a chunk: its day number, its name and source
// (infos[info]) and, for a substitute day, how far its own date is.
type offDay struct {
	n          int32
	info       uint16
	forDelta   int16 // For minus Date, in days, when substitute
	substitute bool
}

// A holidayInfo is a holiday's name and source, and the reason Why gives.
type holidayInfo struct{ name, source, why string }

func (ch *chunk) total() int { return int(ch.cum[chunkWords]) }

func (ch *chunk) bit(i int) bool { return ch.work[i/64]>>(i%64)&1 == 1 }

// rank returns the number of working days among the chunk's first i days
// (0 <= i <= n).
func (ch *chunk) rank(i int) int {
	w, b := i/64, i%64
	r := int(ch.cum[w])
	if b != 0 {
		r += bits.OnesCount64(ch.work[w] & (1<<b - 1))
	}
	return r
}

// selectNth returns the position of the chunk's k-th working day (0-based),
// searching from word hint. 0 <= k < total.
func (ch *chunk) selectNth(k, hint int) int {
	// Gallop from the hint, then binary search: O(log distance).
	lo, hi := hint, hint+1 // invariant sought: cum[lo] <= k < cum[hi]
	const last = chunkWords
	if int(ch.cum[lo]) <= k {
		step := 1
		for hi <= last && int(ch.cum[hi]) <= k {
			lo = hi
			hi += step
			step *= 2
		}
		hi = min(hi, last)
	} else {
		hi = lo
		step := 1
		lo -= step
		for lo > 0 && int(ch.cum[lo]) > k {
			hi = lo
			step *= 2
			lo -= step
		}
		lo = max(lo, 0)
	}
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if int(ch.cum[mid]) <= k {
			lo = mid
		} else {
			hi = mid
		}
	}
	// The answer is in word lo: find its (k-cum[lo])-th set bit.
	x := ch.work[lo]
	r := k - int(ch.cum[lo])
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

// off returns the holiday of the chunk on day number n.
func (ch *chunk) off(n int) (offDay, bool) {
	i, ok := slices.BinarySearchFunc(ch.offs, n, func(o offDay, n int) int { return int(o.n) - n })
	if !ok {
		return offDay{}, false
	}
	return ch.offs[i], true
}

// holidayOf turns an offDay back into the Holiday it was built from.
func (ch *chunk) holidayOf(o offDay) Holiday {
	d := guidance.DateFromDays(int(o.n))
	info := &ch.infos[o.info]
	h := Holiday{Date: d, Name: info.name, Source: info.source, Substitute: o.substitute}
	if o.substitute {
		h.For = d.AddDays(int(o.forDelta))
	}
	return h
}

// whyOff returns why day number n of the chunk, a non-working day, is not
// a working day: its weekday at a weekend, else its holiday.
func (ch *chunk) whyOff(n int) string {
	if wd := weekdayOf(n); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	if o, ok := ch.off(n); ok {
		return ch.infos[o.info].why
	}
	return ""
}

// lazyChunk is a chunk built on first use.
type lazyChunk struct {
	once sync.Once
	ch   *chunk
}

// chunk returns chunk k of c's index, building it on first use.
func (c *Calendar) chunk(k int) *chunk {
	s := &c.chunks[k]
	s.once.Do(func() { s.ch = c.buildChunk(k) })
	return s.ch
}

// An occurrence is one definition's holiday in one year, as rickar/cal
// computes it: its observed and actual days.
type occurrence struct {
	obs, act int32  // day numbers
	def      uint16 // index in the calendar's defs
	year     uint16 // the year it was computed for
}

// lazyYear holds the occurrences of one year for a calendar's own
// definitions (a derived calendar's: its extra days only), computed once.
type lazyYear struct {
	once sync.Once
	occ  []occurrence
}

// The years whose occurrences a calendar keeps: the index, and a year
// either side, since an observed day may fall in the year before or after
// its own.
const (
	firstOccYear = indexFirstYear - 1
	numOccYears  = indexLastYear + 1 - firstOccYear + 1
)

// occurrences returns the occurrences in year y of c's own definitions
// (defs[c.own:]), each definition's holiday computed once per year; the
// national calendar's are precomputed (see scotlandOccurrences).
func (c *Calendar) occurrences(y int) []occurrence {
	i := y - firstOccYear
	if c.precomputed {
		return scotlandOccurrences[scotlandYearStart[i]:scotlandYearStart[i+1]]
	}
	s := &c.years[i]
	s.once.Do(func() { s.occ = computeOccurrences(c.defs, c.own, y) })
	return s.occ
}

// computeOccurrences computes with rickar/cal the occurrences in year y of
// defs[from:].
func computeOccurrences(defs []definition, from, y int) []occurrence {
	var occ []occurrence
	for i := from; i < len(defs); i++ {
		act, obs := defs[i].h.Calc(y)
		if obs.IsZero() {
			continue
		}
		oy, om, od := obs.Date()
		ay, am, ad := act.Date()
		occ = append(occ, occurrence{def: uint16(i), year: uint16(y),
			obs: int32(Date{Year: oy, Month: om, Day: od}.Days()),
			act: int32(Date{Year: ay, Month: am, Day: ad}.Days())})
	}
	return occ
}

// buildChunk builds chunk k: from the weekday pattern and the holidays of
// c's own definitions, or, for a derived calendar, from its base's chunk and
// the extra days that fall in it (sharing the base's chunk when none does).
func (c *Calendar) buildChunk(k int) *chunk {
	lo, hi := chunkLo[k], chunkLo[k+1]
	// The occurrences observed on a weekday of the chunk, in the order
	// Holidays merges them: by day, then definition, then year.
	var occ []occurrence
	y0 := indexFirstYear + k*chunkYears
	for y := y0 - 1; y <= y0+chunkYears; y++ {
		for _, o := range c.occurrences(y) {
			if int(o.obs) < lo || int(o.obs) >= hi {
				continue
			}
			// Holidays(year) looks one year either side of year.
			if oy := guidance.DateFromDays(int(o.obs)).Year; oy < y-1 || oy > y+1 {
				continue
			}
			if wd := weekdayOf(int(o.obs)); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			occ = append(occ, o)
		}
	}
	slices.SortFunc(occ, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.obs, b.obs), cmp.Compare(a.def, b.def), cmp.Compare(a.year, b.year))
	})

	var ch *chunk
	if c.base != nil {
		b := c.base.chunk(k)
		if len(occ) == 0 {
			return b
		}
		cp := *b
		cp.infos = slices.Clip(b.infos) // appending copies: the base's stay as they are
		ch = &cp
	} else {
		ch = &chunk{lo: lo, n: hi - lo}
		for w := range ch.work {
			ch.work[w] = weekdayWords[weekdayOf(lo+64*w)]
		}
		if tail := ch.n % 64; tail != 0 {
			ch.work[ch.n/64] &= 1<<tail - 1
		}
		clear(ch.work[(ch.n+63)/64:])
	}
	ch.addHolidays(c.defs, occ)
	for w, x := range ch.work {
		ch.cum[w+1] = ch.cum[w] + int32(bits.OnesCount64(x))
	}
	return ch
}

// addHolidays adds the occurrences occ (sorted by day, then definition,
// then year; all on weekdays of the chunk) to the chunk's holidays, merging
// those that share a day with each other or with a holiday already there,
// the way [Calendar.Holidays] does.
func (ch *chunk) addHolidays(defs []definition, occ []occurrence) {
	if len(occ) == 0 {
		return
	}
	// Infos of unmerged holidays are shared within the chunk: by
	// definition, and whether a substitute day.
	type keyed struct {
		def  int
		sub  bool
		info uint16
	}
	var seen []keyed
	infoFor := func(def int, sub bool) uint16 {
		for _, k := range seen {
			if k.def == def && k.sub == sub {
				return k.info
			}
		}
		name := defs[def].h.Name
		if sub {
			name += " (substitute day)"
		}
		src := defs[def].source
		ch.infos = append(ch.infos, holidayInfo{name, src, reason(name, src)})
		seen = append(seen, keyed{def, sub, uint16(len(ch.infos) - 1)})
		return uint16(len(ch.infos) - 1)
	}
	old := ch.offs
	merged := make([]offDay, 0, len(old)+len(occ))
	// fold adds occurrence o to the last holiday, which is on its day.
	fold := func(o occurrence) {
		last := &merged[len(merged)-1]
		name := defs[o.def].h.Name
		if o.obs != o.act {
			name += " (substitute day)"
		}
		src := defs[o.def].source
		prev := ch.infos[last.info]
		h := holidayInfo{name: prev.name + " / " + name, source: prev.source}
		if !strings.Contains(h.source, src) {
			h.source += "; " + src
		}
		h.why = reason(h.name, h.source)
		ch.infos = append(ch.infos, h)
		last.info = uint16(len(ch.infos) - 1)
	}
	i := 0
	for _, o := range occ {
		for ; i < len(old) && old[i].n <= o.obs; i++ {
			merged = append(merged, old[i])
		}
		if n := len(merged); n > 0 && merged[n-1].n == o.obs {
			fold(o)
			continue
		}
		sub := o.obs != o.act
		d := offDay{n: o.obs, info: infoFor(int(o.def), sub), substitute: sub}
		if sub {
			d.forDelta = int16(o.act - o.obs)
		}
		merged = append(merged, d)
		p := int(o.obs) - ch.lo
		ch.work[p/64] &^= 1 << (p % 64)
	}
	ch.offs = append(merged, old[i:]...)
}
