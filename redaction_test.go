package cpguide_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/addrcache"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
	"github.com/cpguide/cpguide/timescale"
)

// The markers planted in every string and date of a value.
const (
	markerText = "Zebedee-Quorn"
	markerDate = "1917-11-23"
	markerRef  = "REF-1"
)

var markerDay = guidance.Date{Year: 1917, Month: 11, Day: 23}

// personal lists every exported type of every package of the module that
// can hold personal data. Each must redact in fmt (%v, %+v, %#v), in
// log/slog (text and JSON handlers), in json.Marshal and in its errors,
// alone, as a pointer and in a slice. Their explicit export paths are
// cpguide.MarshalCase and register.MarshalEvent.
var personal = []reflect.Type{
	reflect.TypeFor[cpguide.Case](), reflect.TypeFor[cpguide.PreBirth](), reflect.TypeFor[cpguide.Scenario](),

	reflect.TypeFor[timescale.Variation](),

	reflect.TypeFor[meeting.Meeting](), reflect.TypeFor[meeting.Person](), reflect.TypeFor[meeting.Invitation](),
	reflect.TypeFor[meeting.Attendee](), reflect.TypeFor[meeting.Reporter](), reflect.TypeFor[meeting.Participation](),
	reflect.TypeFor[meeting.Child](), reflect.TypeFor[meeting.FamilyMember](), reflect.TypeFor[meeting.Report](),
	reflect.TypeFor[meeting.Quorum](), reflect.TypeFor[meeting.Decisions](), reflect.TypeFor[meeting.Referral](),
	reflect.TypeFor[meeting.Record](), reflect.TypeFor[meeting.PreBirthFacts](), reflect.TypeFor[meeting.Series](),
	reflect.TypeFor[meeting.Options](),

	reflect.TypeFor[plan.Person](), reflect.TypeFor[plan.People](), reflect.TypeFor[plan.LeadProfessional](),
	reflect.TypeFor[plan.Risk](), reflect.TypeFor[plan.Action](), reflect.TypeFor[plan.Outcome](),
	reflect.TypeFor[plan.Objective](), reflect.TypeFor[plan.Contingency](), reflect.TypeFor[plan.ChildInvolvement](),
	reflect.TypeFor[plan.FamilyInvolvement](), reflect.TypeFor[plan.Version](), reflect.TypeFor[plan.Plan](),
	reflect.TypeFor[plan.Context](), reflect.TypeFor[plan.InterimSafetyPlan](), reflect.TypeFor[plan.Answer](),
	reflect.TypeFor[plan.Options](),

	reflect.TypeFor[ird.IRD](), reflect.TypeFor[ird.Decisions](), reflect.TypeFor[ird.Facts](), reflect.TypeFor[ird.Options](),

	reflect.TypeFor[coregroup.Member](), reflect.TypeFor[coregroup.Members](), reflect.TypeFor[coregroup.Partner](),
	reflect.TypeFor[coregroup.Partners](), reflect.TypeFor[coregroup.Meeting](), reflect.TypeFor[coregroup.ChangeReferral](),
	reflect.TypeFor[coregroup.Activation](), reflect.TypeFor[coregroup.Escalation](), reflect.TypeFor[coregroup.CoreGroup](),
	reflect.TypeFor[coregroup.Options](),

	reflect.TypeFor[register.Child](), reflect.TypeFor[register.Registration](), reflect.TypeFor[register.Informed](),
	reflect.TypeFor[register.Enquiry](), reflect.TypeFor[register.Refusal](), reflect.TypeFor[register.Correction](),
	reflect.TypeFor[register.Event](), reflect.TypeFor[register.Episode](), reflect.TypeFor[register.State](),
	reflect.TypeFor[register.RegistrationInput](), reflect.TypeFor[register.TemporaryInput](),
	reflect.TypeFor[register.TransferInput](), reflect.TypeFor[register.DeregistrationInput](),
	reflect.TypeFor[register.CorrectionInput](), reflect.TypeFor[register.Answer](), reflect.TypeFor[register.Case](),
	reflect.TypeFor[register.Options](), reflect.TypeFor[register.MeetingRef](), reflect.TypeFor[register.AppendBatch](),
	reflect.TypeFor[register.Access](), reflect.TypeFor[register.ChainRow](), reflect.TypeFor[register.ChainHead](),
}

// notPersonal lists every other exported type, with why it holds no
// personal data: the library's own catalogue and text, outputs built from
// validated references and enumerations, configuration, behaviour.
var notPersonal = map[reflect.Type]string{
	reflect.TypeFor[guidance.Source]():           "catalogue",
	reflect.TypeFor[guidance.Citation]():         "catalogue",
	reflect.TypeFor[guidance.Date]():             "a date alone; personal dates are redacted by the types that hold them",
	reflect.TypeFor[guidance.Edition]():          "enumeration",
	reflect.TypeFor[guidance.Kind]():             "enumeration",
	reflect.TypeFor[guidance.Error]():            "errors name a path and the expected form (tested on every personal type below)",
	reflect.TypeFor[guidance.Status]():           "enumeration",
	reflect.TypeFor[guidance.Finding]():          "output: the library's text about references and enumerations",
	reflect.TypeFor[guidance.Report]():           "output",
	reflect.TypeFor[guidance.Builder]():          "output in the making: what checks report",
	reflect.TypeFor[guidance.Ref]():              "a rule of the catalogue in one edition",
	reflect.TypeFor[guidance.BreachError]():      "output",
	reflect.TypeFor[guidance.Area]():             "enumeration",
	reflect.TypeFor[guidance.Rule]():             "catalogue",
	reflect.TypeFor[guidance.Provision]():        "catalogue",
	reflect.TypeFor[guidance.Strength]():         "enumeration",
	reflect.TypeFor[timescale.Calendar]():        "calendar (holidays are public)",
	reflect.TypeFor[timescale.Holiday]():         "calendar",
	reflect.TypeFor[timescale.NonWorkingDay]():   "calendar",
	reflect.TypeFor[timescale.Anchors]():         "dates of case events (concern, IRD, meetings), which outputs show; birth dates are withheld by the CLI's one rule",
	reflect.TypeFor[timescale.Options]():         "configuration",
	reflect.TypeFor[timescale.Deadline]():        "output",
	reflect.TypeFor[timescale.Owed]():            "output: a deadline's dates, with the anchors it counts from (as Anchors)",
	reflect.TypeFor[timescale.Computed]():        "output",
	reflect.TypeFor[timescale.Skip]():            "output",
	reflect.TypeFor[timescale.Applied]():         "output",
	reflect.TypeFor[timescale.LocalTimescale]():  "a council's procedure",
	reflect.TypeFor[timescale.LocalApplied]():    "output",
	reflect.TypeFor[timescale.Policy]():          "catalogue",
	reflect.TypeFor[timescale.Choice]():          "catalogue",
	reflect.TypeFor[timescale.Unit]():            "enumeration",
	reflect.TypeFor[timescale.Direction]():       "enumeration",
	reflect.TypeFor[timescale.Event]():           "enumeration",
	reflect.TypeFor[timescale.Reading]():         "catalogue",
	reflect.TypeFor[timescale.Combine]():         "enumeration",
	reflect.TypeFor[timescale.Timescale]():       "catalogue",
	reflect.TypeFor[engine.Check[int]]():         "behaviour: a rule bound to its function",
	reflect.TypeFor[engine.Options]():            "configuration",
	reflect.TypeFor[engine.Pool[int]]():          "behaviour: recycles the copy of a record while checks run; keeps nothing after",
	reflect.TypeFor[engine.Pass]():               "a check in progress: findings and deadlines (outputs)",
	reflect.TypeFor[meeting.Followed]():          "dates of steps, which outputs show",
	reflect.TypeFor[meeting.CaseFacts]():         "dates of case events, which outputs show",
	reflect.TypeFor[meeting.Kind]():              "enumeration",
	reflect.TypeFor[meeting.Agency]():            "enumeration",
	reflect.TypeFor[meeting.Mode]():              "enumeration",
	reflect.TypeFor[meeting.QuorumDecision]():    "enumeration",
	reflect.TypeFor[meeting.ReferralOutcome]():   "enumeration",
	reflect.TypeFor[meeting.RecordItem]():        "enumeration",
	reflect.TypeFor[plan.Horizon]():              "enumeration",
	reflect.TypeFor[plan.Term]():                 "enumeration",
	reflect.TypeFor[plan.Prompt]():               "catalogue",
	reflect.TypeFor[coregroup.Relationship]():    "enumeration",
	reflect.TypeFor[coregroup.Recipient]():       "enumeration",
	reflect.TypeFor[coregroup.Response]():        "enumeration",
	reflect.TypeFor[register.Concern]():          "catalogue (areas of concern)",
	reflect.TypeFor[register.ConcernList]():      "catalogue",
	reflect.TypeFor[register.EventType]():        "enumeration",
	reflect.TypeFor[register.RegistrationKind](): "enumeration",
	reflect.TypeFor[register.Reason]():           "enumeration",
	reflect.TypeFor[register.Role]():             "enumeration",
	reflect.TypeFor[register.Actor]():            "a practitioner's account: ID, role, agency, authority",
	reflect.TypeFor[register.Action]():           "enumeration",
	reflect.TypeFor[register.Grant]():            "access policy",
	reflect.TypeFor[register.Policy]():           "access policy",
	reflect.TypeFor[register.Config]():           "configuration",
	reflect.TypeFor[register.Register]():         "behaviour: holds a store, prints nothing of it",
	reflect.TypeFor[register.Query]():            "a statistics query: dates and an authority",
	reflect.TypeFor[register.Stats]():            "output: counts",
	reflect.TypeFor[register.Store]():            "interface",
	reflect.TypeFor[register.Batcher]():          "interface",
	reflect.TypeFor[register.Updater]():          "interface",
	reflect.TypeFor[register.Memory]():           "behaviour: a store, prints nothing of it",
	reflect.TypeFor[storetest.Counting]():        "test helper",
	reflect.TypeFor[register.AccessQuery]():      "a query: a child's or an actor's ID",
	reflect.TypeFor[register.ChainVerifier]():    "behaviour: a hash chain in progress, no exported field",
	reflect.TypeFor[register.Anchor]():           "where each hash chain ends: child IDs (opaque references), numbers and hashes",
	reflect.TypeFor[register.ChainEnd]():         "the last row of a chain: a child ID (an opaque reference), numbers and a hash",
	reflect.TypeFor[register.Outcome]():          "enumeration",
	reflect.TypeFor[register.TamperError]():      "an integrity error for the register's operator: its message names the log and sequence numbers of the first bad row; the child ID stays in a field for the program, never in the message",
	reflect.TypeFor[coregroup.Circumstances]():   "enumeration",
	reflect.TypeFor[storetest.Opener]():          "test helper",
	reflect.TypeFor[strictjson.Limits]():         "configuration",
	reflect.TypeFor[addrcache.Cache[int]]():      "a cache of values worked out from the library's constant strings",
	reflect.TypeFor[strictjson.StringForm]():     "behaviour (an interface)",
	reflect.TypeFor[strictjson.StringFormer]():   "behaviour (an interface)",
	reflect.TypeFor[ird.Agency]():                "enumeration",
	reflect.TypeFor[cpguide.Options]():           "configuration",
	reflect.TypeFor[cpguide.Result]():            "output",
	reflect.TypeFor[cpguide.Overlay]():           "a council's procedure",
	reflect.TypeFor[register.Rows]():             "an interface a store's query results satisfy: no data of its own",
	reflect.TypeFor[procedures.Profile]():        "a council's published procedures",
	reflect.TypeFor[procedures.Provision]():      "a council's published procedures",
	reflect.TypeFor[procedures.Timescale]():      "a council's published procedures",
	reflect.TypeFor[cpguide.OverlayTimescale]():  "a council's procedure",
	reflect.TypeFor[cpguide.ScenarioOptions]():   "configuration",
	reflect.TypeFor[cpguide.ExpectedFinding]():   "output",
	reflect.TypeFor[cpguide.Expectation]():       "output: expected findings",
	reflect.TypeFor[plan.Reflection]():           "output: which of the catalogue's prompts are answered",
	reflect.TypeFor[cpguide.ExpectedDeadline]():  "output",
	reflect.TypeFor[cpguide.UnusedVariation]():   "output: the rule, dates and a subject the library wrote",
}

// TestRedaction_EveryExportedTypeIsClassified: every exported type of
// every package of the module (read from the source) is listed as personal
// or as not personal, with the reason.
func TestRedaction_EveryExportedTypeIsClassified(t *testing.T) {
	known := map[string]bool{}
	for _, typ := range personal {
		known[typeName(typ)] = true
	}
	for typ := range notPersonal {
		known[typeName(typ)] = true
	}
	var missing []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "examples" || d.Name() == "sqlite" || d.Name() == "postgres") {
				return filepath.SkipDir // examples: package main; sqlite and postgres: modules of their own
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := f.Name.Name
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				if !ts.Name.IsExported() {
					continue
				}
				if name := pkg + "." + ts.Name.Name; !known[name] && !ts.Assign.IsValid() /* an alias names another type */ {
					missing = append(missing, name)
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(missing)
	assert.Empty(t, missing, "classify these in personal or notPersonal")
}

func typeName(t reflect.Type) string {
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	name, _, _ := strings.Cut(t.Name(), "[")
	return pkg + "." + name
}

// fill sets every string of v to the marker (a reference field to a valid
// reference), every date to the marker date, every number to 1, every
// boolean to true, and gives every list, map and pointer one filled element.
func fill(v reflect.Value, depth int) {
	if depth > 8 || !v.CanSet() {
		return
	}
	if v.Type() == reflect.TypeFor[guidance.Date]() {
		v.Set(reflect.ValueOf(markerDay))
		return
	}
	switch v.Kind() {
	case reflect.String:
		if v.Type().PkgPath() != "" && v.Type().Name() != "ChildID" {
			// A closed code list of the library (a meeting kind, an
			// agency, a mode): validated when decoding, never personal.
			v.SetString("code")
			return
		}
		v.SetString(markerText)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Type.Kind() == reflect.String && strictjson.Default.References[name] {
				v.Field(i).SetString(markerRef) // a reference: not personal, may be shown
				continue
			}
			fill(v.Field(i), depth+1)
		}
	}
}

// TestRedaction_NoPersonalTypeLeaksThroughAnyChannel plants a marker in
// every string and date of every personal type and looks for it in what
// fmt, log/slog (text and JSON), json.Marshal and the type's errors make
// of the value, of a pointer to it and of a slice of it.
func TestRedaction_NoPersonalTypeLeaksThroughAnyChannel(t *testing.T) {
	for _, typ := range personal {
		t.Run(typeName(typ), func(t *testing.T) {
			p := reflect.New(typ)
			fill(p.Elem(), 0)
			v := p.Elem().Interface()
			slice := reflect.MakeSlice(reflect.SliceOf(typ), 1, 1)
			slice.Index(0).Set(p.Elem())
			forms := map[string]any{"value": v, "pointer": p.Interface(), "slice": slice.Interface()}
			for form, x := range forms {
				channels := []string{"fmt.Sprint", "fmt %v %+v %#v %s", "slog text", "slog JSON", "json.Marshal", "Validate"}
				var out []string
				out = append(out, fmt.Sprint(x), fmt.Sprintf("%v %+v %#v %s", x, x, x, x))
				var text, js bytes.Buffer
				slog.New(slog.NewTextHandler(&text, nil)).Info("m", "x", x)
				slog.New(slog.NewJSONHandler(&js, nil)).Info("m", "x", x)
				out = append(out, text.String(), js.String())
				if b, err := json.Marshal(x); err != nil {
					out = append(out, err.Error())
				} else {
					out = append(out, string(b))
				}
				if val, ok := x.(interface{ Validate() error }); ok {
					if err := val.Validate(); err != nil {
						out = append(out, err.Error())
					}
				}
				for i, s := range out {
					if strings.Contains(s, markerText) || strings.Contains(s, markerDate) {
						t.Errorf("%s %s leaks: %.300s", form, channels[i], s)
					}
				}
			}
		})
	}
}
