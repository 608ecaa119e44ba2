package main

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

// reportCmd is "cpguide report CASE --html FILE [case flags]".
func reportCmd(args []string, w io.Writer) error {
	fs := newFlags("report")
	out := fs.String("html", "", "write the HTML report to FILE (- for standard output)")
	cf := addCaseFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"report needs one CASE file, e.g. cpguide report examples/cases/several-breaches.json --html report.html"}
	}
	if *out == "" {
		return errUsage{"report needs --html FILE: the page to write (- for standard output)"}
	}
	ch, err := loadCase(pos[0], cf)
	if err != nil {
		return err
	}
	return writeOutput(*out, "--html", w, func(w io.Writer) error { return writeHTML(w, ch) })
}

// reportTmpl is the page: one self-contained HTML5 document, well-formed as
// XML, with its CSS inline and no script, external resource or event
// handler, so that it can be mailed, archived or opened offline as it is.
// It is parsed on first use: only the report command needs it.
var reportTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(reportHTML))
})

// The page's data. Every string is either the library's own wording (rule
// titles, messages, citations) or a date, a status, the case ID, a meeting
// reference or a local authority's name: the data the text report of check
// shows. Names, free text, the register's child ID, the date of birth and
// the expected date of delivery never reach it; the discharge date appears
// only as what it is in check's report too, the due date of the
// pre-discharge meeting, and "how it was counted" withholds it (see
// describeDeadline).
type (
	reportPage struct {
		CaseID, Edition, EditionTitle, Today, Calendar string
		Breaches                                       int
		Verdict, Nothing                               string
		Counts                                         []statusCount
		Groups                                         []findingGroup
		Owed                                           []owedStep
		Unused                                         []string
		Timeline                                       timeline
	}
	statusCount struct {
		Status string
		N      int
	}
	findingGroup struct {
		ID, Title, Intro string
		Folded           bool // shown in a closed <details>: met and not applicable
		Findings         []findingView
	}
	findingView struct {
		Class, Status, Strength, Rule, Title, Subject, Dates, FixLabel, Fix, Source string
	}
	owedStep struct {
		Class, Status, Rule, Title, What, LastWorkingDay, Counted, Source, HowCounted string
	}
)

// writeHTML writes the report page of a checked case, with the privacy
// rule applied to the whole page.
func writeHTML(out io.Writer, ch *checked) error {
	c, res := ch.c, ch.res
	r := res.Report
	p := reportPage{
		CaseID: c.ID, Edition: r.Edition.String(), EditionTitle: r.Edition.Title(),
		Today: dayDate(r.Today), Calendar: res.Calendar,
		Breaches: len(r.Breaches()),
	}
	if ch.todayDefault {
		p.Today += " (today)"
	}
	if nothingToCheck(res) {
		p.Nothing = nothingLine
	}
	p.Verdict = "No breaches of the guidance."
	if p.Breaches > 0 {
		p.Verdict = fmt.Sprintf("%d breach(es) of the guidance: act on these first.", p.Breaches)
	}
	for _, s := range []guidance.Status{guidance.Overdue, guidance.Late, guidance.Missing, guidance.Pending,
		guidance.Unknown, guidance.Met, guidance.MetUnderVariation, guidance.NotApplicable} {
		p.Counts = append(p.Counts, statusCount{s.String(), r.Count(s)})
	}
	groups := []struct {
		id, title, intro string
		folded           bool
		in               func(guidance.Finding) bool
	}{
		{"breaches", "Breaches", "Must or should requirements overdue, late or missing. Act on these first.", false,
			guidance.Finding.Breach},
		{"shortfalls", "Other shortfalls", "Shortfalls of 'where possible' or 'may' guidance: not breaches, but worth a look.", false,
			func(f guidance.Finding) bool { return f.Status.Failed() && !f.Breach() }},
		{"pending", "Pending", "Not yet due.", false,
			func(f guidance.Finding) bool { return f.Status == guidance.Pending }},
		{"unknown", "Unknown", "The case file lacks the facts to decide: record them so these can be checked.", false,
			func(f guidance.Finding) bool { return f.Status == guidance.Unknown }},
		{"met", "Met", "Done as the guidance requires, on time or within an approved variation.", true,
			func(f guidance.Finding) bool {
				return f.Status == guidance.Met || f.Status == guidance.MetUnderVariation
			}},
		{"not-applicable", "Not applicable", "Rules that do not apply to this case.", true,
			func(f guidance.Finding) bool { return f.Status == guidance.NotApplicable }},
	}
	for _, g := range groups {
		fg := findingGroup{ID: g.id, Title: g.title, Intro: g.intro, Folded: g.folded}
		for _, f := range r.All() {
			if g.in(f) {
				fg.Findings = append(fg.Findings, viewFinding(f))
			}
		}
		if len(fg.Findings) > 0 {
			p.Groups = append(p.Groups, fg)
		}
	}
	items := dueItems(c, res, ch.owed)
	for _, it := range items {
		if it.Deadline == nil { // every deadline of Check is a step still owed
			continue
		}
		dl := it.Deadline
		verb := "by"
		if dl.Direction == timescale.Notice {
			verb = "no later than"
		}
		s := owedStep{Class: statusClass(it.Status), Status: statusWord(it.Status), Rule: dl.Rule, Title: it.label(),
			What:    fmt.Sprintf("%s %s %s", capital(dl.Action), verb, dayDate(dl.Due)),
			Counted: dl.Governing, Source: joinCitations(dl.Citations), HowCounted: ch.red.explain(dl)}
		if dl.LastWorkingDay != dl.Due {
			s.LastWorkingDay = fmt.Sprintf("%s is not a working day (%s): the last working day before it is %s.", dl.Due, dl.DueWhy, dayDate(dl.LastWorkingDay))
		}
		p.Owed = append(p.Owed, s)
	}
	for _, v := range res.UnusedVariations {
		s := fmt.Sprintf("variations[%d]: %s", v.Index, v.Rule)
		if v.Subject != "" {
			s += " (" + v.Subject + ")"
		}
		p.Unused = append(p.Unused, s+" to "+v.NewDate.String())
	}
	p.Timeline = buildTimeline(c, r.Today, items, ch.red)
	var buf strings.Builder
	if err := reportTmpl().Execute(&buf, p); err != nil {
		return err
	}
	page := ch.red.text(buf.String())
	if ch.red != nil && ch.red.used {
		page = strings.Replace(page, "<footer>\n", "<footer>\n<p>"+withheldNote+"</p>\n", 1)
	}
	_, err := io.WriteString(out, page)
	return err
}

func viewFinding(f guidance.Finding) findingView {
	v := findingView{Class: statusClass(f.Status), Status: statusWord(f.Status), Strength: f.Strength.String(),
		Rule: f.Rule, Title: f.Title, Subject: f.Subject,
		FixLabel: "What to do", Fix: strings.TrimSuffix(capital(f.Message), ".") + "."}
	if f.Status == guidance.Met || f.Status == guidance.MetUnderVariation || f.Status == guidance.NotApplicable {
		v.FixLabel = "Note"
	}
	v.Dates = findingDates(f)
	var cs []string
	for _, c := range f.Citations {
		cs = append(cs, c.String())
	}
	v.Source = strings.TrimSuffix(strings.Join(cs, "; "), ".")
	return v
}

// statusClass is the CSS class, and the timeline shape, of a status.
func statusClass(s guidance.Status) string {
	switch s {
	case guidance.Overdue, guidance.Missing:
		return "overdue"
	case guidance.Late:
		return "late"
	case guidance.Pending:
		return "pending"
	case guidance.Met, guidance.MetUnderVariation:
		return "met"
	case guidance.NotApplicable:
		return "na"
	}
	return "unknown"
}

// statusWord is the status as the page prints it: failures in capitals, so
// that the word, not only its colour, says what is wrong.
func statusWord(s guidance.Status) string {
	if s.Failed() {
		return strings.ToUpper(s.String())
	}
	return s.String()
}

// The timeline drawing: case events above a time axis, due dates below it,
// each on the first row where its label does not collide with another.
type (
	timeline struct {
		Width, Height, AxisY, Left, Right int
		TickY1, TickY2, TickLabelY        int
		TodayY1, TodayY2, TodayLabelY     int
		From, To                          string
		Desc                              string
		Ticks                             []tick
		Today                             *todayMark
		Marks                             []mark
		Legend                            []legendItem
		LegendY                           int
		Rows                              []timelineRow
	}
	tick struct {
		X, LabelX int
		Label     string // empty for an unlabelled tick
	}
	todayMark struct {
		X, LabelX int
		Label     string
		Anchor    string
	}
	mark struct {
		Class              string // "event" or a status class
		X, Y, EndX         int    // EndX > X draws a bar from the due date to a late completion
		LabelX, LabelY     int
		Anchor             string // text-anchor: start or end
		Label, Tooltip     string
		Shape              template.HTML
		LeaderY1, LeaderY2 int
	}
	legendItem struct {
		X, Y  int
		Shape template.HTML
		Label string
	}
	timelineRow struct {
		Date, Kind, What, Status string
		on                       guidance.Date
	}
)

// Geometry of the drawing, in SVG user units (pixels at 100%).
const (
	tlWidth   = 960
	tlMargin  = 24
	tlRow     = 20
	tlCharW   = 6.6 // average advance of the 12px sans-serif labels, rounded up
	tlMarkGap = 10  // from a mark to its label
)

// A caseEvent is a step the case records as done.
type caseEvent struct {
	Date  guidance.Date
	Label string
}

// caseEvents lists what the case records as done, oldest first: the
// concern, the IRDs, the decision to investigate, a move, each CPPM (with
// its kind, its reference and a registration or de-registration it
// decided), a referral to the Reporter, registrations, de-registrations and
// the family being told of them on the register, Core Group meetings, a
// pre-discharge meeting and the end of the plan. Dates of birth (a birth
// recorded on the register is dated with it), of the expected delivery and
// of the discharge are never listed, nor anything about the child but the
// dates of these steps.
func caseEvents(c cpguide.Case) []caseEvent {
	var evs []caseEvent
	add := func(d guidance.Date, label string) {
		if !d.IsZero() && !slices.Contains(evs, caseEvent{d, label}) {
			evs = append(evs, caseEvent{d, label})
		}
	}
	add(c.Concern, "Concern raised")
	if r := c.IRDRecord(); r != nil {
		add(r.OutOfHours, "Out-of-hours IRD")
		add(r.Held, "IRD")
		add(r.Decisions.Investigation, "Investigation decided")
		add(r.Closed, "IRD closed")
	}
	add(c.MoveNotified, "Move notified")
	for _, m := range c.Meetings {
		name := capital(string(m.Kind)) + " CPPM"
		if m.Ref != "" {
			name += " " + m.Ref
		}
		if m.Held.IsZero() {
			add(m.Convened, name+" convened")
			continue
		}
		switch reg := m.Decisions.Register; {
		case m.Quorum.Decision == meeting.Inquorate && !m.Quorum.Proceeded:
			name += " (inquorate)"
		case len(c.Register) > 0: // the register's own events show (de-)registration
		case reg != nil && *reg && m.Kind != meeting.Review:
			name += ": registration decided"
		case reg != nil && !*reg && m.Kind == meeting.Review:
			name += ": de-registration decided"
		}
		add(m.Held, name)
		add(m.Decisions.Referral.Sent, "Referral to the Reporter")
	}
	for _, e := range c.Register {
		switch e.Type {
		case register.Registered:
			label := "Registered"
			if r := e.Registration; r != nil && r.Kind != "" {
				label += " (" + string(r.Kind) + ")"
			}
			add(e.Date, label)
		case register.Deregistered:
			label := "De-registered"
			if e.Reason != "" {
				label += " (" + string(e.Reason) + ")"
			}
			add(e.Date, label)
		case register.ParentsInformed:
			add(e.Date, "Parents told of the registration")
		case register.FamilyToldEnded:
			add(e.Date, "Family told of the de-registration")
			// BirthRecorded is dated with the date of birth, and
			// corrections, enquiries and refusals are the register's
			// own book-keeping: none is drawn.
		}
	}
	if g := c.CoreGroup; g != nil {
		for _, m := range g.Meetings {
			add(m.Date, "Core Group meeting")
		}
	}
	if p := c.PreBirth; p != nil {
		add(p.PreDischargeMeeting, "Pre-discharge meeting")
	}
	if p := c.Plan; p != nil {
		add(p.PreDischargeMeeting, "Pre-discharge meeting")
		add(p.Ended, "Plan ended")
	}
	slices.SortStableFunc(evs, func(a, b caseEvent) int { return a.Date.Compare(b.Date) })
	return evs
}

// buildTimeline lays out the case's events and due dates on a time axis
// with a tick at the start of every month, today marked by a dashed line,
// and each due date drawn with a shape and a word for its status, so that
// colour is never the only signal.
//
// due are the case's due dates (dueItems). A due date withheld by the
// privacy rule is not drawn (its place on the axis would give it away) and
// its table row comes last.
func buildTimeline(c cpguide.Case, today guidance.Date, due []dueItem, red *redactor) timeline {
	var evs []caseEvent
	for _, e := range caseEvents(c) {
		if !red.withheld(e.Date) {
			evs = append(evs, e)
		}
	}
	var items, hidden []dueItem
	for _, it := range due {
		switch {
		case it.Status == guidance.NotApplicable:
		case red.withheld(it.Due) || red.withheld(it.Done):
			hidden = append(hidden, it)
		default:
			items = append(items, it)
		}
	}
	t := timeline{Width: tlWidth, Left: tlMargin, Right: tlWidth - tlMargin}

	// The span: every date drawn, widened to whole months.
	var lo, hi guidance.Date
	see := func(d guidance.Date) {
		if d.IsZero() {
			return
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	for _, e := range evs {
		see(e.Date)
	}
	for _, it := range items {
		see(it.Due)
		see(it.Done)
	}
	see(today)
	if lo.IsZero() {
		t.Desc = "The case records no dated events or due dates."
		t.Height = 60
		t.AxisY = 30
		for _, it := range hidden {
			t.Rows = append(t.Rows, timelineRow{Date: withheldMark, Kind: "Due date", What: it.label() + " [" + it.Rule + "]", Status: it.Status.String()})
		}
		return t
	}
	start := guidance.Date{Year: lo.Year, Month: lo.Month, Day: 1}
	end := guidance.Date{Year: hi.Year, Month: hi.Month, Day: 1}.AddMonths(1)
	t.From, t.To = start.String(), end.AddDays(-1).String()
	span := float64(end.Sub(start))
	x := func(d guidance.Date) int {
		return tlMargin + int(float64(d.Sub(start))*float64(tlWidth-2*tlMargin)/span+0.5)
	}

	// Rows: each keeps the right edge of what it holds.
	type rows []int
	place := func(rs *rows, from, to int) int {
		for i, edge := range *rs {
			if from > edge+8 {
				(*rs)[i] = to
				return i
			}
		}
		*rs = append(*rs, to)
		return len(*rs) - 1
	}
	type placed struct {
		m   mark
		row int
	}
	extent := func(m *mark, labelW int) (int, int) {
		right := max(m.X, m.EndX)
		if right+tlMarkGap+labelW <= tlWidth-4 {
			m.Anchor, m.LabelX = "start", right+tlMarkGap
			return m.X - 6, right + tlMarkGap + labelW
		}
		m.Anchor, m.LabelX = "end", m.X-tlMarkGap
		return m.X - tlMarkGap - labelW, right + 6
	}
	labelWidth := func(s string) int { return int(float64(len([]rune(s)))*tlCharW + 0.5) }

	var above, below rows
	var top, bottom []placed
	for _, e := range evs {
		m := mark{Class: "event", X: x(e.Date), Label: e.Label, Tooltip: e.Date.String() + ": " + e.Label}
		from, to := extent(&m, labelWidth(m.Label))
		top = append(top, placed{m, place(&above, from, to)})
		t.Rows = append(t.Rows, timelineRow{Date: dayDate(e.Date), Kind: "Case event", What: e.Label, Status: "done", on: e.Date})
	}
	for _, it := range items {
		class := statusClass(it.Status)
		m := mark{Class: class, X: x(it.Due), Label: it.Rule + " (" + statusWord(it.Status) + ")"}
		m.Tooltip = "due " + it.Due.String() + ": " + it.label() + ", " + it.Status.String()
		row := timelineRow{Date: dayDate(it.Due), Kind: "Due date", What: it.label() + " [" + it.Rule + "]", Status: it.Status.String(), on: it.Due}
		if !it.Done.IsZero() {
			row.Status += ", done " + it.Done.String()
			m.Tooltip += ", done " + it.Done.String()
			if it.Done.After(it.Due) {
				m.EndX = x(it.Done)
			}
		}
		from, to := extent(&m, labelWidth(m.Label))
		bottom = append(bottom, placed{m, place(&below, from, to)})
		t.Rows = append(t.Rows, row)
	}
	slices.SortStableFunc(t.Rows, func(a, b timelineRow) int { return a.on.Compare(b.on) })
	for _, it := range hidden {
		t.Rows = append(t.Rows, timelineRow{Date: withheldMark, Kind: "Due date", What: it.label() + " [" + it.Rule + "]", Status: it.Status.String()})
	}

	const topPad, axisGap, legendH = 30, 26, 34
	t.AxisY = topPad + len(above)*tlRow + axisGap
	for _, p := range top {
		p.m.Y = t.AxisY - axisGap - p.row*tlRow
		p.m.LabelY = p.m.Y + 4
		p.m.LeaderY1, p.m.LeaderY2 = p.m.Y+6, t.AxisY
		p.m.Shape = shape("event", p.m.X, p.m.Y)
		t.Marks = append(t.Marks, p.m)
	}
	firstBelow := t.AxisY + axisGap + 14 // room for the month labels under the axis
	for _, p := range bottom {
		p.m.Y = firstBelow + p.row*tlRow
		p.m.LabelY = p.m.Y + 4
		p.m.LeaderY1, p.m.LeaderY2 = t.AxisY, p.m.Y-7
		p.m.Shape = shape(p.m.Class, p.m.X, p.m.Y)
		t.Marks = append(t.Marks, p.m)
	}
	t.LegendY = firstBelow + len(below)*tlRow + 12
	t.Height = t.LegendY + legendH
	t.TickY1, t.TickY2, t.TickLabelY = t.AxisY-5, t.AxisY+5, t.AxisY+19
	t.TodayY1, t.TodayY2, t.TodayLabelY = 20, t.LegendY-4, 14

	// Month ticks, labelled at most about twelve times.
	months := (end.Year-start.Year)*12 + int(end.Month) - int(start.Month)
	step := max(1, (months+11)/12)
	for i, m := 0, start; !m.After(end); i, m = i+1, m.AddMonths(1) {
		tk := tick{X: x(m), LabelX: (x(m) + x(m.AddMonths(1))) / 2} // the label sits mid-month
		if i%step == 0 && m.Before(end) {
			tk.Label = time.Month(m.Month).String()[:3]
			if i == 0 || m.Month == time.January {
				tk.Label += " " + fmt.Sprint(m.Year)
			}
		}
		t.Ticks = append(t.Ticks, tk)
	}
	if !today.IsZero() {
		tx := x(today)
		tm := &todayMark{X: tx, LabelX: tx + 4, Label: "today " + today.String(), Anchor: "start"}
		if tx+4+labelWidth(tm.Label) > tlWidth-4 {
			tm.LabelX, tm.Anchor = tx-4, "end"
		}
		t.Today = tm
	}

	// The legend: every shape with its word.
	lx := tlMargin
	for _, l := range []struct{ class, label string }{
		{"event", "case event"}, {"met", "met"}, {"pending", "pending"}, {"late", "LATE"},
		{"overdue", "OVERDUE or MISSING"}, {"unknown", "unknown"},
	} {
		t.Legend = append(t.Legend, legendItem{X: lx + 20, Y: t.LegendY + 14, Shape: shape(l.class, lx+8, t.LegendY+10), Label: l.label})
		lx += 20 + labelWidth(l.label) + 24
	}

	// The description a screen reader reads for the drawing.
	counts := map[string]int{}
	for _, it := range slices.Concat(items, hidden) {
		counts[statusClass(it.Status)]++
	}
	t.Desc = fmt.Sprintf("Time line from %s to %s: %d case event(s) above the axis; %d due date(s) below it, of which %d overdue or missing, %d late, %d pending, %d met and %d unknown.",
		t.From, t.To, len(evs), len(items)+len(hidden), counts["overdue"], counts["late"], counts["pending"], counts["met"], counts["unknown"])
	if len(hidden) > 0 {
		t.Desc += fmt.Sprintf(" Due dates withheld by the privacy rule are not drawn: %d.", len(hidden))
	}
	if !today.IsZero() {
		t.Desc += " A dashed line marks the date of the check, " + today.String() + "."
	}
	t.Desc += " The table after the drawing lists the same dates."
	return t
}

// shape draws the marker of a class centred on (x, y): a bar for a case
// event, a circle for met, a hollow diamond for pending, a square for late,
// a triangle with an exclamation mark for overdue and a hollow circle for
// unknown.
func shape(class string, x, y int) template.HTML {
	var s string
	switch class {
	case "event":
		s = fmt.Sprintf(`<rect class="shape event" x="%d" y="%d" width="4" height="14"/>`, x-2, y-7)
	case "met":
		s = fmt.Sprintf(`<circle class="shape met" cx="%d" cy="%d" r="6"/>`, x, y)
	case "pending":
		s = fmt.Sprintf(`<path class="shape pending" d="M%d %dL%d %dL%d %dL%d %dZ"/>`, x, y-7, x+7, y, x, y+7, x-7, y)
	case "late":
		s = fmt.Sprintf(`<rect class="shape late" x="%d" y="%d" width="12" height="12"/>`, x-6, y-6)
	case "overdue":
		s = fmt.Sprintf(`<path class="shape overdue" d="M%d %dL%d %dL%d %dZ"/><path class="bang" d="M%d %dL%d %dM%d %dL%d %d"/>`,
			x, y-8, x+8, y+6, x-8, y+6, x, y-3, x, y+2, x, y+3, x, y+4)
	default:
		s = fmt.Sprintf(`<circle class="shape unknown" cx="%d" cy="%d" r="5"/>`, x, y)
	}
	return template.HTML(s) // built from integers and constant text only
}

// reportHTML is the template of the page. The CSS holds no "<" or "&", and
// every element is closed, so the page is well-formed XML as well as HTML5.
const reportHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>Case {{.CaseID}}: check against the National Guidance for Child Protection</title>
<style>
body { font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #ccc; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
summary h3 { display: inline; }
summary { cursor: pointer; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
.verdict { font-size: 1.15rem; font-weight: bold; padding: .5rem .75rem; border-left: 8px solid #2e7d32; background: #eef6ee; }
.verdict.breach { border-left-color: #b00020; background: #fbeaec; }
table { border-collapse: collapse; margin: 1rem 0; }
table.rows { width: 100%; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
ul.findings { list-style: none; padding: 0; }
ul.findings li { border-left: 8px solid #666; padding: .4rem .8rem; margin: .6rem 0; background: #f6f6f6; }
ul.findings li p { margin: .15rem 0; }
li.overdue { border-left-color: #b00020; }
li.late { border-left-color: #a14f00; }
li.pending { border-left-color: #1f5fa8; }
li.met { border-left-color: #2e7d32; }
li.na { border-left-color: #999; }
.status { font-weight: bold; }
li.overdue .status { color: #b00020; }
li.late .status { color: #a14f00; }
li.pending .status { color: #1f5fa8; }
li.met .status { color: #2e7d32; }
.source { color: #444; font-size: .92rem; }
code { font-family: ui-monospace, Consolas, monospace; font-size: .95em; }
pre { white-space: pre-wrap; font-size: .88rem; background: #f0f0f0; padding: .5rem .75rem; }
figure { margin: 1rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
svg { display: block; width: 100%; height: auto; border: 1px solid #ddd; background: #fff; }
pre, li, dd, p, h1, caption { overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
@media (max-width: 48rem) {
  body { padding: .75rem .75rem 2rem; }
  .scroll svg { width: 60rem; max-width: none; }
  table.rows th, table.rows td { padding: .3rem .35rem; }
  dl.summary { grid-template-columns: 1fr; }
  dl.summary dd { margin-bottom: .3rem; }
}
svg text { font: 12px system-ui, Arial, sans-serif; fill: #1a1a1a; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .axis { stroke: #1a1a1a; stroke-width: 2; }
svg .tick { stroke: #777; }
svg .leader { stroke: #aaa; stroke-dasharray: 2 2; }
svg .today { stroke: #1a1a1a; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg text.today-label { font-weight: bold; }
svg .shape.event { fill: #333; }
svg .shape.met { fill: #2e7d32; }
svg .shape.pending { fill: #fff; stroke: #1f5fa8; stroke-width: 2.5; }
svg .shape.late { fill: #a14f00; }
svg .shape.overdue { fill: #b00020; }
svg .bang { stroke: #fff; stroke-width: 2; }
svg .shape.unknown { fill: #fff; stroke: #666; stroke-width: 2; }
svg .lateness { stroke: #a14f00; stroke-width: 3; }
svg text.lbl-overdue { fill: #b00020; font-weight: bold; }
svg text.lbl-late { fill: #a14f00; }
svg text.lbl-pending { fill: #1f5fa8; }
svg text.lbl-met { fill: #2e7d32; }
@media print { body { max-width: none; } details { display: block; } }
</style>
</head>
<body>
<header>
<h1>Case {{.CaseID}}: check against the National Guidance for Child Protection</h1>
<p class="verdict{{if .Breaches}} breach{{end}}">{{.Verdict}}</p>{{if .Nothing}}
<p class="nothing">{{.Nothing}}</p>{{end}}
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<dl class="summary">
<dt>Case</dt><dd>{{.CaseID}}</dd>
<dt>Edition</dt><dd>{{.Edition}}: {{.EditionTitle}}</dd>
<dt>Date of check</dt><dd>{{.Today}}</dd>
<dt>Calendar</dt><dd>{{.Calendar}}</dd>
<dt>Breaches</dt><dd>{{.Breaches}}</dd>
</dl>
<table>
<caption>Findings by status</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Findings</th></tr></thead>
<tbody>
{{range .Counts}}<tr><td>{{.Status}}</td><td>{{.N}}</td></tr>
{{end}}</tbody>
</table>
</section>
<section aria-labelledby="timeline">
<h2 id="timeline">Time line</h2>
{{with .Timeline}}<figure>
<div class="scroll">
<svg role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}">
<title id="timeline-title">Time line of case {{$.CaseID}}: what the case records and its due dates</title>
<desc id="timeline-desc">{{.Desc}}</desc>
{{if .Ticks}}<line class="axis" x1="{{.Left}}" y1="{{.AxisY}}" x2="{{.Right}}" y2="{{.AxisY}}"/>
<text x="{{.Left}}" y="14">Case events</text>
{{range .Ticks}}<line class="tick" x1="{{.X}}" y1="{{$.Timeline.TickY1}}" x2="{{.X}}" y2="{{$.Timeline.TickY2}}"/>{{if .Label}}<text x="{{.LabelX}}" y="{{$.Timeline.TickLabelY}}" text-anchor="middle">{{.Label}}</text>{{end}}
{{end}}{{end}}{{with .Today}}<line class="today" x1="{{.X}}" y1="{{$.Timeline.TodayY1}}" x2="{{.X}}" y2="{{$.Timeline.TodayY2}}"/>
<text class="today-label" x="{{.LabelX}}" y="{{$.Timeline.TodayLabelY}}" text-anchor="{{.Anchor}}">{{.Label}}</text>
{{end}}{{range .Marks}}<g><title>{{.Tooltip}}</title><line class="leader" x1="{{.X}}" y1="{{.LeaderY1}}" x2="{{.X}}" y2="{{.LeaderY2}}"/>{{if gt .EndX .X}}<line class="lateness" x1="{{.X}}" y1="{{.Y}}" x2="{{.EndX}}" y2="{{.Y}}"/>{{end}}{{.Shape}}<text class="lbl-{{.Class}}" x="{{.LabelX}}" y="{{.LabelY}}" text-anchor="{{.Anchor}}">{{.Label}}</text></g>
{{end}}{{range .Legend}}{{.Shape}}<text x="{{.X}}" y="{{.Y}}">{{.Label}}</text>
{{end}}</svg>
</div>
<figcaption>Case events above the axis, due dates below it, one tick per month. Each due date is labelled with its rule and status; a bar runs from a due date to a late completion. On a narrow screen the drawing scrolls sideways.</figcaption>
</figure>
<div class="scroll">
<table class="rows">
<caption>The time line as a table, oldest first</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">What</th><th scope="col">Status</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Date}}</td><td>{{.Kind}}</td><td>{{.What}}</td><td>{{.Status}}</td></tr>
{{end}}</tbody>
</table>
</div>
{{end}}</section>
<section aria-labelledby="owed">
<h2 id="owed">What the case still owes</h2>
{{if .Owed}}<ul class="findings">
{{range .Owed}}<li class="{{.Class}}">
<p><span class="status">{{.Status}}</span> <code>{{.Rule}}</code> {{.Title}}: {{.What}}.</p>
{{if .LastWorkingDay}}<p>{{.LastWorkingDay}}</p>
{{end}}<p class="source">Counted by {{.Counted}}; source {{.Source}}.</p>
<details><summary>How it was counted</summary><pre>{{.HowCounted}}</pre></details>
</li>
{{end}}</ul>
{{else}}<p>Nothing the case owes has a due date.</p>
{{end}}</section>
<section aria-labelledby="findings">
<h2 id="findings">Findings</h2>
{{range .Groups}}<section aria-labelledby="group-{{.ID}}">
{{if .Folded}}<details>
<summary><h3 id="group-{{.ID}}">{{.Title}} ({{len .Findings}})</h3></summary>
{{else}}<h3 id="group-{{.ID}}">{{.Title}} ({{len .Findings}})</h3>
{{end}}<p>{{.Intro}}</p>
<ul class="findings">
{{range .Findings}}<li class="{{.Class}}">
<p><span class="status">{{.Status}}</span> [{{.Strength}}] <code>{{.Rule}}</code> {{.Title}}{{if .Subject}} ({{.Subject}}){{end}}</p>
{{if .Dates}}<p>{{.Dates}}</p>
{{end}}<p><strong>{{.FixLabel}}:</strong> {{.Fix}}</p>
{{if .Source}}<p class="source">Source: {{.Source}}.</p>
{{end}}</li>
{{end}}</ul>
{{if .Folded}}</details>
{{end}}</section>
{{end}}</section>
{{if .Unused}}<section aria-labelledby="unused">
<h2 id="unused">Approved variations that changed nothing</h2>
<p>Check the rule and the occurrence they name.</p>
<ul>
{{range .Unused}}<li>{{.}}</li>
{{end}}</ul>
</section>
{{end}}</main>
<footer>
<p>Made by the cpguide example command-line tool. Names, free text, dates of birth and expected dates of delivery from the case file are left out of this page. The deadlines are counted on the calendar named above; the rule IDs can be looked up with <code>cpguide explain RULE</code>.</p>
</footer>
</body>
</html>
`
