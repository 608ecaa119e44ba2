package cpguide

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// A case in YAML and the same case in JSON. The YAML leaves dates, "no" and
// an ID of digits unquoted (YAML reads them as text, as the format wants),
// and uses a block scalar, flow collections, ~ and comments.
const (
	sameCaseYAML = `# comments are allowed
id: CASE-Y1
concern: 2026-03-02
ird: 2026-03-03
no_cppm: false
meetings:
  - ref: M-1
    kind: initial
    held: 2026-03-24
    quorum: {decision: quorate, reasons: no}
    child: {mode: views-represented, older: true}
    record:
      contents: [invitees, attendees]
plan:
  cppm: 2026-03-24
  lead_professional: ~
  risks:
    - id: r1
      description: >-
        neglect of basic care
        at home
  actions: []
core_group:
  cppm: 2026-03-24
  members: [{id: sw1, name: A Worker, agency: social work, role: social worker}]
  meetings:
    - {date: 2026-04-03, attendance: [sw1]}
  contingency_activations:
    - {date: 2026-04-10, contingency: 0}
pre_birth: null
`
	sameCaseJSON = `{
  "id": "CASE-Y1", "concern": "2026-03-02", "ird": "2026-03-03", "no_cppm": false,
  "meetings": [{"ref": "M-1", "kind": "initial", "held": "2026-03-24",
    "quorum": {"decision": "quorate", "reasons": "no"},
    "child": {"mode": "views-represented", "older": true},
    "record": {"contents": ["invitees", "attendees"]}}],
  "plan": {"cppm": "2026-03-24", "lead_professional": null,
    "risks": [{"id": "r1", "description": "neglect of basic care at home"}], "actions": []},
  "core_group": {"cppm": "2026-03-24",
    "members": [{"id": "sw1", "name": "A Worker", "agency": "social work", "role": "social worker"}],
    "meetings": [{"date": "2026-04-03", "attendance": ["sw1"]}],
    "contingency_activations": [{"date": "2026-04-10", "contingency": 0}]},
  "pre_birth": null
}`
)

func TestDecodeCaseYAML_SameCaseAsJSON(t *testing.T) {
	fromJSON, err := DecodeCase(strings.NewReader(sameCaseJSON))
	require.NoError(t, err)
	fromYAML, err := DecodeCaseYAML(strings.NewReader(sameCaseYAML))
	require.NoError(t, err)
	assert.Equal(t, fromJSON, fromYAML)
	assert.Equal(t, "no", fromYAML.Meetings[0].Quorum.Reasons, "an unquoted no is text")
}

// TestDecodeCaseYAML_SampleCasesRoundTrip: every sample case, written out
// as block-style YAML, decodes to the same Case as its JSON; and JSON,
// which is YAML too, decodes the same through DecodeCaseYAML.
func TestDecodeCaseYAML_SampleCasesRoundTrip(t *testing.T) {
	files, err := filepath.Glob("examples/cases/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			want, err := DecodeCase(bytes.NewReader(data))
			require.NoError(t, err)

			got, err := DecodeCaseYAML(bytes.NewReader(data))
			require.NoError(t, err, "JSON read as YAML")
			assert.Equal(t, want, got, "JSON read as YAML")

			var tree any
			require.NoError(t, json.Unmarshal(data, &tree))
			y, err := yaml.Marshal(tree)
			require.NoError(t, err)
			got, err = DecodeCaseYAML(bytes.NewReader(y))
			require.NoError(t, err, "block YAML")
			assert.Equal(t, want, got, "block YAML")
		})
	}
}

// TestReadCaseFile_ChoosesByExtension: .yaml and .yml are read as YAML, any
// other name as JSON.
func TestReadCaseFile_ChoosesByExtension(t *testing.T) {
	dir := t.TempDir()
	want, err := DecodeCase(strings.NewReader(sameCaseJSON))
	require.NoError(t, err)
	for _, name := range []string{"case.yaml", "case.yml", "CASE.YAML"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(sameCaseYAML), 0o600))
		got, err := ReadCaseFile(p)
		require.NoError(t, err, name)
		assert.Equal(t, want, got, name)
	}
	p := filepath.Join(dir, "case.json")
	require.NoError(t, os.WriteFile(p, []byte(sameCaseYAML), 0o600))
	_, err = ReadCaseFile(p)
	assert.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "input"}, err), "YAML in a .json file is malformed JSON: %v", err)

	c, err := ReadCaseFile("examples/cases/review-variation-2021.yaml")
	require.NoError(t, err)
	assert.Equal(t, "CASE-2101", c.ID)
	assert.Len(t, c.Meetings, 2)
	assert.Len(t, c.Register, 2)
}

func TestDecodeCaseYAML_Errors(t *testing.T) {
	deep := "a:\n" + strings.Repeat(" [", 80) + strings.Repeat("]", 80) + "\n"
	laughs := "a: &a [\"Morag Quinlan\", \"Morag Quinlan\"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	for _, tc := range []struct {
		name, doc, field string
		line             int
	}{
		{"unknown field, with its line", "id: C1\nmeetings:\n  - kind: initial\n    hled: 2026-03-24\n", "meetings[0].hled", 4},
		{"impossible date", "id: C1\nmeetings:\n  - kind: initial\n\n    held: 2026-02-30\n", "meetings[0].held", 5},
		{"unknown agency", "meetings:\n  - kind: review\n    attendance:\n      - name: Morag Quinlan\n        agency: Morag Quinlan\n", "meetings[0].attendance[0].agency", 5},
		{"number where text is expected", "id: 12\n", "id", 1},
		{"text where a boolean is expected", "no_cppm: no\n", "no_cppm", 1},
		{"date and time where a date is expected", "concern: 2026-03-02T10:00:00Z\n", "concern", 1},
		{"register event of an unknown type", "register:\n  - child_id: C-1\n    version: 1\n    type: Morag Quinlan\n", "register[0].type", 4},
		{"anchor", "id: &x Morag Quinlan\nconcern: 2026-03-02\n", "id", 1},
		{"alias expansion (billion laughs)", laughs, "a", 1},
		{"merge key", "plan:\n  <<: {cppm: 2026-03-24}\n", "plan", 2},
		{"key that is not text", "meetings:\n  - kind: initial\n    7: Morag Quinlan\n", "meetings[0]", 3},
		{"key that is a mapping", "? {a: 1}\n: Morag Quinlan\n", "input", 1},
		{"key given twice", "id: C1\nconcern: 2026-03-02\nid: Morag Quinlan\n", "id", 3},
		{"custom tag", "id: !secret Morag Quinlan\n", "id", 1},
		{"binary", "id: !!binary TW9yYWcgUXVpbmxhbg==\n", "id", 1},
		{"infinite number", "core_group:\n  contingency_activations:\n    - {date: 2026-04-10, contingency: .inf}\n", "core_group.contingency_activations[0].contingency", 3},
		{"two documents", "id: C1\n---\nid: Morag Quinlan\n", "input", 2},
		{"malformed", "id: C1\nmeetings:\n  - kind: initial\n   held: \"Morag Quinlan\n", "input", 0},
		{"tab indentation", "id: C1\nplan:\n\tcppm: Morag Quinlan\n", "input", 3},
		{"empty", "", "input", 0},
		{"only a comment", "# Morag Quinlan\n", "input", 0},
		{"a list, not a mapping", "- Morag Quinlan\n", "input", 0},
		{"too deep", deep, "a" + strings.Repeat("[0]", 64), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCaseYAML(strings.NewReader(tc.doc))
			require.Error(t, err)
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%v", err)
			assert.Equal(t, guidance.Invalid, ge.Kind, "%v", err)
			assert.Equal(t, tc.field, ge.Field, "%v", err)
			if tc.line > 0 {
				assert.Contains(t, ge.Hint, "(YAML line "+strconv.Itoa(tc.line)+")", "%v", err)
			}
			// "Morag Quinlan", a name in the documents, is never quoted.
			assert.NotContains(t, err.Error(), "Morag", "errors never quote the input")
			assert.NotContains(t, err.Error(), "TW9y", "errors never quote the input")
		})
	}
}

// TestLoadScenario_YAML: a YAML scenario loads, with its case inline or in a
// case file (YAML or JSON), and its errors give the JSON path and the line.
func TestLoadScenario_YAML(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	write("case.yaml", sameCaseYAML)
	write("case.json", sameCaseJSON)
	want, err := DecodeCase(strings.NewReader(sameCaseJSON))
	require.NoError(t, err)

	inline := "name: inline\ncase:\n" + indent(sameCaseYAML) + "options: {today: 2026-05-01}\nexpect:\n  findings:\n    - {rule: cppm.initial, status: met}\n"
	for _, tc := range []struct{ name, body string }{
		{"yaml-case.yaml", "name: a YAML case file\ncase_file: case.yaml\noptions: {today: 2026-05-01, edition: \"2023\"}\n"},
		{"json-case.yml", "name: a JSON case file\ncase_file: case.json\noptions: {today: 2026-05-01}\n"},
		{"inline.yaml", inline},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := LoadScenario(write(tc.name, tc.body))
			require.NoError(t, err)
			c, err := s.LoadCase()
			require.NoError(t, err)
			assert.Equal(t, want, c)
			_, _, err = s.Run()
			require.NoError(t, err)
		})
	}

	for _, tc := range []struct {
		name, body, field string
		line              int
		load              bool // the error comes from LoadCase, not LoadScenario
	}{
		{"unknown field", "name: x\ncase_file: case.yaml\noptions:\n  today: 2026-05-01\n  tomorrow: 2026-05-02\n", "options.tomorrow", 5, false},
		{"both case and case_file", "name: x\ncase_file: case.yaml\ncase: {id: C1}\n", "case", 3, false},
		{"unknown rule", "name: x\ncase_file: case.yaml\nexpect:\n  findings:\n    - rule: cppm.first\n      status: met\n", "expect.findings[0].rule", 5, false},
		{"bad inline case", "name: x\ncase:\n  id: C1\n  meetings:\n    - kind: initial\n      held: 2026-02-30\n", "case.meetings[0].held", 6, true},
		{"bad case file", "name: x\ncase_file: bad.yaml\n", "case_file.meetings[0].kind", 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write("bad.yaml", "id: C1\nmeetings:\n  - kind: case-conference\n")
			s, err := LoadScenario(write("s.yaml", tc.body))
			if tc.load {
				require.NoError(t, err)
				_, err = s.LoadCase()
			}
			var ge *guidance.Error
			require.True(t, errors.As(err, &ge), "%v", err)
			assert.Equal(t, tc.field, ge.Field, "%v", err)
			assert.Contains(t, ge.Hint, "(YAML line "+strconv.Itoa(tc.line)+")", "%v", err)
		})
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
	return b.String()
}

// FuzzDecodeCaseYAML: any input either decodes, to the Case its JSON form
// decodes to, or is refused with a *guidance.Error of kind Invalid whose
// Field is a JSON path (never a piece of the input); nothing panics.
func FuzzDecodeCaseYAML(f *testing.F) {
	f.Add(sameCaseYAML)
	f.Add(sameCaseJSON)
	f.Add("id: &a x\nb: *a\n")
	f.Add("a: [[[[[]]]]]\n")
	f.Add("id: C1\n---\nid: C2\n")
	f.Add("concern: 2026-02-30\n")
	f.Add("? [a]\n: b\n")
	f.Add("register:\n  - {child_id: C-1, version: 1, type: enquired, enquiry: {purpose: p}}\n")
	if data, err := os.ReadFile("examples/cases/review-variation-2021.yaml"); err == nil {
		f.Add(string(data))
	}
	for _, seed := range hostileYAMLSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		defer fuzzbudget.Start(t, len(doc))()
		c, err := DecodeCaseYAML(strings.NewReader(doc))
		if err != nil {
			var ge *guidance.Error
			if !errors.As(err, &ge) {
				t.Fatalf("not a *guidance.Error: %T", err)
			}
			if ge.Kind != guidance.Invalid {
				t.Fatalf("kind %v, want invalid", ge.Kind)
			}
			for _, r := range ge.Field {
				if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789_-.[]() ", r) {
					t.Fatalf("field %q is not a JSON path", ge.Field)
				}
			}
			return
		}
		js, _, err := yamlToJSON([]byte(doc))
		if err != nil {
			t.Fatalf("decoded, but the conversion fails: %v", err)
		}
		again, err := DecodeCase(bytes.NewReader(js))
		if err != nil {
			t.Fatalf("decoded, but its JSON form does not: %v", err)
		}
		if !assert.ObjectsAreEqual(c, again) {
			t.Fatalf("the YAML and its JSON form decode differently")
		}
	})
}

// TestREADME_CaseFileExamplesAgree: the YAML and JSON examples of "Writing
// a case file" in README.md are the same case, and the schema accepts it.
func TestREADME_CaseFileExamplesAgree(t *testing.T) {
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, sec, ok := strings.Cut(string(b), "### Writing a case file")
	require.True(t, ok, "README has a section Writing a case file")
	_, y, ok := strings.Cut(sec, "```yaml\n")
	require.True(t, ok)
	y, rest, ok := strings.Cut(y, "```")
	require.True(t, ok)
	_, js, ok := strings.Cut(rest, "The same in JSON: `")
	require.True(t, ok)
	js, _, ok = strings.Cut(js, "`")
	require.True(t, ok)

	fromYAML, err := DecodeCaseYAML(strings.NewReader(y))
	require.NoError(t, err)
	fromJSON, err := DecodeCase(strings.NewReader(js))
	require.NoError(t, err)
	assert.Equal(t, fromJSON, fromYAML)
	assert.Len(t, fromJSON.Meetings, 1)

	s := compileSchemas(t)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(js))
	require.NoError(t, err)
	assert.NoError(t, s.caseS.Validate(inst))
}

// BenchmarkDecodeCaseYAML decodes the sample YAML case; BenchmarkDecodeCase
// in JSON form is the baseline (the YAML is converted, then decoded as JSON).
func BenchmarkDecodeCaseYAML(b *testing.B) {
	data, err := os.ReadFile("examples/cases/review-variation-2021.yaml")
	require.NoError(b, err)
	js, _, err := yamlToJSON(data)
	require.NoError(b, err)
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeCaseYAML(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeCase(bytes.NewReader(js)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
