package timescale

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/addrcache"
)

// Unit is what a timescale's amount counts.
type Unit uint8

// Units. New units are added at the end.
const (
	UnitUnset      Unit = iota
	CalendarDays        // every day counts; day 0 is the anchor day
	WorkingDays         // only working days of the calendar count; the anchor day never does
	Months              // the same day of the month, clamped to the month's last day
	GestationWeeks      // weeks of pregnancy, counted back from the expected date of delivery at 40 weeks
)

var unitNames = [...]string{UnitUnset: "unset", CalendarDays: "calendar days", WorkingDays: "working days",
	Months: "months", GestationWeeks: "weeks of gestation"}

func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// MarshalText encodes the unit as its name ("calendar days", ...).
func (u Unit) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// Direction says whether a timescale is a deadline after its anchor or a
// notice period before it.
type Direction uint8

// Directions.
const (
	DirectionUnset Direction = iota
	// Within: the step must happen no later than the amount after the
	// anchor. Due is the last day allowed.
	Within
	// Notice: at least the amount must separate the step from the anchor
	// (a meeting, a discharge). Due is the latest day on which to act.
	Notice
)

func (d Direction) String() string {
	switch d {
	case Within:
		return "within"
	case Notice:
		return "at least before"
	}
	return "unset"
}

// MarshalText encodes the direction ("within" or "at least before").
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// An Event is what a timescale counts from: its anchor.
type Event string

// Anchor events. Their dates come from the case.
const (
	EventConcern          Event = "concern"           // the child protection concern was raised (notification of concern)
	EventIRD              Event = "ird"               // the inter-agency referral discussion
	EventOutOfHoursIRD    Event = "out-of-hours-ird"  // an IRD held outwith core hours
	EventInvestigation    Event = "investigation"     // the decision to progress a child protection investigation
	EventCPPM             Event = "cppm"              // the CPPM (initial, pre-birth, transfer or review) just held
	EventRegisteringCPPM  Event = "registering-cppm"  // the CPPM that registered the child (initial or transfer)
	EventReviewCPPM       Event = "review-cppm"       // the previous review CPPM
	EventPreBirthCPPM     Event = "pre-birth-cppm"    // the pre-birth CPPM
	EventInquorateCPPM    Event = "inquorate-cppm"    // the CPPM that was inquorate
	EventMeeting          Event = "meeting"           // the date a CPPM is to be held
	EventChangeIdentified Event = "change-identified" // a significant change or concern in the plan was identified
	EventReporterDecision Event = "reporter-decision" // the decision to refer to the Principal Reporter
	EventDischarge        Event = "discharge"         // the baby's planned discharge from hospital
	EventExpectedDelivery Event = "expected-delivery" // the expected date of delivery (40 weeks of gestation)
	EventMoveNotified     Event = "move-notified"     // the receiving authority learned of a permanent move
)

var eventTitles = map[Event]string{
	EventConcern:          "the concern was raised",
	EventIRD:              "the IRD",
	EventOutOfHoursIRD:    "the out-of-hours IRD",
	EventInvestigation:    "the decision to progress a child protection investigation",
	EventCPPM:             "the CPPM",
	EventRegisteringCPPM:  "the CPPM that registered the child",
	EventReviewCPPM:       "the previous review CPPM",
	EventPreBirthCPPM:     "the pre-birth CPPM",
	EventInquorateCPPM:    "the inquorate CPPM",
	EventMeeting:          "the CPPM date",
	EventChangeIdentified: "the change or concern was identified",
	EventReporterDecision: "the decision to refer to the Principal Reporter",
	EventDischarge:        "the baby's discharge from hospital",
	EventExpectedDelivery: "the expected date of delivery",
	EventMoveNotified:     "the receiving authority was notified of the move",
}

// Events lists every anchor event, sorted.
func Events() []Event {
	evs := make([]Event, 0, len(eventTitles))
	for e := range eventTitles {
		evs = append(evs, e)
	}
	slices.Sort(evs)
	return evs
}

// Title describes the event in words, for explanations.
func (e Event) Title() string {
	if t, ok := eventTitles[e]; ok {
		return t
	}
	return string(e)
}

// known reports whether e is one of [Events].
func (e Event) known() bool {
	_, ok := eventTitles[e]
	return ok
}

// ParseEvent checks that s names an anchor event.
func ParseEvent(s string) (Event, error) {
	if Event(s).known() {
		return Event(s), nil
	}
	names := make([]string, 0, len(eventTitles))
	for _, e := range Events() {
		names = append(names, string(e))
	}
	return "", &guidance.Error{Kind: guidance.Invalid, Field: "anchor", Value: s,
		Hint: "use one of: " + strings.Join(names, ", ")}
}

// A Reading is one way to compute a timescale: an amount of a unit counted
// from an anchor event, with the citations that state it. Most timescales
// have one reading. Where the guidance states two limits that both bind (the
// pre-birth CPPM) or sources disagree (the first Core Group in 2023), there
// are several, and the timescale's Combine says how they resolve.
type Reading struct {
	Name      string              `json:"name"` // short, stable: "calendar", "working", "concern", ...
	Amount    int                 `json:"amount"`
	Unit      Unit                `json:"unit"`
	Anchor    Event               `json:"anchor"`
	Citations []guidance.Citation `json:"citations"`
}

// String renders the reading: "15 working days after the CPPM".
func (r Reading) String() string {
	switch r.Unit {
	case GestationWeeks:
		return fmt.Sprintf("by %d weeks of gestation (%d weeks before %s)", r.Amount, 40-r.Amount, r.Anchor.Title())
	}
	if r.Amount == 0 {
		return "on the day of " + r.Anchor.Title()
	}
	return fmt.Sprintf("%d %s after %s", r.Amount, r.Unit, r.Anchor.Title())
}

// Describe renders a reading of t the way it runs: "15 working days after
// the CPPM" for a deadline, "5 calendar days before the CPPM date" for a
// notice period (String, which does not know the direction, says "after").
func (t Timescale) Describe(r Reading) string {
	return Computed{Reading: r}.describe(t.Direction, r.Anchor.Title())
}

// Combine says how several readings of one timescale resolve to one date.
type Combine uint8

// Combinations.
const (
	Single   Combine = iota // one reading
	Earliest                // every reading binds: the guidance itself says the earlier date governs
	ByPolicy                // the sources disagree or leave a gap: a named Policy chooses
	// LateNotification is the 2014 pre-birth rule: the first reading (28
	// weeks) governs unless the notification was late, and then the second
	// (21 days from the concern) does. Policy cppm.pre-birth.late decides
	// what "late" means.
	LateNotification
)

// A Timescale is a rule's timescale in one edition, as data.
type Timescale struct {
	Rule      string           `json:"rule"`
	Edition   guidance.Edition `json:"edition"`
	Direction Direction        `json:"direction"`
	Readings  []Reading        `json:"readings"`
	Combine   Combine          `json:"-"`
	Policy    string           `json:"policy,omitempty"` // the policy that chooses, for ByPolicy and LateNotification
	// Action is what must be done, as an instruction: "hold the initial CPPM".
	Action string   `json:"action"`
	Notes  []string `json:"notes,omitempty"`

	// Taken from the guidance catalogue when the table is built.
	title    string
	strength guidance.Strength
	cites    []guidance.Citation
	// effects[i] is the Effect recorded when the stricter choice lets
	// reading i govern; table entries only (clone drops it, since a copy's
	// readings may be renamed).
	effects []string
}

// Anchor returns the event the timescale's first reading counts from: the
// event a caller most often supplies.
func (t Timescale) Anchor() Event { return t.Readings[0].Anchor }

// Shorthands for the table below.
var (
	ad23 = guidance.Citation{Source: guidance.AD23, Edition: guidance.Edition2023, Paragraph: "Appendix D"}
	g14  = guidance.Citation{Source: guidance.G14, Edition: guidance.Edition2014, Paragraph: "Appendix C"}
)

func g21(p string) guidance.Citation {
	return guidance.Citation{Source: guidance.G21, Edition: guidance.Edition2021, Paragraph: p}
}
func cites(cs ...guidance.Citation) []guidance.Citation { return cs }

const (
	e14 = guidance.Edition2014
	e21 = guidance.Edition2021
	e23 = guidance.Edition2023
)

// The table's entries are built by the functions below, not inlined, one
// statement each: a slice literal of the entries, or builders inlined into
// it, keeps a temporary for each on the stack, an 8 KB frame that grew the
// stack of the goroutine that first computed a deadline (a copy of every
// frame on it, at the first check of a process).

// tableLen is the number of entries of table
// (TestTable_BuildsInASmallStack keeps it exact).
const tableLen = 37

// one builds a single-reading timescale.
//
//go:noinline
func one(rule string, e guidance.Edition, dir Direction, amount int, u Unit, anchor Event, cs ...guidance.Citation) Timescale {
	return Timescale{Rule: rule, Edition: e, Direction: dir,
		Readings: []Reading{{Name: "default", Amount: amount, Unit: u, Anchor: anchor, Citations: cs}}}
}

var actions = map[string]string{
	"ird.follow-up":          "hold the fuller IRD",
	"cppm.notice":            "give participants notice of the CPPM",
	"cppm.initial":           "hold the initial CPPM",
	"cppm.pre-birth":         "hold the pre-birth CPPM",
	"cppm.reconvene":         "reconvene the inquorate CPPM",
	"cppm.record":            "send participants the record of the CPPM",
	"plan.record":            "send participants the record of the agreed Child Protection Plan",
	"coregroup.first":        "hold the first Core Group meeting",
	"coregroup.refer-change": "refer the significant change in the plan to the CPPM Chair",
	"cppm.review":            "hold the first review CPPM",
	"cppm.review-subsequent": "hold the next review CPPM",
	"cppm.review-pre-birth":  "hold the review of the pre-birth CPPM",
	"cppm.transfer":          "hold the transfer CPPM in the receiving authority",
	"reporter.referral":      "send the referral to the Principal Reporter",
	"birth.pre-discharge":    "hold the pre-discharge meeting",
}

// table returns every timescale of RULES.md section 1, rule by rule,
// built on first use (a process that computes no deadline never builds it).
var table = sync.OnceValue(func() []Timescale {
	// One statement per entry, each from a builder that is not inlined
	// (see one).
	ts := make([]Timescale, 0, tableLen)
	ts = append(ts, one("ird.follow-up", e23, Within, 1, WorkingDays, EventOutOfHoursIRD, ad23))

	ts = append(ts, one("cppm.notice", e14, Notice, 5, CalendarDays, EventMeeting, g14))
	ts = append(ts, unitUnstated("cppm.notice", Notice, 5, EventMeeting, "cppm.notice.unit", "The 2021 text says five days' notice without a unit.", g21("3.131")))
	ts = append(ts, one("cppm.notice", e23, Notice, 5, CalendarDays, EventMeeting, ad23))

	ts = append(ts, one("cppm.initial", e14, Within, 21, CalendarDays, EventConcern, g14))
	ts = append(ts, initial(e21, g21("3.38")))
	ts = append(ts, initial(e23, ad23))

	ts = append(ts, several("cppm.pre-birth", e14, Within, LateNotification, "cppm.pre-birth.late", "",
		Reading{Name: "gestation", Amount: 28, Unit: GestationWeeks, Anchor: EventExpectedDelivery, Citations: cites(g14)},
		Reading{Name: "late-notification", Amount: 21, Unit: CalendarDays, Anchor: EventConcern, Citations: cites(g14)}))
	ts = append(ts, preBirth(e21, g21("3.142")))
	ts = append(ts, preBirth(e23, ad23))

	ts = append(ts, one("cppm.reconvene", e21, Within, 10, WorkingDays, EventInquorateCPPM, g21("3.157")))
	ts = append(ts, one("cppm.reconvene", e23, Within, 10, WorkingDays, EventInquorateCPPM, ad23))

	ts = append(ts, one("cppm.record", e14, Within, 15, CalendarDays, EventCPPM, g14))
	ts = append(ts, one("cppm.record", e23, Within, 10, WorkingDays, EventCPPM, ad23))

	ts = append(ts, one("plan.record", e14, Within, 5, CalendarDays, EventCPPM, g14))

	ts = append(ts, one("coregroup.first", e14, Within, 15, CalendarDays, EventCPPM, g14))
	ts = append(ts, unitUnstated("coregroup.first", Within, 15, EventCPPM, "coregroup.first.reading", "The 2021 text says within 15 days without a unit.", g21("3.137")))
	ts = append(ts, one("coregroup.first", e23, Within, 15, WorkingDays, EventCPPM, ad23))

	ts = append(ts, one("coregroup.refer-change", e14, Within, 3, CalendarDays, EventChangeIdentified, g14))
	ts = append(ts, one("coregroup.refer-change", e21, Within, 3, CalendarDays, EventChangeIdentified, g21("3.137")))
	ts = append(ts, one("coregroup.refer-change", e23, Within, 3, CalendarDays, EventChangeIdentified, ad23))

	ts = append(ts, one("cppm.review", e14, Within, 3, Months, EventRegisteringCPPM, g14))
	ts = append(ts, one("cppm.review", e21, Within, 6, Months, EventRegisteringCPPM, g21("3.141")))
	ts = append(ts, one("cppm.review", e23, Within, 6, Months, EventRegisteringCPPM, g21("3.141")))

	ts = append(ts, one("cppm.review-subsequent", e14, Within, 6, Months, EventReviewCPPM, g14))
	ts = append(ts, one("cppm.review-subsequent", e21, Within, 6, Months, EventReviewCPPM, g21("3.141")))
	ts = append(ts, one("cppm.review-subsequent", e23, Within, 6, Months, EventReviewCPPM, g21("3.141")))

	ts = append(ts, one("cppm.review-pre-birth", e14, Within, 3, Months, EventPreBirthCPPM, g14))
	ts = append(ts, one("cppm.review-pre-birth", e21, Within, 3, Months, EventPreBirthCPPM, g21("3.143")))
	ts = append(ts, one("cppm.review-pre-birth", e23, Within, 3, Months, EventPreBirthCPPM, ad23))

	ts = append(ts, one("cppm.transfer", e14, Within, 21, CalendarDays, EventMoveNotified, g14))
	ts = append(ts, one("cppm.transfer", e21, Within, 21, WorkingDays, EventMoveNotified, g21("3.146-3.150")))
	ts = append(ts, one("cppm.transfer", e23, Within, 21, WorkingDays, EventMoveNotified, g21("3.146-3.150")))

	ts = append(ts, reporter(e21, g21("3.133")))
	ts = append(ts, reporter(e23, g21("3.133")))

	ts = append(ts, one("birth.pre-discharge", e21, Notice, 0, CalendarDays, EventDischarge, g21("3.144")))
	ts = append(ts, one("birth.pre-discharge", e23, Notice, 0, CalendarDays, EventDischarge, g21("3.144")))
	for i := range ts {
		t := &ts[i]
		t.Action = actions[t.Rule]
		x, stated := guidance.RefOf(t.Rule, t.Edition) // the catalogue's own, not a copy
		if !stated {
			_, _, err := guidance.ProvisionOf(t.Rule, t.Edition)
			panic("timescale: table entry not in the guidance catalogue: " + err.Error()) // TestEveryTimescale_ComputesFromFullAnchors builds every entry
		}
		t.title, t.strength, t.cites = x.Title(), x.Strength(), x.Citations()
		if u := x.Unconfirmed(); u != "" {
			t.Notes = append(t.Notes, "Not confirmed in the national text: "+u)
		}
		if t.Combine == ByPolicy {
			t.effects = make([]string, len(t.Readings))
			for i, r := range t.Readings {
				t.effects[i] = stricterEffect(r.Name)
			}
		}
	}
	return ts // in the order written; All sorts its copy
})

// several builds a timescale of several readings combined by c, with its
// policy and a note (none when empty).
//
//go:noinline
func several(rule string, e guidance.Edition, dir Direction, c Combine, policy, note string, rs ...Reading) Timescale {
	t := Timescale{Rule: rule, Edition: e, Direction: dir, Combine: c, Policy: policy, Readings: rs}
	if note != "" {
		t.Notes = []string{note}
	}
	return t
}

// unitUnstated builds a 2021 timescale whose text gives an amount of days
// without saying which: a reading in calendar days and one in working
// days, chosen by the named policy.
//
//go:noinline
func unitUnstated(rule string, dir Direction, amount int, anchor Event, policy, note string, c guidance.Citation) Timescale {
	return several(rule, e21, dir, ByPolicy, policy, note,
		Reading{Name: "calendar", Amount: amount, Unit: CalendarDays, Anchor: anchor, Citations: cites(c)},
		Reading{Name: "working", Amount: amount, Unit: WorkingDays, Anchor: anchor, Citations: cites(c)})
}

//go:noinline
func initial(e guidance.Edition, c guidance.Citation) Timescale {
	return Timescale{Rule: "cppm.initial", Edition: e, Direction: Within, Combine: ByPolicy, Policy: "cppm.initial.anchor",
		Readings: []Reading{
			{Name: "concern", Amount: 28, Unit: CalendarDays, Anchor: EventConcern, Citations: cites(c)},
			{Name: "ird", Amount: 28, Unit: CalendarDays, Anchor: EventIRD, Citations: cites(c)},
			{Name: "investigation", Amount: 28, Unit: CalendarDays, Anchor: EventInvestigation, Citations: cites(c)},
		},
		Notes: []string{
			"The guidance gives 28 calendar days once an investigation is progressed but does not say from which event.",
			"Not required if the IRD decided a CPPM is not needed; exceptions need the accountable senior manager's agreement, an effective interim safety plan and recorded reasons (G21 3.38).",
		}}
}

//go:noinline
func preBirth(e guidance.Edition, c guidance.Citation) Timescale {
	return Timescale{Rule: "cppm.pre-birth", Edition: e, Direction: Within, Combine: Earliest,
		Readings: []Reading{
			{Name: "concern", Amount: 28, Unit: CalendarDays, Anchor: EventConcern, Citations: cites(c)},
			{Name: "gestation", Amount: 28, Unit: GestationWeeks, Anchor: EventExpectedDelivery, Citations: cites(c)},
		},
		Notes: []string{"Both limits apply: the guidance recommends 28 calendar days from the concern and always by 28 weeks of gestation, so the earlier date governs. There may be exceptions to the 28 days where the pregnancy is at a very early stage; record them as a variation."}}
}

//go:noinline
func reporter(e guidance.Edition, c guidance.Citation) Timescale {
	return Timescale{Rule: "reporter.referral", Edition: e, Direction: Within, Combine: ByPolicy, Policy: "reporter.referral.when",
		Readings: []Reading{
			{Name: "same-day", Amount: 0, Unit: CalendarDays, Anchor: EventReporterDecision, Citations: cites(c)},
			{Name: "next-working-day", Amount: 1, Unit: WorkingDays, Anchor: EventReporterDecision, Citations: cites(c)},
		},
		Notes: []string{"The guidance says straight away; it sets no number of days."}}
}

// Lookup returns the timescale of rule in edition e. Errors are
// *guidance.Error: UnknownRule for an ID that is not in the catalogue, and
// NotInEdition when the rule has no timescale in that edition (for example
// cppm.record in 2021, where no national figure is stated).
func Lookup(rule string, e guidance.Edition) (Timescale, error) {
	t, err := find(rule, e)
	if err != nil {
		return Timescale{}, err
	}
	return t.clone(), nil
}

// byRule indexes table by rule ID, then by edition: byRule()[rule][e] is nil
// when the rule has no timescale in edition e.
var byRule = sync.OnceValue(func() map[string][]*Timescale {
	slots := 0
	for _, e := range guidance.Editions() {
		slots = max(slots, int(e)+1)
	}
	m := map[string][]*Timescale{}
	ts := table()
	for i := range ts {
		t := &ts[i]
		if m[t.Rule] == nil {
			m[t.Rule] = make([]*Timescale, slots)
		}
		m[t.Rule][t.Edition] = t
	}
	return m
})

// editionsOf returns byRule()[rule] and whether the rule has a timescale
// in some edition, through a cache keyed by the address of the rule's
// bytes: checks ask with their rule IDs, constants, many times a case.
//
// The cache holds values, not pointers: a rule ID made at run time (a
// profile's, a caller's) takes a slot of its own, and once a key's slots are
// full the lookup falls back to the map without allocating.
func editionsOf(rule string) ([]*Timescale, bool) {
	e := ruleCache.Get(rule, func(rule string) ruleEditions {
		eds, ok := byRule()[rule]
		return ruleEditions{eds, ok}
	})
	return e.eds, e.ok
}

type ruleEditions struct {
	eds []*Timescale
	ok  bool
}

var ruleCache addrcache.Cache[ruleEditions]

// National reports whether edition e (EditionUnset: the default) sets a
// national timescale for rule. Where it does not, [Due] computes a deadline
// only from a local figure for the rule (Options.Local), and otherwise
// fails: with an error of kind NotInEdition for a rule of the catalogue
// and a valid edition (UnknownRule or UnknownEdition otherwise).
func National(rule string, e guidance.Edition) bool {
	if e == guidance.EditionUnset {
		e = guidance.DefaultEdition
	}
	eds, ok := editionsOf(rule)
	return ok && int(e) < len(eds) && eds[e] != nil
}

// find returns the table entry itself: callers must not modify it.
func find(rule string, e guidance.Edition) (*Timescale, error) {
	if e == guidance.EditionUnset {
		e = guidance.DefaultEdition
	}
	if !e.Valid() {
		return nil, &guidance.Error{Kind: guidance.UnknownEdition, Field: "edition", Value: e.String()}
	}
	eds, ok := editionsOf(rule)
	if ok && int(e) < len(eds) && eds[e] != nil {
		return eds[e], nil
	}
	if !ok {
		if err := guidance.Known(rule); err != nil {
			return nil, err
		}
		return nil, &guidance.Error{Kind: guidance.NotInEdition, Field: "rule", Value: rule,
			Hint: "this rule has no timescale"}
	}
	names := make([]string, 0, len(eds))
	for _, ed := range guidance.Editions() {
		if int(ed) < len(eds) && eds[ed] != nil {
			names = append(names, ed.String())
		}
	}
	return nil, &guidance.Error{Kind: guidance.NotInEdition, Field: "edition", Value: e.String(),
		Hint: rule + " has a timescale only in edition(s) " + strings.Join(names, ", ")}
}

// All returns every timescale, by rule ID then edition.
func All() []Timescale {
	ts := table()
	out := make([]Timescale, len(ts))
	for i, t := range ts {
		out[i] = t.clone()
	}
	slices.SortFunc(out, func(a, b Timescale) int {
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return int(a.Edition) - int(b.Edition)
	})
	return out
}

func (t Timescale) clone() Timescale {
	t.Readings = slices.Clone(t.Readings)
	for i := range t.Readings {
		t.Readings[i].Citations = slices.Clone(t.Readings[i].Citations)
	}
	t.Notes = slices.Clone(t.Notes)
	t.cites = slices.Clone(t.cites)
	t.effects = nil
	return t
}
