// Package strictjson is the library's one strict JSON decoder: every
// package's decoder (cases, meetings, plans, core groups, register events,
// scenarios, overlays) decodes through [Decode].
//
// It is stricter than encoding/json: the input is exactly one JSON value; an
// object's keys are exactly the JSON names of the Go fields (no unknown key,
// no key that differs from a field's name only in case, no key given twice);
// every value has the JSON type of its field; nesting is bounded by
// [MaxDepth]. Errors are *guidance.Error of kind guidance.Invalid whose
// Field is the full JSON path at fault ("meetings[0].held",
// "register[2].type") and whose Hint says what was expected ("expected a
// date YYYY-MM-DD"). They never quote a value from the input, which holds
// personal data; a key is named only when it is a field's name or looks
// like one (see [SafeKey]).
//
// It reads the input once, token by token, and sets each value as it goes:
// time and memory are linear in the size of the input. It enforces the one
// table of limits ([Default]: size, nesting, list lengths, string lengths,
// references) as it reads; [ReadAll] is the one capped reader of every
// input; [Encode] is the explicit export path that keeps personal data.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// MaxDepth bounds how deeply objects and arrays may nest. The library's
// formats are under ten levels deep. It is Default.Depth.
const MaxDepth = 64

// ReadAll reads r up to the size limit (Default.Bytes, 16 MiB): every input
// the library and the CLI read goes through it, so an endless input
// (/dev/zero) is refused after 16 MiB. A longer input is an error of kind
// guidance.Invalid at field; a read error is of kind guidance.Other.
func ReadAll(r io.Reader, field string) ([]byte, error) {
	max := Default.Bytes
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, &guidance.Error{Kind: guidance.Other, Field: field, Hint: "the input could not be read", Err: err}
	}
	if len(data) > max {
		return nil, tooBig(field)
	}
	return data, nil
}

func tooBig(field string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: "too large: at most " + strconv.Itoa(Default.Bytes>>20) + " MiB (limit bytes)"}
}

// Document is the Field of an error about the input as a whole: it is not
// JSON, it is empty, or it holds more than one value.
const Document = "input"

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	stringForm      = reflect.TypeFor[StringForm]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[guidance.Date]()
	timeType        = reflect.TypeFor[interface{ UnixNano() int64 }]()
)

// Decode decodes data, exactly one JSON value, into v, a non-nil pointer.
// A top-level null is refused. See the package documentation for what it
// refuses; every error is a *guidance.Error of kind guidance.Invalid.
func Decode(data []byte, v any) error { return decode(data, v, &Default) }

func decode(data []byte, v any, lim *Limits) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	if len(data) > lim.Bytes {
		return tooBig(Document)
	}
	d := decoder{dec: json.NewDecoder(bytes.NewReader(data)), lim: lim}
	d.dec.UseNumber()
	tok, err := d.dec.Token()
	if err != nil {
		return d.syntax(err)
	}
	if tok == nil {
		return d.fail(expectedNotNull(rv.Elem().Type()))
	}
	if err := d.value(rv.Elem(), tok); err != nil {
		return err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return &guidance.Error{Kind: guidance.Invalid, Field: Document, Hint: "give exactly one JSON value, with nothing after it"}
	}
	return nil
}

// SafeKey reports whether an object key may be named in an error: short
// (at most 40 bytes) and made of lower-case letters, digits, "_" and "-",
// as the library's field names are. Any other key may be personal data
// typed in the wrong place, and is described as "an unknown key".
func SafeKey(k string) bool {
	if k == "" || len(k) > 40 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// step is one step of a JSON path: an object key or an array index.
type step struct {
	key   string
	index int // -1 for a key
}

type decoder struct {
	dec   *json.Decoder
	lim   *Limits
	path  []step
	depth int
}

// key is the field name the current value is under: the last key of the
// path ("" at the top).
func (d *decoder) key() string {
	for i := len(d.path) - 1; i >= 0; i-- {
		if d.path[i].index < 0 {
			return d.path[i].key
		}
	}
	return ""
}

// text checks a string of the input against the limits of its field.
func (d *decoder) text(s string) error {
	if hint := d.lim.checkString(d.key(), s); hint != "" {
		return d.fail(hint)
	}
	return nil
}

// pathString formats the path; only errors need it, so good input never
// pays for it.
func (d *decoder) pathString() string {
	var b strings.Builder
	for _, s := range d.path {
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	if b.Len() == 0 {
		return Document
	}
	return b.String()
}

// fail is an error at the current path.
func (d *decoder) fail(hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: hint}
}

// failAt is an error at key (a field name, or a safe key) of the current path.
func (d *decoder) failAt(key, hint string) error {
	d.path = append(d.path, step{key: key, index: -1})
	err := d.fail(hint)
	d.path = d.path[:len(d.path)-1]
	return err
}

// syntax turns an error of the tokenizer into one that names where it is
// and never quotes the input.
func (d *decoder) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON is malformed at byte " + strconv.FormatInt(se.Offset, 10)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON is empty or ends too early"}
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON could not be read"}
}

func (d *decoder) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.syntax(err)
	}
	return tok, nil
}

// A StringForm is a record that a document may also give as a JSON string:
// an older, shorter form of the same record (a date where an object now
// stands). When the value is a string the decoder passes it to
// UnmarshalStringForm, and reports an error at the value's JSON path; any
// other value decodes as the record's fields, as strictly as ever.
type StringForm interface {
	UnmarshalStringForm(s string) error
}

func isString(tok json.Token) bool {
	_, ok := tok.(string)
	return ok
}

// value decodes the value that starts with tok into v, which is settable.
func (d *decoder) value(v reflect.Value, tok json.Token) error {
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if tok == nil {
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		return d.value(v.Elem(), tok)
	}
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(stringForm) && isString(tok):
		s := tok.(string)
		if err := d.text(s); err != nil {
			return err
		}
		if err := v.Addr().Interface().(StringForm).UnmarshalStringForm(s); err != nil {
			return d.fail(textHint(t, err))
		}
		return nil
	case pt.Implements(jsonUnmarshaler):
		raw, err := d.capture(tok)
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.fail(expected(t))
		}
		return nil
	case pt.Implements(textUnmarshaler):
		if tok == nil {
			return nil
		}
		s, ok := tok.(string)
		if !ok {
			return d.mismatch(t, tok)
		}
		if err := d.text(s); err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return d.fail(textHint(t, err))
		}
		return nil
	}
	if tok == nil {
		switch t.Kind() {
		case reflect.Slice, reflect.Map, reflect.Interface:
			v.SetZero()
		}
		return nil // as encoding/json: null leaves any other value as it is
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return d.mismatch(t, tok)
		}
		if err := d.text(s); err != nil {
			return err
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return d.mismatch(t, tok)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return d.mismatch(t, tok)
		}
		i, err := strconv.ParseInt(string(n), 10, t.Bits())
		if err != nil {
			return d.fail(rangeHint(t, err))
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := tok.(json.Number)
		if !ok {
			return d.mismatch(t, tok)
		}
		i, err := strconv.ParseUint(string(n), 10, t.Bits())
		if err != nil {
			return d.fail(rangeHint(t, err))
		}
		v.SetUint(i)
	case reflect.Float32, reflect.Float64:
		n, ok := tok.(json.Number)
		if !ok {
			return d.mismatch(t, tok)
		}
		f, err := strconv.ParseFloat(string(n), t.Bits())
		if err != nil {
			return d.fail(expected(t) + " in range")
		}
		v.SetFloat(f)
	case reflect.Slice:
		if tok != json.Delim('[') || t.Elem().Kind() == reflect.Uint8 {
			return d.mismatch(t, tok)
		}
		return d.slice(v)
	case reflect.Struct:
		if tok != json.Delim('{') {
			return d.mismatch(t, tok)
		}
		return d.object(v)
	case reflect.Map:
		if tok != json.Delim('{') || t.Key().Kind() != reflect.String {
			return d.mismatch(t, tok)
		}
		return d.mapping(v)
	case reflect.Interface:
		if t.NumMethod() != 0 {
			return d.fail("unsupported value")
		}
		raw, err := d.capture(tok)
		if err != nil {
			return err
		}
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			return d.fail("the value could not be decoded")
		}
		v.Set(reflect.ValueOf(&x).Elem())
	default:
		return d.fail("unsupported value")
	}
	return nil
}

// enter and leave count nesting.
func (d *decoder) enter() error {
	d.depth++
	if d.depth > d.lim.Depth {
		return d.fail("nested too deeply: at most " + strconv.Itoa(d.lim.Depth) + " levels of objects and arrays (limit depth)")
	}
	return nil
}

func (d *decoder) leave() error {
	d.depth--
	_, err := d.token() // the closing delimiter
	return err
}

func (d *decoder) slice(v reflect.Value) error {
	if err := d.enter(); err != nil {
		return err
	}
	if v.IsNil() {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	v.SetLen(0)
	zero := reflect.Zero(v.Type().Elem())
	max, name := d.lim.listLimit(d.key())
	for i := 0; d.dec.More(); i++ {
		if i >= max {
			return d.fail(tooMany(max, name))
		}
		tok, err := d.token()
		if err != nil {
			return err
		}
		v.Set(reflect.Append(v, zero))
		d.path = append(d.path, step{index: i})
		if err := d.value(v.Index(i), tok); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.leave()
}

func (d *decoder) object(v reflect.Value) error {
	if err := d.enter(); err != nil {
		return err
	}
	fs := fieldsOf(v.Type())
	var small [2]uint64
	seen := small[:]
	if n := (len(fs.list) + 63) / 64; n > len(small) {
		seen = make([]uint64, n)
	}
	for d.dec.More() {
		tok, err := d.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		i, ok := fs.byName[key]
		if !ok {
			if j, ok := fs.byFold[strings.ToLower(key)]; ok {
				name := fs.list[j].name
				return d.failAt(name, "a key differs from the field name only in case: write it "+strconv.Quote(name)+", exactly")
			}
			if SafeKey(key) {
				return d.failAt(key, "unknown field: remove it or correct its name"+fs.hint)
			}
			return d.fail("an unknown key: remove it or correct its name" + fs.hint)
		}
		f := &fs.list[i]
		if seen[i/64]&(1<<(i%64)) != 0 {
			return d.failAt(f.name, "the key is given twice in one object: give it once")
		}
		seen[i/64] |= 1 << (i % 64)
		vt, err := d.token()
		if err != nil {
			return err
		}
		d.path = append(d.path, step{key: f.name, index: -1})
		if err := d.value(fieldByIndex(v, f.index), vt); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.leave()
}

// fieldByIndex is v.FieldByIndex, allocating embedded pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

func (d *decoder) mapping(v reflect.Value) error {
	if err := d.enter(); err != nil {
		return err
	}
	t := v.Type()
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	seen := make(map[string]struct{})
	for d.dec.More() {
		tok, err := d.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if _, dup := seen[key]; dup {
			if SafeKey(key) {
				return d.failAt(key, "the key is given twice in one object: give it once")
			}
			return d.fail("a key is given twice in one object: give it once")
		}
		seen[key] = struct{}{}
		vt, err := d.token()
		if err != nil {
			return err
		}
		name := key
		if !SafeKey(key) {
			name = "(key)"
		}
		if len(key) > d.lim.Text {
			return d.fail("a key too long: at most " + strconv.Itoa(d.lim.Text) + " bytes (limit text)")
		}
		d.path = append(d.path, step{key: name, index: -1})
		e := reflect.New(t.Elem()).Elem()
		if err := d.value(e, vt); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		v.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	}
	return d.leave()
}

// capture rebuilds, as compact JSON, the value that starts with tok, for a
// type that decodes itself. Duplicate keys are refused in it too.
func (d *decoder) capture(tok json.Token) ([]byte, error) {
	var b []byte
	if err := d.captureTo(&b, tok); err != nil {
		return nil, err
	}
	return b, nil
}

func (d *decoder) captureTo(b *[]byte, tok json.Token) error {
	switch x := tok.(type) {
	case nil:
		*b = append(*b, "null"...)
	case bool:
		*b = strconv.AppendBool(*b, x)
	case json.Number:
		*b = append(*b, x...)
	case string:
		if err := d.text(x); err != nil {
			return err
		}
		q, _ := json.Marshal(x)
		*b = append(*b, q...)
	case json.Delim:
		if err := d.enter(); err != nil {
			return err
		}
		var seen map[string]struct{}
		if x == '{' {
			seen = make(map[string]struct{})
		}
		*b = append(*b, byte(x))
		for i := 0; d.dec.More(); i++ {
			if i >= d.lim.Items {
				return d.fail(tooMany(d.lim.Items, "items"))
			}
			if i > 0 {
				*b = append(*b, ',')
			}
			if x == '{' {
				kt, err := d.token()
				if err != nil {
					return err
				}
				key, _ := kt.(string)
				if _, dup := seen[key]; dup {
					if SafeKey(key) {
						return d.failAt(key, "the key is given twice in one object: give it once")
					}
					return d.fail("a key is given twice in one object: give it once")
				}
				seen[key] = struct{}{}
				q, _ := json.Marshal(key)
				*b = append(append(*b, q...), ':')
			}
			vt, err := d.token()
			if err != nil {
				return err
			}
			if err := d.captureTo(b, vt); err != nil {
				return err
			}
		}
		if x == '{' {
			*b = append(*b, '}')
		} else {
			*b = append(*b, ']')
		}
		return d.leave()
	}
	return nil
}

// tooMany is the hint of a list over its limit.
func tooMany(max int, name string) string {
	return "too many items: at most " + strconv.Itoa(max) + " (limit " + name + ")"
}

// mismatch is a value of the wrong JSON type for t.
func (d *decoder) mismatch(t reflect.Type, tok json.Token) error {
	return d.fail(expected(t) + ", got " + kindOf(tok))
}

// kindOf names the kind of JSON value tok starts, never the value.
func kindOf(tok json.Token) string {
	switch tok {
	case json.Delim('{'):
		return "an object"
	case json.Delim('['):
		return "an array"
	}
	switch tok.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	}
	return "another kind of value"
}

// expected says what form a value of type t takes.
func expected(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dateType:
		return "expected a date YYYY-MM-DD"
	case t.Implements(timeType) && reflect.PointerTo(t).Implements(jsonUnmarshaler):
		return "expected an instant in RFC 3339 form (2026-03-02T09:30:00Z)"
	case reflect.PointerTo(t).Implements(jsonUnmarshaler):
		return "expected a JSON value of the documented form"
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		return "expected text (a JSON string)"
	}
	switch t.Kind() {
	case reflect.String:
		return "expected text (a JSON string)"
	case reflect.Bool:
		return "expected true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "expected a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "expected a whole number, zero or more"
	case reflect.Float32, reflect.Float64:
		return "expected a number"
	case reflect.Slice:
		return "expected a list (a JSON array)"
	case reflect.Struct, reflect.Map:
		return "expected an object"
	}
	return "expected another kind of value"
}

func expectedNotNull(t reflect.Type) string {
	return expected(t) + ", got null"
}

// rangeHint explains why a number did not fit an integer type t.
func rangeHint(t reflect.Type, err error) string {
	if errors.Is(err, strconv.ErrRange) {
		return expected(t) + " in range"
	}
	return expected(t)
}

// textHint explains why text did not decode into t. The library's own
// types say what they expect in a *guidance.Error's Hint; their Value,
// which is the input, is dropped.
func textHint(t reflect.Type, err error) string {
	var ge *guidance.Error
	if errors.As(err, &ge) && ge.Hint != "" {
		return ge.Hint
	}
	if t == dateType {
		return "expected a date YYYY-MM-DD that exists in the calendar"
	}
	return "the text is not one of the values this field takes"
}
