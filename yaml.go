package cpguide

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/internal/yamljson"
)

// DecodeCaseYAML reads one case as YAML, in the same format as DecodeCase
// (schema/case.schema.json describes both). The YAML is turned into JSON and
// decoded by DecodeCase, so it is exactly as strict, and errors are the same
// *guidance.Error of kind Invalid naming the JSON path at fault
// ("meetings[1].held"), with the line of the YAML document in the hint.
//
// Scalars keep the type YAML resolves for them: text (quoted or not, so an
// unquoted 2026-06-15 or "no" is text, as the format expects), integers and
// floats become numbers, true and false booleans, null and ~ null. The
// document must be one YAML document; mapping keys must be text; anchors,
// aliases, merge keys and tags other than the core ones are refused. Errors
// never quote the input, which holds personal data.
func DecodeCaseYAML(r io.Reader) (Case, error) {
	data, err := strictjson.ReadAll(r, "input")
	if err != nil {
		return Case{}, err
	}
	js, root, err := yamlToJSON(data)
	if err != nil {
		return Case{}, err
	}
	c, err := DecodeCase(bytes.NewReader(js))
	if err != nil {
		return Case{}, withLine(root, err)
	}
	return c, nil
}

// isYAML reports whether a file name has a YAML extension (.yaml or .yml).
func isYAML(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

func yamlToJSON(data []byte) ([]byte, *yaml.Node, error) { return yamljson.ToJSON(data) }

func withLine(root *yaml.Node, err error) error { return yamljson.WithLine(root, err) }
