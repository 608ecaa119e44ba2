package engine

import (
	"cmp"
	"errors"
	"slices"
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/templates"
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

	// Findings is the sink: every check appends its findings here, in the
	// order the checks run.
	Findings []guidance.Finding
	// Deadlines are the steps found owed and not done, each once, in the
	// order found.
	Deadlines []timescale.Deadline

	rule    string // the rule of the check running
	subject string // the record the check is looking at

	memo [memoSize]memoEntry // the deadlines computed most recently
	n    int                 // deadlines remembered; the next goes in memo[n%memoSize]
}

// NewPass returns a pass under edition e with the options o. It does not
// validate o: call [Options.Prepare] first.
func NewPass(o Options, e guidance.Edition) *Pass {
	return &Pass{Edition: e, Today: o.Today, Variations: o.Variations, Timescale: o.Timescale()}
}

// Reset makes p an empty pass under edition e with the options o, keeping
// the capacity of its buffers, so that a case system checking many cases
// can reuse one pass. [Pass.Take] hands the buffers to its result and
// leaves p without them, so a pass reset after Take shares nothing with
// the results already returned.
func (p *Pass) Reset(o Options, e guidance.Edition) {
	*p = Pass{Edition: e, Today: o.Today, Variations: o.Variations, Timescale: o.Timescale(),
		Findings: p.Findings[:0], Deadlines: p.Deadlines[:0]}
}

// Rule returns the ID of the rule whose check is running.
func (p *Pass) Rule() string { return p.rule }

// Subject returns the subject of the record the check is looking at: what
// its findings are about unless the check names another ([Pass.ReportOn]).
func (p *Pass) Subject() string { return p.subject }

// Report adds a finding of the running rule about the record, with status
// s and message msg. Messages say what to do; they never quote personal data.
func (p *Pass) Report(s guidance.Status, msg string) { p.ReportOn(p.subject, s, msg) }

// ReportOn is Report about subject: one occurrence of a step that the
// record holds several of ("change_referrals[1]"), or a step it owes ("the
// CPPM to follow initial CPPM M-1").
func (p *Pass) ReportOn(subject string, s guidance.Status, msg string) {
	f, ok := template(p.rule, p.Edition)
	if !ok {
		f = notStated(p.rule, p.Edition)
		f.Subject = subject
		p.Findings = append(p.Findings, f)
		return
	}
	f.Status, f.Subject, f.Message = s, subject, msg
	p.Findings = append(p.Findings, f)
}

// NotApplicable reports that the running rule does not apply to the record,
// and why.
func (p *Pass) NotApplicable(why string) { p.Report(guidance.NotApplicable, why) }

// Due computes the running rule's deadline from the anchors, once per pass
// for each set of anchors: a step several checks look at is counted once.
// The deadlines it returns share their slices with each other; treat them
// as read-only.
func (p *Pass) Due(anchors timescale.Anchors) (timescale.Deadline, error) {
	return p.due(p.rule, anchors)
}

// Timed assesses the running rule's timescale, counted from the anchors,
// for the step named subject, done on date done (zero: not done): Met,
// Late, Pending, Overdue or MetUnderVariation, with the due date. A step not
// done is also added to the deadlines owed. Where the deadline cannot be
// computed the finding says why: NotApplicable when the edition gives no
// national figure for the step, Unknown (naming the dates to give) when an
// anchor is missing or a policy choice does not fit the timescale.
func (p *Pass) Timed(subject string, anchors timescale.Anchors, done guidance.Date) {
	if !done.IsZero() && p.timedDone(subject, anchors, done) {
		return
	}
	dl, err := p.due(p.rule, anchors)
	if err == nil {
		p.Assess(subject, dl, done)
		return
	}
	p.untimed(subject, err)
}

// timedDone is Timed for a step taken on date done, from its dates alone
// (timescale.DueDate): a step taken is not owed, so its deadline's
// explanation is never read, and its finding is the rule's template with
// the due date, status and message Deadline.AssessFor gives. It reports
// false, having done nothing, where a local figure names the rule (the
// finding then cites it, so the whole deadline is computed).
func (p *Pass) timedDone(subject string, anchors timescale.Anchors, done guidance.Date) bool {
	for i := range p.Timescale.Local {
		if p.Timescale.Local[i].Rule == p.rule {
			return false
		}
	}
	f, ok := template(p.rule, p.Edition)
	if !ok {
		return false
	}
	due, last, err := timescale.DueDate(p.rule, p.Edition, anchors, p.Timescale)
	if err != nil {
		p.untimed(subject, err)
		return true
	}
	dl := timescale.Deadline{Rule: f.Rule, Title: f.Title, Edition: f.Edition, Strength: f.Strength,
		Due: due, LastWorkingDay: last, Citations: f.Citations}
	p.Findings = append(p.Findings, dl.AssessFor(subject, done, p.Today, p.Variations...))
	return true
}

// untimed reports why the running rule's deadline could not be computed.
// (Apart from Timed, so that the error's variable, whose address escapes,
// is allocated only when there is an error.)
func (p *Pass) untimed(subject string, err error) {
	var ge *guidance.Error
	if errors.As(err, &ge) && ge.Kind == guidance.NotInEdition {
		p.ReportOn(subject, guidance.NotApplicable, "the "+p.Edition.String()+
			" edition states no national timescale for this step; follow local procedures")
		return
	}
	hint := "give the dates it counts from"
	if ge != nil && ge.Hint != "" {
		hint = ge.Hint
	}
	p.ReportOn(subject, guidance.Unknown, "cannot compute the due date: "+hint)
}

// Assess adds the finding of deadline dl for the step named subject, done
// on date done (zero: not done), weighing the variations that cover it; a
// step not done is added to the deadlines owed.
func (p *Pass) Assess(subject string, dl timescale.Deadline, done guidance.Date) {
	p.Findings = append(p.Findings, dl.AssessFor(subject, done, p.Today, p.Variations...))
	if done.IsZero() {
		p.Owe(dl)
	}
}

// Owe adds dl to the deadlines owed: a step the record owes and has not
// taken.
func (p *Pass) Owe(dl timescale.Deadline) { p.Deadlines = append(p.Deadlines, dl) }

const (
	memoSize = 16
	// maxAnchors is the most anchors a remembered deadline may count from;
	// Due computes deadlines with more without remembering them.
	maxAnchors = 3
)

type anchor struct {
	ev timescale.Event
	d  guidance.Date
}

// memoEntry is one remembered timescale.Due result; its anchors are sorted
// by event, so that equal maps give equal keys.
type memoEntry struct {
	rule    string
	n       int
	anchors [maxAnchors]anchor
	dl      timescale.Deadline
}

func (p *Pass) due(rule string, anchors timescale.Anchors) (timescale.Deadline, error) {
	if len(anchors) > maxAnchors {
		return timescale.Due(rule, p.Edition, anchors, p.Timescale)
	}
	k := memoEntry{rule: rule, n: len(anchors)}
	i := 0
	for ev, d := range anchors {
		k.anchors[i] = anchor{ev, d}
		i++
	}
	slices.SortFunc(k.anchors[:k.n], func(a, b anchor) int { return cmp.Compare(a.ev, b.ev) })
	for j := range p.memo[:min(p.n, memoSize)] {
		if m := &p.memo[j]; m.rule == k.rule && m.n == k.n && m.anchors == k.anchors {
			return m.dl, nil
		}
	}
	dl, err := timescale.Due(rule, p.Edition, anchors, p.Timescale)
	if err != nil {
		return dl, err
	}
	k.dl = dl
	p.memo[p.n%memoSize] = k
	p.n++
	return dl, nil
}

// findingTemplates holds, for each edition, the finding
// guidance.NewFinding builds for each rule the edition states, built on the
// edition's first use (a check builds only its own edition's): the pass
// copies one per finding, sharing the catalogue's citations (see
// [OwnCitations]). Editions are small numbers; a larger one states nothing.
var findingTemplates [8]struct {
	once sync.Once
	m    map[string]guidance.Finding
}

// template returns the finding template of rule id in edition e, and false
// when e does not state the rule.
func template(id string, e guidance.Edition) (guidance.Finding, bool) {
	if int(e) >= len(findingTemplates) {
		return guidance.Finding{}, false
	}
	t := &findingTemplates[e]
	t.once.Do(func() { t.m = templates.Edition(e) })
	f, ok := t.m[id]
	return f, ok
}

// stated reports whether edition e states rule id.
func stated(id string, e guidance.Edition) bool {
	_, ok := template(id, e)
	return ok
}

// notStated is the finding for a rule edition e does not state: one
// treatment, whoever owns the rule.
func notStated(id string, e guidance.Edition) guidance.Finding {
	r, _ := guidance.Lookup(id)
	return guidance.Finding{Rule: id, Title: r.Title, Edition: e, Status: guidance.NotApplicable,
		Message: "the " + e.String() + " edition, as the library's sources state it, has no such requirement; nothing to check"}
}

// OwnCitations gives every finding and deadline its own copy of its
// citations, all carved from one block: checks hand out findings whose
// citations are the catalogue's and deadlines a remembered deadline's, and
// a caller who edits its result must change nothing else.
func OwnCitations(fs []guidance.Finding, dls []timescale.Deadline) {
	n := 0
	for i := range fs {
		n += len(fs[i].Citations)
	}
	for i := range dls {
		n += len(dls[i].Citations)
	}
	block := make([]guidance.Citation, 0, n)
	own := func(cs []guidance.Citation) []guidance.Citation {
		if len(cs) == 0 {
			return cs
		}
		start := len(block)
		block = append(block, cs...)
		return block[start:len(block):len(block)]
	}
	for i := range fs {
		fs[i].Citations = own(fs[i].Citations)
	}
	for i := range dls {
		dls[i].Citations = own(dls[i].Citations)
	}
}
