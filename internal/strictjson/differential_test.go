package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// The differential tests: the scanner (Decode) against the token decoder it
// replaced (oracleDecode, oracle_test.go), on the same input, into the same
// types, under the same limits. Both accept or both refuse; what both
// accept decodes to the same value; what both refuse is refused at the same
// JSON path with the same hint (the byte a syntax error is at apart: the
// token decoder counted it now from 0, now from 1).

// formed is a record with a string form (StringForm).
type formed struct {
	Date  string `json:"date"`
	Older bool   `json:"older"`
	short bool
}

func (f *formed) UnmarshalStringForm(s string) error {
	if len(s) != 10 {
		return &guidance.Error{Kind: guidance.Invalid, Hint: "expected a date YYYY-MM-DD or a record"}
	}
	f.Date, f.short = s, true
	return nil
}

// picky is text that takes two values (encoding.TextUnmarshaler).
type picky string

func (p *picky) UnmarshalText(b []byte) error {
	if s := string(b); s != "a" && s != "b" {
		return errors.New("not a or b")
	}
	*p = picky(b)
	return nil
}

// tree holds itself.
type tree struct {
	Name     string `json:"name"`
	Children []tree `json:"children"`
	Next     *tree  `json:"next"`
}

// Embedded is promoted into kitchen through a pointer.
type Embedded struct {
	Shared string `json:"shared"`
	Deep   int    `json:"deep"`
}

// kitchen has a field of every kind the decoder fills or refuses.
type kitchen struct {
	*Embedded
	Raw       json.RawMessage     `json:"raw"`
	Any       any                 `json:"any"`
	Ints      map[string]int      `json:"ints"`
	Nested    map[string][]string `json:"nested"`
	IntKeys   map[int]string      `json:"int_keys"`
	Bytes     []byte              `json:"bytes"`
	Pair      [2]int              `json:"pair"`
	U8        uint8               `json:"u8"`
	U64       uint64              `json:"u64"`
	I16       int16               `json:"i16"`
	I64       int64               `json:"i64"`
	F32       float32             `json:"f32"`
	F64       float64             `json:"f64"`
	PtrInt    *int                `json:"ptr_int"`
	PtrPtr    **string            `json:"ptr_ptr"`
	Ptrs      []*int              `json:"ptrs"`
	Form      *formed             `json:"form"`
	Forms     []formed            `json:"forms"`
	Picky     picky               `json:"picky"`
	Stringer  fmt.Stringer        `json:"stringer"`
	Tree      tree                `json:"tree"`
	Ref       string              `json:"ref"`
	Subject   string              `json:"subject"`
	Meetings  []int               `json:"meetings"`
	Date      guidance.Date       `json:"date"`
	Dates     []guidance.Date     `json:"dates"`
	At        time.Time           `json:"at"`
	Bool      bool                `json:"bool"`
	Text      string              `json:"text"`
	Texts     []string            `json:"texts"`
	MixedCase string              `json:"MixedCase"`
}

// wide has more fields than two words of the decoder's seen-set.
var wide = func() reflect.Type {
	var fs []reflect.StructField
	for i := range 150 {
		fs = append(fs, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[int](), Tag: reflect.StructTag(fmt.Sprintf(`json:"f%d"`, i))})
	}
	return reflect.StructOf(fs)
}()

// tight is a table of limits small enough for short inputs to reach.
var tight = Limits{
	Bytes:      1 << 10,
	Depth:      4,
	Items:      3,
	Lists:      map[string]int{"meetings": 2},
	Text:       8,
	Strings:    map[string]int{"subject": 4},
	References: map[string]bool{"ref": true, "id": true},
}

// targets are the types the differential tests decode into.
var targets = []func() any{
	func() any { return new(doc) },
	func() any { return new(kitchen) },
	func() any { return new(tree) },
	func() any { return new(formed) },
	func() any { return new(*formed) },
	func() any { return new(map[string]any) },
	func() any { return new([]string) },
	func() any { return new(any) },
	func() any { return new(picky) },
	func() any { return new(int8) },
	func() any { return reflect.New(wide).Interface() },
}

var byteOffset = regexp.MustCompile(`malformed at byte \d+`)

// sameAsTokenDecoder decodes data with both decoders into each target under
// lim and reports the first difference. t, when not nil, holds the scanner
// (not the token decoder) to the fuzzing budget of time and memory.
func sameAsTokenDecoder(t *testing.T, data []byte, lim *Limits) error {
	got, gotErrs := make([]any, len(targets)), make([]error, len(targets))
	stop := func() {}
	if t != nil {
		stop = fuzzbudget.Start(t, len(data))
	}
	for i, target := range targets {
		got[i] = target()
		gotErrs[i] = decode(data, got[i], lim)
	}
	stop()
	for i, target := range targets {
		got, gotErr := got[i], gotErrs[i]
		want := target()
		wantErr := oracleDecode(data, want, lim)
		if (gotErr == nil) != (wantErr == nil) {
			return fmt.Errorf("target %d (%T): got %v, the token decoder %v", i, got, gotErr, wantErr)
		}
		if gotErr == nil {
			if !reflect.DeepEqual(got, want) {
				return fmt.Errorf("target %d (%T): decoded %#v, the token decoder %#v", i, got, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
			}
			continue
		}
		var g, w *guidance.Error
		if !errors.As(gotErr, &g) || !errors.As(wantErr, &w) {
			return fmt.Errorf("target %d (%T): not guidance errors: %v, %v", i, got, gotErr, wantErr)
		}
		if g.Kind != w.Kind || g.Field != w.Field || g.Value != "" {
			return fmt.Errorf("target %d (%T): refused at %q (%v), the token decoder at %q (%v)", i, got, g.Field, g, w.Field, w)
		}
		if byteOffset.ReplaceAllString(g.Hint, "malformed") != byteOffset.ReplaceAllString(w.Hint, "malformed") {
			return fmt.Errorf("target %d (%T): at %q hint %q, the token decoder %q", i, got, g.Field, g.Hint, w.Hint)
		}
	}
	return nil
}

// differentialSeeds are inputs for every branch: good documents, each kind
// of value in each kind of field, and broken ones.
var differentialSeeds = []string{
	``, ` `, `null`, `{}`, `[]`, `"x"`, `1`, `true`, `{} {}`, `{}x`, `{`, `[`, `{"id" "a"}`, `{"id":"a",}`, `[1,]`, `{,}`, `[,1]`,
	`{"id":"C1","count":3,"small":-4,"ratio":0.5,"meetings":[{"held":"2026-03-02","kind":"initial","child":{"mode":"attended","older":true,"name":"x"},"agency":["health"]},{"held":"","child":null}],"plan":{"actions":[{"responsible":"sw"}]},"policies":{"a.b":"c"},"edition":"2021","at":"2026-03-02T09:30:00Z"}`,
	`{"raw":{"a":[1,2.5e3,"x\u003c",true,null],"b":{}},"any":[{"k":"v"},-0.0,"\ud83d\ude00"],"ints":{"a":1,"b":-2},"nested":{"x":["y"]}}`,
	`{"int_keys":{"1":"a"},"bytes":"AQI=","pair":[1,2],"u8":255,"u64":18446744073709551615,"i16":-32768,"i64":-9223372036854775808,"f32":3.4e38,"f64":1e308}`,
	`{"u8":256,"u64":-1,"i16":32768,"i64":9223372036854775808,"f32":3.5e38,"f64":1e309}`,
	`{"ptr_int":null,"ptr_ptr":"s","ptrs":[1,null,3],"form":"2026-03-02","forms":["2026-03-02",{"date":"x","older":true},null],"picky":"a"}`,
	`{"form":"short","picky":"c","stringer":"x","stringer":null}`,
	`{"tree":{"name":"a","children":[{"name":"b","children":[]}],"next":{"name":"c","next":null}}}`,
	`{"ref":"CASE-1","subject":"abcd","meetings":[1,2],"texts":["a\tb","c\u0007"],"text":"\u00e9\u0085"}`,
	`{"ref":" bad","subject":"abcde","meetings":[1,2,3],"texts":[1,2,3,4]}`,
	`{"date":"2026-02-30","dates":["2026-03-02",null,"x"],"at":"2026-03-02T09:30:00Z","at":null}`,
	`{"shared":"s","deep":1,"Shared":"t","SHARED":1,"mixedcase":"x","MixedCase":"y"}`,
	`{"bool":tru}`, `{"bool":nul`, `{"bool":"\u12"}`, `{"text":"\ud800"}`, `{"text":"\ud800\u0041"}`, `{"text":"\udc00\ud800"}`,
	"{\"text\":\"\xff\xfe\"}", "{\"text\":\"\xed\xa0\x80\"}", "{\"text\":\"a\x01\"}", `{"text":"\q"}`, `{"text":"a\/b"}`,
	`{"i64":01}`, `{"i64":-}`, `{"i64":1.}`, `{"i64":1e}`, `{"i64":1e+}`, `{"i64":-01}`, `{"i64":1.5}`, `{"i64":2e3}`,
	`{"any":{"a":1,"a":2}}`, `{"raw":{"Jane Doe":1,"Jane Doe":2}}`, `{"ints":{"Jane Doe":1,"Jane Doe":2}}`, `{"ints":{"averyveryverylongkeyoverlimit":1}}`,
	`{"any":[[[[[[1]]]]]]}`, `{"tree":{"children":[{"children":[{"children":[{}]}]}]}}`, `{"Jane Doe":1}`, `{"unknown":1}`,
	`{"f0":1,"f149":2,"f149":3}`, `{"F0":1}`, `{"f64":1,"f75":2}`,
	`{"meetings":[{"held":20260302}]}`, `{"meetings":{}}`, `{"meetings":[{"agency":[[]]}]}`, `{"edition":"1999"}`, `{"at":1}`,
	`{"meetings":[{"held":`, `{"plan":{"actions":[{"Responsible":"a"}]}}`, `{"policies":{"a.b":"x","a.b":"y"}}`,
	"{\n\t\"id\" : \"a\" ,\r\n \"count\" :\t1 }\n", `{"id":"a"}garbage`, `{"id":"a"} `, `  {"id":"a"}  x`,
	`"2026-03-02"`, `"short"`, `"2026-03-02"x`, `{"date":"2026-03-02","older":false}`, `"a"`, `"c"`, `127`, `-129`, `["a",null,"b"]`,
	`{"x":1,"y":[true,false,null,{"z":"\u0000"}]}`, `[1,2,3,4]`, `{"a":{"b":{"c":{"d":{"e":1}}}}}`,
}

func TestDecode_SameAsTokenDecoder(t *testing.T) {
	for _, lim := range []*Limits{&Default, &tight} {
		for _, in := range differentialSeeds {
			if err := sameAsTokenDecoder(nil, []byte(in), lim); err != nil {
				t.Errorf("%q (limits %p): %v", in, lim, err)
			}
		}
	}
}

// FuzzDecode_SameAsTokenDecoder: on any input, the scanner and the token
// decoder it replaced accept the same documents into the same values and
// refuse the others at the same path, under the default limits and under
// tight ones.
func FuzzDecode_SameAsTokenDecoder(f *testing.F) {
	for _, in := range differentialSeeds {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lim := range []*Limits{&Default, &tight} {
			if err := sameAsTokenDecoder(t, data, lim); err != nil {
				t.Fatalf("limits bytes=%d: %v", lim.Bytes, err)
			}
		}
	})
}

// The tight limits are within what the decoders read: a seed of each is
// refused for its limit.
func TestDecode_TightLimitsReached(t *testing.T) {
	for in, want := range map[string]string{
		`{"meetings":[1,2,3]}`:        "limit meetings",
		`{"texts":["a","b","c","d"]}`: "limit items",
		`{"subject":"abcde"}`:         "limit subject",
		`{"text":"abcdefghi"}`:        "limit text",
		`{"ref":" x"}`:                "limit references",
		`{"any":[[[[1]]]]}`:           "limit depth",
		`{"raw":[1,2,3,4]}`:           "limit items",
	} {
		var v kitchen
		err := decode([]byte(in), &v, &tight)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", in, err, want)
		}
	}
}
