package guidance

import (
	"cmp"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// A Report collects the findings of a check under one edition. The zero
// value is an empty report ready to use.
//
// A report stores its findings compactly (24 bytes each: the rule's place
// in the catalogue, the status, dates as day numbers, the subject by index
// and the message by reference) and builds each [Finding] when it is read:
// [Report.At], [Report.All], [Report.Findings]. The title and citations of
// a finding read from a report are the catalogue's own, shared and
// read-only: clone Citations before changing them.
type Report struct {
	Edition Edition
	Today   Date

	entries  []entry
	subjects []string
	spill    []Finding // findings that do not fit an entry (see Builder.Record), and those given to Add
	cites    []ruleCite
}

// entry is one finding of a report, compactly. msg and msgLen are the
// message (unsafe.String(msg, msgLen)); the pointer keeps the message's
// bytes alive and they are never written again (see Builder.Record).
type entry struct {
	msg     *byte
	due     int32  // day number (Date.Days) of the due date; noDay: none
	done    int32  // day number of the date done; noDay: none
	rule    uint16 // the rule's place in the catalogue (12 bits), then bits 16-19 of the subject's index
	subject uint16 // bits 0-15 of the index in subjects; for a spilled entry, the low 16 bits of its index in spill
	msgLen  uint16 // for a spilled entry, the high 16 bits of its index in spill
	meta    uint16 // edition, status, strength, spilled, message form: see the constants below
}

const (
	noDay       = math.MinInt32
	metaSpilled = 1 << 12
	// The form of the message, bits 13-14: literal text; a template whose
	// "%d"s and "%D"s take the numbers held in due and done (the finding
	// has no dates); a step done on time, or late with no variation, whose
	// text AppendMet or AppendLate builds from the dates.
	metaFormShift = 13
	formLiteral   = 0
	formNumbers   = 1
	formMet       = 2
	formLate      = 3
	ruleBits      = 12
	ruleMask      = 1<<ruleBits - 1
	maxSubjects   = 1 << 20 // a report of more subjects spills the rest
)

func packMeta(e Edition, s Status, st Strength) uint16 {
	return uint16(e&0xf) | uint16(s&0xf)<<4 | uint16(st&0xf)<<8
}

func (e *entry) edition() Edition   { return Edition(e.meta & 0xf) }
func (e *entry) status() Status     { return Status(e.meta >> 4 & 0xf) }
func (e *entry) strength() Strength { return Strength(e.meta >> 8 & 0xf) }
func (e *entry) spilled() bool      { return e.meta&metaSpilled != 0 }
func (e *entry) urgency() int       { return int(urgencyOf[e.meta>>4&0xff]) } // urgency(e.status(), e.strength())
func (e *entry) form() int          { return int(e.meta >> metaFormShift & 3) }

// dueDay and doneDay are the day numbers of the dates, noDay for none.
func (e *entry) dueDay() int32 {
	if e.form() == formNumbers {
		return noDay
	}
	return e.due
}

func (e *entry) doneDay() int32 {
	if e.form() == formNumbers {
		return noDay
	}
	return e.done
}

// message builds the entry's message.
func (e *entry) message() string {
	text := unsafe.String(e.msg, int(e.msgLen))
	switch e.form() {
	case formNumbers:
		return string(AppendNumbers(nil, text, int(e.due), int(e.done)))
	case formMet:
		return string(AppendMet(nil, dateOf(e.done), dateOf(e.due)))
	case formLate:
		return string(AppendLate(nil, dateOf(e.done), dateOf(e.due)))
	}
	return text
}
func (e *entry) spillIndex() int   { return int(e.msgLen)<<16 | int(e.subject) }
func (e *entry) ruleIndex() int    { return int(e.rule & ruleMask) }
func (e *entry) subjectIndex() int { return int(e.rule>>ruleBits)<<16 | int(e.subject) }
func (e *entry) setStrength(s Strength) {
	e.meta = e.meta&^(0xf<<8) | uint16(s&0xf)<<8
}

// ruleCite is a citation a report adds to every finding of one rule: a
// council procedure's provision (see [Report.Cite]).
type ruleCite struct {
	rule     string
	citation Citation
}

// dayOf is d as a day number, and false when d does not fit an entry. (The
// zero date, the commonest, is decided here, where the call is inlined.)
func dayOf(d Date) (int32, bool) {
	if d.IsZero() {
		return noDay, true
	}
	return dayOfDate(d)
}

func dayOfDate(d Date) (int32, bool) {
	if !d.Valid() {
		return 0, false
	}
	return int32(fastDays(uint32(d.Year), uint32(d.Month), uint32(d.Day))), true
}

// AppendNumbers appends template to b with each "%d" replaced by the next
// of the numbers in decimal, each "%D" by the date whose day number
// ([Date.Days]) is the next of the numbers, and "%%" by "%" (with no
// number left, "%d" and "%D" stay): the text of a message given as a
// template (see Builder.RecordNumbers).
func AppendNumbers(b []byte, template string, numbers ...int) []byte {
	for i := 0; i < len(template); i++ {
		c := template[i]
		if c == '%' && i+1 < len(template) {
			switch template[i+1] {
			case 'd', 'D':
				if len(numbers) > 0 {
					if template[i+1] == 'd' {
						b = strconv.AppendInt(b, int64(numbers[0]), 10)
					} else {
						b = DateFromDays(numbers[0]).AppendString(b)
					}
					numbers = numbers[1:]
					i++
					continue
				}
			case '%':
				b = append(b, '%')
				i++
				continue
			}
		}
		b = append(b, c)
	}
	return b
}

// CountNumbers returns how many numbers template takes: its "%d"s and
// "%D"s (see AppendNumbers).
func CountNumbers(template string) int {
	n := 0
	for i := 0; i+1 < len(template); i++ {
		if template[i] == '%' {
			if template[i+1] == 'd' || template[i+1] == 'D' {
				n++
			}
			i++
		}
	}
	return n
}

// AppendMet appends the message of a step done on date done, on or before
// its due date: "done on 2026-03-24, due by 2026-03-30".
func AppendMet(b []byte, done, due Date) []byte {
	b = append(b, "done on "...)
	b = done.AppendString(b)
	b = append(b, ", due by "...)
	return due.AppendString(b)
}

// AppendLate appends the message of a step done on date done, after its
// due date, with no variation to weigh: "done on 2026-04-20, 14 day(s)
// after the due date 2026-04-06; record the reasons".
func AppendLate(b []byte, done, due Date) []byte {
	b = append(b, "done on "...)
	b = done.AppendString(b)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(done.Sub(due)), 10)
	b = append(b, " day(s) after the due date "...)
	b = due.AppendString(b)
	return append(b, "; record the reasons"...)
}

func dateOf(n int32) Date {
	if n == noDay {
		return Date{}
	}
	return DateFromDays(int(n))
}

// Len returns the number of findings.
func (r *Report) Len() int { return len(r.entries) }

// At returns the i'th finding. It panics if i is out of range.
func (r *Report) At(i int) Finding {
	e := &r.entries[i]
	if e.spilled() {
		f := r.spill[e.spillIndex()]
		f.Citations = r.withCites(f.Rule, f.Citations)
		return f
	}
	rule := &catalogue[e.ruleIndex()]
	ed := e.edition()
	f := Finding{Rule: rule.ID, Title: rule.Title, Edition: ed, Strength: e.strength(), Status: e.status(),
		Subject: r.subjects[e.subjectIndex()], Due: dateOf(e.dueDay()), Done: dateOf(e.doneDay()),
		Message: e.message()}
	if p := rule.provision(ed); p != nil {
		f.Citations = r.withCites(rule.ID, p.citations())
	}
	return f
}

// Brief returns the i'th finding without its message, title and
// citations: its rule, edition, strength, status, subject and dates, for a
// caller that matches findings without building their text.
func (r *Report) Brief(i int) Finding {
	e := &r.entries[i]
	if e.spilled() {
		f := r.spill[e.spillIndex()]
		f.Title, f.Message, f.Citations = "", "", nil
		return f
	}
	return Finding{Rule: catalogue[e.ruleIndex()].ID, Edition: e.edition(), Strength: e.strength(), Status: e.status(),
		Subject: r.subjects[e.subjectIndex()], Due: dateOf(e.dueDay()), Done: dateOf(e.doneDay())}
}

// RuleAt returns the rule of the i'th finding, as At and Brief give it,
// without building the finding: for a caller that looks for the findings of
// one rule among many. It panics if i is out of range.
func (r *Report) RuleAt(i int) string {
	e := &r.entries[i]
	if e.spilled() {
		return r.spill[e.spillIndex()].Rule
	}
	return catalogue[e.ruleIndex()].ID
}

// SubjectAt returns the subject of the i'th finding, as At and Brief give
// it, without building the finding. It panics if i is out of range.
func (r *Report) SubjectAt(i int) string {
	e := &r.entries[i]
	if e.spilled() {
		return r.spill[e.spillIndex()].Subject
	}
	return r.subjects[e.subjectIndex()]
}

// withCites is cs with the citations the report adds to the findings of
// rule (see Report.Cite); cs itself when it adds none.
func (r *Report) withCites(rule string, cs []Citation) []Citation {
	n := 0
	for i := range r.cites {
		if r.cites[i].rule == rule {
			n++
		}
	}
	if n == 0 {
		return cs
	}
	out := make([]Citation, len(cs), len(cs)+n)
	copy(out, cs)
	for i := range r.cites {
		if r.cites[i].rule == rule {
			out = append(out, r.cites[i].citation)
		}
	}
	return out
}

// All returns the findings in order, each with its index.
func (r *Report) All() iter.Seq2[int, Finding] {
	return func(yield func(int, Finding) bool) {
		for i := range r.entries {
			if !yield(i, r.At(i)) {
				return
			}
		}
	}
}

// Findings returns the findings in order, in a new slice the caller owns
// (their citations stay read-only: see [Report]).
func (r *Report) Findings() []Finding {
	out := make([]Finding, len(r.entries))
	for i := range r.entries {
		out[i] = r.At(i)
	}
	return out
}

// Add appends findings to the report, as they are.
func (r *Report) Add(fs ...Finding) {
	for _, f := range fs {
		n := len(r.spill)
		r.entries = append(r.entries, entry{meta: metaSpilled, subject: uint16(n), msgLen: uint16(n >> 16)})
		r.spill = append(r.spill, f)
	}
}

// Cite makes every finding of rule cite c after its own citations, and
// take strength s where s is stronger than the finding's: a council
// procedure profile's provision for the rule (see package procedures). Cite
// does not sort: call [Report.Sort] after it, since a stronger strength
// changes the order.
func (r *Report) Cite(rule string, c Citation, s Strength) {
	r.cites = append(r.cites, ruleCite{rule, c})
	stronger := func(old Strength) bool { return s != StrengthUnset && s < old }
	for i := range r.entries {
		e := &r.entries[i]
		if e.spilled() {
			if f := &r.spill[e.spillIndex()]; f.Rule == rule && stronger(f.Strength) {
				f.Strength = s
			}
			continue
		}
		if catalogue[e.ruleIndex()].ID == rule && stronger(e.strength()) {
			e.setStrength(s)
		}
	}
}

// status and strength of finding i, without building it.
func (r *Report) statusAt(i int) (Status, Strength) {
	e := &r.entries[i]
	if e.spilled() {
		f := &r.spill[e.spillIndex()]
		return f.Status, f.Strength
	}
	return e.status(), e.strength()
}

// Breaches returns the findings that are breaches: Overdue, Late or Missing
// for a Must or Should rule.
func (r *Report) Breaches() []Finding {
	var out []Finding
	for i := range r.entries {
		if s, st := r.statusAt(i); s.Failed() && st.Binding() {
			out = append(out, r.At(i))
		}
	}
	return out
}

// Count returns how many findings have the status s.
func (r *Report) Count(s Status) int {
	n := 0
	for i := range r.entries {
		if st, _ := r.statusAt(i); st == s {
			n++
		}
	}
	return n
}

// MarshalJSON encodes the report as {"edition", "today", "findings"}.
func (r Report) MarshalJSON() ([]byte, error) {
	return json.Marshal(reportJSON{Edition: r.Edition, Today: r.Today, Findings: r.Findings()})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (r *Report) UnmarshalJSON(b []byte) error {
	var v reportJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Report{Edition: v.Edition, Today: v.Today}
	r.Add(v.Findings...)
	return nil
}

type reportJSON struct {
	Edition  Edition   `json:"edition"`
	Today    Date      `json:"today,omitzero"`
	Findings []Finding `json:"findings"`
}

// Sort orders the findings by urgency: breaches of must before should, then
// other failures, unknowns, pending items by due date, and met or not
// applicable last. Ties keep rule-ID order, so output is stable.
func (r *Report) Sort() {
	var keys, aux [128]uint64
	r.sort(keys[:0], aux[:0])
}

// sort is Sort with scratch space for the keys; it grows it when it is too
// small, and returns it for the next sort.
func (r *Report) sort(keys, aux []uint64) ([]uint64, []uint64) {
	if len(r.entries) < 2 {
		return keys, aux
	}
	var perm []uint64
	keys, aux, perm = r.order(keys[:0], aux[:0])
	// Apply the permutation in place, cycle by cycle: position j takes the
	// entry that was at perm[j]. Each entry moves once.
	for start := range perm {
		if perm[start] == uint64(start) {
			continue
		}
		held := r.entries[start]
		j := start
		for {
			k := int(perm[j])
			perm[j] = uint64(j)
			if k == start {
				r.entries[j] = held
				break
			}
			r.entries[j] = r.entries[k]
			j = k
		}
	}
	return keys, aux
}

// order returns the index of each finding, in sorted order: by urgency,
// then due date (none last), then rule ID, then position, which makes the
// order total and equal to a stable sort's. The result is in keys's or
// aux's storage, which order grows as it needs and returns.
func (r *Report) order(keys, aux []uint64) (_, _, perm []uint64) {
	// Usually every key packs into a uint64 (see packKey): sorting those is
	// several times faster than comparing findings field by field.
	for i := range r.entries {
		k, ok := r.packKey(i)
		if !ok {
			aux = r.orderByFields(aux[:0])
			return keys, aux, aux
		}
		keys = append(keys, k)
	}
	// A radix sort in two stable counting passes, by rule then by
	// urgency, leaves each urgency's findings in (rule, position) order;
	// an insertion sort by the whole key then puts the due dates in order,
	// moving only the few findings that have one.
	aux = slices.Grow(aux[:0], len(keys))[:len(keys)]
	perm = sortKeys(keys, aux)
	for j, k := range perm {
		perm[j] = k & indexMask
	}
	return keys, aux, perm
}

// sortKeys sorts packed keys (see packKey) whose ranks are places in the
// catalogue, using buf (of the same length) as scratch space, and returns
// them sorted (in keys's storage).
func sortKeys(keys, buf []uint64) []uint64 {
	if len(keys) <= 32 {
		// Few: the counting passes cost more than they save.
		insertionSort(keys)
		return keys
	}
	var small [128]int32
	counts := small[:]
	if len(catalogue)+1 > len(small) {
		counts = make([]int32, len(catalogue)+1)
	}
	counts = counts[:len(catalogue)+1]
	rank := func(k uint64) int { return int(k >> indexBits & (1<<rankBits - 1)) }
	for _, k := range keys {
		counts[rank(k)+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	// Then by urgency, and within it the findings with a due date before
	// those without: a stable counting pass over 16 buckets, counted while
	// the first pass scatters. A key's bucket is its top 4 bits (the
	// urgency, then the due date's top bit, set only for none: see
	// packKey). Those without are then in order; those with a date are few,
	// and sorted by it.
	var at [2<<3 + 1]int // where each bucket's findings start
	for _, k := range keys {
		r := rank(k)
		buf[counts[r]] = k
		counts[r]++
		at[k>>bucketShift+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	starts := at
	for _, k := range buf {
		b := k >> bucketShift
		keys[at[b]] = k
		at[b]++
	}
	for b := 0; b < len(starts)-1; b += 2 {
		insertionSort(keys[starts[b]:starts[b+1]])
	}
	return keys
}

// insertionSort sorts keys that are mostly in order already; past a budget
// of moves it leaves the rest to slices.Sort, so that the time stays
// n log n whatever the order.
func insertionSort(keys []uint64) {
	budget := 8 * len(keys)
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for j > 0 && keys[j-1] > k {
			keys[j] = keys[j-1]
			j--
			budget--
		}
		keys[j] = k
		if budget < 0 {
			slices.Sort(keys)
			return
		}
	}
}

// A packed sort key is, from the most significant bit: the urgency (3 bits),
// the due date as a day number from 0000-03-01, all ones for none (23 bits;
// a real date, up to 9999-12-31, leaves the top one clear), the rule's place
// in the catalogue, which is in ID order (12 bits) and the finding's
// position (26 bits). Comparing keys compares those fields in that order.
const (
	indexBits = 26
	rankBits  = 12
	dueBits   = 23
	indexMask = 1<<indexBits - 1
	noDue     = 1<<dueBits - 1
	dayZero   = 719468 // Date{0, March, 1}.Days() is -719468
	// bucketShift leaves a key's urgency and the top bit of its due date:
	// its bucket in sortKeys, urgency*2, plus 1 for no due date.
	bucketShift = dueBits - 1 + rankBits + indexBits
)

// ruleRank is each catalogue rule's place in ID order.
var ruleRank = func() map[string]uint64 {
	m := make(map[string]uint64, len(catalogue))
	for i, r := range catalogue {
		m[r.ID] = uint64(i)
	}
	return m
}()

// packKey returns finding i's sort key, or false when a field does not fit:
// a rule outside the catalogue, a due date that is not a real date from year
// 1 to 9999, or more findings than the index holds.
func (r *Report) packKey(i int) (uint64, bool) {
	if i > indexMask {
		return 0, false
	}
	e := &r.entries[i]
	var rank, due uint64
	var u int
	if e.spilled() {
		f := &r.spill[e.spillIndex()]
		var ok bool
		if rank, ok = ruleRank[f.Rule]; !ok {
			return 0, false
		}
		due = noDue
		if !f.Due.IsZero() {
			if !f.Due.Valid() {
				return 0, false
			}
			due = uint64(f.Due.Days() + dayZero)
		}
		u = urgency(f.Status, f.Strength)
	} else {
		rank, due = uint64(e.ruleIndex()), noDue
		if d := e.dueDay(); d != noDay {
			due = uint64(int(d) + dayZero)
		}
		u = e.urgency()
	}
	if rank >= 1<<rankBits || (due != noDue && due >= 1<<(dueBits-1)) {
		return 0, false
	}
	return uint64(u)<<(dueBits+rankBits+indexBits) | due<<(rankBits+indexBits) | rank<<indexBits | uint64(i), true
}

// orderByFields is order for findings whose keys do not pack: it compares
// the fields themselves.
func (r *Report) orderByFields(perm []uint64) []uint64 {
	perm = perm[:0]
	fs := r.Findings()
	for i := range fs {
		perm = append(perm, uint64(i))
	}
	slices.SortStableFunc(perm, func(a, b uint64) int {
		fa, fb := &fs[a], &fs[b]
		if c := cmp.Compare(urgency(fa.Status, fa.Strength), urgency(fb.Status, fb.Strength)); c != 0 {
			return c
		}
		if c := compareDue(fa.Due, fb.Due); c != 0 {
			return c
		}
		return strings.Compare(fa.Rule, fb.Rule)
	})
	return perm
}

// urgencyOf is urgency by an entry's status and strength bits (its meta
// shifted right by 4: the status, then the strength times 16; see
// entry.urgency).
var urgencyOf = func() (t [256]uint8) {
	for i := range t {
		t[i] = uint8(urgency(Status(i&0xf), Strength(i>>4)))
	}
	return t
}()

func urgency(s Status, st Strength) int {
	breach := s.Failed() && st.Binding()
	switch {
	case breach && st == Must:
		return 0
	case breach:
		return 1
	case s.Failed():
		return 2
	case s == Unknown:
		return 3
	case s == Pending:
		return 4
	default:
		return 5
	}
}

func compareDue(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Err returns nil when no Must or Should rule is Overdue, Late or Missing,
// and otherwise a *[BreachError] listing the breaches. A test suite asserts
// compliance with require.NoError(t, report.Err()).
func (r *Report) Err() error {
	bs := r.Breaches()
	if len(bs) == 0 {
		return nil
	}
	return &BreachError{Edition: r.Edition, Breaches: bs}
}

// BreachError is returned by [Report.Err]. It lists every breach found.
type BreachError struct {
	Edition  Edition
	Breaches []Finding
}

func (e *BreachError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d breach(es) of the %s guidance", len(e.Breaches), e.Edition)
	for _, f := range e.Breaches {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	return b.String()
}
