package cpguide

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

const schemaBase = "https://github.com/cpguide/cpguide/schema/"

// schemaDocs reads the schema files of schema/, keyed by their $id.
func schemaDocs(t *testing.T) map[string]any {
	t.Helper()
	files, err := filepath.Glob("schema/*.schema.json")
	require.NoError(t, err)
	require.Len(t, files, 4, "schema/ holds the case, scenario, overlay and profile schemas")
	docs := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err, f)
		id, _ := doc.(map[string]any)["$id"].(string)
		require.Equal(t, schemaBase+filepath.Base(f), id, "the $id of %s", f)
		docs[id] = doc
	}
	return docs
}

type schemas struct {
	docs                    map[string]any
	caseS, scenario, overly *jsonschema.Schema
	profile                 *jsonschema.Schema
}

func compileSchemas(t *testing.T) schemas {
	t.Helper()
	docs := schemaDocs(t)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for id, doc := range docs {
		require.NoError(t, c.AddResource(id, doc))
	}
	s := schemas{docs: docs}
	var err error
	s.caseS, err = c.Compile(schemaBase + "case.schema.json")
	require.NoError(t, err)
	s.scenario, err = c.Compile(schemaBase + "scenario.schema.json")
	require.NoError(t, err)
	s.overly, err = c.Compile(schemaBase + "overlay.schema.json")
	require.NoError(t, err)
	s.profile, err = c.Compile(schemaBase + "profile.schema.json")
	require.NoError(t, err)
	return s
}

// instance reads a JSON (or, by extension, YAML) file as a schema instance.
func instance(t *testing.T, name string) any {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	if isYAML(name) {
		data, _, err = yamlToJSON(data)
		require.NoError(t, err, name)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err, name)
	return v
}

func exampleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.json", "*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	slices.Sort(files)
	return files
}

// TestSchema_ExampleCasesValidate: every sample case validates against
// schema/case.schema.json, and the decoder accepts it too.
func TestSchema_ExampleCasesValidate(t *testing.T) {
	s := compileSchemas(t)
	for _, f := range exampleFiles(t, "examples/cases") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			assert.NoError(t, s.caseS.Validate(instance(t, f)))
			_, err := ReadCaseFile(f)
			assert.NoError(t, err)
		})
	}
}

// TestSchema_ScenariosValidate: every scenario validates against
// schema/scenario.schema.json, and its case (inline or in its case file)
// against schema/case.schema.json.
func TestSchema_ScenariosValidate(t *testing.T) {
	s := compileSchemas(t)
	for _, f := range exampleFiles(t, "examples/scenarios") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			v := instance(t, f)
			require.NoError(t, s.scenario.Validate(v))
			obj := v.(map[string]any)
			if c, ok := obj["case"]; ok {
				assert.NoError(t, s.caseS.Validate(c), "the inline case")
			} else {
				cf := filepath.Join(filepath.Dir(f), obj["case_file"].(string))
				assert.NoError(t, s.caseS.Validate(instance(t, cf)), "the case file")
			}
			if o, ok := obj["options"].(map[string]any)["overlay"]; ok {
				assert.NoError(t, s.overly.Validate(o), "the overlay")
			}
		})
	}
}

// TestSchema_OverlayAgreesWithDecodeOverlay: the overlay schema accepts what
// DecodeOverlay accepts and refuses what it refuses.
func TestSchema_OverlayAgreesWithDecodeOverlay(t *testing.T) {
	s := compileSchemas(t)
	for _, tc := range []struct {
		name, doc string
		valid     bool
	}{
		{"holiday with provenance", `{"name":"council 2026","holidays":[{"date":"2026-04-06","name":"Easter Monday","source":"council local holidays 2026"}]}`, true},
		{"no holidays", `{"name":"none"}`, true},
		{"holiday without a source", `{"holidays":[{"date":"2026-04-06","name":"Easter Monday"}]}`, false},
		{"holiday without a date", `{"holidays":[{"name":"Easter Monday","source":"council"}]}`, false},
		{"impossible date", `{"holidays":[{"date":"2026-02-30","name":"x","source":"y"}]}`, false},
		{"unknown field", `{"name":"x","days":[]}`, false},
		{"unknown holiday field", `{"holidays":[{"date":"2026-04-06","name":"x","source":"y","note":"z"}]}`, false},
		{"holidays not a list", `{"holidays":{}}`, false},
		{"timescale in working days", `{"timescales":[{"rule":"coregroup.first","days":10,"unit":"working","source":"CPC procedures 4.2"}]}`, true},
		{"timescale in months", `{"timescales":[{"rule":"cppm.review","months":3,"source":"CPC procedures 6.1"}]}`, true},
		{"timescale in months, unit given", `{"timescales":[{"rule":"cppm.review","months":3,"unit":"months","source":"CPC procedures 6.1"}]}`, true},
		{"timescale with days and months", `{"timescales":[{"rule":"cppm.review","days":10,"unit":"calendar","months":3,"source":"s"}]}`, false},
		{"timescale with neither", `{"timescales":[{"rule":"cppm.review","source":"s"}]}`, false},
		{"days without a unit", `{"timescales":[{"rule":"coregroup.first","days":10,"source":"s"}]}`, false},
		{"days in months", `{"timescales":[{"rule":"coregroup.first","days":10,"unit":"months","source":"s"}]}`, false},
		{"unknown unit", `{"timescales":[{"rule":"coregroup.first","days":10,"unit":"weeks","source":"s"}]}`, false},
		{"months with a day unit", `{"timescales":[{"rule":"cppm.review","months":3,"unit":"working","source":"s"}]}`, false},
		{"timescale without a source", `{"timescales":[{"rule":"cppm.review","months":3}]}`, false},
		{"timescale without a rule", `{"timescales":[{"months":3,"source":"s"}]}`, false},
		{"days not a number", `{"timescales":[{"rule":"coregroup.first","days":"10","unit":"working","source":"s"}]}`, false},
		{"one day", `{"timescales":[{"rule":"coregroup.first","days":1,"unit":"working","source":"s"}]}`, true},
		{"366 days", `{"timescales":[{"rule":"cppm.notice","days":366,"unit":"calendar","source":"s"}]}`, true},
		{"zero days", `{"timescales":[{"rule":"coregroup.first","days":0,"unit":"working","source":"s"}]}`, false},
		{"367 days", `{"timescales":[{"rule":"cppm.notice","days":367,"unit":"calendar","source":"s"}]}`, false},
		{"a billion days", `{"timescales":[{"rule":"coregroup.first","days":1000000000,"unit":"working","source":"s"}]}`, false},
		{"24 months", `{"timescales":[{"rule":"cppm.review","months":24,"source":"s"}]}`, true},
		{"zero months", `{"timescales":[{"rule":"cppm.review","months":0,"source":"s"}]}`, false},
		{"25 months", `{"timescales":[{"rule":"cppm.review","months":25,"source":"s"}]}`, false},
		{"unknown timescale field", `{"timescales":[{"rule":"coregroup.first","days":10,"unit":"working","source":"s","para":"4.2"}]}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			require.NoError(t, err)
			serr := s.overly.Validate(v)
			_, derr := DecodeOverlay([]byte(tc.doc))
			if tc.valid {
				assert.NoError(t, serr, "schema")
				assert.NoError(t, derr, "DecodeOverlay")
				return
			}
			assert.Error(t, serr, "schema")
			assert.Error(t, derr, "DecodeOverlay")
		})
	}
}

// TestSchema_ProfileValidatesTheBundledProfilesAndAgreesWithDecode: the
// profile schema accepts both bundled profiles, and what procedures.Decode
// accepts; it refuses what Decode refuses for its form (the rule's
// existence, a weaker strength and a looser figure are Decode's alone).
func TestSchema_ProfileValidatesTheBundledProfilesAndAgreesWithDecode(t *testing.T) {
	s := compileSchemas(t)
	files, err := filepath.Glob("procedures/profiles/*.json")
	require.NoError(t, err)
	require.Len(t, files, len(procedures.Names()))
	for _, f := range files {
		assert.NoError(t, s.profile.Validate(instance(t, f)), f)
	}
	head := `{"name":"x","committee":"X Child Protection Committee","year":2025,"edition":"2023","source":"https://example.org"`
	for _, tc := range []struct {
		name, doc string
		valid     bool
	}{
		{"bare", head + `}`, true},
		{"calendar days", head + `,"timescales":[{"rule":"coregroup.first","days":14,"unit":"calendar","section":"Core Group"}]}`, true},
		{"months", head + `,"timescales":[{"rule":"cppm.review","months":3,"section":"Review"}]}`, true},
		{"months with a unit", head + `,"timescales":[{"rule":"cppm.review","months":3,"unit":"working","section":"Review"}]}`, false},
		{"days without a unit", head + `,"timescales":[{"rule":"coregroup.first","days":14,"section":"Core Group"}]}`, false},
		{"no section", head + `,"timescales":[{"rule":"coregroup.first","days":14,"unit":"calendar"}]}`, false},
		{"zero days", head + `,"timescales":[{"rule":"coregroup.first","days":0,"unit":"calendar","section":"s"}]}`, false},
		{"provision", head + `,"provisions":[{"rule":"cppm.core-agencies","strength":"must","section":"CPPM","text":"x"}]}`, true},
		{"provision without text", head + `,"provisions":[{"rule":"cppm.core-agencies","section":"CPPM"}]}`, false},
		{"bad strength", head + `,"provisions":[{"rule":"cppm.core-agencies","strength":"shall","section":"CPPM","text":"x"}]}`, false},
		{"bad date", head + `,"holidays":[{"date":"2026-02-30","name":"x","source":"y"}]}`, false},
		{"no committee", `{"name":"x","year":2025,"edition":"2023","source":"s"}`, false},
		{"unknown field", head + `,"weeks":3}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			require.NoError(t, err)
			serr := s.profile.Validate(v)
			_, derr := procedures.Decode([]byte(tc.doc))
			if tc.valid {
				assert.NoError(t, serr, "schema")
				assert.NoError(t, derr, "Decode")
				return
			}
			assert.Error(t, serr, "schema")
			assert.Error(t, derr, "Decode")
		})
	}
}

// invalidCases are case documents both the schema and DecodeCase refuse,
// with the JSON path DecodeCase names.
var invalidCases = []struct {
	name, doc, field string
}{
	{"not an object", `[]`, "input"},
	{"unknown top-level field", `{"id":"C1","concerns":"2026-01-05"}`, "concerns"},
	{"id not text", `{"id":7}`, "id"},
	{"impossible date", `{"concern":"2026-02-30"}`, "concern"},
	{"date in another format", `{"ird":"05/01/2026"}`, "ird"},
	{"year zero", `{"investigation":"0000-01-05"}`, "investigation"},
	{"date not text", `{"move_notified":20260105}`, "move_notified"},
	{"no_cppm not a boolean", `{"no_cppm":"yes"}`, "no_cppm"},
	{"meetings not a list", `{"meetings":{}}`, "meetings"},
	{"meeting without kind", `{"meetings":[{"ref":"M1","held":"2026-03-24"}]}`, "meetings[0].kind"},
	{"unknown meeting kind", `{"meetings":[{"kind":"case-conference"}]}`, "meetings[0].kind"},
	{"unknown meeting field", `{"meetings":[{"kind":"initial","hled":"2026-03-24"}]}`, "meetings[0].hled"},
	{"meeting date impossible", `{"meetings":[{"kind":"initial","held":"2026-13-01"}]}`, "meetings[0].held"},
	{"unknown agency", `{"meetings":[{"kind":"initial","attendance":[{"agency":"housing"}]}]}`, "meetings[0].attendance[0].agency"},
	{"attendee without agency", `{"meetings":[{"kind":"initial","attendance":[{"name":"A"}]}]}`, "meetings[0].attendance[0].agency"},
	{"reporter as an agency", `{"meetings":[{"kind":"initial","involved":["childrens-reporter"]}]}`, "meetings[0].involved[0]"},
	{"report without agency", `{"meetings":[{"kind":"review","reports":[{"received":"2026-03-20"}]}]}`, "meetings[0].reports[0].agency"},
	{"unknown mode", `{"meetings":[{"kind":"initial","child":{"mode":"absent"}}]}`, "meetings[0].child.mode"},
	{"family mode unknown", `{"meetings":[{"kind":"initial","family":[{"mode":"phoned"}]}]}`, "meetings[0].family[0].mode"},
	{"older not a boolean", `{"meetings":[{"kind":"initial","child":{"older":"yes"}}]}`, "meetings[0].child.older"},
	{"unknown quorum decision", `{"meetings":[{"kind":"initial","quorum":{"decision":"maybe"}}]}`, "meetings[0].quorum.decision"},
	{"unknown referral outcome", `{"meetings":[{"kind":"initial","decisions":{"referral":{"outcome":"later"}}}]}`, "meetings[0].decisions.referral.outcome"},
	{"unknown record item", `{"meetings":[{"kind":"initial","record":{"contents":["minutes"]}}]}`, "meetings[0].record.contents[0]"},
	{"unknown case fact", `{"meetings":[{"kind":"initial","case":{"referral":"2026-01-05"}}]}`, "meetings[0].case.referral"},
	{"unknown interim safety plan field", `{"interim_safety_plan":{"ird":"2026-01-05","contacts":[]}}`, "interim_safety_plan.contacts"},
	{"interim safety plan not an object", `{"interim_safety_plan":"yes"}`, "interim_safety_plan"},
	{"unknown risk horizon", `{"plan":{"risks":[{"id":"r1","horizon":"medium"}]}}`, "plan.risks[0].horizon"},
	{"risk without id", `{"plan":{"risks":[{"description":"x"}]}}`, "plan.risks[0].id"},
	{"blank risk id", `{"plan":{"risks":[{"id":"  "}]}}`, "plan.risks[0].id"},
	{"outcome without term", `{"plan":{"outcomes":[{"description":"x"}]}}`, "plan.outcomes[0].term"},
	{"objective outcome unknown", `{"plan":{"objectives":[{"outcome":"soon"}]}}`, "plan.objectives[0].outcome"},
	{"version without reason", `{"plan":{"versions":[{"date":"2026-03-24"}]}}`, "plan.versions[0].reason"},
	{"version without date", `{"plan":{"versions":[{"reason":"agreed"}]}}`, "plan.versions[0].date"},
	{"unknown prompt", `{"plan":{"reflection":[{"prompt":"prompt.18","answer":"x"}]}}`, "plan.reflection[0].prompt"},
	{"qualified social worker not a boolean", `{"plan":{"lead_professional":{"qualified_social_worker":"yes"}}}`, "plan.lead_professional.qualified_social_worker"},
	{"unknown plan field", `{"plan":{"cppm":"2026-03-24","goals":[]}}`, "plan.goals"},
	{"member without id", `{"core_group":{"members":[{"name":"A"}]}}`, "core_group.members[0].id"},
	{"unknown partner relationship", `{"core_group":{"partners":[{"id":"p1","relationship":"uncle"}]}}`, "core_group.partners[0].relationship"},
	{"core group meeting without date", `{"core_group":{"meetings":[{"in_person":true}]}}`, "core_group.meetings[0].date"},
	{"attendance not text", `{"core_group":{"meetings":[{"date":"2026-04-03","attendance":[1]}]}}`, "core_group.meetings[0].attendance[0]"},
	{"unknown change referral recipient", `{"core_group":{"change_referrals":[{"identified":"2026-04-03","to":"manager"}]}}`, "core_group.change_referrals[0].to"},
	{"negative contingency", `{"core_group":{"contingency_activations":[{"date":"2026-04-03","contingency":-1}]}}`, "core_group.contingency_activations[0].contingency"},
	{"unknown escalation response", `{"core_group":{"escalations":[{"identified":"2026-04-03","responses":["wait"]}]}}`, "core_group.escalations[0].responses[0]"},
	{"variation without approver", `{"variations":[{"rule":"cppm.initial","new_date":"2026-04-06","reason":"r","recorded":"2026-03-30"}]}`, "variations[0].approver"},
	{"variation of a rule that is no rule ID", `{"variations":[{"rule":"first core group","new_date":"2026-04-06","approver":"a","reason":"r","recorded":"2026-03-30"}]}`, "variations[0].rule"},
	{"unknown variation field", `{"variations":[{"rule":"cppm.initial","new_date":"2026-04-06","approver":"a","reason":"r","recorded":"2026-03-30","by":"x"}]}`, "variations[0].by"},
	{"unknown pre-birth field", `{"pre_birth":{"due":"2026-06-01"}}`, "pre_birth.due"},
	{"pre-birth date impossible", `{"pre_birth":{"birth":"2026-02-29"}}`, "pre_birth.birth"},
	{"register not a list", `{"register":{}}`, "register"},
	{"unknown register event type", `{"register":[{"child_id":"C-1","version":1,"type":"opened"}]}`, "register[0].type"},
	{"register event without child_id", `{"register":[{"version":1,"type":"enquired","enquiry":{"purpose":"p"}}]}`, "register[0].child_id"},
	{"CHI number as child_id", `{"register":[{"child_id":"0101201234","version":1,"type":"enquired","enquiry":{"purpose":"p"}}]}`, "register[0].child_id"},
	{"register version zero", `{"register":[{"child_id":"C-1","version":0,"type":"enquired","enquiry":{"purpose":"p"}}]}`, "register[0].version"},
	{"registered without registration", `{"register":[{"child_id":"C-1","version":1,"type":"registered","authority":"A","date":"2026-03-24"}]}`, "register[0].registration.kind"},
	{"deregistered for an unknown reason", `{"register":[{"child_id":"C-1","version":1,"type":"deregistered","authority":"A","date":"2026-03-24","reason":"closed"}]}`, "register[0].reason"},
	{"unknown register event field", `{"register":[{"child_id":"C-1","version":1,"type":"enquired","enquiry":{"purpose":"p"},"note":"x"}]}`, "register[0].note"},
	{"register event date impossible", `{"register":[{"child_id":"C-1","version":1,"type":"family-told-ended","authority":"A","date":"2026-02-30"}]}`, "register[0].date"},
	{"recorded not an instant", `{"register":[{"child_id":"C-1","version":1,"type":"enquired","enquiry":{"purpose":"p"},"recorded":"yesterday"}]}`, "register[0].recorded"},
	{"register meeting of unknown kind", `{"register":[{"child_id":"C-1","version":1,"type":"enquired","enquiry":{"purpose":"p"},"meeting":{"id":"M1","kind":"case-conference","held":"2026-03-24"}}]}`, "register[0].meeting.kind"},
	{"unborn baby born", `{"register":[{"child_id":"C-1","version":1,"type":"birth-recorded","date":"2026-05-30","child":{"unborn":true}}]}`, "register[0].child.unborn"},
	{"unknown refused action", `{"register":[{"child_id":"C-1","version":1,"type":"refused","refusal":{"action":"delete"}}]}`, "register[0].refusal.action"},
}

// TestSchema_AgreesWithDecodeCase: every document of the table is refused
// by the schema and by DecodeCase, which names the field at fault.
func TestSchema_AgreesWithDecodeCase(t *testing.T) {
	s := compileSchemas(t)
	for _, tc := range invalidCases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(tc.doc))
			require.NoError(t, err)
			assert.Error(t, s.caseS.Validate(v), "schema")
			_, err = DecodeCase(strings.NewReader(tc.doc))
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "DecodeCase: %v", err)
			assert.Equal(t, guidance.Invalid, ge.Kind)
			assert.Equal(t, tc.field, ge.Field, "DecodeCase: %v", err)
		})
	}
}

// TestSchema_AcceptsWhatDecodeCaseAccepts: small documents at the edges of
// the format (nulls where the schema allows them, every enum value) pass
// both.
func TestSchema_AcceptsWhatDecodeCaseAccepts(t *testing.T) {
	s := compileSchemas(t)
	for _, doc := range []string{
		`{}`,
		`{"id":"C1","plan":null,"core_group":null,"interim_safety_plan":null,"pre_birth":null}`,
		`{"meetings":[{"kind":"pre-birth","reporter":null,"pre_birth":null,"decisions":{"register":null}}]}`,
		`{"meetings":[{"kind":"review","involved":["social-work","health","police","education","early-learning-childcare","other"]}]}`,
		`{"meetings":[{"kind":"transfer","child":{"mode":"not-invited","older":null},"family":[{"mode":"excluded","outcome_by":"2026-04-01"}]}]}`,
		`{"plan":{"lead_professional":null,"birth_notifier":null,"contingencies":[{"trigger":"t","response":"r","responsible":null}]}}`,
		`{"core_group":{"meetings":[{"date":"2026-04-03","in_person":null}],"contingency_activations":[{"date":"2026-04-03","contingency":null}]}}`,
		`{"pre_birth":{"expected_delivery":"2024-02-29"}}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		require.NoError(t, err)
		assert.NoError(t, s.caseS.Validate(v), doc)
		_, err = DecodeCase(strings.NewReader(doc))
		assert.NoError(t, err, doc)
	}
}

// schemaNode resolves $ref (local, or to another of the schema files) and
// a nullable anyOf [X, null] (or [X, deprecated old form]) to the schema
// object X.
func schemaNode(t *testing.T, docs map[string]any, base string, n map[string]any) (map[string]any, string) {
	t.Helper()
	for range 10 {
		if r, ok := n["$ref"].(string); ok {
			doc, frag, _ := strings.Cut(r, "#")
			if doc == "" {
				doc = base
			} else if !strings.HasPrefix(doc, "https:") {
				doc = schemaBase + doc
			}
			target := docs[doc]
			require.NotNil(t, target, "no schema %s", doc)
			for _, p := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
				if p != "" {
					target = target.(map[string]any)[p]
				}
			}
			require.NotNil(t, target, "dangling $ref %s", r)
			n, base = target.(map[string]any), doc
			continue
		}
		if alts, ok := n["anyOf"].([]any); ok {
			var next map[string]any
			for _, a := range alts {
				// An old form still read (deprecated) is not the Go type's
				// shape: the decoder reads it through strictjson.StringForm.
				if alt := a.(map[string]any); alt["type"] != "null" && alt["deprecated"] != true {
					require.Nil(t, next, "anyOf other than [X, null]")
					next = a.(map[string]any)
				}
			}
			n = next
			continue
		}
		return n, base
	}
	t.Fatalf("$ref loop")
	return nil, ""
}

// schemaPaths lists every property path of the schema ("meetings[].held")
// with the JSON type the schema gives it.
func schemaPaths(t *testing.T, docs map[string]any, base string, n map[string]any, path string, out map[string]string) {
	n, base = schemaNode(t, docs, base, n)
	typ := schemaType(n)
	if path != "" {
		out[path] = typ
	}
	switch typ {
	case "object":
		props, _ := n["properties"].(map[string]any)
		if n["additionalProperties"] != false && path != "options.policies" {
			t.Errorf("%s: the decoder refuses unknown fields, so the schema must set additionalProperties false", path)
		}
		if path == "options.policies" {
			return // policy IDs: TestSchema_EnumsMatchTheCode
		}
		for k, p := range props {
			schemaPaths(t, docs, base, p.(map[string]any), schemaJoin(path, k), out)
		}
	case "array":
		schemaPaths(t, docs, base, n["items"].(map[string]any), path+"[]", out)
	}
}

func schemaJoin(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func schemaType(n map[string]any) string {
	switch ty := n["type"].(type) {
	case string:
		return ty
	case []any:
		for _, x := range ty {
			if x != "null" {
				return x.(string)
			}
		}
	}
	if _, ok := n["properties"]; ok {
		return "object"
	}
	return ""
}

var schemaTextType = reflect.TypeFor[encoding.TextUnmarshaler]()

// goPaths lists every JSON path of the Go type t, with the JSON type its
// values take. A field of type json.RawMessage is decoded as the type given
// for its path in raw.
func goPaths(t reflect.Type, path string, raw map[string]reflect.Type, out map[string]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if r, ok := raw[path]; ok {
		t = r
	}
	typ := ""
	switch {
	case reflect.PointerTo(t).Implements(schemaTextType):
		typ = "string"
	case t.Kind() == reflect.Struct:
		typ = "object"
	case t.Kind() == reflect.Slice:
		typ = "array"
	case t.Kind() == reflect.Map:
		typ = "object"
	case t.Kind() == reflect.String:
		typ = "string"
	case t.Kind() == reflect.Bool:
		typ = "boolean"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		typ = "integer"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		typ = "number"
	}
	if path != "" {
		out[path] = typ
	}
	switch typ {
	case "object":
		if t.Kind() == reflect.Map {
			return
		}
		structPaths(t, path, raw, out)
	case "array":
		goPaths(t.Elem(), path+"[]", raw, out)
	}
}

func structPaths(t reflect.Type, path string, raw map[string]reflect.Type, out map[string]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			structPaths(f.Type, path, raw, out) // embedded: its fields are flattened
			continue
		}
		if !f.IsExported() || name == "-" || !ok {
			continue
		}
		goPaths(f.Type, schemaJoin(path, name), raw, out)
	}
}

// TestSchema_MatchesTheGoTypes is the drift test: every JSON field of Case
// (and of every struct it holds), of Scenario and of Overlay is in the
// schema with the same JSON type, and the schema has no field the Go types
// lack.
func TestSchema_MatchesTheGoTypes(t *testing.T) {
	docs := schemaDocs(t)
	for _, tc := range []struct {
		schema  string
		typ     reflect.Type
		raw     map[string]reflect.Type
		atLeast int // fields, so that a walk that stops early fails
	}{
		{"case.schema.json", reflect.TypeFor[Case](), nil, 200},
		{"scenario.schema.json", reflect.TypeFor[Scenario](), map[string]reflect.Type{"case": reflect.TypeFor[Case]()}, 200},
		{"overlay.schema.json", reflect.TypeFor[Overlay](), nil, 5},
		{"profile.schema.json", reflect.TypeFor[procedures.Profile](), nil, 15},
	} {
		t.Run(tc.schema, func(t *testing.T) {
			id := schemaBase + tc.schema
			fromSchema := map[string]string{}
			schemaPaths(t, docs, id, docs[id].(map[string]any), "", fromSchema)
			fromGo := map[string]string{}
			goPaths(tc.typ, "", tc.raw, fromGo)
			var missing, extra, mistyped []string
			for p, ty := range fromGo {
				st, ok := fromSchema[p]
				switch {
				case !ok:
					missing = append(missing, p)
				case st != ty:
					mistyped = append(mistyped, p+": Go "+ty+", schema "+st)
				}
			}
			for p := range fromSchema {
				if _, ok := fromGo[p]; !ok {
					extra = append(extra, p)
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			sort.Strings(mistyped)
			assert.Empty(t, missing, "fields of the Go types the schema lacks: describe them in schema/%s", tc.schema)
			assert.Empty(t, extra, "fields of the schema the Go types lack: remove them from schema/%s", tc.schema)
			assert.Empty(t, mistyped, "fields whose JSON type differs")
			assert.GreaterOrEqual(t, len(fromGo), tc.atLeast, "the walk reached the nested types")
		})
	}
}

// TestSchema_DescribesEveryField: every property has a description a
// case-system developer can write against.
func TestSchema_DescribesEveryField(t *testing.T) {
	docs := schemaDocs(t)
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok {
				for k, p := range props {
					pm := p.(map[string]any)
					d, _ := pm["description"].(string)
					if d == "" {
						// A bare $ref takes the description of its target.
						if r, ok := pm["$ref"].(string); ok && len(pm) == 1 {
							n, _ := schemaNode(t, docs, where, map[string]any{"$ref": r})
							d, _ = n["description"].(string)
						}
					}
					assert.NotEmpty(t, d, "%s: property %s has no description", where, k)
				}
			}
			for k, x := range v {
				switch k {
				case "if", "then", "else", "allOf", "oneOf", "not":
					// Conditions restate fields described elsewhere.
				default:
					walk(where, x)
				}
			}
		case []any:
			for _, x := range v {
				walk(where, x)
			}
		}
	}
	for id, doc := range docs {
		walk(id, doc)
	}
}

// enumAt returns the enum of the schema node at JSON pointer ptr.
func enumAt(t *testing.T, docs map[string]any, schema, ptr string) []string {
	t.Helper()
	var n any = docs[schemaBase+schema]
	for _, p := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		n = n.(map[string]any)[p]
	}
	var out []string
	for _, v := range n.(map[string]any)["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

func strs[T ~string](xs ...T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestSchema_RuleIDPattern: the schema checks a rule ID's form (the decoder
// checks that the catalogue has it): every ID of the catalogue has that
// form, and text that is not an ID does not.
func TestSchema_RuleIDPattern(t *testing.T) {
	docs := schemaDocs(t)
	def := docs[schemaBase+"case.schema.json"].(map[string]any)["$defs"].(map[string]any)["ruleId"].(map[string]any)
	re := regexp.MustCompile(def["pattern"].(string))
	for _, r := range guidance.Rules() {
		assert.True(t, re.MatchString(r.ID), r.ID)
	}
	for _, bad := range []string{"", "cppm", "Jane Doe", "cppm.Notice", "cppm..notice", "cppm.notice ", "cppm.-x"} {
		assert.False(t, re.MatchString(bad), "%q", bad)
	}
}

// TestSchema_EnumsMatchTheCode: every closed code list of the schema is the
// list the code accepts, in the same order.
func TestSchema_EnumsMatchTheCode(t *testing.T) {
	docs := schemaDocs(t)
	var prompts []string
	for _, p := range plan.Prompts() {
		prompts = append(prompts, p.ID)
	}
	var statuses []string
	for s := guidance.Unknown; s <= guidance.NotApplicable; s++ {
		statuses = append(statuses, strings.ReplaceAll(s.String(), " ", "_"))
	}
	var editions []string
	for _, e := range guidance.Editions() {
		editions = append(editions, e.String())
	}
	for _, tc := range []struct {
		schema, ptr string
		want        []string
	}{
		{"case.schema.json", "/$defs/kind", strs(meeting.Kinds()...)},
		{"case.schema.json", "/$defs/agency", strs(meeting.Agencies()...)},
		{"case.schema.json", "/$defs/irdAgency", strs(ird.Agencies()...)},
		{"case.schema.json", "/$defs/mode", strs(meeting.Attended, meeting.ViewsRepresented, meeting.NotInvited, meeting.Excluded)},
		{"case.schema.json", "/$defs/recordItem", strs(meeting.RecordItems()...)},
		{"case.schema.json", "/$defs/quorum/properties/decision", strs(meeting.Quorate, meeting.Inquorate)},
		{"case.schema.json", "/$defs/referral/properties/outcome", strs(meeting.Refer, meeting.NotRequired)},
		{"case.schema.json", "/$defs/risk/properties/horizon", strs(plan.Immediate, plan.ShortTerm, plan.LongTerm)},
		{"case.schema.json", "/$defs/outcome/properties/term", strs(plan.Short, plan.Medium, plan.Long)},
		{"case.schema.json", "/$defs/objective/properties/outcome", strs(plan.Short, plan.Medium, plan.Long)},
		{"case.schema.json", "/$defs/answer/properties/prompt", prompts},
		{"case.schema.json", "/$defs/partner/properties/relationship", strs(coregroup.Child, coregroup.Parent, coregroup.Carer)},
		{"case.schema.json", "/$defs/changeReferral/properties/to", strs(coregroup.Chair, coregroup.LeadProfessional)},
		{"case.schema.json", "/$defs/coreGroupMeeting/properties/circumstances", strs(coregroup.Deteriorated, coregroup.Improved, coregroup.Unchanged)},
		{"case.schema.json", "/$defs/escalation/properties/responses/items", strs(coregroup.ImmediateResponse, coregroup.AdditionalSupport, coregroup.ReviewCPPM)},
		{"case.schema.json", "/$defs/registerEvent/properties/type", strs(register.Registered, register.Deregistered, register.ParentsInformed,
			register.FamilyToldEnded, register.BirthRecorded, register.Corrected, register.Enquired, register.RefusalRecorded)},
		{"case.schema.json", "/$defs/registerEvent/properties/reason", strs(register.Reasons()...)},
		{"case.schema.json", "/$defs/registration/properties/kind", strs(register.ByInitialCPPM, register.ByPreBirthCPPM, register.ByTransferCPPM, register.Temporary)},
		{"case.schema.json", "/$defs/registerActor/properties/role", strs(register.RegisterKeeper, register.Practitioner, register.Manager, register.OtherRole)},
		{"case.schema.json", "/$defs/refusal/properties/action", strs(register.ActionEnquire, register.ActionRegister, register.ActionDeregister,
			register.ActionRecord, register.ActionCorrect, register.ActionHistory)},
		{"scenario.schema.json", "/$defs/finding/properties/status", statuses},
		{"scenario.schema.json", "/$defs/options/properties/edition", editions},
	} {
		t.Run(tc.ptr, func(t *testing.T) {
			assert.Equal(t, tc.want, enumAt(t, docs, tc.schema, tc.ptr))
		})
	}
	t.Run("policies", func(t *testing.T) {
		props := docs[schemaBase+"scenario.schema.json"].(map[string]any)["$defs"].(map[string]any)["options"].(map[string]any)["properties"].(map[string]any)["policies"].(map[string]any)["properties"].(map[string]any)
		want := map[string][]string{}
		for _, p := range timescale.Policies() {
			for _, c := range p.Choices {
				want[p.ID] = append(want[p.ID], c.Name)
			}
		}
		got := map[string][]string{}
		for id := range props {
			got[id] = enumAt(t, docs, "scenario.schema.json", "/$defs/options/properties/policies/properties/"+id)
		}
		assert.Equal(t, want, got)
	})
}

// TestSchema_DatePatternMatchesParseDate: the date pattern and format accept
// exactly the dates guidance.ParseDate accepts.
func TestSchema_DatePatternMatchesParseDate(t *testing.T) {
	s := compileSchemas(t)
	for _, d := range []string{"2026-06-15", "2024-02-29", "2025-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01",
		"2026-6-15", "2026-06-15T00:00:00Z", "20260615", "2026-00-10", "2026-04-31", "+2026-06-15", " 2026-06-15", "２０２６-06-15"} {
		_, perr := guidance.ParseDate(d)
		doc, err := json.Marshal(map[string]string{"concern": d})
		require.NoError(t, err)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
		require.NoError(t, err)
		assert.Equal(t, perr == nil, s.caseS.Validate(v) == nil, "%q", d)
	}
}
