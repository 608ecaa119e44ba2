package meeting

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/timescale"
)

// Options control a check of one meeting.
type Options struct {
	// Options are the options of every check. The zero Edition means the
	// edition in force on the date the meeting was held (or, before it is
	// held, convened).
	engine.Options
	// Previous are the earlier meetings of the same case, in any order. The
	// latest one held before this meeting decides "no two inquorate CPPMs in
	// a row", whether this meeting reconvenes an inquorate one, and which
	// review timescale applies to a review.
	Previous []Meeting
}

// A Series is the CPPMs of one case, oldest first, with what the rest of
// the case records about the steps that follow them. [Run] checks it as a
// whole: each meeting, and the steps the case owes after its meetings (the
// review or the reconvened meeting, the record of the plan, the first Core
// Group) and before them (the first CPPM a case owes). Every step is
// reported once, by the check of its rule: a step a later meeting takes is
// reported with that meeting's timing, a step nothing has taken is
// reported as owed ("the CPPM to follow initial CPPM M-1").
type Series struct {
	// Meetings are the case's CPPMs, held or convened, oldest first.
	Meetings []Meeting
	// Case are the case's own dates: a meeting that does not give its own
	// counts from them, and so does the first CPPM a case owes when no
	// meeting is recorded.
	Case CaseFacts
	// NoCPPM records that the IRD decided no CPPM is needed.
	NoCPPM bool
	// PreBirth is set for a case about an unborn child; ExpectedDelivery
	// bounds the pre-birth CPPM (a pre-birth meeting that gives none of
	// its own takes it).
	PreBirth *PreBirthFacts
	// Plan is what the case's Child Protection Plan records of its own
	// record: the CPPM it follows and when its record was sent.
	Plan Followed
	// CoreGroup is what the case's Core Group records: the CPPM it follows
	// and the date of its first meeting (Done; zero if it has not met).
	CoreGroup Followed
}

// Followed is what another record of a case shows about a step owed after
// a CPPM: the CPPM it follows (zero: not recorded) and when the step was
// done (zero: not done).
type Followed struct {
	Recorded bool // the case holds the record (a plan, a Core Group)
	CPPM     Date
	Done     Date
}

// series is a Series being checked: the meetings, the first of them to
// report on (earlier ones are history only), whether the record is the whole
// case (then the steps owed after the last meeting, and the first CPPM owed,
// are reported), and each meeting's place in the history.
type series struct {
	Series
	from     int
	complete bool
	at       []at
	buf      [4]at // at, for a series of up to four meetings
	// next holds, for meeting i, the index of the next meeting held or
	// convened (2i) and of the next review or transfer CPPM (2i+1), or -1:
	// see later.
	next []int
	// anchors is the map caseAnchors fills, reused: one series is
	// checked at a time, and a deadline keeps no reference to its anchors.
	anchors timescale.Anchors
	// own holds the meetings of a check of one meeting with its history
	// (standalone), reused.
	own []Meeting
}

// seriesPool recycles the series of Run, with their buffers and anchors
// map; Run clears what refers to the caller's records before putting one
// back.
var seriesPool = sync.Pool{New: func() any { return new(series) }}

// at is one meeting of a series as its checks see it.
type at struct {
	m    *Meeting
	i    int
	prev *Meeting // the latest earlier meeting held before it, if any
	// last is the latest earlier meeting that went ahead (was not halted
	// as inquorate): the one a review's timescale counts from.
	last *Meeting
	subj string
	// facts are the meeting's case dates, the series' where the meeting
	// gives none of its own; expected is the expected date of delivery, for
	// a pre-birth meeting.
	facts    CaseFacts
	expected Date
}

// InitialCheck times the initial CPPM (rule cppm.initial, 28 calendar days
// once an investigation is progressed). It is one of [Checks]; its Rule is
// also the rule an exception to the 28 days varies (package ird).
var InitialCheck = engine.Check[series]{Rule: "cppm.initial", Run: checkInitial}

// Checks are the rules of a CPPM, each bound to the function that checks
// it: the meeting timescales of the catalogue (RULES.md section 1), then
// every rule of area meeting (section 3). [Check] and cpguide.Check run
// these values, in this order.
var Checks = []engine.Check[series]{
	{Rule: "cppm.notice", Run: each(checkNotice)},
	InitialCheck,
	{Rule: "cppm.pre-birth", Run: checkPreBirthTiming},
	{Rule: "cppm.transfer", Run: checkTransfer},
	{Rule: "cppm.review", Run: afterRegistering.check},
	{Rule: "cppm.review-pre-birth", Run: afterPreBirth.check},
	{Rule: "cppm.review-subsequent", Run: afterReview.check},
	{Rule: "cppm.reconvene", Run: checkReconvene},
	{Rule: "cppm.record", Run: each(checkRecord)},
	{Rule: "plan.record", Run: checkPlanRecord},
	{Rule: "coregroup.first", Run: checkFirstCoreGroup},
	{Rule: "reporter.referral", Run: each(checkReferral)},
	{Rule: "cppm.core-agencies", Run: each(unlessHalted(checkAgencies))},
	{Rule: "cppm.child-family-participation", Run: each(checkParticipation)},
	{Rule: "cppm.child-family-invited", Run: each(checkInvited)},
	{Rule: "cppm.parent-exclusion", Run: each(checkExclusion)},
	{Rule: "cppm.older-child-non-attendance", Run: each(checkOlderChild)},
	{Rule: "cppm.decision-risk", Run: each(checkDecisionRisk)},
	{Rule: "cppm.decision-plan-registration", Run: each(checkDecisionPlan)},
	{Rule: "cppm.reporter-considered", Run: each(checkReporterConsidered)},
	{Rule: "cppm.emergency-measures", Run: each(checkEmergency)},
	{Rule: "cppm.interim-safety-plan-reviewed", Run: each(unlessHalted(checkInterimReviewed))},
	{Rule: "cppm.pre-birth-birth-notifier", Run: each(unlessHalted(checkBirthNotifier))},
	{Rule: "reporter.referral-contents", Run: each(checkReferralContents)},
	{Rule: "cppm.quorum-recorded", Run: each(checkQuorumRecorded)},
	{Rule: "cppm.inquorate-interim-plan", Run: each(checkInquorateInterim)},
	{Rule: "cppm.inquorate-proceeded", Run: each(checkInquorateProceeded)},
	{Rule: "cppm.inquorate-not-twice", Run: each(checkNotTwice)},
	{Rule: "cppm.inquorate-cannot-end-plan", Run: each(checkInquorateEnd)},
	{Rule: "cppm.transfer-cannot-end-plan", Run: each(checkTransferEnd)},
	{Rule: "cppm.reporter-observer", Run: each(checkReporterObserver)},
	{Rule: "cppm.note-taker-not-chair", Run: each(checkNoteTaker)},
	{Rule: "cppm.record-contents", Run: each(unlessHalted(checkRecordContents))},
	{Rule: "cppm.reports-shared", Run: each(checkReportsShared)},
}

// RuleIDs lists the rules of [Checks], in order. A report from [Check]
// holds exactly one finding for each, in Check's own order (call
// Report.Sort to order by urgency).
func RuleIDs() []string { return engine.Rules(Checks) }

// unlessHalted makes f not applicable to an inquorate meeting that did not
// proceed: it made no decisions and its attendance and safety are the
// inquorate rules' (cppm.inquorate-interim-plan, cppm.reconvene).
func unlessHalted(f func(p *engine.Pass, s *series, t *at)) func(p *engine.Pass, s *series, t *at) {
	return func(p *engine.Pass, s *series, t *at) {
		if t.m.Quorum.inquorateHalted() {
			t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed: the rules for an inquorate meeting apply instead")
			return
		}
		f(p, s, t)
	}
}

// each runs f for every meeting of the series that is reported on.
func each(f func(p *engine.Pass, s *series, t *at)) func(*engine.Pass, *series) error {
	return func(p *engine.Pass, s *series) error {
		for i := s.from; i < len(s.at); i++ {
			f(p, s, &s.at[i])
		}
		return nil
	}
}

// Check checks the meeting against every rule of the chosen edition about
// convening, holding and recording a CPPM, and returns a report with one
// finding per rule of [Checks] (never stopping at the first problem). A rule
// that needs a fact the meeting does not record is Unknown, never Met; a
// rule that does not apply is NotApplicable; a rule the edition does not
// state is NotApplicable with a message saying so. The steps the meeting
// owes are reported as the meeting records them; to weigh what later
// meetings and the rest of the case did, check the whole case with [Run].
//
// The error is non-nil only for input that cannot be checked: an invalid
// meeting (see [Meeting.Validate]), an invalid earlier meeting, an unknown
// policy, a local timescale that does not tighten the national one (see
// [timescale.CheckLocal]), or no way to choose an edition.
func Check(m Meeting, opts Options) (*guidance.Report, error) {
	p, s, err := standalone(&m, opts, false)
	if err != nil {
		return nil, err
	}
	defer p.Release()
	defer s.release()
	if err := engine.Run(p, s.at[s.from].subj, s, Checks); err != nil {
		return nil, err
	}
	// One finding per rule, in the order of Checks (call Report.Sort to
	// order them by urgency), each with its own citations.
	return p.TakeReport(), nil
}

// Next returns the steps that follow from a meeting that has been held and
// that it has not taken, earliest first, each explaining itself, for a case
// system's diary:
//
//   - cppm.reconvene, after an inquorate meeting that did not proceed (and
//     nothing else: its decisions wait for the reconvened meeting);
//   - cppm.record, the record of the meeting (none in the 2021 edition),
//     while it has not been circulated;
//   - reporter.referral, when a referral to the Principal Reporter was
//     decided and has not been sent;
//   - where a Child Protection Plan is required: plan.record, the record of
//     the plan, while not circulated; coregroup.first, the first Core Group;
//     and the next review: cppm.review-pre-birth after a pre-birth CPPM,
//     cppm.review-subsequent after a review, cppm.review after an initial or
//     transfer CPPM.
//
// They are the deadlines the checks of [Checks] find owed, with nothing
// recorded after the meeting. Options are as for [Check]. A meeting with no
// date held is an error of kind MissingFact.
func Next(m Meeting, opts Options) ([]timescale.Deadline, error) {
	if m.Held.IsZero() {
		// Before the options and the earlier meetings are looked at: a
		// valid meeting not yet held is MissingFact, whatever else.
		if err := m.validate(); err != nil {
			return nil, err
		}
		return nil, &guidance.Error{Kind: guidance.MissingFact, Field: "held", Hint: "deadlines follow from the date the meeting was held: give held"}
	}
	p, s, err := standalone(&m, opts, true) // validates m
	if err != nil {
		return nil, err
	}
	defer p.Release()
	defer s.release()
	if err := engine.Run(p, s.at[s.from].subj, s, Checks); err != nil {
		return nil, err
	}
	dls := p.TakeDeadlines()
	if len(dls) == 0 {
		return nil, nil
	}
	return dls, nil
}

// standalone makes the pass and the series of a check of one meeting with
// its history. complete says that nothing follows the meeting.
func standalone(m *Meeting, opts Options, complete bool) (*engine.Pass, *series, error) {
	if err := m.validate(); err != nil {
		return nil, nil, err
	}
	p, err := opts.PassOn("held", m.Held, m.Convened)
	if err != nil {
		return nil, nil, err
	}
	for i := range opts.Previous {
		if err := opts.Previous[i].validate(); err != nil {
			return nil, nil, under("previous", i, err)
		}
	}
	s := newSeries(Series{Case: m.Case}, len(opts.Previous), complete)
	s.own = append(append(s.own[:0], opts.Previous...), *m)
	s.Meetings = s.own
	s.place(p)
	return p, s, nil
}

// newSeries returns a series from the pool (seriesPool) of the meetings of
// s, checked from meeting from; give it back with release.
func newSeries(s Series, from int, complete bool) *series {
	ss := seriesPool.Get().(*series) // released: at and buf cleared
	ss.Series, ss.from, ss.complete = s, from, complete
	return ss
}

// release clears what s holds of the caller's records and puts it back in
// the pool, keeping its buffers. Field by field: clearing the whole series
// would clear buf, several hundred bytes, when at has cleared what was used.
func (s *series) release() {
	clear(s.at) // buf, where at is in it
	clear(s.own)
	s.Series, s.from, s.complete, s.at = Series{}, 0, false, nil
	s.next, s.own = s.next[:0], s.own[:0]
	seriesPool.Put(s)
}

// under puts the field of a *guidance.Error under list[i].
func under(list string, i int, err error) error {
	if ge, ok := err.(*guidance.Error); ok {
		return &guidance.Error{Kind: ge.Kind, Field: fmt.Sprintf("%s[%d].%s", list, i, ge.Field), Value: ge.Value, Hint: ge.Hint, Err: ge.Err}
	}
	return err
}

// Run checks every meeting of the series, and the steps the case owes
// before and after them, on the pass: the entry point of cpguide.Check.
// The meetings must be valid (an invalid one is an error naming
// meetings[i]); the findings are about each meeting by its subject, and a
// rule the pass's edition does not state gets one NotApplicable finding
// for the whole series.
func Run(p *engine.Pass, s Series) error {
	if !p.Validated {
		for i := range s.Meetings {
			if err := s.Meetings[i].validate(); err != nil {
				return under("meetings", i, err)
			}
		}
	}
	ss := newSeries(s, 0, true)
	defer ss.release()
	ss.place(p)
	subject := "CPPMs"
	if len(s.Meetings) == 1 {
		subject = ss.at[0].subj
	}
	return engine.Run(p, subject, ss, Checks)
}

// place works out each meeting's place in the history: the meeting held
// before it and the last one that went ahead, among the meetings listed
// before it.
func (s *series) place(p *engine.Pass) {
	s.at = s.buf[:0]
	if len(s.Meetings) > len(s.buf) {
		s.at = make([]at, 0, len(s.Meetings))
	}
	s.at = s.at[:len(s.Meetings)]
	fill := func(dst *Date, src Date) {
		if dst.IsZero() {
			*dst = src
		}
	}
	for i := range s.Meetings {
		m := &s.Meetings[i]
		t := &s.at[i]
		*t = at{m: m, i: i, subj: m.subjectOn(p), facts: m.Case}
		fill(&t.facts.Concern, s.Case.Concern)
		fill(&t.facts.IRD, s.Case.IRD)
		fill(&t.facts.Investigation, s.Case.Investigation)
		fill(&t.facts.MoveNotified, s.Case.MoveNotified)
		if m.Kind == PreBirth {
			if m.PreBirth != nil {
				t.expected = m.PreBirth.ExpectedDelivery
			}
			if s.PreBirth != nil {
				fill(&t.expected, s.PreBirth.ExpectedDelivery)
			}
		}
	}
	if len(s.Meetings) <= smallSeries {
		s.placeSmall()
	} else {
		s.placeLarge()
	}
	s.next = s.next[:0]
}

// smallSeries is the length up to which place compares each meeting with
// every earlier one (no allocation); a longer series uses placeLarge, in
// O(n log n): 100,000 meetings once took 89 s.
const smallSeries = 16

// placeSmall sets each meeting's prev and last by looking at every earlier
// meeting: the latest held before it (every earlier held one when it has no
// date), the first listed among equals.
func (s *series) placeSmall() {
	for i := range s.Meetings {
		m, t := &s.Meetings[i], &s.at[i]
		for j := range s.Meetings[:i] {
			q := &s.Meetings[j]
			if q.Held.IsZero() || (!m.Held.IsZero() && !q.Held.Before(m.Held)) {
				continue
			}
			if t.prev == nil || t.prev.Held.Before(q.Held) {
				t.prev = q
			}
			if !q.Quorum.inquorateHalted() && (t.last == nil || t.last.Held.Before(q.Held)) {
				t.last = q
			}
		}
	}
}

// placeLarge sets what placeSmall sets, with two Fenwick trees over the
// ranks of the held dates: for each meeting, the greatest rank held by an
// earlier meeting below its own date's rank, and the first meeting listed
// with that date.
func (s *series) placeLarge() {
	n := len(s.Meetings)
	days := make([]int, 0, n)
	for i := range s.Meetings {
		if h := s.Meetings[i].Held; !h.IsZero() {
			days = append(days, h.Days())
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	rank := func(d Date) int { // 1-based
		r, _ := slices.BinarySearch(days, d.Days())
		return r + 1
	}
	k := len(days)
	all, going := make([]int, k+1), make([]int, k+1) // prefix maxima of ranks
	firstAll, firstGoing := make([]int, k+1), make([]int, k+1)
	for i := range firstAll {
		firstAll[i], firstGoing[i] = -1, -1
	}
	query := func(tree []int, r int) int {
		best := 0
		for ; r > 0; r -= r & -r {
			best = max(best, tree[r])
		}
		return best
	}
	update := func(tree []int, r int) {
		for x := r; x <= k; x += x & -x {
			tree[x] = max(tree[x], r)
		}
	}
	for i := range s.Meetings {
		m, t := &s.Meetings[i], &s.at[i]
		below := k
		if !m.Held.IsZero() {
			below = rank(m.Held) - 1
		}
		if r := query(all, below); r > 0 {
			t.prev = &s.Meetings[firstAll[r]]
		}
		if r := query(going, below); r > 0 {
			t.last = &s.Meetings[firstGoing[r]]
		}
		if m.Held.IsZero() {
			continue
		}
		r := rank(m.Held)
		if firstAll[r] < 0 {
			firstAll[r] = i
			update(all, r)
		}
		if !m.Quorum.inquorateHalted() && firstGoing[r] < 0 {
			firstGoing[r] = i
			update(going, r)
		}
	}
}

// later returns the first meeting listed after meeting i that is held or
// convened and satisfies ok, or nil. Only a complete series knows.
//
// The answers for every meeting are worked out together, once, in one pass
// from the end: a check that asks about each meeting stays linear.
func (s *series) later(i int, review bool) *Meeting {
	n := len(s.Meetings)
	if len(s.next) != 2*n {
		s.next = slices.Grow(s.next[:0], 2*n)[:2*n]
		nextAny, nextReview := -1, -1
		for j := n - 1; j >= 0; j-- {
			s.next[2*j], s.next[2*j+1] = nextAny, nextReview
			if m := &s.Meetings[j]; !m.Held.IsZero() || !m.Convened.IsZero() {
				nextAny = j
				if isReview(m) {
					nextReview = j
				}
			}
		}
	}
	j := s.next[2*i]
	if review {
		j = s.next[2*i+1]
	}
	if j < 0 {
		return nil
	}
	return &s.Meetings[j]
}

// has reports whether the series records a meeting of one of the kinds.
func (s *series) has(kinds ...Kind) bool {
	for i := range s.Meetings {
		for _, k := range kinds {
			if s.Meetings[i].Kind == k {
				return true
			}
		}
	}
	return false
}

func put(a timescale.Anchors, ev timescale.Event, d Date) {
	if !d.IsZero() {
		a[ev] = d
	}
}

func (t *at) add(p *engine.Pass, s guidance.Status, msg string) { p.ReportOn(t.subj, s, msg) }

// held reports an Unknown finding and returns false when the meeting has
// not been held, for rules about what happened at it.
func (t *at) held(p *engine.Pass) bool {
	if t.m.Held.IsZero() {
		t.add(p, guidance.Unknown, "the meeting has no date held; check again once it has been held and recorded")
		return false
	}
	return true
}

// planDecided reports whether the meeting went ahead and decided that a
// Child Protection Plan is required.
func planDecided(m *Meeting) bool {
	return !m.Held.IsZero() && !m.Quorum.inquorateHalted() && m.Decisions.PlanRequired != nil && *m.Decisions.PlanRequired
}

// The timescales.

func checkNotice(p *engine.Pass, s *series, t *at) {
	m := t.m
	// Notice: the latest invitation sent decides; without invitation dates,
	// the date convened.
	notice := m.Convened
	for i := range m.Invitations {
		if sent := m.Invitations[i].Sent; sent.After(notice) {
			notice = sent
		}
	}
	switch {
	case m.Held.IsZero():
		t.add(p, guidance.Unknown, "no date held: record the date of the meeting to check the notice given")
	case notice.IsZero():
		t.add(p, guidance.Unknown, "record when the invitations were sent (or the date convened) to check the notice given")
	default:
		p.Timed(t.subj, timescale.Anchors{timescale.EventMeeting: m.Held}, notice)
	}
}

// firstOfKind checks the timing of the first CPPM of a kind (initial,
// pre-birth or transfer): the first meeting of that kind is timed from the
// case's dates; a later one reconvenes it (cppm.reconvene times that); and a
// complete series that records none, when the case owes one (see owes),
// reports it as owed. otherKind is the message for a meeting of another
// kind.
func firstOfKind(p *engine.Pass, s *series, kind Kind, otherKind string, anchors func(*at) timescale.Anchors, owes func(*series) (timescale.Anchors, string, bool)) {
	first := -1
	for i := range s.Meetings {
		if s.Meetings[i].Kind == kind || (kind == Initial && s.Meetings[i].Kind == PreBirth) ||
			(kind == PreBirth && s.Meetings[i].Kind == Initial) {
			first = i
			break
		}
	}
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		switch {
		case t.m.Kind != kind:
			t.add(p, guidance.NotApplicable, otherKind)
		case i != first:
			t.add(p, guidance.NotApplicable, p.Concat("the ", string(kind), " CPPM was first held as ", s.at[first].subj, "; a later one reconvenes it, on the reconvening timescale"))
		default:
			p.Timed(t.subj, anchors(t), t.m.Held)
		}
	}
	if s.complete && first < 0 {
		if a, subject, ok := owes(s); ok {
			p.Timed(subject, a, Date{})
		}
	}
}

// caseAnchors are the case's dates an initial or pre-birth CPPM counts
// from, in the series' anchors map: valid until the next call.
func (s *series) caseAnchors(f CaseFacts, expected Date) timescale.Anchors {
	if s.anchors == nil {
		s.anchors = make(timescale.Anchors, 4)
	}
	a := s.anchors
	clear(a)
	put(a, timescale.EventConcern, f.Concern)
	put(a, timescale.EventIRD, f.IRD)
	put(a, timescale.EventInvestigation, f.Investigation)
	put(a, timescale.EventExpectedDelivery, expected)
	return a
}

// owesFirstCPPM reports whether the case owes its first CPPM of the given
// kind: a case that decided to investigate (and whose IRD did not decide
// against a CPPM), with no permanent move notified, owes a pre-birth CPPM
// if it is about an unborn child and an initial CPPM otherwise.
func owesFirstCPPM(kind Kind) func(*series) (timescale.Anchors, string, bool) {
	return func(s *series) (timescale.Anchors, string, bool) {
		if !s.Case.MoveNotified.IsZero() || s.Case.Investigation.IsZero() || s.NoCPPM || (s.PreBirth != nil) != (kind == PreBirth) {
			return nil, "", false
		}
		var expected Date
		if s.PreBirth != nil {
			expected = s.PreBirth.ExpectedDelivery
		}
		return s.caseAnchors(s.Case, expected), string(kind) + " CPPM", true
	}
}

func checkInitial(p *engine.Pass, s *series) error {
	firstOfKind(p, s, Initial, "applies only to an "+string(Initial)+" CPPM", func(t *at) timescale.Anchors {
		return s.caseAnchors(t.facts, Date{})
	}, owesFirstCPPM(Initial))
	return nil
}

func checkPreBirthTiming(p *engine.Pass, s *series) error {
	firstOfKind(p, s, PreBirth, "applies only to a "+string(PreBirth)+" CPPM", func(t *at) timescale.Anchors {
		a := timescale.Anchors{}
		put(a, timescale.EventConcern, t.facts.Concern)
		put(a, timescale.EventExpectedDelivery, t.expected)
		return a
	}, owesFirstCPPM(PreBirth))
	return nil
}

func checkTransfer(p *engine.Pass, s *series) error {
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		if t.m.Kind != Transfer {
			t.add(p, guidance.NotApplicable, "applies only to a transfer CPPM")
			continue
		}
		a := timescale.Anchors{}
		put(a, timescale.EventMoveNotified, t.facts.MoveNotified)
		p.Timed(t.subj, a, t.m.Held)
	}
	// A permanent move notified and no transfer CPPM recorded: owed,
	// counted from the notification.
	if s.complete && !s.Case.MoveNotified.IsZero() && !s.has(Transfer) {
		p.Timed("transfer CPPM", timescale.Anchors{timescale.EventMoveNotified: s.Case.MoveNotified}, Date{})
	}
	return nil
}

// A review is the timing of the review CPPM that follows a meeting: which
// timescale applies depends on the kind of that meeting, and each of the
// three review rules covers some kinds and counts from its own event.
type review struct {
	after func(Kind) bool
	from  timescale.Event
}

var (
	// the review after the CPPM that registered the child (initial or
	// transfer)
	afterRegistering = review{func(k Kind) bool { return k != PreBirth && k != Review }, timescale.EventRegisteringCPPM}
	afterPreBirth    = review{func(k Kind) bool { return k == PreBirth }, timescale.EventPreBirthCPPM}
	afterReview      = review{func(k Kind) bool { return k == Review }, timescale.EventReviewCPPM}
)

// check checks the review rule r stands for: a review CPPM is timed from
// the last meeting before it that went ahead, when that meeting's kind is
// one r covers; in a complete series, a meeting of such a kind that decided
// a plan and is followed by no review or transfer CPPM owes its review.
func (r review) check(p *engine.Pass, s *series) error {
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		if t.m.Kind != Review {
			t.add(p, guidance.NotApplicable, "applies to the timing of a review CPPM")
		} else if t.last == nil {
			t.add(p, guidance.Unknown, "give the earlier meetings of the case (at least the last one that went ahead) to check when this review was due")
		} else if !r.after(t.last.Kind) {
			t.add(p, guidance.NotApplicable, "the previous meeting was of another kind, so another review timescale applies")
		} else {
			p.Timed(t.subj, timescale.Anchors{r.from: t.last.Held}, t.m.Held)
		}
		if s.complete && planDecided(t.m) && r.after(t.m.Kind) && s.later(i, true) == nil {
			p.Timed(p.Concat("the CPPM to follow ", t.subj), timescale.Anchors{r.from: t.m.Held}, Date{})
		}
	}
	return nil
}

// isReview: only a review CPPM, or after a permanent move a transfer CPPM,
// is the review a plan owes.
func isReview(m *Meeting) bool { return m.Kind == Review || m.Kind == Transfer }

// checkReconvene checks cppm.reconvene, the step an inquorate meeting that
// did not proceed owes: reconvening it. In a complete series the inquorate
// meeting reports it, done when the next meeting was held (owed, as "the
// CPPM to follow" it, while no later meeting is recorded), and the
// reconvened meeting says so. Checked alone, an inquorate meeting weighs the
// new date set against the timescale, and a meeting that follows an
// inquorate one is timed from it.
func checkReconvene(p *engine.Pass, s *series) error {
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		m := t.m
		after := timescale.Anchors{timescale.EventInquorateCPPM: m.Held}
		switch {
		case m.Quorum.inquorateHalted() && !s.complete:
			p.Timed(t.subj, after, m.Quorum.NewDate)
		case m.Quorum.inquorateHalted():
			if n := s.later(i, false); n != nil {
				p.Timed(t.subj, after, n.Held)
			} else {
				t.add(p, guidance.NotApplicable, "no later meeting is recorded: the reconvened meeting is owed (the CPPM to follow this one)")
				p.Timed(p.Concat("the CPPM to follow ", t.subj), after, Date{})
			}
		case t.prev != nil && t.prev.Quorum.inquorateHalted() && s.complete:
			t.add(p, guidance.NotApplicable, "this meeting reconvenes an inquorate one: its timing is reported on that meeting")
		case t.prev != nil && t.prev.Quorum.inquorateHalted():
			p.Timed(t.subj, timescale.Anchors{timescale.EventInquorateCPPM: t.prev.Held}, m.Held)
		case m.Quorum.Decision == "":
			t.add(p, guidance.Unknown, "record the Chair's quorum decision: an inquorate meeting must be reconvened")
		default:
			t.add(p, guidance.NotApplicable, "neither this meeting nor the one before it was inquorate without proceeding")
		}
	}
	return nil
}

func checkRecord(p *engine.Pass, s *series, t *at) {
	if t.m.Held.IsZero() {
		t.add(p, guidance.Unknown, "the meeting has no date held; the record is due once it has been held")
		return
	}
	p.Timed(t.subj, timescale.Anchors{timescale.EventCPPM: t.m.Held}, t.m.Record.Circulated)
}

// checkPlanRecord checks the record of the plan, owed by the CPPM that
// decided a plan: done when the meeting's record says the plan was
// circulated or the case's plan, made at that CPPM, says its record was
// sent. A plan whose CPPM no meeting of the series records is checked on
// its own date, as "record of the plan".
func checkPlanRecord(p *engine.Pass, s *series) error {
	covered := false
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		m := t.m
		switch plan := m.Decisions.PlanRequired; {
		case m.Held.IsZero():
			t.add(p, guidance.Unknown, "the meeting has no date held; the record of the plan is due once it has been held")
		case m.Quorum.inquorateHalted():
			t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed: no plan was agreed")
		case plan == nil:
			t.add(p, guidance.Unknown, "record whether a Child Protection Plan is required: the record of the plan is due only if it is")
		case !*plan:
			t.add(p, guidance.NotApplicable, "no Child Protection Plan is required")
		default:
			done := m.Record.PlanCirculated
			if s.Plan.Recorded && s.Plan.CPPM == m.Held {
				covered = true
				if done.IsZero() {
					done = s.Plan.Done
				}
			}
			p.Timed(t.subj, timescale.Anchors{timescale.EventCPPM: m.Held}, done)
		}
	}
	if s.complete && s.Plan.Recorded && !covered && !s.heldOn(s.Plan.CPPM) {
		if s.Plan.CPPM.IsZero() {
			p.ReportOn("record of the plan", guidance.Unknown, "give the CPPM date so the deadline for the record of the plan can be worked out")
		} else {
			p.Timed("record of the plan", timescale.Anchors{timescale.EventCPPM: s.Plan.CPPM}, s.Plan.Done)
		}
	}
	return nil
}

// heldOn reports whether a meeting of the series was held on d.
func (s *series) heldOn(d Date) bool {
	for i := range s.Meetings {
		if !d.IsZero() && s.Meetings[i].Held == d {
			return true
		}
	}
	return false
}

// checkFirstCoreGroup checks the first Core Group meeting, owed after the
// first CPPM that decided a plan: done on the Core Group's first meeting,
// counted from the CPPM the Core Group records (or, when it records none,
// that meeting). A Core Group whose CPPM no meeting records is checked on
// its own date. Checked alone, a meeting does not know the Core Group: the
// step is Unknown until the whole case is checked.
func checkFirstCoreGroup(p *engine.Pass, s *series) error {
	const subject = "first Core Group meeting"
	first := -1
	for i := range s.Meetings {
		if planDecided(&s.Meetings[i]) {
			first = i
			break
		}
	}
	for i := s.from; i < len(s.at); i++ {
		t := &s.at[i]
		switch {
		case !planDecided(t.m):
			t.add(p, guidance.NotApplicable, "the meeting did not decide that a Child Protection Plan is required")
		case i != first:
			t.add(p, guidance.NotApplicable, "the first Core Group follows the first CPPM that decided a Child Protection Plan")
		case !s.complete:
			const msg = "the Core Group's first meeting is not part of the meeting's record: check the whole case to assess it"
			if due, err := p.DueDate(timescale.Anchors{timescale.EventCPPM: t.m.Held}); err == nil {
				p.ReportOnNumbers(t.subj, guidance.Unknown, msg+" (due %D)", due.Days())
			} else {
				t.add(p, guidance.Unknown, msg)
			}
		default:
			t.add(p, guidance.NotApplicable, "reported as the "+subject)
		}
	}
	if !s.complete {
		return nil
	}
	anchor := Date{}
	if first >= 0 {
		anchor = s.Meetings[first].Held
	}
	var done Date
	if g := s.CoreGroup; g.Recorded {
		done = g.Done
		if !g.CPPM.IsZero() {
			anchor = g.CPPM
		}
	}
	switch {
	case first < 0 && !s.CoreGroup.Recorded:
	case anchor.IsZero():
		p.ReportOn(subject, guidance.Unknown, "give the CPPM date so the first meeting's deadline can be worked out")
	default:
		p.Timed(subject, timescale.Anchors{timescale.EventCPPM: anchor}, done)
	}
	return nil
}

func checkReferral(p *engine.Pass, s *series, t *at) {
	ref := t.m.Decisions.Referral
	if ref.Outcome != Refer {
		t.add(p, guidance.NotApplicable, "no decision to refer to the Principal Reporter is recorded at this meeting")
		return
	}
	from := ref.Decided
	if from.IsZero() {
		from = t.m.Held
	}
	p.Timed(t.subj, timescale.Anchors{timescale.EventReporterDecision: from}, ref.Sent)
}

// The rules about holding and recording the meeting.

func checkAgencies(p *engine.Pass, s *series, t *at) {
	if !t.held(p) {
		return
	}
	if t.m.Attendance == nil {
		t.add(p, guidance.Unknown, "record attendance by agency to check that social work, health and police were represented")
		return
	}
	var present [agencyCount + 1]bool
	for i := range t.m.Attendance {
		present[t.m.Attendance[i].Agency.index()] = true
	}
	missing := make([]string, 0, 8)
	for _, a := range coreAgencies {
		if !present[a.index()] {
			missing = append(missing, string(a))
		}
	}
	for _, a := range t.m.Involved {
		if !present[a.index()] && !contains(missing, string(a)) {
			missing = append(missing, string(a))
		}
	}
	if len(missing) > 0 {
		t.add(p, guidance.Missing, p.List("no attendance recorded from ", missing, ", ", ": the core agencies and every agency working with the child and family must be represented; record who attended or why not"))
		return
	}
	t.add(p, guidance.Met, "social work, health, police and every listed involved agency attended")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// eachPerson calls fn for the child (who is -1; none at a pre-birth
// meeting) and each family member recorded (who is the index).
func eachPerson(m *Meeting, fn func(who int, q Participation)) {
	if m.Kind != PreBirth {
		fn(-1, m.Child.Participation)
	}
	for i, f := range m.Family {
		fn(i, f.Participation)
	}
}

// personLabel names a person of eachPerson in a message, never by name.
func personLabel(who int) string {
	if who < 0 {
		return "the child"
	}
	return "family member " + strconv.Itoa(who+1)
}

func checkParticipation(p *engine.Pass, s *series, t *at) {
	m := t.m
	if !t.held(p) {
		return
	}
	unknown, missing := make([]string, 0, 8), make([]string, 0, 8)
	eachPerson(m, func(who int, q Participation) {
		switch {
		case q.Mode == "":
			unknown = append(unknown, personLabel(who))
		case q.Mode == Attended:
		case !q.ViewsSought || !q.ViewsRepresented:
			missing = append(missing, personLabel(who)+" (did not take part; views not sought and represented)")
		}
	})
	switch {
	case len(missing) > 0:
		t.add(p, guidance.Missing, p.List("for ", missing, "; ", ": seek their views and represent them at the meeting"))
	case m.Family == nil:
		t.add(p, guidance.Unknown, "record the relevant family members and how each took part")
	case len(unknown) > 0:
		t.add(p, guidance.Unknown, p.List("record how ", unknown, ", ", " took part (attended, views represented, not invited or excluded)"))
	default:
		t.add(p, guidance.Met, "the child and each family member recorded took part or had their views sought and represented")
	}
}

// checkInvited checks that no one was left uninvited without a recorded
// reason (G21 3.131: "should be invited"; their views are
// cppm.child-family-participation's must).
func checkInvited(p *engine.Pass, s *series, t *at) {
	m := t.m
	if !t.held(p) {
		return
	}
	unknown, missing := make([]string, 0, 8), make([]string, 0, 8)
	eachPerson(m, func(who int, q Participation) {
		switch {
		case q.Mode == "":
			unknown = append(unknown, personLabel(who))
		case q.Mode == NotInvited && blank.Is(q.Reason):
			missing = append(missing, personLabel(who))
		}
	})
	switch {
	case len(missing) > 0:
		t.add(p, guidance.Missing, p.List("", missing, ", ", " not invited, with no reason recorded: invite and support them to take part, or record why not"))
	case m.Family == nil:
		t.add(p, guidance.Unknown, "record the relevant family members and whether each was invited")
	case len(unknown) > 0:
		t.add(p, guidance.Unknown, p.List("record whether ", unknown, ", ", " was invited (attended, views represented, not invited or excluded)"))
	default:
		t.add(p, guidance.Met, "the child and each family member recorded were invited, or the reason they were not is recorded")
	}
}

func checkExclusion(p *engine.Pass, s *series, t *at) {
	m := t.m
	excl := make([]string, 0, 8)
	excluded := false
	for i, f := range m.Family {
		if f.Mode != Excluded {
			continue
		}
		excluded = true
		lack := make([]string, 0, 8)
		if blank.Is(f.Reason) {
			lack = append(lack, "the reasons")
		}
		if !f.ViewsSought {
			lack = append(lack, "that their views were obtained")
		}
		if blank.Is(f.OutcomeToldBy) {
			lack = append(lack, "the named person to tell them the outcome")
		}
		if f.OutcomeBy.IsZero() {
			lack = append(lack, "the date by which they will be told")
		}
		if len(lack) > 0 {
			excl = append(excl, fmt.Sprintf("family member %d: record %s", i+1, p.Join(lack, ", ")))
		}
	}
	switch {
	case !excluded:
		t.add(p, guidance.NotApplicable, "no family member is recorded as excluded by the Chair")
	case len(excl) > 0:
		t.add(p, guidance.Missing, p.Join(excl, "; "))
	default:
		t.add(p, guidance.Met, "each exclusion records its reasons, the views obtained, and who tells them the outcome by when")
	}

}

func checkOlderChild(p *engine.Pass, s *series, t *at) {
	m := t.m
	switch {
	case m.Kind == PreBirth:
		t.add(p, guidance.NotApplicable, "a pre-birth meeting has no child to attend")
	case m.Child.Mode == "":
		t.add(p, guidance.Unknown, "record how the child took part")
	case m.Child.Mode == Attended:
		t.add(p, guidance.NotApplicable, "the child attended")
	case m.Child.Older == nil:
		t.add(p, guidance.Unknown, "record whether the child counts as an older child: if so, the reasons for non-attendance must be recorded")
	case !*m.Child.Older:
		t.add(p, guidance.NotApplicable, "the child is not recorded as an older child")
	case blank.Is(m.Child.Reason):
		t.add(p, guidance.Missing, "record the reasons the child did not attend")
	default:
		t.add(p, guidance.Met, "the reasons for the child's non-attendance are recorded")
	}
}

func checkDecisionRisk(p *engine.Pass, s *series, t *at) {
	d := t.m.Decisions
	held := !t.m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"
	switch {
	case !held:
		t.add(p, guidance.Unknown, notHeld)
	case t.m.Quorum.inquorateHalted():
		t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed: no decisions are made until it reconvenes")
	case d.RiskOfSignificantHarm == nil:
		t.add(p, guidance.Missing, "record whether the child is at risk of significant harm")
	default:
		t.add(p, guidance.Met, "the decision on risk of significant harm is recorded")
	}

}

func checkDecisionPlan(p *engine.Pass, s *series, t *at) {
	d := t.m.Decisions
	held := !t.m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"
	switch {
	case !held:
		t.add(p, guidance.Unknown, notHeld)
	case t.m.Quorum.inquorateHalted():
		t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed: no decisions are made until it reconvenes")
	case d.PlanRequired == nil || d.Register == nil:
		lack := make([]string, 0, 8)
		if d.PlanRequired == nil {
			lack = append(lack, "whether a Child Protection Plan is required")
		}
		if d.Register == nil {
			lack = append(lack, "whether the child's name is added to (or stays on) the register")
		}
		t.add(p, guidance.Missing, p.List("record ", lack, " and ", ""))
	case *d.PlanRequired != *d.Register:
		t.add(p, guidance.Missing, "the decisions disagree: a plan required means registration, and registration means a plan; correct one of them")
	case d.RiskOfSignificantHarm != nil && *d.RiskOfSignificantHarm && !*d.PlanRequired:
		t.add(p, guidance.Missing, "the child is recorded at risk of significant harm but no plan is required: a plan is in place while that risk remains; correct the decisions or record why")
	default:
		t.add(p, guidance.Met, "the plan and registration decisions are recorded and agree")
	}

}

func checkReporterConsidered(p *engine.Pass, s *series, t *at) {
	m := t.m
	held := !t.m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"
	switch {
	case !m.Case.PriorReferral.IsZero() && m.Decisions.Referral.Outcome == "":
		t.add(p, guidance.NotApplicable, "a referral to the Principal Reporter had already been made")
	case !held:
		t.add(p, guidance.Unknown, notHeld)
	case t.m.Quorum.inquorateHalted():
		t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed")
	case m.Decisions.Referral.Outcome == "":
		t.add(p, guidance.Missing, "record whether a referral to the Principal Reporter is or is not required (or the earlier referral in case.prior_referral)")
	default:
		t.add(p, guidance.Met, "the decision on a referral to the Principal Reporter is recorded")
	}

}

func checkEmergency(p *engine.Pass, s *series, t *at) {
	d := t.m.Decisions
	held := !t.m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"
	switch {
	case !held:
		t.add(p, guidance.Unknown, notHeld)
	case d.ImmediateRisk == nil && t.m.Quorum.inquorateHalted():
		t.add(p, guidance.NotApplicable, "the meeting was inquorate and did not proceed, and records no immediate risk: the interim safety plan is the inquorate rules' (cppm.inquorate-interim-plan)")
	case d.ImmediateRisk == nil:
		t.add(p, guidance.Unknown, "record whether an immediate risk of significant harm was identified")
	case !*d.ImmediateRisk:
		t.add(p, guidance.NotApplicable, "no immediate risk of significant harm was identified")
	case d.EmergencyMeasures == nil || !*d.EmergencyMeasures:
		t.add(p, guidance.Missing, "immediate risk was identified: take emergency measures without delay and record them")
	default:
		t.add(p, guidance.Met, "emergency measures are recorded for the immediate risk identified")
	}

}

func checkInterimReviewed(p *engine.Pass, s *series, t *at) {
	m, d := t.m, t.m.Decisions
	held := !t.m.Held.IsZero()
	notHeld := "the meeting has no date held; record the decision once it has been held"
	switch {
	case m.Kind != Initial && m.Kind != PreBirth:
		t.add(p, guidance.NotApplicable, "applies to an initial or pre-birth CPPM, which follows the IRD")
	case !held:
		t.add(p, guidance.Unknown, notHeld)
	case d.InterimSafetyPlanReviewed == nil:
		t.add(p, guidance.Unknown, "record whether the Interim Safety Plan was reviewed at the meeting")
	case !*d.InterimSafetyPlanReviewed:
		t.add(p, guidance.Missing, "review the Interim Safety Plan at the CPPM and develop the Child Protection Plan from it")
	default:
		t.add(p, guidance.Met, "the Interim Safety Plan was reviewed")
	}

}

func checkBirthNotifier(p *engine.Pass, s *series, t *at) {
	m, d := t.m, t.m.Decisions
	switch {
	case m.Kind != PreBirth:
		t.add(p, guidance.NotApplicable, "applies only to a pre-birth CPPM")
	case d.Register == nil:
		t.add(p, guidance.Unknown, "record whether the unborn baby is registered")
	case !*d.Register:
		t.add(p, guidance.NotApplicable, "the unborn baby was not registered")
	case m.PreBirth == nil || blank.Is(m.PreBirth.BirthNotifier) || blank.Is(m.PreBirth.AtBirth):
		t.add(p, guidance.Missing, "the plan must name who notifies the birth and say what happens then (for example the referral to the Principal Reporter)")
	default:
		t.add(p, guidance.Met, "the plan names who notifies the birth and what happens then")
	}

}

func checkReferralContents(p *engine.Pass, s *series, t *at) {
	d := t.m.Decisions
	r := d.Referral
	switch {
	case r.Outcome != Refer:
		t.add(p, guidance.NotApplicable, "no referral to the Principal Reporter was decided at this meeting")
	case r.IncludesReasons == nil:
		t.add(p, guidance.Unknown, "record whether the referral gives its reasons")
	case !*r.IncludesReasons:
		t.add(p, guidance.Missing, "include the reasons for the referral")
	case r.IncludesPlan == nil || r.IncludesAssessment == nil:
		t.add(p, guidance.Unknown, "record whether the referral includes the child's plan and a full assessment of risk and need")
	case !*r.IncludesPlan || !*r.IncludesAssessment:
		t.add(p, guidance.Met, "the referral gives its reasons; where possible, also send the child's plan and a full assessment of risk and need")
	default:
		t.add(p, guidance.Met, "the referral gives its reasons, the child's plan and a full assessment of risk and need")
	}
}

func checkQuorumRecorded(p *engine.Pass, s *series, t *at) {
	m, q := t.m, t.m.Quorum
	if t.held(p) {
		socialWork := false
		for i := range m.Attendance {
			socialWork = socialWork || m.Attendance[i].Agency == SocialWork
		}
		switch {
		case q.Decision == "":
			t.add(p, guidance.Missing, "record the Chair's decision on quorum, with reasons")
		case blank.Is(q.Reasons):
			t.add(p, guidance.Missing, "record the reasons for the Chair's decision on quorum")
		case q.Decision == Quorate && m.Attendance != nil && !socialWork:
			t.add(p, guidance.Missing, "the meeting is recorded as quorate but no children's social work attendance is recorded: check the attendance or the Chair's decision")
		default:
			t.add(p, guidance.Met, "the Chair's quorum decision is recorded with reasons")
		}
	}

}

func checkInquorateInterim(p *engine.Pass, s *series, t *at) {
	q := t.m.Quorum
	switch {
	case !q.inquorateHalted():
		t.add(p, guidance.NotApplicable, "the meeting was not halted as inquorate")
	case !q.InterimSafetyPlan && q.NewDate.IsZero():
		t.add(p, guidance.Missing, "ensure an interim safety plan is produced or the existing plan reviewed, and set a new date")
	case !q.InterimSafetyPlan:
		t.add(p, guidance.Missing, "ensure an interim safety plan is produced or the existing plan reviewed")
	case q.NewDate.IsZero():
		t.add(p, guidance.Missing, "set a new date for the meeting (within the cppm.reconvene timescale)")
	default:
		t.add(p, guidance.Met, "an interim safety plan is in place and a new date is set")
	}

}

func checkInquorateProceeded(p *engine.Pass, s *series, t *at) {
	q := t.m.Quorum
	switch {
	case q.Decision != Inquorate || !q.Proceeded:
		t.add(p, guidance.NotApplicable, "the meeting did not proceed while inquorate")
	case blank.Is(q.ExceptionalReason) && !q.EarlyReviewArranged:
		t.add(p, guidance.Missing, "record the exceptional reason for proceeding while inquorate and arrange an early review now")
	case blank.Is(q.ExceptionalReason):
		t.add(p, guidance.Missing, "record the exceptional reason for proceeding while inquorate")
	case !q.EarlyReviewArranged:
		t.add(p, guidance.Missing, "arrange an early review now: the meeting proceeded while inquorate")
	default:
		t.add(p, guidance.Met, "the exceptional reason is recorded and an early review is arranged")
	}

}

func checkNotTwice(p *engine.Pass, s *series, t *at) {
	m, q := t.m, t.m.Quorum
	switch {
	case q.Decision == "":
		t.add(p, guidance.Unknown, "record the Chair's quorum decision")
	case q.Decision == Quorate:
		t.add(p, guidance.Met, "this meeting was quorate")
	case t.prev == nil && t.i == 0 && (m.Kind == Review || m.Kind == Transfer):
		t.add(p, guidance.Unknown, "this meeting was inquorate: give the earlier meetings of the case (Options.Previous, or the case's meetings) to check the one before it was not")
	case t.prev != nil && t.prev.Quorum.Decision == Inquorate:
		t.add(p, guidance.Missing, "this meeting and the one before it were both inquorate: two inquorate CPPMs must not be held in a row; escalate and hold a quorate meeting")
	case t.prev != nil && t.prev.Quorum.Decision == "":
		t.add(p, guidance.Unknown, "this meeting was inquorate and the quorum decision of the one before it is not recorded")
	case t.prev == nil:
		t.add(p, guidance.Met, "this meeting was inquorate and no earlier meeting is recorded; the next must be quorate")
	default:
		t.add(p, guidance.Met, "this meeting was inquorate, but the one before it was not; the next must be quorate")
	}

}

func checkInquorateEnd(p *engine.Pass, s *series, t *at) {
	m, q := t.m, t.m.Quorum
	switch {
	case q.Decision != Inquorate:
		t.add(p, guidance.NotApplicable, "the meeting was not inquorate")
	case (m.Kind == Review || m.Kind == Transfer) && endsPlan(m):
		t.add(p, guidance.Missing, "an inquorate meeting cannot end the Child Protection Plan or de-register: withdraw that decision and reconvene a quorate review")
	default:
		t.add(p, guidance.Met, "the inquorate meeting did not end the plan")
	}
}

func checkTransferEnd(p *engine.Pass, s *series, t *at) {
	m := t.m
	switch {
	case m.Kind != Transfer:
		t.add(p, guidance.NotApplicable, "applies only to a transfer CPPM")
	case endsPlan(m):
		t.add(p, guidance.Missing, "a transfer CPPM cannot end the Child Protection Plan or de-register: only a quorate review CPPM can")
	case m.Decisions.PlanRequired == nil && m.Decisions.Register == nil:
		t.add(p, guidance.Unknown, "record the plan and registration decisions")
	default:
		t.add(p, guidance.Met, "the transfer meeting did not end the plan")
	}
}

// endsPlan reports whether the meeting decided to end the plan or to
// de-register.
func endsPlan(m *Meeting) bool {
	d := m.Decisions
	return (d.PlanRequired != nil && !*d.PlanRequired) || (d.Register != nil && !*d.Register)
}

func checkReporterObserver(p *engine.Pass, s *series, t *at) {
	switch r := t.m.Reporter; {
	case r == nil || !r.Attended:
		t.add(p, guidance.NotApplicable, "the Children's Reporter did not attend")
	case r.CountedForQuorum || r.TookPartInDecisions:
		t.add(p, guidance.Missing, "the Children's Reporter attends only to observe: do not count the Reporter towards quorum or in the decisions; review the decisions without the Reporter")
	default:
		t.add(p, guidance.Met, "the Children's Reporter observed only")
	}

}

func checkNoteTaker(p *engine.Pass, s *series, t *at) {
	chair, note := t.m.Chair.Name, t.m.NoteTaker.Name
	switch {
	case blank.Is(chair) || blank.Is(note):
		t.add(p, guidance.Unknown, "record the Chair and the note-taker")
	case sameName(chair, note):
		t.add(p, guidance.Missing, "the Chair is recorded as the note-taker: someone else should take the record")
	default:
		t.add(p, guidance.Met, "the note-taker is not the Chair")
	}
}

// sameName reports whether two names are the same once case and spacing are
// ignored: the same words, in order, equal rune by rune in lower case (what
// comparing strings.ToLower of their strings.Fields joined by spaces would
// say). It compares in place, without building normalised copies.
func sameName(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		// Compare one word of each.
		for {
			ra, na := utf8.DecodeRuneInString(a)
			rb, nb := utf8.DecodeRuneInString(b)
			endA, endB := a == "" || unicode.IsSpace(ra), b == "" || unicode.IsSpace(rb)
			if endA || endB {
				if endA != endB {
					return false
				}
				break
			}
			if unicode.ToLower(ra) != unicode.ToLower(rb) {
				return false
			}
			a, b = a[na:], b[nb:]
		}
	}
}

func checkRecordContents(p *engine.Pass, s *series, t *at) {
	m := t.m
	switch {
	case m.Held.IsZero():
		t.add(p, guidance.Unknown, "the meeting has no date held; the record is written once it has been held")
	case m.Record.Contents == nil:
		t.add(p, guidance.Unknown, "list what the record of the meeting holds (record.contents)")
	default:
		plan := m.Decisions.PlanRequired != nil && *m.Decisions.PlanRequired
		var has uint32 // bit k: recordItems[k] is in the record
		for _, it := range m.Record.Contents {
			if k := it.index(); k >= 0 {
				has |= 1 << k
			}
		}
		lack := make([]string, 0, len(recordItems))
		for k, it := range recordItems {
			if has&(1<<k) == 0 && (plan || !it.planOnly()) {
				lack = append(lack, string(it))
			}
		}
		if len(lack) > 0 {
			t.add(p, guidance.Missing, p.List("add to the record: ", lack, ", ", ""))
		} else {
			t.add(p, guidance.Met, "the record holds every essential item")
		}
	}

}

func checkReportsShared(p *engine.Pass, s *series, t *at) {
	m := t.m
	unknown, missing := make([]string, 0, 8), make([]string, 0, 8)
	for i, r := range m.Reports {
		label := func() string { return "report " + strconv.Itoa(i+1) + " (" + string(r.Agency) + ")" }
		switch {
		case r.SharedWithFamily == nil || r.Accessible == nil:
			unknown = append(unknown, label())
		case !*r.SharedWithFamily || !*r.Accessible:
			missing = append(missing, label())
		}
	}
	switch {
	case len(missing) > 0:
		t.add(p, guidance.Missing, p.List("share ", missing, ", ", " with the child and family, in a form they can understand"))
	case m.Reports == nil:
		t.add(p, guidance.Unknown, "record the reports received for the meeting and whether each was shared with the family")
	case len(unknown) > 0:
		t.add(p, guidance.Unknown, p.List("record whether ", unknown, ", ", " was shared with the family in an accessible form"))
	default:
		t.add(p, guidance.Met, "every report was shared with the family in an accessible form")
	}
}
