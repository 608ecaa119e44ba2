package cpguide

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/templates"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
)

// This file puts the Child Protection Register into a Case: decoding the
// case's register events, checking that they fold into a history, and the
// findings of the register rules (RULES.md section 6), including the
// consistency a case system expects between the CPPMs and the register.

// scrubbed drops the offending value from a *guidance.Error: a case file's
// values may be personal data and are never quoted.
func scrubbed(err error) error {
	var ge *guidance.Error
	if !errors.As(err, &ge) || ge.Value == "" {
		return err
	}
	out := *ge
	out.Value = ""
	return &out
}

// validateRegister checks each register event and that together they are
// one child's history: versions 1, 2, 3, ... with no gap, no second open
// registration in an authority, no ending without a registration.
func validateRegister(evs []register.Event) error {
	if len(evs) == 0 {
		return nil
	}
	for i, e := range evs {
		if err := e.Validate(); err != nil {
			return scrubbed(prefix(index("register", i), err))
		}
	}
	child := evs[0].ChildID
	if _, err := register.Fold(child, evs); err == nil {
		return nil
	}
	// Find the first event the history cannot take: failing is monotone in
	// the length of the prefix, so search for the shortest failing one.
	lo, hi := 0, len(evs)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if _, err := register.Fold(child, evs[:mid+1]); err != nil {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	j := lo
	_, ferr := register.Fold(child, evs[:j+1])
	field, hint := index("register", j)+".type", "the event contradicts the history before it (a second open registration in one authority, an ending or telling with no registration): correct the register"
	switch {
	case evs[j].ChildID != child:
		field, hint = index("register", j)+".child_id", "every register event of a case is about the same child: give the same child_id"
	case evs[j].Version != int64(j)+1:
		field, hint = index("register", j)+".version", "give the events in order with versions 1, 2, 3, ... and no gap (this one should be "+strconv.Itoa(j+1)+")"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint, Err: scrubbed(ferr)}
}

// registerFindings checks the register rules (RULES.md section 6) against
// the case's register events and its CPPMs. A case with no register events
// is checked only for CPPM decisions that the register should show; those
// findings are Unknown, asking for the register events. The findings are
// appended to dst and carry the catalogue's citations: Check gives the
// result's findings their own copies (ownCitations).
func (c Case) registerFindings(dst []guidance.Finding, ed guidance.Edition, opts Options) ([]guidance.Finding, error) {
	if _, ok := ruleIn("register.registration", ed); !ok {
		// The 2014 edition, as the library's sources state it, has no
		// register rules. Say so for a case that gives register events,
		// rather than leave them out of the report without a word.
		if len(c.Register) > 0 {
			for _, r := range guidance.Rules() {
				if strings.HasPrefix(r.ID, "register.") {
					dst = append(dst, guidance.Finding{Rule: r.ID, Title: r.Title, Edition: ed, Status: guidance.NotApplicable, Subject: "register",
						Message: "the " + ed.String() + " edition, as the library's sources state it, has no register rules: the register events were not checked; check the case under the 2021 or 2023 edition to check them"})
				}
			}
		}
		return dst, nil
	}
	rc := registerCheck{c: c, ed: ed, today: opts.Today, policy: opts.RegisterPolicy, out: dst}
	if len(c.Register) > 0 {
		st, err := register.Fold(c.Register[0].ChildID, c.Register)
		if err != nil {
			return nil, validateRegister(c.Register)
		}
		rc.st = st
		rc.out = slices.Grow(rc.out, 8*len(st.Episodes)+4)
		rc.out = append(rc.out, register.Check(st, ed)...)
		rc.episodes()
		rc.history()
		rc.access()
	}
	rc.decisions()
	return rc.out, nil
}

type registerCheck struct {
	c      Case
	ed     guidance.Edition
	today  Date
	policy *register.Policy // nil: register.DefaultPolicy()
	st     register.State
	out    []guidance.Finding
}

// add appends a finding: guidance.NewFinding, through the templates.
func (rc *registerCheck) add(rule string, s guidance.Status, subject, msg string) {
	f, ok := templateSet().Get(rule, rc.ed)
	if !ok {
		f = guidance.NewFinding(rule, rc.ed, s, msg) // panics with the catalogue's explanation
	}
	f.Status, f.Message, f.Subject = s, msg, subject
	rc.out = append(rc.out, f)
}

// templateSet holds the finding guidance.NewFinding builds for each rule and
// edition of the catalogue (see package internal/templates).
var templateSet = sync.OnceValue(func() templates.Set { return templates.New() })

func episodeSubject(ep register.Episode) string {
	s := "registration in " + ep.Authority + " from " + ep.Start.String()
	if ep.Kind == register.Temporary {
		s = "temporary " + s
	}
	return s
}

func cppmSubject(m meeting.Meeting) string {
	if m.Ref != "" {
		return string(m.Kind) + " CPPM " + m.Ref
	}
	return string(m.Kind) + " CPPM"
}

// registeringKind is the kind of CPPM that opens a registration of kind k.
var registeringKind = map[register.RegistrationKind]meeting.Kind{
	register.ByInitialCPPM:  meeting.Initial,
	register.ByPreBirthCPPM: meeting.PreBirth,
	register.ByTransferCPPM: meeting.Transfer,
}

// caseMeeting returns the case's CPPM the register's reference names.
func (rc *registerCheck) caseMeeting(ref *register.MeetingRef) (meeting.Meeting, bool) {
	if ref == nil || ref.ID == "" {
		return meeting.Meeting{}, false
	}
	for _, m := range rc.c.Meetings {
		if m.Ref == ref.ID {
			return m, true
		}
	}
	return meeting.Meeting{}, false
}

// episodes checks each registration episode: the CPPM that opened it, its
// areas of concern, how it ended, transfers, temporary registrations,
// unborn babies and episode length.
func (rc *registerCheck) episodes() {
	for _, ep := range rc.st.Episodes {
		subj := episodeSubject(ep)
		if ep.Kind == register.Temporary {
			rc.temporary(ep, subj)
		} else {
			rc.registration(ep, subj)
			rc.concerns(ep, subj)
			rc.episodeLength(ep, subj)
		}
		if ep.Kind == register.ByTransferCPPM {
			rc.transferIn(ep, subj)
		}
		if ep.Kind == register.ByPreBirthCPPM {
			rc.unborn(ep, subj)
		}
		if !ep.Open() {
			rc.ending(ep, subj)
		}
	}
}

// registration: a registration follows a CPPM of the right kind that decided
// a plan is required (G21 1.88).
func (rc *registerCheck) registration(ep register.Episode, subj string) {
	const rule = "register.registration"
	ref := ep.Meeting
	want := registeringKind[ep.Kind]
	switch {
	case ref == nil:
		rc.add(rule, guidance.Missing, subj, "record the "+string(want)+" CPPM that decided a Child Protection Plan is required: a child is registered only on that decision")
		return
	case ref.Kind == meeting.Review:
		rc.add(rule, guidance.Missing, subj, "a review CPPM does not register a child: a registration follows the initial, pre-birth or transfer CPPM that decided a plan is required")
		return
	case ref.Kind != want:
		rc.add(rule, guidance.Missing, subj, "a "+string(ep.Kind)+" registration follows a "+string(want)+" CPPM, but the register names a "+string(ref.Kind)+" CPPM: correct the registration")
		return
	case !ref.PlanRequired:
		rc.add(rule, guidance.Missing, subj, "the register shows a CPPM that did not decide a plan is required: a child is registered only when the CPPM decides a Child Protection Plan is required")
		return
	case ep.Start.Before(ref.Held):
		rc.add(rule, guidance.Missing, subj, "the registration is dated before the CPPM that decided it: correct the date of registration")
		return
	}
	if m, ok := rc.caseMeeting(ref); ok {
		switch {
		case m.Kind != ref.Kind:
			rc.add(rule, guidance.Missing, subj, "the register and the case record different kinds of CPPM for "+cppmSubject(m)+": correct one of them")
			return
		case !m.Held.IsZero() && m.Held != ref.Held:
			rc.add(rule, guidance.Missing, subj, "the register and the case record different dates for "+cppmSubject(m)+": correct one of them")
			return
		case m.Decisions.PlanRequired != nil && !*m.Decisions.PlanRequired:
			rc.add(rule, guidance.Missing, subj, "the case records that "+cppmSubject(m)+" decided no plan is required, but the register shows a registration on its decision: correct one of them")
			return
		}
	}
	rc.add(rule, guidance.Met, subj, "registered on the decision of the "+string(ref.Kind)+" CPPM held "+ref.Held.String()+" that a plan is required")
}

// concerns: the areas of concern identified are recorded, from a known
// version of the code list (G21 1.88).
func (rc *registerCheck) concerns(ep register.Episode, subj string) {
	const rule = "register.concerns"
	list, ok := concernList(ep.ConcernsVersion)
	switch {
	case len(ep.Concerns) == 0:
		rc.add(rule, guidance.Missing, subj, "record the areas of concern the CPPM identified")
	case !ok:
		rc.add(rule, guidance.Unknown, subj, "the areas of concern come from a code list this library does not ship: check them against that list")
	default:
		var bad []string
		for i, code := range ep.Concerns {
			if !list.Has(code) || slices.Contains(ep.Concerns[:i], code) {
				bad = append(bad, strconv.Itoa(i+1))
			}
		}
		if len(bad) > 0 {
			rc.add(rule, guidance.Missing, subj, "area(s) of concern number "+strings.Join(bad, ", ")+" are not codes of list "+list.Version+" (or are repeated): record each area of concern once, from the list")
			return
		}
		rc.add(rule, guidance.Met, subj, strconv.Itoa(len(ep.Concerns))+" area(s) of concern recorded from list "+list.Version)
	}
}

// concernList returns the shipped list of a version; no version means the
// default list.
func concernList(version string) (register.ConcernList, bool) {
	switch version {
	case "":
		return register.DefaultConcerns(), true
	case register.ConcernsCSWS2012.Version:
		return register.ConcernsCSWS2012, true
	case register.ConcernsCSWS2016.Version:
		return register.ConcernsCSWS2016, true
	}
	return register.ConcernList{}, false
}

// episodeLength: an episode is measured from its latest registration, never
// from a review CPPM (RULES.md section 6, national statistics).
func (rc *registerCheck) episodeLength(ep register.Episode, subj string) {
	const rule = "register.episode-length"
	if ep.Meeting != nil && ep.Meeting.Kind == meeting.Review {
		rc.add(rule, guidance.Missing, subj, "the episode would be counted from a review CPPM: a review continues the registration, so count it from the registration that opened it")
		return
	}
	switch {
	case !ep.Open():
		rc.add(rule, guidance.Met, subj, strconv.Itoa(ep.End.Days()-ep.Start.Days())+" days on the register, counted from the registration on "+ep.Start.String()+" to its end")
	case !rc.today.IsZero() && !rc.today.Before(ep.Start):
		rc.add(rule, guidance.Met, subj, strconv.Itoa(rc.today.Days()-ep.Start.Days())+" days on the register so far, counted from the registration on "+ep.Start.String())
	default:
		rc.add(rule, guidance.Met, subj, "on the register, counted from the registration on "+ep.Start.String())
	}
}

// ending: every ending has a reason that fits the registration (G21 1.92).
// De-registration because the risk has reduced is checked by
// register.deregistration.
func (rc *registerCheck) ending(ep register.Episode, subj string) {
	const rule = "register.end-reason"
	switch {
	case ep.Reason == register.TemporaryEnded && ep.Kind != register.Temporary:
		rc.add(rule, guidance.Missing, subj, "only a temporary registration ends because a temporary move ended: record the reason this registration ended")
	case ep.Reason == register.Transferred && ep.Kind == register.Temporary:
		rc.add(rule, guidance.Missing, subj, "a temporary registration is not transferred: it ends when the temporary move ends")
	case ep.Reason == register.RiskReduced:
		rc.deregistration(ep, subj)
		rc.add(rule, guidance.Met, subj, "ended: the risk of significant harm reduced")
	default:
		rc.add(rule, guidance.Met, subj, "ended, reason recorded: "+string(ep.Reason))
	}
	if ep.Reason == register.Transferred {
		rc.transferOut(ep, subj)
	}
}

// deregistration: only a quorate review CPPM, with the child and family
// represented, de-registers because the risk has reduced (G21 1.91, 3.158).
func (rc *registerCheck) deregistration(ep register.Episode, subj string) {
	const rule = "register.deregistration"
	ref := ep.EndMeeting
	m, inCase := rc.caseMeeting(ref)
	switch {
	case ref == nil:
		rc.add(rule, guidance.Missing, subj, "record the quorate review CPPM that decided the risk has reduced: only such a meeting de-registers a child")
	case ref.Kind == meeting.Transfer || inCase && m.Kind == meeting.Transfer:
		rc.add(rule, guidance.Missing, subj, "a transfer CPPM cannot de-register: the registration continues until a quorate review CPPM ends it; restore the registration")
	case ref.Kind != meeting.Review || inCase && m.Kind != meeting.Review:
		rc.add(rule, guidance.Missing, subj, "only a review CPPM de-registers a child because the risk has reduced: restore the registration until one decides it")
	case !ref.Quorate || inCase && m.Quorum.Decision == meeting.Inquorate:
		rc.add(rule, guidance.Missing, subj, "an inquorate CPPM cannot de-register: restore the registration and reconvene a quorate review")
	case !ref.ChildFamilyRepresented:
		rc.add(rule, guidance.Missing, subj, "the child and family must be represented at the CPPM that de-registers: record their attendance or views, or reconvene")
	case ref.PlanRequired || inCase && m.Decisions.PlanRequired != nil && *m.Decisions.PlanRequired:
		rc.add(rule, guidance.Missing, subj, "the CPPM decided a plan is still required, so the child stays registered: restore the registration")
	case ep.End.Before(ref.Held):
		rc.add(rule, guidance.Missing, subj, "the de-registration is dated before the review CPPM that decided it: correct the date")
	default:
		rc.add(rule, guidance.Met, subj, "de-registered by a quorate review CPPM held "+ref.Held.String()+", with the child and family represented")
	}
}

// transferIn: the receiving authority's transfer registration goes with the
// end of the originating registration, reason "transferred", the same day.
func (rc *registerCheck) transferIn(ep register.Episode, subj string) {
	const rule = "register.transfer"
	for _, o := range rc.st.Episodes {
		if o.Authority == ep.From && o.Reason == register.Transferred && o.End == ep.Start {
			rc.add(rule, guidance.Met, subj, "registered by the receiving authority's transfer CPPM; the registration in "+ep.From+" ended, transferred, the same day")
			return
		}
	}
	rc.add(rule, guidance.Missing, subj, "end the originating authority's registration with reason transferred on the day of the transfer, so that the child is on one register")
}

// transferOut: an ending "transferred" goes with a transfer registration by
// the receiving authority the same day.
func (rc *registerCheck) transferOut(ep register.Episode, subj string) {
	for _, r := range rc.st.Episodes {
		if r.Kind == register.ByTransferCPPM && r.From == ep.Authority && r.Start == ep.End {
			return // reported with the receiving registration
		}
	}
	rc.add("register.transfer", guidance.Missing, subj, "the registration ended as transferred, but no receiving authority registered the child by a transfer CPPM that day: record the transfer registration or the right reason")
}

// temporary: a temporary registration lasts only while the originating
// authority's registration is open (LOCAL procedures).
func (rc *registerCheck) temporary(ep register.Episode, subj string) {
	const rule = "register.temporary"
	for _, o := range rc.st.Episodes {
		if o.Authority != ep.From || o.Kind == register.Temporary || !o.OpenOn(ep.Start) {
			continue
		}
		if !o.Open() && (ep.Open() || ep.End.After(o.End)) {
			rc.add(rule, guidance.Missing, subj, "the registration in "+ep.From+" ended on "+o.End.String()+": end the temporary registration with it")
			return
		}
		rc.add(rule, guidance.Met, subj, "registered temporarily while the registration in "+ep.From+" is open")
		return
	}
	rc.add(rule, guidance.Missing, subj, "a temporary registration needs an open registration in the originating authority: record the originating registration or correct this one")
}

// unborn: a pre-birth registration is of an unborn baby, and is linked to
// the child by recording the birth (G21 1.87).
func (rc *registerCheck) unborn(ep register.Episode, subj string) {
	const rule = "register.keep"
	var opened register.Event
	born := false
	for _, e := range rc.c.Register {
		if e.Version == ep.Registered {
			opened = e
		}
		if e.Type == register.BirthRecorded && e.Version > ep.Registered {
			born = true
		}
	}
	switch {
	case opened.Registration != nil && opened.Registration.Child != nil && !opened.Registration.Child.Unborn:
		rc.add(rule, guidance.Missing, subj, "a pre-birth registration is of an unborn baby: record the child as unborn at registration and link the record at birth")
	case born:
		rc.add(rule, guidance.Met, subj, "the unborn baby's registration was linked to the child when the birth was recorded")
	case rc.c.PreBirth != nil && !rc.c.PreBirth.Birth.IsZero():
		rc.add(rule, guidance.Missing, subj, "the baby has been born: record the birth on the register to link the unborn baby's registration to the child")
	default:
		rc.add(rule, guidance.Met, subj, "unborn baby registered; record the birth on the register when the baby is born")
	}
}

// history: the register's history is complete and in order (G21 1.93).
// Fold has already refused gaps in the versions; here the instants recorded
// must not go backwards, which would mean the history was reordered or
// rewritten.
func (rc *registerCheck) history() {
	const rule, subj = "register.history", "register history"
	evs := rc.c.Register
	for _, e := range evs {
		if e.Recorded.IsZero() {
			rc.add(rule, guidance.Unknown, subj, "give the instant each register event was recorded (recorded), so that the history can be checked")
			return
		}
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].Recorded.Before(evs[i-1].Recorded) {
			rc.add(rule, guidance.Missing, subj, "register event version "+strconv.FormatInt(evs[i].Version, 10)+" was recorded before the one before it: the history has been reordered or rewritten; restore it from the register's store")
			return
		}
	}
	rc.add(rule, guidance.Met, subj, strconv.Itoa(len(evs))+" register events, versions 1 to "+strconv.Itoa(len(evs))+", recorded in order")
}

// access: each enquiry was made by someone the access policy allows, and
// says why; refusals are recorded (G21 1.93-1.94). Changes are checked
// against the policy by the register when they are made.
func (rc *registerCheck) access() {
	const rule, subj = "register.access", "register enquiries"
	if !slices.ContainsFunc(rc.c.Register, func(e register.Event) bool {
		return e.Type == register.Enquired || e.Type == register.RefusalRecorded
	}) {
		return
	}
	policy := rc.policy
	if policy == nil {
		p := register.DefaultPolicy()
		policy = &p
	}
	enquiries, refusals := 0, 0
	var notAllowed, noPurpose, noActor []string
	for _, e := range rc.c.Register {
		switch e.Type {
		case register.Enquired:
			enquiries++
			v := strconv.FormatInt(e.Version, 10)
			if e.Actor.ID == "" || e.Actor.Authority == "" {
				noActor = append(noActor, v)
			} else if !policy.Allows(e.Actor, register.ActionEnquire, e.Authority) {
				notAllowed = append(notAllowed, v)
			}
			if e.Enquiry == nil || strings.TrimSpace(e.Enquiry.Purpose) == "" {
				noPurpose = append(noPurpose, v)
			}
		case register.RefusalRecorded:
			refusals++
		}
	}
	switch {
	case len(notAllowed) > 0:
		rc.add(rule, guidance.Missing, subj, "enquiry version(s) "+strings.Join(notAllowed, ", ")+" were answered for someone access policy "+strconv.Quote(policy.Name)+" does not allow to enquire: review who may enquire and refuse such enquiries")
	case len(noPurpose) > 0:
		rc.add(rule, guidance.Missing, subj, "enquiry version(s) "+strings.Join(noPurpose, ", ")+" do not say why the register was consulted: record the purpose of every enquiry")
	case len(noActor) > 0:
		rc.add(rule, guidance.Unknown, subj, "enquiry version(s) "+strings.Join(noActor, ", ")+" do not record who enquired (actor id and authority): record them so the enquiries can be checked against the access policy")
	default:
		rc.add(rule, guidance.Met, subj, strconv.Itoa(enquiries)+" enquiry(ies), each allowed by access policy "+strconv.Quote(policy.Name)+" and with its purpose; "+strconv.Itoa(refusals)+" refusal(s) recorded")
	}
}

// decisions checks that the register shows what the case's CPPMs decided:
// a registration after an initial or pre-birth CPPM that decided a plan is
// required (G21 1.88), a transfer registration after a transfer CPPM that
// did, and a de-registration after a quorate review CPPM that decided no
// plan is needed (G21 1.91).
func (rc *registerCheck) decisions() {
	for _, m := range rc.c.Meetings {
		if m.Held.IsZero() || m.Quorum.Decision == meeting.Inquorate && !m.Quorum.Proceeded {
			continue // an inquorate meeting that did not proceed decided nothing
		}
		d := m.Decisions
		registers := d.Register != nil && *d.Register || d.Register == nil && d.PlanRequired != nil && *d.PlanRequired
		ends := d.Register != nil && !*d.Register || d.Register == nil && d.PlanRequired != nil && !*d.PlanRequired
		subj := cppmSubject(m)
		switch {
		case (m.Kind == meeting.Initial || m.Kind == meeting.PreBirth) && registers:
			what := "decided to register the child"
			if d.Register == nil {
				what = "decided a Child Protection Plan is required, so the child is to be registered"
			}
			rc.follows(m, subj, "register.registration", what, func(e register.Event) bool {
				return e.Type == register.Registered && e.Registration.Kind != register.Temporary && e.Registration.Kind != register.ByTransferCPPM
			})
		case m.Kind == meeting.Transfer && registers:
			rc.follows(m, subj, "register.transfer", "decided to register the child on the transfer", func(e register.Event) bool {
				return e.Type == register.Registered && e.Registration.Kind == register.ByTransferCPPM
			})
		case m.Kind == meeting.Review && ends && m.Quorum.Decision != meeting.Inquorate:
			rc.follows(m, subj, "register.deregistration", "decided to de-register the child", func(e register.Event) bool {
				return e.Type == register.Deregistered && e.Reason == register.RiskReduced
			})
		}
	}
}

// follows reports Missing under rule when no register event matching ok is
// dated on or after meeting m (and names m, when the register names its
// meetings), and Unknown when the case gives no register events. When one
// does, the episode checks report it.
func (rc *registerCheck) follows(m meeting.Meeting, subj, rule, what string, ok func(register.Event) bool) {
	if len(rc.c.Register) == 0 {
		rc.add(rule, guidance.Unknown, subj, "the CPPM "+what+": add the case's register events (register) to check that the register shows it")
		return
	}
	for _, e := range rc.c.Register {
		if ok(e) && !e.Date.Before(m.Held) && (e.Meeting == nil || m.Ref == "" || e.Meeting.ID == m.Ref) {
			return
		}
	}
	rc.add(rule, guidance.Missing, subj, "the CPPM "+what+", but the register shows no such entry on or after "+m.Held.String()+": record it on the register")
}
