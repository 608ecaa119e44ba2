package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/timescale"
)

func TestReport_Golden(t *testing.T) {
	for _, tc := range []struct{ name, path, today string }{
		{"several-breaches", cases + "several-breaches.json", "2026-06-15"},
		{"pre-discharge-owed", preDischargeOwed, "2026-06-10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI("report", tc.path, "--today", tc.today, "--html", "-")
			require.Equal(t, 0, code, errs, "breaches do not fail the report")
			golden(t, "report-"+tc.name+".golden.html", out)
		})
	}
}

var (
	eventHandler = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	external     = regexp.MustCompile(`(?i)https?:|\ssrc=|\shref=|url\(|@import|<link|<img|<iframe|<object|<embed|<script`)
)

// xmlElement is a parsed element of the page, kept to check its structure.
type xmlElement struct {
	name     string
	attrs    map[string]string
	children []*xmlElement
	text     string
}

// parseStrict parses the page as XML, strictly: every tag closed and
// nested, every attribute quoted, no undeclared entity.
func parseStrict(t *testing.T, page string) *xmlElement {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = true
	root := &xmlElement{}
	stack := []*xmlElement{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the page is well-formed")
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &xmlElement{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			top.children = append(top.children, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
	require.Len(t, stack, 1, "every element is closed")
	require.Len(t, root.children, 1, "one root element")
	return root.children[0]
}

func (e *xmlElement) all(name string) []*xmlElement {
	var out []*xmlElement
	for _, c := range e.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

func (e *xmlElement) allText() string {
	s := e.text
	for _, c := range e.children {
		s += c.allText()
	}
	return s
}

// The issue: one self-contained, accessible HTML page a person takes in at
// a glance, with no scripts. Every sample's page is well-formed, fetches
// nothing, runs nothing, labels its drawing for screen readers and repeats
// it as a table, and shows none of the case's personal data.
func TestReport_EverySampleSelfContainedAccessibleWithoutPersonalData(t *testing.T) {
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			code, page, errs := runCLI("report", s.path, "--today", s.today, "--html", "-")
			require.Equal(t, 0, code, errs)
			assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"en\">"))
			assert.NotRegexp(t, eventHandler, page, "no event-handler attributes")
			assert.NotRegexp(t, external, page, "no script and no external resource")
			assert.Equal(t, 1, strings.Count(page, "<style>"), "all CSS in one <style>")

			html := parseStrict(t, page)
			assert.Equal(t, "html", html.name)
			assert.Equal(t, "en", html.attrs["lang"])
			titles := html.all("title")
			require.NotEmpty(t, titles)
			assert.Contains(t, titles[0].text, "Case ")

			ids := map[string]bool{}
			var collect func(e *xmlElement)
			collect = func(e *xmlElement) {
				if id, ok := e.attrs["id"]; ok {
					assert.False(t, ids[id], "ids are unique: %s", id)
					ids[id] = true
				}
				for _, c := range e.children {
					collect(c)
				}
			}
			collect(html)

			svgs := html.all("svg")
			require.Len(t, svgs, 1, "the time line is drawn")
			svg := svgs[0]
			assert.Equal(t, "img", svg.attrs["role"])
			require.GreaterOrEqual(t, len(svg.children), 2)
			assert.Equal(t, "title", svg.children[0].name, "the drawing's first child is its <title>")
			assert.Equal(t, "desc", svg.children[1].name, "then its <desc>")
			assert.NotEmpty(t, svg.children[1].text)
			for _, id := range strings.Fields(svg.attrs["aria-labelledby"]) {
				assert.True(t, ids[id], "aria-labelledby names an element: %s", id)
			}
			for _, sec := range html.all("section") {
				if id := sec.attrs["aria-labelledby"]; id != "" {
					assert.True(t, ids[id], "a section is labelled by its heading: %s", id)
				}
			}

			for _, th := range html.all("th") {
				assert.Equal(t, "col", th.attrs["scope"], "header cells say what they head")
			}
			var timeTable *xmlElement
			for _, tb := range html.all("table") {
				if caps := tb.all("caption"); len(caps) > 0 && strings.Contains(caps[0].text, "time line") {
					timeTable = tb
				}
			}
			require.NotNil(t, timeTable, "the drawing's data is also a table")
			var labels int
			for _, g := range svg.all("g") {
				if len(g.all("text")) > 0 {
					labels++
				}
			}
			withheldRows := 0
			for _, td := range timeTable.all("td") {
				if td.text == withheldMark {
					withheldRows++
				}
			}
			assert.Equal(t, labels, len(timeTable.all("tr"))-1-withheldRows, "one table row per mark of the drawing, besides the rows whose date is withheld")

			c, err := cpguide.ReadCaseFile(s.path)
			require.NoError(t, err)
			res, err := cpguide.Check(c, cpguide.Options{Today: mustDate(t, s.today)})
			require.NoError(t, err)
			text := html.allText()
			for _, f := range res.Report.Breaches() {
				assert.Contains(t, text, f.Rule)
			}
			assert.Contains(t, page, "<dt>Breaches</dt><dd>"+strconv.Itoa(len(res.Report.Breaches()))+"</dd>")
			for _, secret := range personalData(t, s.path) {
				assert.False(t, strings.Contains(page, secret), "the page shows %q", secret)
			}
		})
	}
}

// Colour is never the only signal: an overdue step is a red triangle with
// an exclamation mark and the word OVERDUE, in the drawing and the table.
func TestReport_OverdueHasAShapeAndAWordNotOnlyAColour(t *testing.T) {
	code, page, errs := runCLI("report", preDischargeOwed, "--today", "2026-06-10", "--html", "-", "--show-birth-dates")
	require.Equal(t, 0, code, errs)
	html := parseStrict(t, page)
	svg := html.all("svg")[0]
	var found bool
	for _, g := range svg.all("g") {
		texts := g.all("text")
		if len(texts) == 1 && texts[0].text == "birth.pre-discharge (OVERDUE)" {
			found = true
			var shapes []string
			for _, p := range g.all("path") {
				shapes = append(shapes, p.attrs["class"])
			}
			assert.Equal(t, []string{"shape overdue", "bang"}, shapes)
		}
	}
	assert.True(t, found, "the overdue step is labelled OVERDUE")
	assert.Contains(t, page, "<td>Due date</td><td>Pre-discharge meeting for a baby registered before birth (pre-discharge meeting) [birth.pre-discharge]</td><td>overdue</td>")
	assert.Contains(t, page, `<p><span class="status">OVERDUE</span> [must] <code>birth.pre-discharge</code>`)
	assert.Regexp(t, `class="today" x1="\d+"`, page, "today is marked")
	assert.Contains(t, page, "today 2026-06-10")

	// Without the opt-in the step is not drawn (its place on the axis would
	// give its date away) but is still listed, with the word OVERDUE.
	code, page, errs = runCLI("report", preDischargeOwed, "--today", "2026-06-10", "--html", "-")
	require.Equal(t, 0, code, errs)
	assert.NotContains(t, page, "birth.pre-discharge (OVERDUE)")
	assert.Contains(t, page, "<td>[date withheld]</td><td>Due date</td><td>Pre-discharge meeting for a baby registered before birth (pre-discharge meeting) [birth.pre-discharge]</td><td>overdue</td>")
	assert.Contains(t, page, `<p><span class="status">OVERDUE</span> [must] <code>birth.pre-discharge</code>`)
	assert.Contains(t, page, "the baby&#39;s discharge from hospital (date withheld)")
}

// The axis has a tick at the start of every month it spans, and no today
// line when the date of the check is not given.
func TestTimeline_MonthTicksAndToday(t *testing.T) {
	c, err := cpguide.ReadCaseFile(cases + "reviews-referral.json")
	require.NoError(t, err)
	res, err := cpguide.Check(c, cpguide.Options{})
	require.NoError(t, err)
	tl := timelineOf(c, res)
	assert.Nil(t, tl.Today)
	from, to := mustDate(t, tl.From), mustDate(t, tl.To)
	assert.Equal(t, 1, from.Day)
	assert.Equal(t, to, guidance.Date{Year: to.Year, Month: to.Month, Day: guidance.DaysIn(to.Year, to.Month)})
	months := (to.Year-from.Year)*12 + int(to.Month) - int(from.Month) + 1
	require.Len(t, tl.Ticks, months+1, "a tick at the start of each month and one closing the axis")
	assert.Equal(t, tl.Left, tl.Ticks[0].X)
	assert.Equal(t, tl.Right, tl.Ticks[len(tl.Ticks)-1].X)
	labelled := 0
	for i, tk := range tl.Ticks {
		if i > 0 {
			assert.Greater(t, tk.X, tl.Ticks[i-1].X)
		}
		if tk.Label != "" {
			labelled++
		}
	}
	assert.LessOrEqual(t, labelled, 13, "at most about twelve month labels")
	assert.Contains(t, tl.Ticks[0].Label, "2025", "the first label carries the year")

	res, err = cpguide.Check(c, cpguide.Options{Today: mustDate(t, "2026-10-30")})
	require.NoError(t, err)
	tl = timelineOf(c, res)
	require.NotNil(t, tl.Today)
	assert.Equal(t, "today 2026-10-30", tl.Today.Label)
}

// Labels never overlap: marks on the same row are placed apart by the
// width of their labels.
func TestTimeline_LabelsOnARowDoNotOverlap(t *testing.T) {
	for _, s := range samples(t) {
		c, err := cpguide.ReadCaseFile(s.path)
		require.NoError(t, err)
		res, err := cpguide.Check(c, cpguide.Options{Today: mustDate(t, s.today)})
		require.NoError(t, err)
		tl := timelineOf(c, res)
		type span struct{ from, to int }
		rows := map[int][]span{}
		for _, m := range tl.Marks {
			w := labelW(m.Label)
			sp := span{m.X - 6, max(m.X, m.EndX) + tlMarkGap + w}
			if m.Anchor == "end" {
				sp = span{m.X - tlMarkGap - w, max(m.X, m.EndX) + 6}
			}
			assert.GreaterOrEqual(t, sp.from, 0, "%s: %s starts inside the drawing", s.name, m.Label)
			assert.LessOrEqual(t, sp.to, tl.Width, "%s: %s ends inside the drawing", s.name, m.Label)
			for _, o := range rows[m.Y] {
				assert.True(t, sp.to < o.from || sp.from > o.to, "%s: %s overlaps another label on its row", s.name, m.Label)
			}
			rows[m.Y] = append(rows[m.Y], sp)
		}
	}
}

func labelW(s string) int { return int(float64(len([]rune(s)))*tlCharW + 0.5) }

// The case events drawn are the steps of the process, never the birth, the
// expected delivery or the discharge.
func TestCaseEvents_ProcessStepsOnly(t *testing.T) {
	c, err := cpguide.ReadCaseFile(cases + "pre-birth.json")
	require.NoError(t, err)
	var got []string
	for _, e := range caseEvents(c) {
		got = append(got, e.Date.String()+" "+e.Label)
		assert.NotContains(t, []string{"2026-05-30", "2026-06-01", "2026-06-05"}, e.Date.String())
	}
	require.NotEmpty(t, c.Register, "the sample records the birth on the register")
	assert.Contains(t, got, "2026-01-05 Concern raised")
	assert.Contains(t, got, "2026-02-02 Pre-birth CPPM M-0101")
	assert.Contains(t, got, "2026-02-02 Registered (pre-birth)")
	assert.Contains(t, got, "2026-02-02 Parents told of the registration")
	assert.Contains(t, got, "2026-02-13 Core Group meeting")
	assert.Contains(t, got, "2026-06-02 Pre-discharge meeting")

	// Without register events, the CPPM's decision stands for the
	// registration.
	c.Register = nil
	got = got[:0]
	for _, e := range caseEvents(c) {
		got = append(got, e.Date.String()+" "+e.Label)
	}
	assert.Contains(t, got, "2026-02-02 Pre-birth CPPM M-0101: registration decided")
}

// FuzzExports: for any case the decoder accepts and Check can check, the
// calendar parses back with folded CRLF lines and the page is well-formed
// XML with no script.
func FuzzExports(f *testing.F) {
	for _, name := range []string{"several-breaches", "pre-birth", "transfer", "inquorate-reconvened"} {
		data, err := os.ReadFile(cases + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "2026-06-15")
	}
	f.Add([]byte(`{"id":"F","concern":"2026-01-05","ird":"2026-01-06","investigation":"2026-01-06"}`), "")
	f.Add([]byte(`{"id":"<script>&\"","out_of_hours_ird":"2026-03-06"}`), "2026-03-20")
	// The inputs of issue 15's review, cut down.
	f.Add([]byte(`{"id":"C\u001b[2J\u001b[31mFAKE: 0 breaches\u001b[0m\r","concern":"2026-03-02"}`), "2026-06-15")
	f.Add([]byte(`{"id":"C1","variations":[{"rule":"cppm.transfer","subject":"Jane Doe 2015-03-17","new_date":"2026-04-30","approver":"Ann","reason":"ill","recorded":"2026-03-01"}]}`), "2026-06-15")
	f.Add([]byte(`{"id":"C1","concern":"2199-12-01","ird":"2199-12-02","meetings":[{"ref":"M-1","kind":"initial","convened":"2199-12-10","held":"2199-12-20","decisions":{"plan_required":true}}]}`), "2199-12-31")
	f.Add([]byte(`{"id":"C1","meetings":[`+strings.Repeat(`{"kind":"review","held":"2026-03-20"},`, 499)+`{"kind":"review","held":"2026-03-20"}]}`), "2026-06-15")
	f.Fuzz(func(t *testing.T, data []byte, today string) {
		defer fuzzbudget.StartChecked(t, len(data)+len(today))()
		c, err := cpguide.DecodeCase(bytes.NewReader(data))
		if err != nil {
			return
		}
		opts := cpguide.Options{Today: guidance.Date{Year: 2026, Month: 6, Day: 15}} // the CLI always has a date of check
		if d, err := timescale.ParseDate(today); err == nil {
			opts.Today = d
		}
		res, err := cpguide.Check(c, opts)
		if err != nil {
			return
		}
		ch := newChecked(c, res, true)
		var cal bytes.Buffer
		if _, err := writeICS(&cal, ch, ch.cal, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 2); err != nil {
			t.Fatal(err)
		}
		out := cal.String()
		if _, err := ics.ParseCalendar(strings.NewReader(out)); err != nil {
			t.Fatalf("calendar does not parse back: %v", err)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("bad line %q", l)
			}
		}
		var page bytes.Buffer
		if err := writeHTML(&page, ch); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page.String(), "<script") {
			t.Fatal("the page holds a script")
		}
		d := xml.NewDecoder(&page)
		d.Strict = true
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("page not well-formed: %v", err)
			}
		}
	})
}

func BenchmarkExports(b *testing.B) {
	c, err := cpguide.ReadCaseFile(cases + "reviews-referral.json")
	require.NoError(b, err)
	res, err := cpguide.Check(c, cpguide.Options{Today: guidance.Date{Year: 2026, Month: 10, Day: 30}})
	require.NoError(b, err)
	stamp := time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)
	ch := newChecked(c, res, true)
	b.Run("ics", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := writeICS(io.Discard, ch, ch.cal, stamp, 2); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("html", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := writeHTML(io.Discard, ch); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// timelineOf is the timeline of the report of res, the privacy rule not
// applied.
func timelineOf(c cpguide.Case, res *cpguide.Result) timeline {
	ch := newChecked(c, res, false)
	return buildTimeline(c, res.Report.Today, dueItems(c, res, ch.owed), nil)
}
