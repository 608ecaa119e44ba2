// Package yamljson turns one YAML document into JSON for the strict JSON
// decoder (internal/strictjson), so that a YAML case file, scenario or
// overlay is exactly as strict as its JSON form: scalars keep the type YAML
// resolves for them; anchors, aliases, merge keys, non-text keys, tags other
// than the core ones and second documents are refused. Errors name the JSON
// path and the YAML line, never the input, which holds personal data.
package yamljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/strictjson"
)

// maxYAMLDepth bounds how deeply a YAML document may nest. The case format
// is under ten levels deep; the bound keeps a hostile document from
// recursing far.
const maxYAMLDepth = 64

func invalid(field, hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint}
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// ToJSON converts one YAML document to JSON. It returns the document's
// root node too, for WithLine.
func ToJSON(data []byte) ([]byte, *yaml.Node, error) { return yamlToJSON(data) }

// WithLine adds to a decoding error naming a JSON path the line of the YAML
// document (under root) where that path is.
func WithLine(root *yaml.Node, err error) error { return withLine(root, err) }

// MaxMarks bounds the structural marks of a YAML document (the limit
// "yaml_marks" of the table of limits in README.md): commas, colons, opening
// brackets and braces, "- " and line breaks, each counted wherever it is.
// A document has fewer than twice as many nodes as marks, so the bound is
// checked before the YAML parser builds its tree (about 400 bytes a node):
// 16 MiB of "[1,1,1,...]" is refused at once instead of taking gigabytes.
// The largest sample case has about 500 marks.
const MaxMarks = 100_000

// marks counts the structural marks of data (see MaxMarks), stopping past
// max.
func marks(data []byte, max int) int {
	n := 0
	for i, c := range data {
		switch c {
		case ',', ':', '[', '{', '\n':
			n++
		case '-':
			if i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n' || data[i+1] == '\t' {
				n++
			}
		default:
			continue
		}
		if n > max {
			break
		}
	}
	return n
}

// yamlToJSON converts one YAML document to JSON. It returns the document's
// root node too, for withLine.
func yamlToJSON(data []byte) ([]byte, *yaml.Node, error) {
	if len(data) > strictjson.Default.Bytes {
		return nil, nil, invalid("input", "too large: at most 16 MiB (limit bytes)")
	}
	if marks(data, MaxMarks) > MaxMarks {
		return nil, nil, invalid("input", "too many YAML items, keys and lines: at most "+strconv.Itoa(MaxMarks)+" commas, colons, brackets, dashes and line breaks (limit yaml_marks)")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, invalid("input", "the YAML document is empty: give a mapping of fields")
		}
		return nil, nil, yamlSyntaxError(err)
	}
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == nil:
		return nil, nil, yamlErr("input", more.Line, "give exactly one YAML document: remove the second document (after ---)")
	case !errors.Is(err, io.EOF):
		return nil, nil, yamlSyntaxError(err)
	}
	root := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		root = doc.Content[0]
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/4)
	if err := writeJSON(&b, root, "", 0); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), root, nil
}

// yamlLine finds the line in a parser's message; it is compiled on first
// use, since most documents parse.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line ([0-9]+)`) })

// yamlSyntaxError reports a YAML parse error by its line only: the
// parser's messages may quote the input.
func yamlSyntaxError(err error) error {
	line := 0
	if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return yamlErr("input", line, "the YAML is malformed: check the indentation, colons and quotes")
}

// yamlErr is an Invalid error at the JSON path field, at line of the YAML
// document (0 when unknown).
func yamlErr(field string, line int, hint string) error {
	if field == "" {
		field = "input"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint + atLine(line)}
}

func atLine(line int) string {
	if line <= 0 {
		return ""
	}
	return " (YAML line " + strconv.Itoa(line) + ")"
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// safeKey returns key if it may be named in an error (strictjson.SafeKey),
// else a placeholder: a misplaced key may be personal data and is never
// quoted.
func safeKey(key string) string {
	if strictjson.SafeKey(key) {
		return key
	}
	return "(unknown field)"
}

// writeJSON writes n as JSON to b. path is n's JSON path.
func writeJSON(b *bytes.Buffer, n *yaml.Node, path string, depth int) error {
	if depth > maxYAMLDepth {
		return yamlErr(path, n.Line, "the YAML nests too deeply")
	}
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return yamlErr(path, n.Line, "anchors (&) and aliases (*) are not accepted: write the value out in full")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		// An empty document (only comments).
		return yamlErr(path, n.Line, "the YAML document is empty: give a mapping of fields")
	case yaml.MappingNode:
		if n.Tag != "!!map" {
			return yamlErr(path, n.Line, "remove the tag: give a plain mapping")
		}
		b.WriteByte('{')
		seen := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Anchor != "" || k.Kind == yaml.AliasNode {
				return yamlErr(path, k.Line, "anchors (&) and aliases (*) are not accepted: write the value out in full")
			}
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return yamlErr(path, k.Line, "merge keys (<<) and complex keys are not accepted: write each field out")
			}
			if k.Tag != "!!str" {
				return yamlErr(path, k.Line, "a field name must be text (lower case with underscores), not a number, boolean or null")
			}
			p := joinKey(path, safeKey(k.Value))
			if seen[k.Value] {
				return yamlErr(p, k.Line, "the field is given twice in this mapping: keep one")
			}
			seen[k.Value] = true
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k.Value)
			b.WriteByte(':')
			if err := writeJSON(b, v, p, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		if n.Tag != "!!seq" {
			return yamlErr(path, n.Line, "remove the tag: give a plain list")
		}
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e, index(path, i), depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		return writeScalar(b, n, path)
	default:
		return yamlErr(path, n.Line, "this YAML value cannot be read")
	}
	return nil
}

// writeScalar writes a scalar by its resolved tag.
func writeScalar(b *bytes.Buffer, n *yaml.Node, path string) error {
	switch n.Tag {
	case "!!str", "!!timestamp":
		// A timestamp is text in the case format: the date decoders check
		// it, with the JSON path.
		writeString(b, n.Value)
	case "!!null":
		b.WriteString("null")
	case "!!bool":
		var v bool
		if err := n.Decode(&v); err != nil {
			return yamlErr(path, n.Line, "give true or false")
		}
		b.WriteString(strconv.FormatBool(v))
	case "!!int":
		var v any
		if err := n.Decode(&v); err != nil {
			return yamlErr(path, n.Line, "give a whole number in range")
		}
		switch v := v.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case uint64:
			b.WriteString(strconv.FormatUint(v, 10))
		case float64:
			return writeFloat(b, v, n, path)
		default:
			return yamlErr(path, n.Line, "give a whole number in range")
		}
	case "!!float":
		var v float64
		if err := n.Decode(&v); err != nil {
			return yamlErr(path, n.Line, "give a number")
		}
		return writeFloat(b, v, n, path)
	default:
		return yamlErr(path, n.Line, "remove the tag: give text, a number, true, false or null")
	}
	return nil
}

func writeFloat(b *bytes.Buffer, v float64, n *yaml.Node, path string) error {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return yamlErr(path, n.Line, "give a finite number (.inf and .nan have no JSON form)")
	}
	b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	return nil
}

// writeString writes s as a JSON string.
func writeString(b *bytes.Buffer, s string) {
	enc, err := json.Marshal(s)
	if err != nil {
		// json.Marshal of a string cannot fail: invalid UTF-8 is replaced.
		b.WriteString(`""`)
		return
	}
	b.Write(enc)
}

// withLine adds to a *guidance.Error from decoding the JSON form of the
// YAML document root the line of the field it names (or of the nearest
// enclosing field the document has). Other errors, and errors when root is
// nil (the document was JSON), are returned unchanged.
func withLine(root *yaml.Node, err error) error {
	var ge *guidance.Error
	if root == nil || !errors.As(err, &ge) {
		return err
	}
	field := ge.Field
	if field == "input" || field == "(document)" {
		field = ""
	}
	line := lineOf(root, field)
	if line == 0 {
		return err
	}
	out := *ge
	out.Hint += atLine(line)
	return &out
}

// lineOf returns the line of the node at the JSON path p under root, or of
// its nearest ancestor that exists; 0 if none.
func lineOf(root *yaml.Node, p string) int {
	n, line := root, root.Line
	for p != "" {
		var key string
		idx := -1
		if p[0] == '[' {
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return line
			}
			i, err := strconv.Atoi(p[1:end])
			if err != nil {
				return line
			}
			idx, p = i, p[end+1:]
		} else {
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			key, p = p[:end], p[end:]
		}
		p = strings.TrimPrefix(p, ".")
		switch {
		case idx >= 0 && n.Kind == yaml.SequenceNode && idx < len(n.Content):
			n = n.Content[idx]
			line = n.Line
		case idx < 0 && n.Kind == yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					line, n, found = n.Content[i].Line, n.Content[i+1], true
					break
				}
			}
			if !found {
				return line
			}
		default:
			return line
		}
	}
	return line
}
