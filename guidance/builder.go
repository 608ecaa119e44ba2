package guidance

import (
	"math"
	"slices"
	"unsafe"

	"github.com/cpguide/cpguide/internal/addrcache"
)

// A Ref is one rule as one edition states it: what a [Builder] needs to
// record findings of the rule. Get one with [RefOf]. The zero Ref refers to
// nothing.
type Ref struct {
	rule     uint16
	edition  Edition
	strength Strength
	ok       bool
}

// RefOf returns the reference of rule id in edition e, and whether e states
// the rule. The Ref of a rule the edition does not state has no strength
// and no citations (a finding of it says there is nothing to check); an ID
// the catalogue lacks gives the zero Ref.
func RefOf(id string, e Edition) (Ref, bool) {
	i, ok := ruleRank[id]
	if !ok {
		return Ref{}, false
	}
	if p := catalogue[i].provision(e); p != nil {
		return Ref{rule: uint16(i), edition: e, strength: p.Strength, ok: true}, true
	}
	return Ref{rule: uint16(i), edition: e, ok: true}, false
}

// Valid reports whether x refers to a rule of the catalogue.
func (x Ref) Valid() bool { return x.ok }

// ID returns the rule's ID; "" for the zero Ref.
func (x Ref) ID() string {
	if !x.ok {
		return ""
	}
	return catalogue[x.rule].ID
}

// Title returns the rule's title.
func (x Ref) Title() string {
	if !x.ok {
		return ""
	}
	return catalogue[x.rule].Title
}

// Strength returns how firmly the edition states the rule.
func (x Ref) Strength() Strength { return x.strength }

// Citations returns the edition's citations of the rule: the catalogue's
// own, read-only.
func (x Ref) Citations() []Citation {
	if !x.ok {
		return nil
	}
	if p := catalogue[x.rule].provision(x.edition); p != nil {
		return p.citations()
	}
	return nil
}

// Unconfirmed returns what of the edition's provision of the rule was not
// read in the national text (see Provision.Unconfirmed); "" when all was.
func (x Ref) Unconfirmed() string {
	if !x.ok {
		return ""
	}
	if p := catalogue[x.rule].provision(x.edition); p != nil {
		return p.Unconfirmed
	}
	return ""
}

// A Builder builds reports: it records findings compactly and hands out a
// report in exactly sized storage, keeping its buffers for the next one, so
// that a checker making many reports allocates little. The zero value is
// ready to use. A Builder is not safe for concurrent use.
type Builder struct {
	r         Report
	keys, aux []uint64
}

// Reset empties the builder for a report under edition e on date today,
// keeping the capacity of its buffers.
func (b *Builder) Reset(e Edition, today Date) {
	clear(b.r.spill)
	clear(b.r.subjects)
	b.r = Report{Edition: e, Today: today, entries: b.r.entries[:0], subjects: b.r.subjects[:0],
		spill: b.r.spill[:0], cites: b.r.cites[:0]}
}

// Len returns the number of findings recorded.
func (b *Builder) Len() int { return len(b.r.entries) }

// Record adds a finding of rule x with status s about subject, with its due
// date and the date it was done (zero for none), and message msg. cites are
// the finding's citations when they are not the rule's own in x's edition
// (a deadline counted with a local figure cites it); nil means the rule's.
//
// The report keeps msg and subject as they are: their bytes must never
// change afterwards (any Go string; a string made with unsafe.String over
// bytes that are written again is not).
func (b *Builder) Record(x Ref, s Status, subject string, due, done Date, msg string, cites []Citation) {
	if due.IsZero() && done.IsZero() && cites == nil {
		b.RecordMessage(x, s, subject, msg)
		return
	}
	if !x.ok {
		panic(zeroRef)
	}
	dd, okDue := dayOf(due)
	dn, okDone := dayOf(done)
	own := cites == nil || slices.Equal(cites, x.Citations())
	if !okDue || !okDone || !own || len(msg) > math.MaxUint16 {
		b.spill(x, s, subject, due, done, msg, cites)
		return
	}
	si, ok := b.subject(subject) // last: a finding spilled takes no slot
	if !ok {
		b.spill(x, s, subject, due, done, msg, cites)
		return
	}
	b.push(x, s, si, dd, dn, unsafe.StringData(msg), len(msg), formLiteral)
}

// RecordMessage is Record for a finding with no dates that cites the
// rule's own citations: the commonest finding, recorded with the least
// work.
func (b *Builder) RecordMessage(x Ref, s Status, subject, msg string) {
	if !x.ok {
		panic(zeroRef)
	}
	if len(msg) <= math.MaxUint16 {
		if si, ok := b.subject(subject); ok { // last: a finding spilled takes no slot
			b.push(x, s, si, noDay, noDay, unsafe.StringData(msg), len(msg), formLiteral)
			return
		}
	}
	b.spill(x, s, subject, Date{}, Date{}, msg, nil)
}

const zeroRef = "guidance.Builder.Record: the zero Ref: get the rule's with RefOf"

// push appends the entry of a finding of rule x with status s, the subject
// at index si, the day numbers (or numbers: see the forms) due and done,
// and the message or template of n bytes at msg in the given form.
func (b *Builder) push(x Ref, s Status, si int, due, done int32, msg *byte, n, form int) {
	b.r.entries = append(b.r.entries, entry{msg: msg, msgLen: uint16(n), due: due, done: done,
		rule: x.rule | uint16(si>>16)<<ruleBits, subject: uint16(si), meta: packMeta(x.edition, s, x.strength) | uint16(form)<<metaFormShift})
}

// RecordNumbers is Record for a finding without dates whose message is
// template with its "%d"s replaced by numbers (see AppendNumbers): the text
// is built when the finding is read. It reports false, recording nothing,
// when the numbers do not fit (more than two, or beyond 32 bits): format
// the message and Record it.
func (b *Builder) RecordNumbers(x Ref, s Status, subject, template string, numbers ...int) bool {
	if len(numbers) > 2 || len(template) > math.MaxUint16 || numbersIn.Get(template, CountNumbers) != len(numbers) {
		return false
	}
	var n [2]int32
	for i, v := range numbers {
		if v < math.MinInt32+1 || v > math.MaxInt32 {
			return false
		}
		n[i] = int32(v)
	}
	if !x.ok {
		return false
	}
	si, ok := b.subject(subject)
	if !ok {
		return false
	}
	b.push(x, s, si, n[0], n[1], unsafe.StringData(template), len(template), formNumbers)
	return true
}

// numbersIn caches CountNumbers of the templates, which are constants of
// the checks, by their address.
var numbersIn addrcache.Cache[int]

// RecordDone records a step of rule x due by date due and done on date
// done, whose status s is Met (done by the due date) or Late (after it,
// with no variation to weigh): its message, which AppendMet or AppendLate
// writes, is built from the dates when the finding is read. It cites cites
// (nil: the rule's own). It panics for another status: those messages are
// not made from the dates alone (use Record).
func (b *Builder) RecordDone(x Ref, s Status, subject string, due, done Date, cites []Citation) {
	form, write := formMet, AppendMet
	switch s {
	case Met:
	case Late:
		form, write = formLate, AppendLate
	default:
		panic("guidance.Builder.RecordDone: status " + s.String() + " is neither met nor late: record it with Record")
	}
	dd, okDue := dayOf(due)
	dn, okDone := dayOf(done)
	if !x.ok || !okDue || !okDone || dd == noDay || dn == noDay || !(cites == nil || slices.Equal(cites, x.Citations())) {
		b.Record(x, s, subject, due, done, string(write(nil, done, due)), cites)
		return
	}
	si, ok := b.subject(subject)
	if !ok {
		b.Record(x, s, subject, due, done, string(write(nil, done, due)), cites)
		return
	}
	b.push(x, s, si, dd, dn, nil, 0, form)
}

// spill records a finding that does not fit an entry whole.
func (b *Builder) spill(x Ref, s Status, subject string, due, done Date, msg string, cites []Citation) {
	if cites == nil {
		cites = x.Citations()
	}
	b.r.Add(Finding{Rule: x.ID(), Title: x.Title(), Edition: x.edition, Strength: x.strength, Status: s,
		Subject: subject, Due: due, Done: done, Message: msg, Citations: cites})
}

// subject returns the index of subject in the subjects, adding it if it is
// not one of the last 8 added, and false when the table is full. A subject
// is found by the address of its bytes, never by comparing them: checks
// usually name a record by the very string each time (a constant, or one
// they wrote once for the record), and a string of the same words
// elsewhere takes a place of its own, which reads the same. Either way a
// report holds at most one subject per finding.
func (b *Builder) subject(subject string) (int, bool) {
	n := len(b.r.subjects)
	for i := n - 1; i >= 0 && i >= n-8; i-- {
		if s := b.r.subjects[i]; addrcache.Same(s, subject) {
			return i, true
		}
	}
	if n >= maxSubjects {
		return 0, false
	}
	b.r.subjects = append(b.r.subjects, subject)
	return n, true
}

// Sort orders the findings recorded as [Report.Sort] does, without
// allocating once the builder's scratch space has grown to the size of its
// reports.
func (b *Builder) Sort() {
	b.keys, b.aux = b.r.sort(b.keys[:0], b.aux[:0])
}

// Report returns the findings recorded as a new report, in storage sized
// to them, and leaves the builder empty: the report shares nothing with the
// builder.
func (b *Builder) Report() *Report {
	r := new(Report)
	b.ReportTo(r)
	return r
}

// ReportTo is Report into *r, which it overwrites: for a caller that
// allocates the report together with something else.
func (b *Builder) ReportTo(r *Report) {
	*r = Report{Edition: b.r.Edition, Today: b.r.Today}
	if len(b.r.entries) > 0 {
		r.entries = slices.Clone(b.r.entries)
	}
	b.handOver(r)
}

// SortedReportTo is Sort then ReportTo in one step: the findings are
// written into the report's storage in sorted order, so they are moved
// once, not sorted in place and then copied.
func (b *Builder) SortedReportTo(r *Report) {
	if len(b.r.entries) < 2 {
		b.ReportTo(r)
		return
	}
	var perm []uint64
	b.keys, b.aux, perm = b.r.order(b.keys[:0], b.aux[:0])
	*r = Report{Edition: b.r.Edition, Today: b.r.Today, entries: make([]entry, len(perm))}
	for j, k := range perm {
		r.entries[j] = b.r.entries[k]
	}
	b.handOver(r)
}

// handOver gives r copies of the subjects, spilled findings and added
// citations the entries refer to, and empties the builder.
func (b *Builder) handOver(r *Report) {
	if len(b.r.subjects) > 0 {
		r.subjects = slices.Clone(b.r.subjects)
	}
	if len(b.r.spill) > 0 {
		r.spill = slices.Clone(b.r.spill)
	}
	if len(b.r.cites) > 0 {
		r.cites = slices.Clone(b.r.cites)
	}
	b.Reset(b.r.Edition, b.r.Today)
}

// View returns the report being built, without copying: it is valid until
// the next call of a method of b, and must not be changed.
func (b *Builder) View() *Report { return &b.r }
