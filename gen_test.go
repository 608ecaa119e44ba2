package cpguide_test

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
)

// A genCase is one generated case and the options to check it with.
type genCase struct {
	c    cpguide.Case
	opts cpguide.Options
}

// template is a scenario's case, the source of generated cases.
type template struct {
	name  string
	c     cpguide.Case
	opts  cpguide.Options
	first guidance.Date
}

// genTemplates loads every scenario of examples/scenarios whose case can be
// moved in time: it has dates, and no local overlay (an overlay's holidays
// are fixed dates that a moved case would miss).
func genTemplates(tb testing.TB) []template {
	var ts []template
	for _, file := range scenarioFiles(tb) {
		s, err := cpguide.LoadScenario(file)
		require.NoError(tb, err, file)
		c, err := s.LoadCase()
		require.NoError(tb, err, file)
		t := template{name: s.Name, c: c, opts: s.CheckOptions(), first: c.FirstEvent()}
		if t.first.IsZero() || t.opts.Overlay != nil {
			continue
		}
		ts = append(ts, t)
	}
	require.NotEmpty(tb, ts)
	return ts
}

// Bounds of the generated cases' first events: after the 2014 edition came
// into force, before the end of the calendar's well-tested range.
var (
	genEarliest = guidance.Date{Year: 2014, Month: time.June, Day: 2}
	genLatest   = guidance.Date{Year: 2032, Month: time.December, Day: 31}
)

// generateCases returns n valid cases, the same n for the same seed. Each is
// a scenario's case moved in time, whole, so that its first event lands
// anywhere from mid-2014 to 2032 (one in four just before Christmas, New
// Year, Easter or a May or August bank holiday, so that counts cross
// holidays), under the edition in force then unless the scenario fixes one;
// checked on a date from the first event to 18 months after it (so some steps
// are pending, some met, some overdue), and one in four with a non-default
// reading of a policy. Every case passes Validate.
func generateCases(tb testing.TB, n int, seed uint64) []genCase {
	tb.Helper()
	ts := genTemplates(tb)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	span := genLatest.Sub(genEarliest)
	out := make([]genCase, 0, n)
	for len(out) < n {
		t := ts[r.IntN(len(ts))]
		target := genEarliest.AddDays(r.IntN(span))
		if r.IntN(4) == 0 {
			target = nearHoliday(r)
		}
		shift := target.Sub(t.first)
		g := genCase{c: shiftCase(t.c, shift), opts: t.opts}
		g.opts.Today = target.AddDays(r.IntN(550))
		if r.IntN(4) == 0 {
			g.opts.Policies = randomPolicy(r)
		}
		if err := g.c.Validate(); err != nil {
			tb.Fatalf("%s moved %d days: %v", t.name, shift, err)
		}
		out = append(out, g)
	}
	return out
}

// nearHoliday returns a date in the fortnight before a holiday that
// working-day counts must skip.
func nearHoliday(r *rand.Rand) guidance.Date {
	y := 2015 + r.IntN(18)
	var h guidance.Date
	switch r.IntN(4) {
	case 0:
		h = guidance.Date{Year: y, Month: time.December, Day: 25}
	case 1:
		h = guidance.Date{Year: y, Month: time.April, Day: 1 + r.IntN(25)} // around Good Friday
	case 2:
		h = guidance.Date{Year: y, Month: time.May, Day: 1 + r.IntN(31)}
	default:
		h = guidance.Date{Year: y, Month: time.August, Day: 1 + r.IntN(7)}
	}
	return h.AddDays(-r.IntN(15))
}

func randomPolicy(r *rand.Rand) map[string]string {
	choices := []map[string]string{
		{"coregroup.first.reading": "working"},
		{"coregroup.first.reading": "calendar"},
		{"cppm.initial.anchor": "investigation"},
		{"cppm.initial.anchor": "concern"},
		{"cppm.notice.unit": "calendar"},
		{"reporter.referral.when": "next-working-day"},
	}
	return choices[r.IntN(len(choices))]
}

var (
	dateType = reflect.TypeFor[guidance.Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// shiftCase returns a deep copy of c with every date and instant moved by
// days: the whole case happens that much later (or earlier), in the same
// order.
func shiftCase(c cpguide.Case, days int) cpguide.Case {
	var out cpguide.Case
	shiftValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(c), days)
	return out
}

func shiftValue(dst, src reflect.Value, days int) {
	switch {
	case src.Type() == dateType:
		d := src.Interface().(guidance.Date)
		if !d.IsZero() {
			d = d.AddDays(days)
		}
		dst.Set(reflect.ValueOf(d))
		return
	case src.Type() == timeType:
		t := src.Interface().(time.Time)
		if !t.IsZero() {
			t = t.AddDate(0, 0, days)
		}
		dst.Set(reflect.ValueOf(t))
		return
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		shiftValue(p.Elem(), src.Elem(), days)
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			shiftValue(s.Index(i), src.Index(i), days)
		}
		dst.Set(s)
	case reflect.Struct:
		dst.Set(src) // unexported fields are copied as they are
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				shiftValue(dst.Field(i), src.Field(i), days)
			}
		}
	default:
		dst.Set(src) // strings, numbers, booleans, maps of plain values
	}
}

// TestGenerateCases_ValidVariedAndDeterministic proves the benchmark's
// generator: the same seed gives the same cases, and the cases span every
// edition, every meeting kind, years with holidays, and both breaches and
// clean reports.
func TestGenerateCases_ValidVariedAndDeterministic(t *testing.T) {
	a := generateCases(t, 400, 7)
	b := generateCases(t, 400, 7)
	require.Equal(t, a, b, "the same seed gives the same cases")

	editions := map[guidance.Edition]bool{}
	kinds := map[string]bool{}
	years := map[int]bool{}
	breaches, clean := 0, 0
	for _, g := range a {
		res, err := cpguide.Check(g.c, g.opts)
		require.NoError(t, err)
		editions[res.Report.Edition] = true
		for _, m := range g.c.Meetings {
			kinds[string(m.Kind)] = true
		}
		years[g.c.FirstEvent().Year] = true
		if res.Err() != nil {
			breaches++
		} else {
			clean++
		}
	}
	t.Logf("editions %v, kinds %v, %d first-event years, %d with breaches, %d without", editions, kinds, len(years), breaches, clean)
	require.Len(t, editions, 3, "every edition")
	require.Len(t, kinds, 4, "every kind of CPPM")
	require.GreaterOrEqual(t, len(years), 15, "first events across the years")
	require.Positive(t, breaches, "some cases breach the guidance")
	require.Positive(t, clean, "some cases do not")
}
