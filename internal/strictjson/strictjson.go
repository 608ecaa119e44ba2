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
// It reads the input once, byte by byte, with its own scanner, and sets
// each value as it goes through a table of the Go types' fields built once
// per type: time and memory are linear in the size of the input, and a
// string is copied once, into the value that holds it. It enforces the one
// table of limits ([Default]: size, nesting, list lengths, string lengths,
// references) as it reads; [ReadAll] is the one capped reader of every
// input; [Encode] is the explicit export path that keeps personal data.
package strictjson

import (
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
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
	// A file that says its size, or a reader that says how much it holds
	// (bytes.Reader, strings.Reader, bytes.Buffer), is read into a buffer
	// of that size (and one byte more, to see the end), not one grown as
	// it is read.
	var data []byte
	switch r := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() >= 0 && fi.Size() < int64(max) {
			data = make([]byte, 0, fi.Size()+1)
		}
	case interface{ Len() int }:
		if n := r.Len(); n >= 0 && n < max {
			data = make([]byte, 0, n+1)
		}
	}
	var err error
	lr := io.LimitReader(r, int64(max)+1)
	if data == nil {
		data = make([]byte, 0, 512) // as io.ReadAll starts
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow as append does
		}
		var n int
		n, err = lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			break
		}
	}
	if err == io.EOF {
		err = nil
	}
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

// A StringForm is a record that a document may also give as a JSON string:
// an older, shorter form of the same record (a date where an object now
// stands). When the value is a string the decoder passes it to
// UnmarshalStringForm, and reports an error at the value's JSON path; any
// other value decodes as the record's fields, as strictly as ever.
type StringForm interface {
	UnmarshalStringForm(s string) error
}

// Decode decodes data, exactly one JSON value, into v, a non-nil pointer.
// A top-level null is refused. See the package documentation for what it
// refuses; every error is a *guidance.Error of kind guidance.Invalid.
//
// A type that decodes itself is passed its part of the input the way
// encoding/json passes it: UnmarshalJSON receives the value as compact
// JSON, UnmarshalText and UnmarshalStringForm the unquoted text. The bytes
// given to UnmarshalJSON and UnmarshalText are valid only during the call,
// as those interfaces document: a method that keeps them must copy them.
func Decode(data []byte, v any) error { return decode(data, v, &Default) }

func decode(data []byte, v any, lim *Limits) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	if len(data) > lim.Bytes {
		return tooBig(Document)
	}
	d := decoder{data: data, lim: lim}
	d.path = d.stack[:0]
	d.space()
	if d.pos == len(d.data) {
		return d.early(true)
	}
	if d.data[d.pos] == 'n' {
		if err := d.literal("null", true); err != nil {
			return err
		}
		return d.fail(expectedNotNull(rv.Elem().Type()))
	}
	if err := d.value(rv.Elem(), codecOf(rv.Type().Elem()), ""); err != nil {
		return err
	}
	if d.space(); d.pos != len(d.data) {
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

// decoder decodes one document. Its path holds a step for each value it is
// inside of (the value being decoded included); the path's text is built
// only for an error.
type decoder struct {
	data  []byte
	pos   int // the next byte to read
	lim   *Limits
	path  []step
	depth int
	text  []byte   // a string with escapes, unquoted
	raw   []byte   // a value captured for a type that decodes itself
	stack [16]step // the path's first steps
}

// pathString formats the first n steps of the path.
func (d *decoder) pathString(n int) string {
	var b strings.Builder
	for _, s := range d.path[:n] {
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
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(len(d.path)), Hint: hint}
}

// failAt is an error at key (a field name, or a safe key) of the current path.
func (d *decoder) failAt(key, hint string) error {
	d.path = append(d.path, step{key: key, index: -1})
	err := d.fail(hint)
	d.path = d.path[:len(d.path)-1]
	return err
}

// checkText checks a string of the input against the limits of its field,
// key.
func (d *decoder) checkText(key string, s []byte) error {
	if hint := checkText(d.lim, key, s); hint != "" {
		return d.fail(hint)
	}
	return nil
}

// numberFor reads the number that starts with byte b as a value of type t,
// or reports that a value of another kind stands where t is expected.
func (d *decoder) numberFor(b byte, t reflect.Type) ([]byte, error) {
	if b != '-' && (b < '0' || b > '9') {
		return nil, d.mismatch(t)
	}
	return d.number(true)
}

// value decodes the value at the read position into v, which is settable
// and of the type of c, under field key (the last key of its path: its
// limits are that field's). Every value but the document is decoded with
// its own step on the path.
func (d *decoder) value(v reflect.Value, c *codec, key string) error {
	d.space()
	if d.pos == len(d.data) {
		return d.early(true)
	}
	b := d.data[d.pos]
	if c.kind == reflect.Pointer {
		if b == 'n' {
			if err := d.literal("null", true); err != nil {
				return err
			}
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(c.t.Elem()))
		}
		return d.value(v.Elem(), c.elem, key)
	}
	switch {
	case c.form && b == '"':
		s, err := d.str(true)
		if err != nil {
			return err
		}
		if err := d.checkText(key, s); err != nil {
			return err
		}
		if err := v.Addr().Interface().(StringForm).UnmarshalStringForm(string(s)); err != nil {
			return d.fail(textHint(c.t, err))
		}
		return nil
	case c.json:
		raw, err := d.capture(key)
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.fail(expected(c.t))
		}
		return nil
	case c.text:
		if b == 'n' {
			return d.literal("null", true)
		}
		if b != '"' {
			return d.mismatch(c.t)
		}
		s, err := d.str(true)
		if err != nil {
			return err
		}
		if err := d.checkText(key, s); err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			return d.fail(textHint(c.t, err))
		}
		return nil
	}
	if b == 'n' {
		if err := d.literal("null", true); err != nil {
			return err
		}
		switch c.kind {
		case reflect.Slice, reflect.Map, reflect.Interface:
			v.SetZero()
		}
		return nil // as encoding/json: null leaves any other value as it is
	}
	switch c.kind {
	case reflect.String:
		if b != '"' {
			return d.mismatch(c.t)
		}
		s, err := d.str(true)
		if err != nil {
			return err
		}
		if err := d.checkText(key, s); err != nil {
			return err
		}
		v.SetString(string(s))
	case reflect.Bool:
		switch b {
		case 't':
			if err := d.literal("true", true); err != nil {
				return err
			}
			v.SetBool(true)
		case 'f':
			if err := d.literal("false", true); err != nil {
				return err
			}
			v.SetBool(false)
		default:
			return d.mismatch(c.t)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := d.numberFor(b, c.t)
		if err != nil {
			return err
		}
		i, err := parseInt(n, c.bits)
		if err != nil {
			return d.fail(rangeHint(c.t, err))
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := d.numberFor(b, c.t)
		if err != nil {
			return err
		}
		i, err := parseUint(n, c.bits)
		if err != nil {
			return d.fail(rangeHint(c.t, err))
		}
		v.SetUint(i)
	case reflect.Float32, reflect.Float64:
		n, err := d.numberFor(b, c.t)
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(string(n), c.bits)
		if err != nil {
			return d.fail(expected(c.t) + " in range")
		}
		v.SetFloat(f)
	case reflect.Slice:
		if b != '[' || c.elem == nil {
			return d.mismatch(c.t)
		}
		return d.array(v, c, key)
	case reflect.Struct:
		if b != '{' {
			return d.mismatch(c.t)
		}
		return d.object(v, c)
	case reflect.Map:
		if b != '{' || c.elem == nil {
			return d.mismatch(c.t)
		}
		return d.mapping(v, c)
	case reflect.Interface:
		if c.t.NumMethod() != 0 {
			return d.unsupported()
		}
		raw, err := d.capture(key)
		if err != nil {
			return err
		}
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			return d.fail("the value could not be decoded")
		}
		v.Set(reflect.ValueOf(&x).Elem())
	default:
		return d.unsupported()
	}
	return nil
}

// parseInt parses a JSON number as a whole number of bits bits, failing as
// strconv.ParseInt does: with strconv.ErrRange when it is out of range.
func parseInt(n []byte, bits int) (int64, error) {
	digits, neg := n, n[0] == '-'
	if neg {
		digits = n[1:]
	}
	if len(digits) > 18 || !allDigits(digits) {
		return strconv.ParseInt(string(n), 10, bits)
	}
	var i int64
	for _, c := range digits {
		i = i*10 + int64(c-'0')
	}
	if neg {
		i = -i
	}
	if bits < 64 && (i < -1<<(bits-1) || i > 1<<(bits-1)-1) {
		return 0, strconv.ErrRange
	}
	return i, nil
}

// parseUint parses a JSON number as a whole number, zero or more, of bits
// bits, failing as strconv.ParseUint does.
func parseUint(n []byte, bits int) (uint64, error) {
	if len(n) > 18 || !allDigits(n) {
		return strconv.ParseUint(string(n), 10, bits)
	}
	var i uint64
	for _, c := range n {
		i = i*10 + uint64(c-'0')
	}
	if bits < 64 && i > 1<<bits-1 {
		return 0, strconv.ErrRange
	}
	return i, nil
}

// allDigits reports whether n is one or more decimal digits.
func allDigits(n []byte) bool {
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(n) > 0
}

// enter counts one more level of nesting, at the current path.
func (d *decoder) enter() error {
	d.depth++
	if d.depth > d.lim.Depth {
		return d.fail("nested too deeply: at most " + strconv.Itoa(d.lim.Depth) + " levels of objects and arrays (limit depth)")
	}
	return nil
}

// more reads up to the next member of an object or item of an array, or
// past its closing delimiter (and reports false): a malformed or missing
// one is an error at the object's or array's path. It does not read the
// comma between two members or items: see comma.
func (d *decoder) more(closing byte) (bool, error) {
	d.space()
	if d.pos == len(d.data) {
		return false, d.early(false)
	}
	switch d.data[d.pos] {
	case closing:
		d.pos++
		d.depth--
		return false, nil
	case '}', ']':
		return false, d.malformed(false)
	}
	return true, nil
}

// comma reads the comma before every member or item but the first.
func (d *decoder) comma(first bool) error {
	if first {
		return nil
	}
	if d.data[d.pos] != ',' {
		return d.malformed(false)
	}
	d.pos++
	return nil
}

// array decodes a JSON array into the slice v, its limit that of field key.
func (d *decoder) array(v reflect.Value, c *codec, key string) error {
	d.pos++ // [
	if err := d.enter(); err != nil {
		return err
	}
	used := v.Cap() // items below this index may hold a previous value
	v.SetLen(0)
	limit, name := d.lim.listLimit(key)
	n := 0
	for {
		more, err := d.more(']')
		if err != nil {
			return err
		}
		if !more {
			break
		}
		if n >= limit {
			return d.fail(tooMany(limit, name))
		}
		if err := d.comma(n == 0); err != nil {
			return err
		}
		if n == v.Cap() {
			v.Grow(max(n, c.first))
		}
		v.SetLen(n + 1)
		e := v.Index(n)
		if n < used {
			e.SetZero()
		}
		d.path = append(d.path, step{index: n})
		if err := d.value(e, c.elem, key); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		n++
	}
	if v.IsNil() {
		v.Set(reflect.MakeSlice(c.t, 0, 0))
	}
	return nil
}

// member reads up to the key of the next member of an object whose '{' has
// been read; first says whether it is the first member. ok is false at the
// object's '}' (err nil) or on an error.
func (d *decoder) member(first bool) (key []byte, ok bool, err error) {
	more, err := d.more('}')
	if err != nil || !more {
		return nil, false, err
	}
	if err := d.comma(first); err != nil {
		return nil, false, err
	}
	if key, err = d.key(); err != nil {
		return nil, false, err
	}
	return key, true, nil
}

// key reads an object's key, unquoted: the bytes are the input's or the
// decoder's, valid until the next string is read.
func (d *decoder) key() ([]byte, error) {
	d.space()
	if d.pos == len(d.data) {
		return nil, d.early(false)
	}
	if d.data[d.pos] != '"' {
		return nil, d.malformed(false)
	}
	return d.str(false)
}

// colon reads the colon after an object's key.
func (d *decoder) colon() error {
	d.space()
	if d.pos == len(d.data) {
		return d.early(false)
	}
	if d.data[d.pos] != ':' {
		return d.malformed(false)
	}
	d.pos++
	return nil
}

// object decodes a JSON object into the struct v by the fields of c.
func (d *decoder) object(v reflect.Value, c *codec) error {
	d.pos++ // {
	if err := d.enter(); err != nil {
		return err
	}
	fs := c.fields
	var small [2]uint64
	seen := small[:]
	if n := (len(fs.list) + 63) / 64; n > len(small) {
		seen = make([]uint64, n)
	}
	for first := true; ; first = false {
		k, ok, err := d.member(first)
		if !ok {
			return err
		}
		i, ok := fs.byName[string(k)]
		if !ok {
			return d.unknown(fs, string(k))
		}
		f := &fs.list[i]
		if seen[i/64]&(1<<(i%64)) != 0 {
			return d.failAt(f.name, givenTwice)
		}
		seen[i/64] |= 1 << (i % 64)
		if err := d.colon(); err != nil {
			return err
		}
		d.path = append(d.path, step{key: f.name, index: -1})
		if err := d.value(fieldByIndex(v, f.index), c.fieldCodec(i), f.name); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
}

// unknown is the error of a key that is not a field's name in fs.
func (d *decoder) unknown(fs *fields, key string) error {
	if j, ok := fs.fold(key); ok {
		name := fs.list[j].name
		return d.failAt(name, "a key differs from the field name only in case: write it "+strconv.Quote(name)+", exactly")
	}
	if SafeKey(key) {
		return d.failAt(key, "unknown field: remove it or correct its name"+fs.hint())
	}
	return d.fail("an unknown key: remove it or correct its name" + fs.hint())
}

// givenTwice is the hint of the error of a key given twice in one object.
const givenTwice = "the key is given twice in one object: give it once"

// twice is the error of a key given twice in one object.
func (d *decoder) twice(key string) error {
	if SafeKey(key) {
		return d.failAt(key, givenTwice)
	}
	return d.fail("a key is given twice in one object: give it once")
}

// fieldByIndex is v.FieldByIndex, allocating embedded pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
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

// mapping decodes a JSON object into the map v, whose keys are strings.
func (d *decoder) mapping(v reflect.Value, c *codec) error {
	d.pos++ // {
	if err := d.enter(); err != nil {
		return err
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(c.t))
	}
	seen := make(map[string]struct{})
	for first := true; ; first = false {
		k, ok, err := d.member(first)
		if !ok {
			return err
		}
		key := string(k)
		if _, dup := seen[key]; dup {
			return d.twice(key)
		}
		seen[key] = struct{}{}
		if err := d.colon(); err != nil {
			return err
		}
		name := key
		if !SafeKey(key) {
			name = "(key)"
		}
		d.path = append(d.path, step{key: name, index: -1})
		if len(key) > d.lim.Text {
			// The value's first token is read before the key is refused
			// for its length: a malformed one is the error.
			d.space()
			if d.pos == len(d.data) {
				return d.early(true)
			}
			if _, err := d.kind(); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			return d.fail("a key too long: at most " + strconv.Itoa(d.lim.Text) + " bytes (limit text)")
		}
		e := reflect.New(c.t.Elem()).Elem()
		if err := d.value(e, c.elem, name); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		v.SetMapIndex(reflect.ValueOf(key).Convert(c.t.Key()), e)
	}
}

// mismatch is a value of the wrong JSON type for t, at the read position:
// its first token is read (a malformed one is a syntax error) to name its
// kind, never the value.
func (d *decoder) mismatch(t reflect.Type) error {
	kind, err := d.kind()
	if err != nil {
		return err
	}
	return d.fail(expected(t) + ", got " + kind)
}

// unsupported is a value for a Go type the decoder does not fill.
func (d *decoder) unsupported() error {
	if _, err := d.kind(); err != nil {
		return err
	}
	return d.fail("unsupported value")
}

// kind reads the first token of the value at the read position (the whole
// value unless it is an object or an array) and names its kind.
func (d *decoder) kind() (string, error) {
	var err error
	kind := "another kind of value"
	switch b := d.data[d.pos]; {
	case b == '{':
		return "an object", nil
	case b == '[':
		return "an array", nil
	case b == '"':
		_, err = d.str(true)
		kind = "a string"
	case b == '-' || b >= '0' && b <= '9':
		_, err = d.number(true)
		kind = "a number"
	case b == 't':
		err = d.literal("true", true)
		kind = "true or false"
	case b == 'f':
		err = d.literal("false", true)
		kind = "true or false"
	case b == 'n':
		err = d.literal("null", true)
	default:
		err = d.malformed(true)
	}
	return kind, err
}

// tooMany is the hint of a list over its limit.
func tooMany(max int, name string) string {
	return "too many items: at most " + strconv.Itoa(max) + " (limit " + name + ")"
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
