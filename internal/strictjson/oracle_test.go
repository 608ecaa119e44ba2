package strictjson

// This file keeps the decoder as it was before the single-pass scanner
// (issue 11): it read the input through encoding/json's Decoder.Token and
// set each value by reflection. It is the oracle of the differential tests
// (FuzzDecode_SameAsTokenDecoder): the scanner must accept what it accepted,
// decode the same values, and refuse what it refused at the same JSON path.

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

// oracleDecode is Decode as it was: the token decoder.
func oracleDecode(data []byte, v any, lim *Limits) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer")
	}
	if len(data) > lim.Bytes {
		return tooBig(Document)
	}
	d := oracle{dec: json.NewDecoder(bytes.NewReader(data)), lim: lim}
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

// oracleStep is one oracleStep of a JSON path: an object key or an array index.
type oracleStep struct {
	key   string
	index int // -1 for a key
}

type oracle struct {
	dec   *json.Decoder
	lim   *Limits
	path  []oracleStep
	depth int
}

// key is the field name the current value is under: the last key of the
// path ("" at the top).
func (d *oracle) key() string {
	for i := len(d.path) - 1; i >= 0; i-- {
		if d.path[i].index < 0 {
			return d.path[i].key
		}
	}
	return ""
}

// text checks a string of the input against the limits of its field.
func (d *oracle) text(s string) error {
	if hint := checkText(d.lim, d.key(), s); hint != "" {
		return d.fail(hint)
	}
	return nil
}

// pathString formats the path; only errors need it, so good input never
// pays for it.
func (d *oracle) pathString() string {
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
func (d *oracle) fail(hint string) error {
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: hint}
}

// failAt is an error at key (a field name, or a safe key) of the current path.
func (d *oracle) failAt(key, hint string) error {
	d.path = append(d.path, oracleStep{key: key, index: -1})
	err := d.fail(hint)
	d.path = d.path[:len(d.path)-1]
	return err
}

// syntax turns an error of the tokenizer into one that names where it is
// and never quotes the input.
func (d *oracle) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON is malformed at byte " + strconv.FormatInt(se.Offset, 10)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON is empty or ends too early"}
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(), Hint: "the JSON could not be read"}
}

func (d *oracle) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.syntax(err)
	}
	return tok, nil
}

func oracleIsString(tok json.Token) bool {
	_, ok := tok.(string)
	return ok
}

// value decodes the value that starts with tok into v, which is settable.
func (d *oracle) value(v reflect.Value, tok json.Token) error {
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
	case pt.Implements(stringForm) && oracleIsString(tok):
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
func (d *oracle) enter() error {
	d.depth++
	if d.depth > d.lim.Depth {
		return d.fail("nested too deeply: at most " + strconv.Itoa(d.lim.Depth) + " levels of objects and arrays (limit depth)")
	}
	return nil
}

func (d *oracle) leave() error {
	d.depth--
	_, err := d.token() // the closing delimiter
	return err
}

func (d *oracle) slice(v reflect.Value) error {
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
		d.path = append(d.path, oracleStep{index: i})
		if err := d.value(v.Index(i), tok); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.leave()
}

func (d *oracle) object(v reflect.Value) error {
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
			if j, ok := fs.fold(key); ok {
				name := fs.list[j].name
				return d.failAt(name, "a key differs from the field name only in case: write it "+strconv.Quote(name)+", exactly")
			}
			if SafeKey(key) {
				return d.failAt(key, "unknown field: remove it or correct its name"+fs.hint())
			}
			return d.fail("an unknown key: remove it or correct its name" + fs.hint())
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
		d.path = append(d.path, oracleStep{key: f.name, index: -1})
		if err := d.value(fieldByIndex(v, f.index), vt); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
	}
	return d.leave()
}

func (d *oracle) mapping(v reflect.Value) error {
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
		d.path = append(d.path, oracleStep{key: name, index: -1})
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
func (d *oracle) capture(tok json.Token) ([]byte, error) {
	var b []byte
	if err := d.captureTo(&b, tok); err != nil {
		return nil, err
	}
	return b, nil
}

func (d *oracle) captureTo(b *[]byte, tok json.Token) error {
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

// mismatch is a value of the wrong JSON type for t.
func (d *oracle) mismatch(t reflect.Type, tok json.Token) error {
	return d.fail(expected(t) + ", got " + oracleKindOf(tok))
}

// oracleKindOf names the kind of JSON value tok starts, never the value.
func oracleKindOf(tok json.Token) string {
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
