package engine

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/addrcache"
	"github.com/cpguide/cpguide/timescale"
)

// A Pass is one check of a record, or of a whole case, in progress: what
// every check needs, and where the findings go. Make one with [NewPass].
// A Pass is not safe for concurrent use.
type Pass struct {
	// Edition is the edition the case is checked under.
	Edition guidance.Edition
	// Today is the date of the check; zero means unknown.
	Today guidance.Date
	// Variations are the approved variations of timescales in the case.
	Variations []timescale.Variation
	// Timescale are the options every deadline of the pass is computed with.
	Timescale timescale.Options

	// Deadlines are the steps found owed and not done, each once, in the
	// order found.
	Deadlines []timescale.Owed

	// Validated says that the caller has validated every record it hands
	// to the packages' Run functions on this pass (cpguide.Check validates
	// the whole case first), so they skip their own validation of the
	// record. Reset clears it.
	Validated bool

	// findings is the sink: every check records its findings here, in the
	// order the checks run, compactly.
	findings guidance.Builder
	// text is where the messages and subjects that checks build are
	// written (see Pass.Concat): bytes below len(text) are never written
	// again, so strings over them stay valid for the results that hold
	// them; a full block is left to them and a new one started.
	text []byte

	rule    string       // the rule of the check running
	ref     guidance.Ref // the rule of the check running, in the pass's edition
	stated  bool         // whether the pass's edition states it
	subject string       // the record the check is looking at
}

// NewPass returns a pass under edition e with the options o. It does not
// validate o: call [Options.Prepare] first. Give it back with
// [Pass.Release] when done, so that a later NewPass reuses its buffers.
func NewPass(o Options, e guidance.Edition) *Pass {
	p := passPool.Get().(*Pass)
	p.Reset(o, e)
	return p
}

// passPool recycles passes (Release): a pass holds a few KB of buffers,
// which a check of one record would otherwise allocate each time.
var passPool = sync.Pool{New: func() any { return new(Pass) }}

// Release gives p back for reuse by a later NewPass, holding no record it
// checked. The text block it last wrote in stays with it (results point
// into that block, which is never rewritten; the pass only writes after
// what is there). Call it once done with p, after Take: p must not be used
// again. A pass never released is simply collected.
func (p *Pass) Release() {
	p.Reset(Options{}, guidance.EditionUnset)
	passPool.Put(p)
}

// Reset makes p an empty pass under edition e with the options o, keeping
// its buffers, so that a case system checking many cases can reuse one
// pass. A pass reset after [Pass.Take] shares nothing that can change with
// the results already returned.
func (p *Pass) Reset(o Options, e guidance.Edition) {
	p.findings.Reset(e, o.Today)
	// Field by field: a composite literal of the whole pass would be a
	// temporary of several KB on the stack.
	p.Edition, p.Today, p.Variations, p.Timescale = e, o.Today, o.Variations, o.Timescale()
	p.dropDeadlines()
	p.rule, p.ref, p.stated, p.subject, p.Validated = "", guidance.Ref{}, false, "", false
}

// Rule returns the ID of the rule whose check is running.
func (p *Pass) Rule() string { return p.rule }

// Subject returns the subject of the record the check is looking at: what
// its findings are about unless the check names another ([Pass.ReportOn]).
func (p *Pass) Subject() string { return p.subject }

// Len returns the number of findings reported so far.
func (p *Pass) Len() int { return p.findings.Len() }

// View returns the findings reported so far, in the order reported,
// without copying: valid until the pass changes, and read-only.
func (p *Pass) View() *guidance.Report { return p.findings.View() }

// setRuleFrom makes id the running rule, whose references are e.
func (p *Pass) setRuleFrom(id string, e *refEntry) {
	p.rule = id
	if int(p.Edition) < len(e.in) {
		r := &e.in[p.Edition]
		p.ref, p.stated = r.ref, r.stated
		return
	}
	p.ref, p.stated = guidance.RefOf(id, p.Edition)
}

// A check's rule references come from refCache, keyed by the address of
// the ID's bytes (package addrcache): a check's rule is a constant of its
// package, so each is worked out once per process, and each check keeps
// its entry (Check.refs).
// refEntry is a rule's reference in every edition.
type refEntry struct {
	id string
	in [8]struct {
		ref    guidance.Ref
		stated bool
	}
}

func refsOf(id string) *refEntry {
	c := &refEntry{id: id}
	for ed := range c.in {
		c.in[ed].ref, c.in[ed].stated = guidance.RefOf(id, guidance.Edition(ed))
	}
	return c
}

var refCache addrcache.Cache[*refEntry]

// Report adds a finding of the running rule about the record, with status
// s and message msg. Messages say what to do; they never quote personal data.
func (p *Pass) Report(s guidance.Status, msg string) { p.ReportOn(p.subject, s, msg) }

// ReportOn is Report about subject: one occurrence of a step that the
// record holds several of ("change_referrals[1]"), or a step it owes ("the
// CPPM to follow initial CPPM M-1").
func (p *Pass) ReportOn(subject string, s guidance.Status, msg string) {
	if !p.stated {
		p.notStated(subject)
		return
	}
	p.findings.RecordMessage(p.ref, s, subject, msg)
}

// Record is ReportOn with the finding's due date and the date the step was
// done (zero for none).
func (p *Pass) Record(subject string, s guidance.Status, due, done guidance.Date, msg string) {
	if !p.stated {
		p.notStated(subject)
		return
	}
	p.findings.Record(p.ref, s, subject, due, done, msg, nil)
}

// notStated records the finding for a rule the pass's edition does not
// state: one treatment, whoever owns the rule.
func (p *Pass) notStated(subject string) {
	msg := forEdition(&notStatedMessage, p.Edition)
	if !p.ref.Valid() {
		// A check bound to a rule outside the catalogue: a defect of the
		// library, which its tests rule out; reported, not hidden.
		r, _ := guidance.Lookup(p.rule)
		p.findings.View().Add(guidance.Finding{Rule: p.rule, Title: r.Title, Edition: p.Edition,
			Status: guidance.NotApplicable, Subject: subject, Message: msg})
		return
	}
	p.findings.RecordMessage(p.ref, guidance.NotApplicable, subject, msg)
}

// notStatedMessage is the message of a finding of a rule an edition does
// not state, by edition.
var notStatedMessage = func() (m [8]string) {
	for e := range m {
		m[e] = "the " + guidance.Edition(e).String() +
			" edition, as the library's sources state it, has no such requirement; nothing to check"
	}
	return m
}()

// forEdition is the message of table for edition e, as e names itself
// (an edition past the table, which Options.Prepare refuses, gets one
// made).
func forEdition(table *[8]string, e guidance.Edition) string {
	if int(e) < len(table) {
		return table[e]
	}
	return strings.Replace(table[0], guidance.Edition(0).String(), e.String(), 1)
}

// noNationalTimescale is the message of a finding of a step an edition
// gives no national timescale for, by edition.
var noNationalTimescale = func() (m [8]string) {
	for e := range m {
		m[e] = "the " + guidance.Edition(e).String() +
			" edition states no national timescale for this step; follow local procedures"
	}
	return m
}()

// ReportNumbers adds a finding of the running rule about the record, with
// status s and the message template with each "%d" replaced by the next of
// the numbers, each "%D" by the date of the next (a day number,
// Date.Days), and "%%" by "%": "all %d meeting(s) held in person". The
// text is built when the finding is read (guidance.AppendNumbers).
//
// The template must be a constant of the program: templates are
// remembered by the address of their text. Report a template made at run
// time with [Pass.Format].
func (p *Pass) ReportNumbers(s guidance.Status, template string, numbers ...int) {
	p.ReportOnNumbers(p.subject, s, template, numbers...)
}

// ReportOnNumbers is ReportNumbers about subject.
func (p *Pass) ReportOnNumbers(subject string, s guidance.Status, template string, numbers ...int) {
	if !p.stated {
		p.notStated(subject)
		return
	}
	if p.findings.RecordNumbers(p.ref, s, subject, template, numbers...) {
		return
	}
	p.findings.RecordMessage(p.ref, s, subject, p.Format(template, numbers...))
}

// Format returns template with its numbers in it, as ReportNumbers reads
// it (guidance.AppendNumbers), written in the pass's own storage (see
// Concat): the message of a template made at run time.
func (p *Pass) Format(template string, numbers ...int) string {
	p.room(len(template) + 20*len(numbers))
	start := len(p.text)
	p.text = guidance.AppendNumbers(p.text, template, numbers...)
	return p.since(start)
}

// NotApplicable reports that the running rule does not apply to the record,
// and why.
func (p *Pass) NotApplicable(why string) { p.Report(guidance.NotApplicable, why) }

// DueDate is the due date of the running rule's deadline, counted from
// the anchors under the pass's options (timescale.DueDate).
func (p *Pass) DueDate(anchors timescale.Anchors) (guidance.Date, error) {
	due, _, err := timescale.DueDate(p.rule, p.Edition, anchors, p.Timescale)
	return due, err
}

// Timed assesses the running rule's timescale, counted from the anchors,
// for the step named subject, done on date done (zero: not done): Met,
// Late, Pending, Overdue or MetUnderVariation, with the due date. A step not
// done is also added to the deadlines owed. Where the deadline cannot be
// computed the finding says why: NotApplicable when the edition gives no
// national figure for the step, Unknown (naming the dates to give) when an
// anchor is missing or a policy choice does not fit the timescale.
func (p *Pass) Timed(subject string, anchors timescale.Anchors, done guidance.Date) {
	p.TimedNote(subject, anchors, done, "")
}

// TimedNote is Timed with note appended to the message of the finding
// where the deadline could be computed.
func (p *Pass) TimedNote(subject string, anchors timescale.Anchors, done guidance.Date, note string) {
	// A check runs only under an edition that states its rule (Run), so
	// the running rule's ref is valid here.
	if !timescale.National(p.rule, p.Edition) && p.localFigure() < 0 {
		// What Due's NotInEdition error would lead to (see untimed),
		// without making the error.
		p.ReportOn(subject, guidance.NotApplicable, forEdition(&noNationalTimescale, p.Edition))
		return
	}
	// A step not done is owed: it keeps what its deadline's explanation,
	// built when the result is read, needs. A step done needs its dates.
	var o timescale.Owed
	var err error
	if done.IsZero() {
		o, err = timescale.Owe(p.rule, p.Edition, anchors, p.Timescale)
	} else {
		o.Due, o.LastWorkingDay, err = timescale.DueDate(p.rule, p.Edition, anchors, p.Timescale)
	}
	if err != nil {
		p.untimed(subject, err)
		return
	}
	// The finding cites the rule (nil), unless a local figure names it:
	// then it cites the figure too, from the whole deadline.
	dl := timescale.Deadline{Rule: p.rule, Edition: p.Edition, Action: o.Action, Due: o.Due, LastWorkingDay: o.LastWorkingDay}
	var cites []guidance.Citation
	if p.localFigure() >= 0 {
		if dl, err = timescale.Due(p.rule, p.Edition, anchors, p.Timescale); err != nil {
			p.untimed(subject, err) // not reached: the dates were computed from the same arguments
			return
		}
		cites = dl.Citations
	}
	p.assess(subject, &dl, done, cites, note)
	if done.IsZero() {
		p.Deadlines = append(p.Deadlines, o)
	}
}

// localFigure returns the index of the local figure for the running rule
// in the pass's options, or -1.
func (p *Pass) localFigure() int {
	for i := range p.Timescale.Local {
		if p.Timescale.Local[i].Rule == p.rule {
			return i
		}
	}
	return -1
}

// untimed reports why the running rule's deadline could not be computed.
// (Apart from Timed, so that the error's variable, whose address escapes,
// is allocated only when there is an error.)
func (p *Pass) untimed(subject string, err error) {
	ge, ok := err.(*guidance.Error)
	if !ok {
		// Wrapped: errors.As, whose target escapes, only here.
		var wrapped *guidance.Error
		if errors.As(err, &wrapped) {
			ge = wrapped
		}
	}
	if ge != nil && ge.Kind == guidance.NotInEdition {
		p.ReportOn(subject, guidance.NotApplicable, forEdition(&noNationalTimescale, p.Edition))
		return
	}
	hint := "give the dates it counts from"
	if ge != nil && ge.Hint != "" {
		hint = ge.Hint
	}
	p.ReportOn(subject, guidance.Unknown, p.Concat("cannot compute the due date: ", hint))
}

// assess records the finding of the running rule's deadline dl for the
// step named subject, done on date done, citing cites (nil: the rule's own
// citations), with note appended to its message.
func (p *Pass) assess(subject string, dl *timescale.Deadline, done guidance.Date, cites []guidance.Citation, note string) {
	if note == "" && !done.IsZero() {
		if st, v := dl.Classify(subject, done, p.Today, p.Variations...); v == nil && (st == guidance.Met || st == guidance.Late) {
			// The report builds the message from the dates when read.
			p.findings.RecordDone(p.ref, st, subject, dl.Due, done, cites)
			return
		}
	}
	p.room(256 + len(note))
	start := len(p.text)
	var st guidance.Status
	st, p.text = dl.AppendAssessment(p.text, subject, done, p.Today, p.Variations...)
	p.text = append(p.text, note...)
	p.findings.Record(p.ref, st, subject, dl.Due, done, p.since(start), cites)
}

// textBlock is the size of the blocks the pass writes text in: a block
// serves several checks, and a check whose text does not fit what is left
// of one leaves the rest unused.
const textBlock = 8192

// room makes sure that n more bytes of text fit the current block.
func (p *Pass) room(n int) {
	if cap(p.text)-len(p.text) < n {
		p.text = make([]byte, 0, max(textBlock, n))
	}
}

// Concat returns the parts joined, written in the pass's own storage: a
// message or subject built without an allocation of its own. The string
// stays valid and unchanged for as long as anything holds it.
func (p *Pass) Concat(parts ...string) string { return p.Join(parts, "") }

// since returns the text written from start on, as a string over the
// pass's storage.
func (p *Pass) since(start int) string {
	return unsafe.String(unsafe.SliceData(p.text[start:]), len(p.text)-start)
}

// Itoa returns the decimal form of n, written in the pass's own storage
// (see Concat).
func (p *Pass) Itoa(n int) string {
	p.room(20)
	start := len(p.text)
	p.text = strconv.AppendInt(p.text, int64(n), 10)
	return p.since(start)
}

// Date returns d as "2006-01-02", written in the pass's own storage (see
// Concat).
func (p *Pass) Date(d guidance.Date) string {
	p.room(24)
	start := len(p.text)
	p.text = d.AppendString(p.text)
	return p.since(start)
}

// Index returns "field[i]", the path of one element of a list, written in
// the pass's own storage (see Concat).
func (p *Pass) Index(field string, i int) string {
	p.room(len(field) + 22)
	start := len(p.text)
	p.text = append(p.text, field...)
	p.text = append(p.text, '[')
	p.text = strconv.AppendInt(p.text, int64(i), 10)
	p.text = append(p.text, ']')
	return p.since(start)
}

// Join is strings.Join written in the pass's own storage (see Concat).
func (p *Pass) Join(elems []string, sep string) string { return p.List("", elems, sep, "") }

// List returns prefix, the elements joined by sep, and suffix, written in
// the pass's own storage (see Concat) in one go: a message that names a
// list ("no attendance recorded from health, police: ...") without a
// second copy of the list.
func (p *Pass) List(prefix string, elems []string, sep, suffix string) string {
	n := len(prefix) + len(sep)*max(len(elems)-1, 0) + len(suffix)
	for _, s := range elems {
		n += len(s)
	}
	if n == 0 {
		return ""
	}
	p.room(n)
	start := len(p.text)
	p.text = append(p.text, prefix...)
	for i, s := range elems {
		if i > 0 {
			p.text = append(p.text, sep...)
		}
		p.text = append(p.text, s...)
	}
	p.text = append(p.text, suffix...)
	return p.since(start)
}
