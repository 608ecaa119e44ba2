package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Encode is the library's one explicit export path for values that hold
// personal data (cpguide.MarshalCase, the register's stores): it writes v as
// the JSON that Decode reads, field by field, by the fields' JSON names and
// options (omitempty, omitzero), and ignores every MarshalJSON method on
// the way. The types that hold personal data redact themselves in
// json.Marshal (and in fmt and log/slog) so that a value logged or printed
// by accident leaks nothing; Encode is what a program calls on purpose to
// keep the data. A type with a MarshalText method (dates) is written as its
// text, a json.RawMessage as it is.
func Encode(v any) ([]byte, error) {
	var b []byte
	return encodeValue(b, reflect.ValueOf(v))
}

// A StringFormer is a record that Encode writes as a JSON string when it
// came from the string form (see StringForm): ok reports whether to.
type StringFormer interface {
	MarshalStringForm() (s string, ok bool)
}

var (
	stringFormer  = reflect.TypeFor[StringFormer]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	rawMessage    = reflect.TypeFor[json.RawMessage]()
)

func encodeValue(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() {
		return append(b, "null"...), nil
	}
	t := v.Type()
	if t == rawMessage {
		if v.Len() == 0 {
			return append(b, "null"...), nil
		}
		return append(b, v.Bytes()...), nil
	}
	if t.Kind() == reflect.Struct && t.Implements(stringFormer) {
		if s, ok := v.Interface().(StringFormer).MarshalStringForm(); ok {
			return appendString(b, s), nil
		}
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && t.Implements(textMarshaler) {
		txt, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return nil, err
		}
		return appendString(b, string(txt)), nil
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return encodeValue(b, v.Elem())
	case reflect.String:
		return appendString(b, v.String()), nil
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.AppendFloat(b, v.Float(), 'g', -1, t.Bits()), nil
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = encodeValue(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case reflect.Map:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(appendString(b, k.String()), ':')
			var err error
			if b, err = encodeValue(b, v.MapIndex(k)); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case reflect.Struct:
		b = append(b, '{')
		first := true
		for _, f := range fieldsOf(t).list {
			sf := t.FieldByIndex(f.index)
			fv, ok := fieldValue(v, f.index)
			if !ok {
				continue
			}
			_, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if omit(fv, opts) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(appendString(b, f.name), ':')
			var err error
			if b, err = encodeValue(b, fv); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	return nil, &json.UnsupportedTypeError{Type: t}
}

// fieldValue is v.FieldByIndex, false through a nil embedded pointer.
func fieldValue(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// omit applies the options omitempty and omitzero of a field's tag.
func omit(v reflect.Value, opts string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		switch o {
		case "omitzero":
			if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
				if (v.Kind() != reflect.Pointer || !v.IsNil()) && z.IsZero() {
					return true
				}
			} else if v.IsZero() {
				return true
			}
		case "omitempty":
			switch v.Kind() {
			case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
				if v.Len() == 0 {
					return true
				}
			case reflect.Bool:
				if !v.Bool() {
					return true
				}
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				if v.Int() == 0 {
					return true
				}
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				if v.Uint() == 0 {
					return true
				}
			case reflect.Float32, reflect.Float64:
				if v.Float() == 0 {
					return true
				}
			case reflect.Pointer, reflect.Interface:
				if v.IsNil() {
					return true
				}
			}
		}
	}
	return false
}

func appendString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // cannot fail for a string
	return append(b, q...)
}
