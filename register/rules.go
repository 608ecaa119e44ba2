package register

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/blank"
	"github.com/cpguide/cpguide/meeting"
)

// The register rules (RULES.md section 6) as checks of a child's register
// history against the CPPMs of the case: the findings a case system gets
// from [Check] and cpguide.Check from [Run].

// A Case is what the register rules look at in a child protection case.
type Case struct {
	// Events are the child's register events, oldest first: one child,
	// versions 1, 2, 3, ... with no gap (see [Fold]). With none, the rules
	// check only that the register shows what the CPPMs decided, and ask
	// for the events.
	Events []Event
	// CPPMs are the case's Child Protection Planning Meetings, whose
	// decisions the register should show (a registration, a transfer, a
	// de-registration).
	CPPMs []meeting.Meeting
	// Born is the date a baby registered before birth was born, when the
	// case records it; zero when not born or not known.
	Born guidance.Date
}

// Options are the options of [Check].
type Options struct {
	// Options are the options of every check. The zero Edition means the
	// edition in force on the case's earliest event or CPPM. Editions are
	// never blended.
	engine.Options
	// Policy is the access policy the enquiries on the register are
	// checked against (rule register.access); nil means [DefaultPolicy].
	Policy *Policy
}

// history is the record the register checks look at: the case, the state
// its events fold into and the access policy (nil: [DefaultPolicy]).
type history struct {
	Case
	state    State
	policy   *Policy
	episodes [4]Episode // the state's episodes, for a history of up to four
	subjects [4]struct {
		registered int64 // the episode's Registered
		subject    string
	}
	nsubjects int
}

// subject returns episodeSubject of ep, written once for each of the first
// few episodes however many rules report on it.
func (h *history) subject(p *engine.Pass, ep *Episode) string {
	for _, s := range h.subjects[:h.nsubjects] {
		if s.registered == ep.Registered {
			return s.subject
		}
	}
	s := episodeSubject(p, ep)
	if h.nsubjects < len(h.subjects) {
		h.subjects[h.nsubjects].registered, h.subjects[h.nsubjects].subject = ep.Registered, s
		h.nsubjects++
	}
	return s
}

// historyPool recycles the histories of Run; Run clears what refers to the
// caller's case before putting one back.
var historyPool = sync.Pool{New: func() any { return new(history) }}

// Checks are the register rules, one value per rule, in the catalogue's
// order. [Run] runs them on a case.
var Checks = []engine.Check[history]{
	accessCheck,
	concernsCheck,
	deregistrationCheck,
	{Rule: "register.deregistration-told", Run: checkDeregistrationTold},
	endReasonCheck,
	{Rule: "register.episode-length", Run: checkEpisodeLength},
	{Rule: "register.history", Run: checkHistory},
	{Rule: "register.keep", Run: checkKeep},
	{Rule: "register.parents-informed", Run: checkParentsInformed},
	registrationCheck,
	{Rule: "register.temporary", Run: checkTemporary},
	{Rule: "register.transfer", Run: checkTransfer},
}

// The check values whose rules the register's write API also enforces when
// an event is recorded: a refusal names the rule through its check value
// (Register refuses a de-registration by a transfer CPPM citing
// deregistrationCheck.Rule), so the rule's ID is written once.
var (
	accessCheck         = engine.Check[history]{Rule: "register.access", Run: checkAccess}
	concernsCheck       = engine.Check[history]{Rule: "register.concerns", Run: checkConcerns}
	deregistrationCheck = engine.Check[history]{Rule: "register.deregistration", Run: checkDeregistration}
	endReasonCheck      = engine.Check[history]{Rule: "register.end-reason", Run: checkEndReason}
	registrationCheck   = engine.Check[history]{Rule: "register.registration", Run: checkRegistration}
)

// Run checks the register rules of [Checks] on the pass: c's register
// events, folded into the child's state, and that the register shows what
// c's CPPMs decided. policy is [Options].Policy. A case with no register
// events and no CPPM decision the register should show has nothing to
// check and gets no finding; otherwise a rule the pass's edition does not
// state gets one NotApplicable finding about "register". Findings name the
// registration (its authority and date), the CPPM or "register history",
// never the child. It is the entry point of cpguide.Check; [Check] runs it
// on a pass of its own. Events that do not fold into one child's history
// are an error, and nothing is reported.
func Run(p *engine.Pass, c *Case, policy *Policy) error {
	if c == nil {
		return invalid("case", "give the case to check")
	}
	if len(c.Events) == 0 && !decidesAny(c.CPPMs) {
		return nil
	}
	h := historyPool.Get().(*history)
	defer func() {
		clear(h.episodes[:])
		*h = history{}
		historyPool.Put(h)
	}()
	*h = history{Case: *c, policy: policy}
	if len(c.Events) > 0 {
		// The checks only read the state: it borrows the events' data.
		h.state = State{ChildID: c.Events[0].ChildID, Episodes: h.episodes[:0]}
		if err := h.state.fold(c.Events, true); err != nil {
			return err
		}
	}
	return engine.Run(p, "register", h, Checks)
}

// Check checks the register rules on c (see [Run]) for a case system that
// keeps the register apart from the rest of the case. Its error is for
// input that cannot be checked: an event that is not valid, events that do
// not fold into one child's history (naming "events[i]"), bad options. The
// register's failings are findings, and [guidance.Report.Err] says whether
// any is a breach.
func Check(c *Case, opts Options) (*guidance.Report, error) {
	if c == nil {
		return nil, invalid("case", "give the case to check")
	}
	if err := ValidateHistory(c.Events); err != nil {
		var ge *guidance.Error
		if errors.As(err, &ge) {
			out := *ge
			out.Field = "events" + ge.Field
			return nil, &out
		}
		return nil, err
	}
	p, err := opts.PassOn("date", c.earliest())
	if err != nil {
		return nil, err
	}
	defer p.Release()
	if err := Run(p, c, opts.Policy); err != nil {
		return nil, err
	}
	rep := p.TakeSortedReport()
	return rep, nil
}

// earliest returns the date of the earliest register event or CPPM of c,
// or the zero date if none is dated.
func (c *Case) earliest() guidance.Date {
	var first guidance.Date
	see := func(d guidance.Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	for i := range c.Events { // by index: each would be copied
		see(c.Events[i].Date)
	}
	for i := range c.CPPMs {
		see(c.CPPMs[i].Held)
	}
	return first
}

// episodeSubject names an episode by authority and start, never the child.
func episodeSubject(p *engine.Pass, ep *Episode) string {
	temporary := ""
	if ep.Kind == Temporary {
		temporary = "temporary "
	}
	return p.Concat(temporary, "registration in ", ep.Authority, " from ", p.Date(ep.Start))
}

func cppmSubject(p *engine.Pass, m *meeting.Meeting) string {
	if m.Ref != "" {
		return p.Concat(string(m.Kind), " CPPM ", m.Ref)
	}
	return p.Concat(string(m.Kind), " CPPM")
}

// registeringKind is the kind of CPPM that opens a registration of kind k.
var registeringKind = map[RegistrationKind]meeting.Kind{
	ByInitialCPPM:  meeting.Initial,
	ByPreBirthCPPM: meeting.PreBirth,
	ByTransferCPPM: meeting.Transfer,
}

// cppm returns the case's CPPM the register's reference names.
func (h *history) cppm(ref *MeetingRef) (*meeting.Meeting, bool) {
	if ref == nil || ref.ID == "" {
		return nil, false
	}
	for i := range h.CPPMs {
		if m := &h.CPPMs[i]; m.Ref == ref.ID {
			return m, true
		}
	}
	return nil, false
}

// checkRegistration: a registration follows a CPPM of the right kind that
// decided a plan is required (G21 1.88), and an initial or pre-birth CPPM
// that decided to register is followed by a registration.
func checkRegistration(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind != Temporary {
			h.registration(p, ep, h.subject(p, ep))
		}
	}
	h.decisions(p, toRegister)
	return nil
}

func (h *history) registration(p *engine.Pass, ep *Episode, subj string) {
	ref := ep.Meeting
	want := registeringKind[ep.Kind]
	switch {
	case ref == nil:
		p.ReportOn(subj, guidance.Missing, p.Concat("record the ", string(want), " CPPM that decided a Child Protection Plan is required: a child is registered only on that decision"))
		return
	case ref.Kind == meeting.Review:
		p.ReportOn(subj, guidance.Missing, "a review CPPM does not register a child: a registration follows the initial, pre-birth or transfer CPPM that decided a plan is required")
		return
	case ref.Kind != want:
		p.ReportOn(subj, guidance.Missing, p.Concat("a ", string(ep.Kind), " registration follows a ", string(want), " CPPM, but the register names a ", string(ref.Kind), " CPPM: correct the registration"))
		return
	case !ref.PlanRequired:
		p.ReportOn(subj, guidance.Missing, "the register shows a CPPM that did not decide a plan is required: a child is registered only when the CPPM decides a Child Protection Plan is required")
		return
	case ep.Start.Before(ref.Held):
		p.ReportOn(subj, guidance.Missing, "the registration is dated before the CPPM that decided it: correct the date of registration")
		return
	}
	if m, ok := h.cppm(ref); ok {
		switch {
		case m.Kind != ref.Kind:
			p.ReportOn(subj, guidance.Missing, p.Concat("the register and the case record different kinds of CPPM for ", cppmSubject(p, m), ": correct one of them"))
			return
		case !m.Held.IsZero() && m.Held != ref.Held:
			p.ReportOn(subj, guidance.Missing, p.Concat("the register and the case record different dates for ", cppmSubject(p, m), ": correct one of them"))
			return
		case m.Decisions.PlanRequired != nil && !*m.Decisions.PlanRequired:
			p.ReportOn(subj, guidance.Missing, p.Concat("the case records that ", cppmSubject(p, m), " decided no plan is required, but the register shows a registration on its decision: correct one of them"))
			return
		}
	}
	registeredOn.report(p, subj, guidance.Met, string(ref.Kind), ref.Held.Days())
}

// checkConcerns: the areas of concern identified are recorded, from a
// known version of the code list (G21 1.88).
func checkConcerns(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind == Temporary {
			continue
		}
		subj := h.subject(p, ep)
		list, ok := concernList(ep.ConcernsVersion)
		switch {
		case len(ep.Concerns) == 0:
			p.ReportOn(subj, guidance.Missing, "record the areas of concern the CPPM identified")
		case !ok:
			p.ReportOn(subj, guidance.Unknown, "the areas of concern come from a code list this library does not ship: check them against that list")
		default:
			bad := make([]string, 0, 8)
			for i, code := range ep.Concerns {
				if !list.Has(code) || slices.Contains(ep.Concerns[:i], code) {
					bad = append(bad, strconv.Itoa(i+1))
				}
			}
			if len(bad) > 0 {
				p.ReportOn(subj, guidance.Missing, p.Concat("area(s) of concern number ", p.Join(bad, ", "), " are not codes of list ", list.Version, " (or are repeated): record each area of concern once, from the list"))
				continue
			}
			concernsFrom.report(p, subj, guidance.Met, list.Version, len(ep.Concerns))
		}
	}
	return nil
}

// A template is a message template (engine.Pass.ReportNumbers) with one
// text value in it: before, the value (in quotes when quote is set),
// after. The templates of a small set of known values are made once, so
// that the findings that use them carry no text of their own; another
// value's is written in the pass's storage. Either way the words are
// these, once.
type template struct {
	before, after string
	quote         bool
	known         map[string]string
}

func newTemplate(before, after string, quote bool, values ...string) template {
	t := template{before: before, after: after, quote: quote, known: make(map[string]string, len(values))}
	for _, v := range values {
		t.known[v] = before + t.show(v) + after
	}
	return t
}

// show is v as the template writes it, "%" escaped. (A method, not a
// function value: a value passed to a function value escapes, and with it
// whatever holds it, such as the default access policy.)
func (t *template) show(v string) string {
	if t.quote {
		v = strconv.Quote(v)
	}
	return escapePercent(v)
}

// report reports a finding about subject with status s and the message of
// the template with the value v and the numbers. A known value's template
// is a constant, kept as a template; another value's message is written
// out (engine.Pass.Format), since the pass remembers templates by address.
func (t *template) report(p *engine.Pass, subject string, s guidance.Status, v string, numbers ...int) {
	if tmpl, ok := t.known[v]; ok {
		p.ReportOnNumbers(subject, s, tmpl, numbers...)
		return
	}
	p.ReportOn(subject, s, p.Format(p.Concat(t.before, t.show(v), t.after), numbers...))
}

var (
	registeredOn = newTemplate("registered on the decision of the ", " CPPM held %D that a plan is required", false,
		string(meeting.Initial), string(meeting.Review), string(meeting.Transfer), string(meeting.PreBirth))
	concernsFrom = newTemplate("%d area(s) of concern recorded from list ", "", false,
		DefaultConcerns().Version, ConcernsCSWS2012.Version, ConcernsCSWS2016.Version)
	accessAllowed = newTemplate("%d enquiry(ies), each allowed by access policy ", " and with its purpose; %d refusal(s) recorded", true,
		DefaultPolicy().Name)
)

func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// concernList returns the shipped list of a version; no version means the
// default list.
func concernList(version string) (ConcernList, bool) {
	switch version {
	case "":
		return DefaultConcerns(), true
	case ConcernsCSWS2012.Version:
		return ConcernsCSWS2012, true
	case ConcernsCSWS2016.Version:
		return ConcernsCSWS2016, true
	}
	return ConcernList{}, false
}

// checkEpisodeLength: an episode is measured from its latest registration,
// never from a review CPPM (RULES.md section 6, national statistics).
func checkEpisodeLength(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind == Temporary {
			continue
		}
		subj := h.subject(p, ep)
		switch {
		case ep.Meeting != nil && ep.Meeting.Kind == meeting.Review:
			p.ReportOn(subj, guidance.Missing, "the episode would be counted from a review CPPM: a review continues the registration, so count it from the registration that opened it")
		case !ep.Open():
			p.ReportOn(subj, guidance.Met, p.Concat(p.Itoa(ep.End.Days()-ep.Start.Days()), " days on the register, counted from the registration on ", ep.Start.String(), " to its end"))
		case !p.Today.IsZero() && !p.Today.Before(ep.Start):
			p.ReportOnNumbers(subj, guidance.Met, "%d days on the register so far, counted from the registration on %D", p.Today.Days()-ep.Start.Days(), ep.Start.Days())
		default:
			p.ReportOn(subj, guidance.Met, p.Concat("on the register, counted from the registration on ", ep.Start.String()))
		}
	}
	return nil
}

// checkEndReason: every ending has a reason that fits the registration
// (G21 1.92). De-registration because the risk has reduced is checked by
// [checkDeregistration].
func checkEndReason(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Open() {
			continue
		}
		subj := h.subject(p, ep)
		switch {
		case ep.Reason == TemporaryEnded && ep.Kind != Temporary:
			p.ReportOn(subj, guidance.Missing, "only a temporary registration ends because a temporary move ended: record the reason this registration ended")
		case ep.Reason == Transferred && ep.Kind == Temporary:
			p.ReportOn(subj, guidance.Missing, "a temporary registration is not transferred: it ends when the temporary move ends")
		case ep.Reason == RiskReduced:
			p.ReportOn(subj, guidance.Met, "ended: the risk of significant harm reduced")
		default:
			p.ReportOn(subj, guidance.Met, p.Concat("ended, reason recorded: ", string(ep.Reason)))
		}
	}
	return nil
}

// checkDeregistration: only a quorate review CPPM, with the child and
// family represented, de-registers because the risk has reduced (G21 1.91,
// 3.158), and a quorate review CPPM that decided to de-register is
// followed by a de-registration.
func checkDeregistration(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if !ep.Open() && ep.Reason == RiskReduced {
			h.deregistration(p, ep, h.subject(p, ep))
		}
	}
	h.decisions(p, toDeregister)
	return nil
}

func (h *history) deregistration(p *engine.Pass, ep *Episode, subj string) {
	ref := ep.EndMeeting
	m, inCase := h.cppm(ref)
	switch {
	case ref == nil:
		p.ReportOn(subj, guidance.Missing, "record the quorate review CPPM that decided the risk has reduced: only such a meeting de-registers a child")
	case ref.Kind == meeting.Transfer || inCase && m.Kind == meeting.Transfer:
		p.ReportOn(subj, guidance.Missing, "a transfer CPPM cannot de-register: the registration continues until a quorate review CPPM ends it; restore the registration")
	case ref.Kind != meeting.Review || inCase && m.Kind != meeting.Review:
		p.ReportOn(subj, guidance.Missing, "only a review CPPM de-registers a child because the risk has reduced: restore the registration until one decides it")
	case !ref.Quorate || inCase && m.Quorum.Decision == meeting.Inquorate:
		p.ReportOn(subj, guidance.Missing, "an inquorate CPPM cannot de-register: restore the registration and reconvene a quorate review")
	case !ref.ChildFamilyRepresented:
		p.ReportOn(subj, guidance.Missing, "the child and family must be represented at the CPPM that de-registers: record their attendance or views, or reconvene")
	case ref.PlanRequired || inCase && m.Decisions.PlanRequired != nil && *m.Decisions.PlanRequired:
		p.ReportOn(subj, guidance.Missing, "the CPPM decided a plan is still required, so the child stays registered: restore the registration")
	case ep.End.Before(ref.Held):
		p.ReportOn(subj, guidance.Missing, "the de-registration is dated before the review CPPM that decided it: correct the date")
	default:
		p.ReportOn(subj, guidance.Met, p.Concat("de-registered by a quorate review CPPM held ", ref.Held.String(), ", with the child and family represented"))
	}
}

// checkParentsInformed: parents or carers are told of each registration,
// verbally and in writing (G21 1.88). A temporary registration is the
// originating authority's to tell.
func checkParentsInformed(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind == Temporary {
			continue
		}
		st, msg := guidance.Met, "parents or carers told verbally and in writing"
		switch {
		case !ep.ParentsToldVerbally && !ep.ParentsToldInWriting:
			st, msg = guidance.Missing, "record that parents or carers were told of the registration, verbally and in writing"
		case !ep.ParentsToldVerbally:
			st, msg = guidance.Missing, "record that parents or carers were also told verbally"
		case !ep.ParentsToldInWriting:
			st, msg = guidance.Missing, "record that parents or carers were also told in writing"
		}
		p.ReportOn(h.subject(p, ep), st, msg)
	}
	return nil
}

// checkDeregistrationTold: the child and family are told of a
// de-registration because the risk has reduced (G21 1.91, 3.158). The
// finding is dated with the de-registration.
func checkDeregistrationTold(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Reason != RiskReduced {
			continue
		}
		st, msg := guidance.Met, "child and family told of the de-registration"
		if !ep.FamilyToldEnded {
			st, msg = guidance.Missing, "record that the child and family were told of the de-registration"
		}
		p.Record(h.subject(p, ep), st, guidance.Date{}, ep.End, msg)
	}
	return nil
}

// checkTransfer: the receiving authority's transfer registration goes with
// the end of the originating registration, reason "transferred", the same
// day, and a transfer CPPM that decided to register is followed by the
// transfer registration.
func checkTransfer(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		subj := h.subject(p, ep)
		if ep.Kind == ByTransferCPPM {
			h.transferIn(p, ep, subj)
		}
		if !ep.Open() && ep.Reason == Transferred {
			h.transferOut(p, ep, subj)
		}
	}
	h.decisions(p, toTransfer)
	return nil
}

func (h *history) transferIn(p *engine.Pass, ep *Episode, subj string) {
	for i := range h.state.Episodes {
		o := &h.state.Episodes[i]
		if o.Authority == ep.From && o.Reason == Transferred && o.End == ep.Start {
			p.ReportOn(subj, guidance.Met, p.Concat("registered by the receiving authority's transfer CPPM; the registration in ", ep.From, " ended, transferred, the same day"))
			return
		}
	}
	p.ReportOn(subj, guidance.Missing, "end the originating authority's registration with reason transferred on the day of the transfer, so that the child is on one register")
}

// transferOut: an ending "transferred" goes with a transfer registration by
// the receiving authority the same day.
func (h *history) transferOut(p *engine.Pass, ep *Episode, subj string) {
	for i := range h.state.Episodes {
		r := &h.state.Episodes[i]
		if r.Kind == ByTransferCPPM && r.From == ep.Authority && r.Start == ep.End {
			return // reported with the receiving registration
		}
	}
	p.ReportOn(subj, guidance.Missing, "the registration ended as transferred, but no receiving authority registered the child by a transfer CPPM that day: record the transfer registration or the right reason")
}

// checkTemporary: a temporary registration lasts only while the
// originating authority's registration is open (LOCAL procedures).
func checkTemporary(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind == Temporary {
			h.temporary(p, ep, h.subject(p, ep))
		}
	}
	return nil
}

func (h *history) temporary(p *engine.Pass, ep *Episode, subj string) {
	for i := range h.state.Episodes {
		o := &h.state.Episodes[i]
		if o.Authority != ep.From || o.Kind == Temporary || !o.OpenOn(ep.Start) {
			continue
		}
		if !o.Open() && (ep.Open() || ep.End.After(o.End)) {
			p.ReportOn(subj, guidance.Missing, p.Concat("the registration in ", ep.From, " ended on ", o.End.String(), ": end the temporary registration with it"))
			return
		}
		p.ReportOn(subj, guidance.Met, p.Concat("registered temporarily while the registration in ", ep.From, " is open"))
		return
	}
	p.ReportOn(subj, guidance.Missing, "a temporary registration needs an open registration in the originating authority: record the originating registration or correct this one")
}

// checkKeep: a pre-birth registration is of an unborn baby, and is linked
// to the child by recording the birth (G21 1.87).
func checkKeep(p *engine.Pass, h *history) error {
	for i := range h.state.Episodes {
		ep := &h.state.Episodes[i]
		if ep.Kind == ByPreBirthCPPM {
			h.unborn(p, ep, h.subject(p, ep))
		}
	}
	return nil
}

func (h *history) unborn(p *engine.Pass, ep *Episode, subj string) {
	var opened Event
	born := false
	for _, e := range h.Events {
		if e.Version == ep.Registered {
			opened = e
		}
		if e.Type == BirthRecorded && e.Version > ep.Registered {
			born = true
		}
	}
	switch {
	case opened.Registration != nil && opened.Registration.Child != nil && !opened.Registration.Child.Unborn:
		p.ReportOn(subj, guidance.Missing, "a pre-birth registration is of an unborn baby: record the child as unborn at registration and link the record at birth")
	case born:
		p.ReportOn(subj, guidance.Met, "the unborn baby's registration was linked to the child when the birth was recorded")
	case !h.Born.IsZero():
		p.ReportOn(subj, guidance.Missing, "the baby has been born: record the birth on the register to link the unborn baby's registration to the child")
	default:
		p.ReportOn(subj, guidance.Met, "unborn baby registered; record the birth on the register when the baby is born")
	}
}

// checkHistory: the register's history is complete and in order (G21
// 1.93). Fold has already refused gaps in the versions; here the instants
// recorded must not go backwards, which would mean the history was
// reordered or rewritten.
func checkHistory(p *engine.Pass, h *history) error {
	const subj = "register history"
	evs := h.Events
	if len(evs) == 0 {
		return nil
	}
	for _, e := range evs {
		if e.Recorded.IsZero() {
			p.ReportOn(subj, guidance.Unknown, "give the instant each register event was recorded (recorded), so that the history can be checked")
			return nil
		}
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].Recorded.Before(evs[i-1].Recorded) {
			p.ReportOn(subj, guidance.Missing, p.Concat("register event version ", strconv.FormatInt(evs[i].Version, 10), " was recorded before the one before it: the history has been reordered or rewritten; restore it from the register's store"))
			return nil
		}
	}
	p.ReportOnNumbers(subj, guidance.Met, "%d register events, versions 1 to %d, recorded in order", len(evs), len(evs))
	return nil
}

// checkAccess: each enquiry was made by someone the access policy allows,
// and says why; refusals are recorded (G21 1.93-1.94). Changes are checked
// against the policy by the register when they are made.
func checkAccess(p *engine.Pass, h *history) error {
	const subj = "register enquiries"
	if !slices.ContainsFunc(h.Events, func(e Event) bool {
		return e.Type == Enquired || e.Type == RefusalRecorded
	}) {
		return nil
	}
	policy := h.policy
	if policy == nil {
		dp := DefaultPolicy()
		policy = &dp
	}
	enquiries, refusals := 0, 0
	notAllowed, noPurpose, noActor := make([]string, 0, 8), make([]string, 0, 8), make([]string, 0, 8)
	for _, e := range h.Events {
		switch e.Type {
		case Enquired:
			enquiries++
			v := strconv.FormatInt(e.Version, 10)
			if e.Actor.ID == "" || e.Actor.Authority == "" {
				noActor = append(noActor, v)
			} else if !policy.Allows(e.Actor, ActionEnquire, e.Authority) {
				notAllowed = append(notAllowed, v)
			}
			if e.Enquiry == nil || blank.Is(e.Enquiry.Purpose) {
				noPurpose = append(noPurpose, v)
			}
		case RefusalRecorded:
			refusals++
		}
	}
	switch {
	case len(notAllowed) > 0:
		p.ReportOn(subj, guidance.Missing, p.Concat("enquiry version(s) ", p.Join(notAllowed, ", "), " were answered for someone access policy ", strconv.Quote(policy.Name), " does not allow to enquire: review who may enquire and refuse such enquiries"))
	case len(noPurpose) > 0:
		p.ReportOn(subj, guidance.Missing, p.List("enquiry version(s) ", noPurpose, ", ", " do not say why the register was consulted: record the purpose of every enquiry"))
	case len(noActor) > 0:
		p.ReportOn(subj, guidance.Unknown, p.List("enquiry version(s) ", noActor, ", ", " do not record who enquired (actor id and authority): record them so the enquiries can be checked against the access policy"))
	default:
		accessAllowed.report(p, subj, guidance.Met, policy.Name, enquiries, refusals)
	}
	return nil
}

// A decision is what a CPPM decided that the register should show.
type decision int

const (
	noDecision   decision = iota
	toRegister            // an initial or pre-birth CPPM decided to register the child
	toTransfer            // a transfer CPPM decided to register the child on the transfer
	toDeregister          // a quorate review CPPM decided to de-register the child
)

// decisionOf returns what CPPM m decided that the register should show: a
// registration after an initial or pre-birth CPPM that decided a plan is
// required (G21 1.88), a transfer registration after a transfer CPPM that
// did, and a de-registration after a quorate review CPPM that decided no
// plan is needed (G21 1.91); and how to say it.
func decisionOf(m *meeting.Meeting) (d decision, say saying) {
	if m.Held.IsZero() || m.Quorum.Decision == meeting.Inquorate && !m.Quorum.Proceeded {
		return noDecision, sayNothing // an inquorate meeting that did not proceed decided nothing
	}
	dec := &m.Decisions
	registers := dec.Register != nil && *dec.Register || dec.Register == nil && dec.PlanRequired != nil && *dec.PlanRequired
	ends := dec.Register != nil && !*dec.Register || dec.Register == nil && dec.PlanRequired != nil && !*dec.PlanRequired
	switch {
	case (m.Kind == meeting.Initial || m.Kind == meeting.PreBirth) && registers:
		if dec.Register == nil {
			return toRegister, sayPlan
		}
		return toRegister, sayRegister
	case m.Kind == meeting.Transfer && registers:
		return toTransfer, sayTransfer
	case m.Kind == meeting.Review && ends && m.Quorum.Decision != meeting.Inquorate:
		return toDeregister, sayDeregister
	}
	return noDecision, sayNothing
}

// decidesAny reports whether any of the CPPMs decided something the
// register should show.
func decidesAny(ms []meeting.Meeting) bool {
	for i := range ms {
		if d, _ := decisionOf(&ms[i]); d != noDecision {
			return true
		}
	}
	return false
}

// A saying is how a finding says what a CPPM decided (decisionOf).
type saying uint8

const (
	sayNothing saying = iota
	sayPlan
	sayRegister
	sayTransfer
	sayDeregister
)

// decided is what each saying says.
var decided = [...]string{
	sayPlan:       "decided a Child Protection Plan is required, so the child is to be registered",
	sayRegister:   "decided to register the child",
	sayTransfer:   "decided to register the child on the transfer",
	sayDeregister: "decided to de-register the child",
}

// noEvents is the message of a CPPM's decision when the case gives no
// register events, for each saying: made once.
var noEvents = func() (m [len(decided)]string) {
	for s, what := range decided {
		if what != "" { // sayNothing says nothing
			m[s] = "the CPPM " + what + ": add the case's register events (register) to check that the register shows it"
		}
	}
	return m
}()

// shows reports whether register event e shows decision d.
func (d decision) shows(e Event) bool {
	switch d {
	case toRegister:
		return e.Type == Registered && e.Registration.Kind != Temporary && e.Registration.Kind != ByTransferCPPM
	case toTransfer:
		return e.Type == Registered && e.Registration.Kind == ByTransferCPPM
	case toDeregister:
		return e.Type == Deregistered && e.Reason == RiskReduced
	}
	return false
}

// decisions reports, for each CPPM of the case that decided d, Missing
// when no register event showing it is dated on or after the meeting (and
// names it, when the register names its meetings), and Unknown when the
// case gives no register events. When one does, the episode checks report
// it.
func (h *history) decisions(p *engine.Pass, d decision) {
	for i := range h.CPPMs {
		m := &h.CPPMs[i]
		md, say := decisionOf(m)
		if md != d {
			continue
		}
		subj := cppmSubject(p, m)
		if len(h.Events) == 0 {
			p.ReportOn(subj, guidance.Unknown, noEvents[say])
			continue
		}
		if !slices.ContainsFunc(h.Events, func(e Event) bool {
			return d.shows(e) && !e.Date.Before(m.Held) && (e.Meeting == nil || m.Ref == "" || e.Meeting.ID == m.Ref)
		}) {
			p.ReportOn(subj, guidance.Missing, p.Concat("the CPPM ", decided[say], ", but the register shows no such entry on or after ", m.Held.String(), ": record it on the register"))
		}
	}
}
