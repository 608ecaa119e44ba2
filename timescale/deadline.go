package timescale

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// Anchors gives the dates of the events a timescale counts from.
type Anchors map[Event]Date

// Options change how a deadline is computed. The zero value uses the
// Scotland calendar and every policy's default.
type Options struct {
	// Calendar decides which days are working days; nil means [Scotland].
	Calendar *Calendar
	// Policies maps a policy ID to the choice to apply instead of its
	// default, e.g. {"coregroup.first.reading": "working"}.
	Policies map[string]string
	// Local are a local Child Protection Committee's tighter figures; the
	// one naming the rule computed, if any, is weighed as [LocalTimescale]
	// describes. A figure that is not tighter is an error.
	Local []LocalTimescale
}

// A Deadline is a computed due date that explains itself: what it counts
// from, how, each non-working day it skipped and why, the policies applied
// and the citations.
//
// For a [Within] timescale Due is the last day on which the step is in time.
// For a [Notice] timescale Due is the latest day on which to act (give notice,
// hold the meeting) so that the notice is long enough.
//
// A due date that falls on a non-working day stays where it is: nothing in the
// guidance extends it. LastWorkingDay is the last working day on or before
// Due, because meetings and letters happen on working days.
type Deadline struct {
	Rule           string            `json:"rule"`
	Title          string            `json:"title"`
	Edition        guidance.Edition  `json:"edition"`
	Strength       guidance.Strength `json:"strength"`
	Direction      Direction         `json:"direction"`
	Action         string            `json:"action"`
	Due            Date              `json:"due"`
	LastWorkingDay Date              `json:"last_working_day"`
	// DueWhy says why Due is not a working day; empty when it is.
	DueWhy   string `json:"due_not_working_because,omitempty"`
	Calendar string `json:"calendar"`
	// Governing names the reading that decided Due.
	Governing string              `json:"governing"`
	Readings  []Computed          `json:"readings"`
	Policies  []Applied           `json:"policies,omitempty"`
	Citations []guidance.Citation `json:"citations"`
	Notes     []string            `json:"notes,omitempty"`
	// Local is the local figure weighed, when Options.Local tightens the
	// rule; its readings are in Readings with Local set.
	Local *LocalApplied `json:"local,omitempty"`
}

// MarshalJSON encodes the deadline with its fields and, under
// "explanation", the text of [Deadline.Explanation].
//
// It escapes nothing for HTML itself: an encoder that does (json.Marshal)
// escapes the result, and one that does not (an Encoder with
// SetEscapeHTML(false)) keeps "<- governs" as it is.
func (dl Deadline) MarshalJSON() ([]byte, error) {
	type fields Deadline // no methods: avoids recursion
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		fields
		Explanation string `json:"explanation"`
	}{fields(dl), dl.Explanation()})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// Computed is one reading of a timescale worked out for a case.
type Computed struct {
	Reading
	AnchorDate Date   `json:"anchor_date,omitzero"`
	Due        Date   `json:"due,omitzero"`
	Skipped    []Skip `json:"skipped,omitempty"` // non-working days passed over while counting working days
	// Missing is set when the case gave no date for the reading's anchor.
	Missing bool `json:"missing,omitempty"`
	// Clamped is set when a month count landed past the end of a month.
	Clamped bool `json:"clamped,omitempty"`
	Governs bool `json:"governs"`
	// Local is set for a reading of a local figure (see [LocalTimescale]).
	Local bool `json:"local,omitempty"`
}

// Skip is a non-working day passed over while counting, and why.
type Skip struct {
	Date Date   `json:"date"`
	Why  string `json:"why"`
}

// Applied records a policy applied to a deadline.
type Applied struct {
	Policy  string `json:"policy"`
	Choice  string `json:"choice"`
	Default bool   `json:"default"`
	Effect  string `json:"effect"`
}

// Counting is the counting convention every explanation states.
const Counting = "Counting: the anchor event's day is day 0. N calendar days after it is anchor+N; " +
	"N working days after it is the Nth working day after the anchor (the anchor day never counts); " +
	"N months after it is the same day of the month, or the month's last day if that day does not exist; " +
	"N weeks of gestation is (40-N) weeks before the expected date of delivery; " +
	"at least N days' notice means the meeting date minus the notice date is at least N. " +
	"A due date on a non-working day is not extended."

// Due computes the deadline of rule in edition e from the anchors. It is
// [Lookup] followed by [Timescale.Due], without copying the table entry.
//
// Where edition e states no national timescale for the rule but opts.Local
// gives a local figure for it (a step the national text leaves open, such
// as the record of the plan in 2023), the local figure alone sets the
// deadline, counted from the anchor the rule has in the other editions; the
// deadline cites the local source and says that no national figure exists.
func Due(rule string, e guidance.Edition, anchors Anchors, opts Options) (Deadline, error) {
	t, l, err := entry(rule, e, opts.Local)
	if err != nil {
		return Deadline{}, err
	}
	return dueOf(t, l, anchors, opts)
}

// dueOf is Due of the timescale entry returned, t, and l, the local figure
// that sets t (nil when t is the edition's own): what Due and
// Owed.Deadline compute.
func dueOf(t *Timescale, l *LocalTimescale, anchors Anchors, opts Options) (Deadline, error) {
	if l == nil {
		return t.deadline(anchors, opts)
	}
	opts.Local = nil // the figure is the timescale: nothing left to tighten
	dl, err := t.deadline(anchors, opts)
	if err != nil {
		return dl, err
	}
	dl.Citations = append(dl.Citations, l.citation())
	return dl, nil
}

// DueDate returns the due date of rule in edition e and the last working
// day on or before it: the Due and LastWorkingDay of the deadline [Due]
// computes from the same arguments, with the same errors, but without the
// rest of the deadline (its readings, the days they skipped, the policies
// applied, citations and notes). It allocates nothing, unless it returns an
// error or a local figure sets a step the edition leaves open.
func DueDate(rule string, e guidance.Edition, anchors Anchors, opts Options) (due, lastWorkingDay Date, err error) {
	var o Owed
	err = o.owe(rule, e, anchors, opts, false)
	return o.Due, o.LastWorkingDay, err
}

// entry returns the timescale of rule in edition e, the table's entry
// itself (callers must not modify it). Where the edition states no national
// timescale for the step and local gives a figure for it, it returns the
// timescale that figure sets, once checked, and the figure.
func entry(rule string, e guidance.Edition, local []LocalTimescale) (*Timescale, *LocalTimescale, error) {
	t, err := find(rule, e)
	if err == nil {
		return t, nil, nil
	}
	l, li := localFor(local, rule)
	if li < 0 || !openStep(err) || !stated(rule, e) {
		return nil, nil, err
	}
	if err := checkLocalOnly(l, li); err != nil {
		return nil, nil, err
	}
	lt, ok := localOnly(l, e)
	if !ok {
		return nil, nil, &guidance.Error{Kind: guidance.NotInEdition, Field: "rule", Hint: "this rule has no timescale"}
	}
	return &lt, &local[li], nil
}

// calendarOr returns c, or Scotland when c is nil.
func calendarOr(c *Calendar) *Calendar {
	if c == nil {
		return Scotland()
	}
	return c
}

// openStep reports whether err says the rule has timescales in other
// editions but none in the one asked for.
func openStep(err error) bool {
	ge, ok := err.(*guidance.Error)
	return ok && ge.Kind == guidance.NotInEdition && ge.Field == "edition"
}

// stated reports whether the catalogue states rule in edition e: a local
// figure can set a step the edition states without a timescale, not a step
// the edition does not have.
func stated(rule string, e guidance.Edition) bool {
	_, ok := guidance.RefOf(rule, e)
	return ok
}

// localOnly returns the timescale local figure l sets for a step edition e
// leaves open: l's amount and unit, counted from the anchor (and in the
// direction) of the rule's timescale in the latest edition that has one.
func localOnly(l LocalTimescale, e guidance.Edition) (Timescale, bool) {
	eds := byRule()[l.Rule]
	for i := len(eds) - 1; i >= 0; i-- {
		if o := eds[i]; o != nil {
			return Timescale{Rule: l.Rule, Edition: e, Direction: o.Direction, Action: o.Action,
				Readings: []Reading{{Name: "local", Amount: l.Amount, Unit: l.Unit, Anchor: o.Readings[0].Anchor, Citations: []guidance.Citation{l.citation()}}},
				Notes:    []string{"The " + e.String() + " edition states no national timescale for this step; the local figure of " + l.Source + " sets the deadline."}}, true
		}
	}
	return Timescale{}, false
}

// checkLocalOnly checks a figure for a step with no national timescale:
// its source, unit and amount.
func checkLocalOnly(l LocalTimescale, i int) error {
	switch {
	case strings.TrimSpace(l.Source) == "":
		return localError(guidance.Invalid, i, ".source", "say where the local figure comes from, e.g. the procedures and paragraph")
	case l.Unit != CalendarDays && l.Unit != WorkingDays && l.Unit != Months:
		return localError(guidance.Invalid, i, ".unit", `use "calendar" or "working" days, or months`)
	}
	if hint := LocalAmountHint(l.Unit, l.Amount); hint != "" {
		return localError(guidance.Invalid, i, l.amountField(), hint)
	}
	return nil
}

// Due computes the deadline from the anchors. Errors are *guidance.Error:
// Invalid for an impossible anchor date or an unknown event, UnknownPolicy for
// an unknown policy ID or choice, and MissingFact when no reading has its
// anchor (or the reading a policy chose lacks it).
func (t Timescale) Due(anchors Anchors, opts Options) (Deadline, error) {
	return t.deadline(anchors, opts)
}

// check checks the inputs of a computation of t: the policy choices, the
// anchors, and the local figure of opts that names t's rule, which it
// returns (nil for none). It records in rs (see [Timescale.room]) the date
// of each reading's anchor, or that it is missing.
func (t *Timescale) check(anchors Anchors, opts Options, rs []result) (*LocalTimescale, error) {
	if err := CheckPolicies(opts.Policies); err != nil {
		return nil, err
	}
	// Every anchor must be a known event with a supported date. The
	// readings' own anchors are looked up; the map is walked only when it
	// holds others too, which is rare and may be a mistake.
	found := 0
	for i := range t.Readings {
		ev := t.Readings[i].Anchor
		if j := slices.IndexFunc(t.Readings[:i], func(r Reading) bool { return r.Anchor == ev }); j >= 0 {
			rs[i] = rs[j]
			continue
		}
		d, ok := anchors[ev]
		if !ok {
			rs[i] = result{missing: true}
			continue
		}
		if !d.Supported() {
			return nil, unsupportedAnchor(ev)
		}
		rs[i] = result{anchor: d}
		found++
	}
	if found < len(anchors) {
		for ev, d := range anchors {
			if !ev.known() {
				_, err := ParseEvent(string(ev))
				return nil, err
			}
			if !d.Supported() {
				return nil, unsupportedAnchor(ev)
			}
		}
	}
	_, li := localFor(opts.Local, t.Rule)
	if li < 0 {
		return nil, nil
	}
	l := &opts.Local[li]
	if err := t.checkLocal(*l, li); err != nil {
		return nil, err
	}
	return l, nil
}

// maxReadings is the most readings a timescale of the table has
// (TestTable_AtMostMaxReadings): results holds theirs without allocating.
const maxReadings = 3

// results is room for the results of a timescale's readings, national and
// local, on the stack.
type results [2 * maxReadings]result

// room returns room for the results of t's readings and of a local
// figure's: buf when it is large enough (a timescale built by a caller may
// have more readings than the table's).
func (t *Timescale) room(buf []result) []result {
	if n := 2 * len(t.Readings); n > len(buf) {
		return make([]result, n)
	}
	return buf
}

func unsupportedAnchor(ev Event) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: "anchors." + string(ev),
		Hint: "give a real date, YYYY-MM-DD, from 1900 to 2199 (the supported range)"}
}

// deadline checks the inputs, decides the date (see reckon) and explains
// it.
func (t *Timescale) deadline(anchors Anchors, opts Options) (Deadline, error) {
	var buf results
	rs := t.room(buf[:])
	local, err := t.check(anchors, opts, rs)
	if err != nil {
		return Deadline{}, err
	}
	title, strength, cites := t.title, t.strength, t.cites
	if title == "" { // a Timescale built by the caller rather than taken from the table
		rule, prov, err := guidance.ProvisionOf(t.Rule, t.Edition)
		if err != nil {
			return Deadline{}, err
		}
		title, strength, cites = rule.Title, prov.Strength, prov.Citations
	}
	c := calendarOr(opts.Calendar)
	rk, err := t.reckon(c, opts.Policies, local, rs)
	if err != nil {
		return Deadline{}, err
	}
	rs = rs[:len(t.Readings)+rk.nLocal]
	dl := Deadline{
		Rule: t.Rule, Title: title, Edition: t.Edition, Strength: strength,
		Direction: t.Direction, Action: t.Action, Calendar: c.Name(),
		Citations: slices.Clone(cites), Notes: slices.Clone(t.Notes),
		Readings: make([]Computed, len(rs)),
	}
	// The readings' citations are copied into one block, so that a caller
	// who edits a deadline's citations changes nothing in the table.
	n := 0
	for _, r := range t.Readings {
		n += len(r.Citations)
	}
	rc := make([]guidance.Citation, 0, n)
	for i, r := range t.Readings {
		cr := &dl.Readings[i]
		cr.Reading = r
		if len(r.Citations) > 0 {
			start := len(rc)
			rc = append(rc, r.Citations...)
			cr.Citations = rc[start:len(rc):len(rc)]
		}
		cr.set(c, rs[i])
	}
	if rk.policy != noPolicy {
		dl.Policies = []Applied{t.applied(rk, opts.Policies)}
	}
	if local != nil {
		t.explainLocal(&dl, c, *local, rs, rk)
	}
	dl.Readings[rk.gov].Governs = true
	dl.Governing = dl.Readings[rk.gov].Name
	dl.Due = rs[rk.gov].due
	dl.LastWorkingDay = c.LastWorkingDayOnOrBefore(dl.Due)
	dl.DueWhy = c.Why(dl.Due)
	return dl, nil
}

// set records result r of the reading, with the non-working days a count
// of working days skipped.
func (cr *Computed) set(c *Calendar, r result) {
	if r.missing {
		cr.Missing = true
		return
	}
	cr.AnchorDate, cr.Due, cr.Clamped = r.anchor, r.due, r.clamped
	if cr.Unit == WorkingDays {
		// The non-working days strictly between the anchor and the due date.
		cr.Skipped = c.skipped(r.anchor, r.due)
	}
}

// applied records the part the timescale's policy played in rk.
func (t *Timescale) applied(rk reckoning, choices map[string]string) Applied {
	p, choice, def := t.policy(choices)
	a := Applied{Policy: p.ID, Choice: choice, Default: def}
	switch rk.policy {
	case stricterChosen:
		a.Effect = t.stricterEffect(rk.national)
	case readingChosen:
		a.Effect = chosenEffect(t.Readings[rk.national].Name)
	case noDeliveryDate:
		a.Effect = "no expected date of delivery given: the 21 days from the concern are used"
	case notifiedLate:
		a.Effect = "the notification counts as late, so 21 calendar days from the concern govern"
	case notifiedInTime:
		a.Effect = "the notification does not count as late, so the 28-week limit governs"
	}
	return a
}

// explainLocal adds the readings of local figure l to dl, after the
// national ones (a reading for each national reading l covers, named
// "local", or "local-" and the national reading's name when there are
// several), records how it was weighed and, unless it did not apply, cites
// it.
func (t *Timescale) explainLocal(dl *Deadline, c *Calendar, l LocalTimescale, rs []result, rk reckoning) {
	cite := l.citation()
	national := make([]string, 0, 1)
	j := len(t.Readings)
	for i, r := range t.Readings {
		if !covers(t.Direction, l, r) {
			continue
		}
		national = append(national, dl.Readings[i].describe(t.Direction, r.Anchor.Title())+" ["+joinCitations(r.Citations)+"]")
		lr := &dl.Readings[j]
		lr.Reading = Reading{Name: "local", Amount: l.Amount, Unit: l.Unit, Anchor: r.Anchor,
			Citations: []guidance.Citation{cite}}
		if rk.nLocal > 1 {
			lr.Name = "local-" + r.Name
		}
		lr.Local = true
		lr.set(c, rs[j])
		j++
	}
	dl.Local = &LocalApplied{LocalTimescale: l, National: strings.Join(national, "; "),
		Governs: rk.localGoverns, NotApplicable: rk.localNotApplicable}
	if !rk.localNotApplicable {
		dl.Citations = append(dl.Citations, cite)
	}
}

// beyondRange: no deadline is computed outside the supported range of
// dates (guidance.MinYear to guidance.MaxYear); a date outside it would be
// printed wrongly (10000-01-18) or not at all.
func beyondRange() error {
	return &guidance.Error{Kind: guidance.Invalid, Field: "due",
		Hint: "the due date falls beyond the supported range of dates (1900 to 2199)"}
}

// CheckPolicies checks policy choices before any deadline is computed: every
// ID must name a policy of [Policies] and every choice one the policy offers.
// The error, of kind UnknownPolicy, names the first bad policy in ID order.
func CheckPolicies(ps map[string]string) error {
	if len(ps) == 0 {
		return nil // every policy at its default: what almost every deadline is computed with
	}
	valid := true
	for id, choice := range ps {
		p := findPolicy(id)
		if p == nil {
			valid = false
			break
		}
		if _, ok := p.choice(choice); !ok {
			valid = false
			break
		}
	}
	if valid {
		return nil
	}
	// Report the first bad policy in ID order, so the error is stable.
	ids := make([]string, 0, len(ps))
	for id := range ps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, err := LookupPolicy(id)
		if err != nil {
			return err
		}
		if _, ok := p.choice(ps[id]); !ok {
			return &guidance.Error{Kind: guidance.UnknownPolicy, Field: "policies." + id, Value: ps[id],
				Hint: "choose one of: " + p.choiceNames()}
		}
	}
	return nil
}

// onlyGoverning reports whether only the governing reading applies to a
// case, rather than every reading binding or the stricter taking the earliest:
// true for the 2014 pre-birth late-notification rule and for a policy whose
// choice is a single reading. A local figure then tightens only that reading.
func (t Timescale) onlyGoverning(choices map[string]string) bool {
	switch t.Combine {
	case LateNotification:
		return true
	case ByPolicy:
		_, choice, _ := t.policy(choices)
		return choice != Stricter
	}
	return false
}

// policy returns the timescale's policy (shared: read only), the choice
// applied and whether it is the default.
func (t Timescale) policy(choices map[string]string) (*Policy, string, bool) {
	p := findPolicy(t.Policy)
	if p == nil {
		panic("timescale: table names unknown policy " + t.Policy) // TestEveryTimescale_ComputesFromFullAnchors reaches every table entry's policy
	}
	if c, ok := choices[p.ID]; ok {
		return p, c, c == p.Default
	}
	return p, p.Default, true
}

// stricterEffect is the Effect of the stricter choice when reading i
// governs. Table entries hold it ready made.
func (t Timescale) stricterEffect(i int) string {
	if i < len(t.effects) {
		return t.effects[i]
	}
	return stricterEffect(t.Readings[i].Name)
}

func stricterEffect(reading string) string {
	return "the readings disagree or the guidance leaves this open; the earliest date governs (reading \"" + reading + "\")"
}

func chosenEffect(reading string) string {
	return "reading \"" + reading + "\" chosen; other readings are shown for comparison"
}

func dayAndDate(d Date) string { return d.Weekday().String() + " " + d.String() }

// String returns the explanation as text; see [Deadline.Explanation].
func (dl Deadline) String() string { return dl.Explanation() }

// Explanation returns the whole reasoning behind the deadline as text: the
// due date and action, whether it is a working day, each reading with its
// anchor, result and the non-working days it skipped and why, the policies
// applied, the counting convention, the calendar and the citations. It is
// built on demand, so computing deadlines stays cheap.
func (dl Deadline) Explanation() string { return dl.explain(nil) }

// ExplanationWithholding is Explanation for an export that must not reveal
// the dates of some anchors (a diary or a report leaving the case system:
// the expected date of delivery or a discharge gives a date of birth away).
// For each reading whose anchor withhold reports true, the anchor is named
// "(date withheld)" and everything that would give its date away is left
// out: the anchor date, the reading's own result unless it governs (the
// governing result is the due date, which is always shown), the days it
// skipped and the day of the month it clamped. A nil withhold withholds
// nothing.
func (dl Deadline) ExplanationWithholding(withhold func(Event) bool) string {
	return dl.explain(withhold)
}

func (dl *Deadline) explain(withhold func(Event) bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s edition, %s)\n", dl.Rule, dl.Title, dl.Edition, dl.Strength)
	action := dl.Action
	if action != "" {
		action = strings.ToUpper(action[:1]) + action[1:]
	}
	if dl.Direction == Notice {
		fmt.Fprintf(&b, "%s no later than %s.\n", action, dayAndDate(dl.Due))
	} else {
		fmt.Fprintf(&b, "%s by %s.\n", action, dayAndDate(dl.Due))
	}
	if dl.DueWhy != "" {
		fmt.Fprintf(&b, "%s is not a working day (%s); the last working day on or before it is %s.\n",
			dl.Due, dl.DueWhy, dayAndDate(dl.LastWorkingDay))
	} else {
		fmt.Fprintf(&b, "%s is a working day.\n", dl.Due)
	}
	b.WriteString("How it was counted:\n")
	for _, r := range dl.Readings {
		shown := withhold == nil || !withhold(r.Anchor)
		anchor := r.Anchor.Title()
		if !shown && !r.Missing {
			anchor += " (date withheld)"
		}
		fmt.Fprintf(&b, "  - %s: %s", r.Name, r.describe(dl.Direction, anchor))
		switch {
		case r.Missing:
			fmt.Fprintf(&b, ": not computed, no date given for %s", anchor)
		case shown:
			fmt.Fprintf(&b, " (%s) = %s", dayAndDate(r.AnchorDate), dayAndDate(r.Due))
		case r.Governs:
			fmt.Fprintf(&b, " = %s", dayAndDate(r.Due))
		default:
			b.WriteString(" = date withheld")
		}
		fmt.Fprintf(&b, " [%s]", joinCitations(r.Citations))
		if r.Governs {
			b.WriteString(" <- governs")
		}
		b.WriteByte('\n')
		if !shown || r.Missing {
			continue
		}
		if r.Clamped {
			fmt.Fprintf(&b, "      %s %d has no day %d, so the month's last day is used.\n", r.Due.Month, r.Due.Year, r.AnchorDate.Day)
		}
		if r.Unit == WorkingDays {
			if len(r.Skipped) == 0 {
				b.WriteString("      no non-working days skipped (weekends aside, none fell in the count)\n")
			} else {
				fmt.Fprintf(&b, "      skipped %d non-working day(s):\n", len(r.Skipped))
				for _, s := range r.Skipped {
					fmt.Fprintf(&b, "        %s %s\n", s.Date, s.Why)
				}
			}
		}
	}
	national := 0
	for _, r := range dl.Readings {
		if !r.Local {
			national++
		}
	}
	if national > 1 && len(dl.Policies) == 0 {
		b.WriteString("Both limits apply (the guidance says so), so the earlier date governs.\n")
	}
	for _, p := range dl.Policies {
		def := ""
		if p.Default {
			def = " (default)"
		}
		fmt.Fprintf(&b, "Policy %s = %s%s: %s.\n", p.Policy, p.Choice, def, p.Effect)
	}
	if l := dl.Local; l != nil {
		fmt.Fprintf(&b, "Local figure: %s sets %d %s, tightening the national %s. ", l.Source, l.Amount, l.Unit, l.National)
		switch {
		case l.NotApplicable:
			b.WriteString("That reading does not apply to this case, so the local figure is not weighed and the national date governs.\n")
		case l.Governs:
			b.WriteString("The local date is earlier, so it governs.\n")
		default:
			b.WriteString("The national date is already earlier, so it governs; the local figure cannot make a deadline later.\n")
		}
	}
	for _, n := range dl.Notes {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	fmt.Fprintf(&b, "Calendar: %s.\n", dl.Calendar)
	b.WriteString(Counting)
	b.WriteByte('\n')
	fmt.Fprintf(&b, "Citations: %s.\n", joinCitations(dl.Citations))
	return b.String()
}

// describe renders the reading ("15 working days after the CPPM"), naming
// its anchor as anchor.
func (r Computed) describe(dir Direction, anchor string) string {
	switch {
	case dir == Notice && r.Amount == 0:
		return "on or before the day of " + anchor
	case dir == Notice:
		return fmt.Sprintf("%d %s before %s", r.Amount, r.Unit, anchor)
	case r.Unit == GestationWeeks:
		return fmt.Sprintf("by %d weeks of gestation (%d weeks before %s)", r.Amount, 40-r.Amount, anchor)
	case r.Amount == 0:
		return "on the day of " + anchor
	}
	return fmt.Sprintf("%d %s after %s", r.Amount, r.Unit, anchor)
}

func joinCitations(cs []guidance.Citation) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, "; ")
}
