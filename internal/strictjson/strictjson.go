// Package strictjson decodes JSON documents strictly for the library's
// decoders (plans, core groups): exactly one object, no unknown keys, values of
// the right JSON type, with errors of kind guidance.Invalid that name the JSON
// path at fault and never quote the value, which may be personal data.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

var dateType = reflect.TypeFor[guidance.Date]()

// Decode decodes data into v (a pointer to a struct) and rejects
// anything but a single JSON object whose keys are exactly the JSON names of
// v's fields, with values of the right JSON type. Errors are *guidance.Error
// of kind Invalid naming the JSON path at fault; they never quote the
// offending value, which may be personal data.
func Decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return syntaxError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &guidance.Error{Kind: guidance.Invalid, Field: "(document)",
			Hint: "the input holds more than one JSON value: give exactly one object"}
	}
	t := reflect.TypeOf(v).Elem()
	if raw == nil {
		return &guidance.Error{Kind: guidance.Invalid, Field: "(document)", Hint: "give a JSON object, not null"}
	}
	if err := walk(raw, t, ""); err != nil {
		return err
	}
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		// walk accepted the shape, so this is a value the field's own
		// decoder refused.
		return &guidance.Error{Kind: guidance.Invalid, Field: "(document)", Hint: "a value could not be decoded; check the dates and numbers"}
	}
	return nil
}

func syntaxError(err error) error {
	var se *json.SyntaxError
	hint := "the input is not valid JSON"
	value := ""
	if errors.As(err, &se) {
		value = "offset " + strconv.FormatInt(se.Offset, 10)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		hint = "the input is empty or ends early: give one JSON object"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: "(document)", Value: value, Hint: hint}
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func bad(path, hint string) error {
	if path == "" {
		path = "(document)"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: path, Hint: hint}
}

// walk checks raw (decoded with UseNumber) against type t.
func walk(raw any, t reflect.Type, path string) error {
	if raw == nil {
		return nil // null leaves the zero value
	}
	if t.Kind() == reflect.Pointer {
		return walk(raw, t.Elem(), path)
	}
	if t == dateType {
		s, ok := raw.(string)
		if !ok {
			return bad(path, "give a date as a string, YYYY-MM-DD")
		}
		if s == "" {
			return nil
		}
		if _, err := guidance.ParseDate(s); err != nil {
			return bad(path, "give a real calendar date as YYYY-MM-DD")
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if _, ok := raw.(string); !ok {
			return bad(path, "give text (a JSON string)")
		}
	case reflect.Bool:
		if _, ok := raw.(bool); !ok {
			return bad(path, "give true or false")
		}
	case reflect.Int:
		n, ok := raw.(json.Number)
		if !ok {
			return bad(path, "give a whole number")
		}
		if _, err := strconv.Atoi(string(n)); err != nil {
			return bad(path, "give a whole number")
		}
	case reflect.Slice:
		arr, ok := raw.([]any)
		if !ok {
			return bad(path, "give a list (a JSON array)")
		}
		for i, el := range arr {
			if err := walk(el, t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Struct:
		obj, ok := raw.(map[string]any)
		if !ok {
			return bad(path, "give an object (a JSON object)")
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			i, ok := fields[k]
			if !ok {
				if !fieldName(k) {
					// The key may be personal data: name its parent.
					return bad(path, "unknown field: remove it or correct its name (names are lower case with underscores)")
				}
				return bad(join(path, k), "unknown field: remove it or correct its name (names are lower case with underscores)")
			}
			if err := walk(obj[k], t.Field(i).Type, join(path, k)); err != nil {
				return err
			}
		}
	default:
		return bad(path, "unsupported value")
	}
	return nil
}

// jsonFields maps each JSON name of struct type t to its field index.
func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
	}
	return m
}
