package strictjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// TypeError describes te, an error encoding/json returned while decoding
// data into a value of type t, without its Go names or the input: field is
// the JSON path of the value at fault built from t's JSON names
// ("child.mode", "attendance[2].agency"; "" for the whole document), and
// hint says what kind of JSON value was expected and what kind was given
// ("expected a JSON string, got a number"). encoding/json's own Field holds
// Go names of embedded structs ("child.Participation.mode") and no list
// indexes, and its Value may hold the number given, so neither is used.
func TypeError(data []byte, t reflect.Type, te *json.UnmarshalTypeError) (field, hint string) {
	field, _ = Locate(data, t, te.Offset)
	return field, "expected a JSON " + expected(te.Type) + ", got " + given(te.Value)
}

// Locate returns the JSON path of the innermost value of data (decoded into
// type t) that spans byte offset off, as encoding/json reports offsets in
// its errors. Object keys are named by the field of t they decode into; a
// key that matches no field and does not look like a field name (see
// UnknownField) may be personal data, so the path then ends at its parent.
// It reports false if data is not JSON or no value spans off.
func Locate(data []byte, t reflect.Type, off int64) (string, bool) {
	l := locator{dec: json.NewDecoder(bytes.NewReader(data)), off: off}
	p, ok, _ := l.value(t, "", false)
	return p, ok
}

type locator struct {
	dec *json.Decoder
	off int64
}

// value reads one value of type t (nil when unknown) at path, and returns the
// path of the innermost value spanning l.off, if this one spans it. frozen
// is set below a key that is not quoted: the path then stays at its parent.
func (l *locator) value(t reflect.Type, path string, frozen bool) (string, bool, error) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	before := l.dec.InputOffset()
	tok, err := l.dec.Token()
	if err != nil {
		return "", false, err
	}
	if d, ok := tok.(json.Delim); ok {
		switch d {
		case '{':
			for l.dec.More() {
				kt, err := l.dec.Token()
				if err != nil {
					return "", false, err
				}
				key, _ := kt.(string)
				var ft reflect.Type
				child, froze := path, true
				switch {
				case frozen:
				case t != nil && t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(textUnmarshalerType):
					name, typ, ok := fieldOf(t, key)
					if ok {
						child, ft, froze = join(path, name), typ, false
					} else if fieldName(key) {
						child, froze = join(path, key), false
					}
				case fieldName(key):
					child, froze = join(path, key), false
				}
				if p, ok, err := l.value(ft, child, froze); ok || err != nil {
					return p, ok, err
				}
			}
		case '[':
			var et reflect.Type
			if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
				et = t.Elem()
			}
			for i := 0; l.dec.More(); i++ {
				elem := path
				if !frozen {
					elem = path + "[" + strconv.Itoa(i) + "]"
				}
				if p, ok, err := l.value(et, elem, frozen); ok || err != nil {
					return p, ok, err
				}
			}
		}
		if _, err := l.dec.Token(); err != nil { // the closing delimiter
			return "", false, err
		}
	}
	if before < l.off && l.off <= l.dec.InputOffset() {
		return path, true, nil
	}
	return "", false, nil
}

// expected names the JSON kind a Go type decodes from.
func expected(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return "string"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.String:
		return "string"
	}
	return "value"
}

// given names the kind of JSON value encoding/json describes in an
// UnmarshalTypeError's Value ("number", "number 1234.5", "string",
// "array"...), never the value itself.
func given(value string) string {
	kind, _, _ := strings.Cut(value, " ")
	switch kind {
	case "number":
		return "a number"
	case "string":
		return "a string"
	case "array":
		return "an array"
	case "object":
		return "an object"
	case "bool":
		return "true or false"
	case "null":
		return "null"
	}
	return "another kind of value"
}
