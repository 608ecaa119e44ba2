package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Encode is the library's one explicit export path for values that hold
// personal data (cpguide.MarshalCase, the register's stores): it writes v as
// the JSON that Decode reads, field by field, by the fields' JSON names and
// options (omitempty, omitzero), and ignores every MarshalJSON method on
// the way. The types that hold personal data redact themselves in
// json.Marshal (and in fmt and log/slog) so that a value logged or printed
// by accident leaks nothing; Encode is what a program calls on purpose to
// keep the data. A type with a MarshalText method (dates) is written as its
// text, a json.RawMessage as it is. Strings are escaped as encoding/json
// escapes them (HTML-safe, invalid UTF-8 as U+FFFD).
//
// How each type is written is worked out once per type and cached, as
// encoding/json does, so that the stores' encodings cost no reflection
// over struct tags per value.
func Encode(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	if rv.Kind() != reflect.Pointer {
		// An addressable copy, so that text fields are reached through
		// pointers: no allocation per field to call their methods.
		p := reflect.New(rv.Type()).Elem()
		p.Set(rv)
		rv = p
	}
	bp := buffers.Get().(*[]byte)
	b, err := encoderOf(rv.Type())((*bp)[:0], rv)
	var out []byte
	if err == nil {
		out = bytes.Clone(b)
	}
	if cap(b) <= 64<<10 {
		*bp = b
		buffers.Put(bp)
	}
	return out, err
}

// A StringFormer is a record that Encode writes as a JSON string when it
// came from the string form (see StringForm): ok reports whether to.
type StringFormer interface {
	MarshalStringForm() (s string, ok bool)
}

// buffers holds scratch space for Encode, which returns a copy of exactly
// the bytes written.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// An encoder appends the JSON of v, whose type it was made for, to b.
type encoder func(b []byte, v reflect.Value) ([]byte, error)

var (
	stringFormer  = reflect.TypeFor[StringFormer]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	rawMessage    = reflect.TypeFor[json.RawMessage]()
	isZeroer      = reflect.TypeFor[interface{ IsZero() bool }]()

	encoders sync.Map // reflect.Type -> encoder
)

// encoderOf returns the cached encoder of t, making it on first use. A
// recursive type finds its own encoder through an indirection that waits
// until the encoder is made.
func encoderOf(t reflect.Type) encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(encoder)
	}
	var (
		wg sync.WaitGroup
		e  encoder
	)
	wg.Add(1)
	stub, loaded := encoders.LoadOrStore(t, encoder(func(b []byte, v reflect.Value) ([]byte, error) {
		wg.Wait()
		return e(b, v)
	}))
	if loaded {
		return stub.(encoder)
	}
	e = newEncoder(t)
	wg.Done()
	encoders.Store(t, e)
	return e
}

func newEncoder(t reflect.Type) encoder {
	if t == rawMessage {
		return encodeRaw
	}
	if t.Kind() == reflect.Struct && t.Implements(stringFormer) {
		fields := structEncoder(t)
		return func(b []byte, v reflect.Value) ([]byte, error) {
			if s, ok := v.Interface().(StringFormer).MarshalStringForm(); ok {
				return appendString(b, s), nil
			}
			return fields(b, v)
		}
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && t.Implements(textMarshaler) {
		return encodeText
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := encoderOf(t.Elem())
		return func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, "null"...), nil
			}
			return elem(b, v.Elem())
		}
	case reflect.Interface:
		return func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, "null"...), nil
			}
			e := v.Elem()
			return encoderOf(e.Type())(b, e)
		}
	case reflect.String:
		return func(b []byte, v reflect.Value) ([]byte, error) { return appendString(b, v.String()), nil }
	case reflect.Bool:
		return func(b []byte, v reflect.Value) ([]byte, error) { return strconv.AppendBool(b, v.Bool()), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value) ([]byte, error) { return strconv.AppendInt(b, v.Int(), 10), nil }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(b []byte, v reflect.Value) ([]byte, error) { return strconv.AppendUint(b, v.Uint(), 10), nil }
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(b []byte, v reflect.Value) ([]byte, error) {
			return strconv.AppendFloat(b, v.Float(), 'g', -1, bits), nil
		}
	case reflect.Slice, reflect.Array:
		return sliceEncoder(t)
	case reflect.Map:
		return mapEncoder(t)
	case reflect.Struct:
		return structEncoder(t)
	}
	return func([]byte, reflect.Value) ([]byte, error) { return nil, &json.UnsupportedTypeError{Type: t} }
}

func encodeRaw(b []byte, v reflect.Value) ([]byte, error) {
	if v.Len() == 0 {
		return append(b, "null"...), nil
	}
	return append(b, v.Bytes()...), nil
}

func encodeText(b []byte, v reflect.Value) ([]byte, error) {
	if v.CanAddr() {
		if a, ok := v.Addr().Interface().(encoding.TextAppender); ok {
			return appendText(b, a)
		}
	}
	txt, err := v.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return nil, err
	}
	return appendString(b, string(txt)), nil
}

// appendText appends a's text quoted: in place when it needs no escaping
// (dates and times never do), else through appendString.
func appendText(b []byte, a encoding.TextAppender) ([]byte, error) {
	start := len(b)
	b, err := a.AppendText(append(b, '"'))
	if err != nil {
		return nil, err
	}
	for _, c := range b[start+1:] {
		if c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			txt := string(b[start+1:])
			return appendString(b[:start], txt), nil
		}
	}
	return append(b, '"'), nil
}

func sliceEncoder(t reflect.Type) encoder {
	elem := encoderOf(t.Elem())
	slice := t.Kind() == reflect.Slice
	return func(b []byte, v reflect.Value) ([]byte, error) {
		if slice && v.IsNil() {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = elem(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	}
}

// mapEncoder writes a map with its keys (strings) in order.
func mapEncoder(t reflect.Type) encoder {
	elem := encoderOf(t.Elem())
	return func(b []byte, v reflect.Value) ([]byte, error) {
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
			if b, err = elem(b, v.MapIndex(k)); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
}

// A fieldEncoder writes one field of a struct: its quoted name and colon,
// worked out once, and its value, unless its options omit it.
type fieldEncoder struct {
	key       []byte // "name":
	index     []int
	omitEmpty bool
	omitZero  bool
	zeroer    bool // the field's type has an IsZero method
	enc       encoder
}

func structEncoder(t reflect.Type) encoder {
	fs := fieldsOf(t)
	list := make([]fieldEncoder, len(fs.list))
	for i, f := range fs.list {
		fe := fieldEncoder{key: append(appendString(nil, f.name), ':'), index: f.index, zeroer: f.t.Implements(isZeroer), enc: encoderOf(f.t)}
		for o := range strings.SplitSeq(f.opts, ",") {
			switch o {
			case "omitempty":
				fe.omitEmpty = true
			case "omitzero":
				fe.omitZero = true
			}
		}
		list[i] = fe
	}
	return func(b []byte, v reflect.Value) ([]byte, error) {
		b = append(b, '{')
		first := true
		for i := range list {
			f := &list[i]
			fv, ok := fieldValue(v, f.index)
			if !ok || f.omitEmpty && isEmpty(fv) || f.omitZero && isZero(fv, f.zeroer) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, f.key...)
			var err error
			if b, err = f.enc(b, fv); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
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

// isZero is the option omitzero: a value with an IsZero method (zeroer:
// its static type has one) is zero if the method says so (a nil pointer is
// not asked, and is kept), any other if it is its type's zero value.
func isZero(v reflect.Value, zeroer bool) bool {
	if zeroer || v.Kind() == reflect.Interface && !v.IsNil() && v.Elem().Type().Implements(isZeroer) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return false
		}
		return v.Interface().(interface{ IsZero() bool }).IsZero()
	}
	return v.IsZero()
}

// isEmpty is the option omitempty: false, 0, a nil pointer or interface,
// an empty string, slice, map or array.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	}
	return false
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted as encoding/json quotes it: '"' and '\\'
// escaped, control characters as \b, \f, \n, \r, \t or \u00XX, '<', '>'
// and '&' as \u003c, \u003e and \u0026, U+2028 and U+2029 escaped, and
// each byte of invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
