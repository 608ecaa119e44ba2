package strictjson

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// Encode writes what encoding/json writes for types with no MarshalJSON
// method, but for two things it has always done its own way (the stores
// hash the bytes it writes, so they stay): the fields promoted from an
// embedded struct come after the struct's own, and floats are written in
// strconv's 'g' format (1e-07, not 1e-7).
func TestEncode_MatchesEncodingJSON(t *testing.T) {
	type options struct {
		Empty    string            `json:"empty,omitempty"`
		Zero     int               `json:"zero,omitempty"`
		False    bool              `json:"false,omitempty"`
		NilPtr   *child            `json:"nil_ptr,omitempty"`
		NilSlice []string          `json:"nil_slice,omitempty"`
		NilMap   map[string]string `json:"nil_map,omitempty"`
		Uint     uint16            `json:"uint,omitempty"`
		Float    float32           `json:"float,omitempty"`
		NoDate   guidance.Date     `json:"no_date,omitzero"`
		Date     guidance.Date     `json:"date,omitzero"`
		Any      any               `json:"any"`
		Array    [2]int            `json:"array"`
		Both     string            `json:"both,omitempty,omitzero"`
		Kept     []string          `json:"kept"`
	}
	strs := []string{"", "plain", `quote " and \ backslash`, "<script>&amp;</script>", "tab\tnew\nline\rcr\bbs\fff",
		"\x00\x01\x1f\x7f", "é ü 中文 😀", "line\u2028para\u2029", "bad \xff\xfe utf-8 \xc3", "\xed\xa0\x80 surrogate"}
	for _, s := range strs {
		d := doc{ID: s, Count: -7, Small: 3, Ratio: 0.1, Meetings: []meetingDoc{{Held: guidance.Date{Year: 2026, Month: 3, Day: 2}, Kind: s,
			Child: &child{participation{Mode: s, Older: true}, s}, Agency: []string{s, "x"}}, {}},
			Policies: map[string]string{"b": s, "a": "1", s: "k"}, Edition: guidance.Edition2023, At: time.Date(2026, 3, 2, 9, 30, 0, 5, time.UTC)}
		o := options{Date: guidance.Date{Year: 2026, Month: 1, Day: 5}, Any: map[string]any{"n": 1.5, "s": s}, Kept: []string{}, Uint: 9, Float: 0.25}
		for _, v := range []any{d.Meetings[0].Child.participation, o, []any{s, nil, 3, true}} {
			want, err := json.Marshal(v)
			require.NoError(t, err)
			got, err := Encode(v)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "%q", s)
		}
		for _, v := range []any{d, &d, doc{}} {
			want, err := json.Marshal(v)
			require.NoError(t, err)
			got, err := Encode(v)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got), "%q", s)
		}
	}
	got, err := Encode(child{participation{Mode: "m", Older: true}, "n"})
	require.NoError(t, err)
	assert.Equal(t, `{"name":"n","mode":"m","older":true}`, string(got), "promoted fields last")
	got, err = Encode([]float64{1e-7, 0.1, 1e21, 3})
	require.NoError(t, err)
	assert.Equal(t, `[1e-07,0.1,1e+21,3]`, string(got), "strconv 'g'")
}

func TestAppendString_MatchesEncodingJSON(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want, err := json.Marshal(s)
		require.NoError(t, err)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("appendString(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
	for b := range 256 {
		check(string([]byte{byte(b)}))
		check("a" + string([]byte{byte(b)}) + "z")
	}
	for r := rune(0); r <= 0x3000; r++ {
		check(string(r))
	}
	check(string(rune(utf8.MaxRune)))
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "é", "中", "😀", "\u2028", "<", "&", `"`, `\`, "\n", "\x00", "\xff", "\xe4\xb8", "\x7f"}
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(12) {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		check(sb.String())
	}
}

// A recursive type gets its encoder too.
func TestEncode_RecursiveType(t *testing.T) {
	type node struct {
		Name string `json:"name"`
		Next *node  `json:"next,omitempty"`
	}
	got, err := Encode(node{"a", &node{"b", nil}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"a","next":{"name":"b"}}`, string(got))
}

func TestEncode_UnsupportedType(t *testing.T) {
	_, err := Encode(struct {
		C chan int `json:"c"`
	}{})
	var ute *json.UnsupportedTypeError
	assert.ErrorAs(t, err, &ute)
}

// appenderText has AppendText (written in place when it needs no
// escaping) and MarshalText; marshalerText has only MarshalText.
type (
	appenderText  string
	marshalerText string
)

func (a appenderText) AppendText(b []byte) ([]byte, error) { return append(b, a...), nil }
func (a appenderText) MarshalText() ([]byte, error)        { return []byte(a), nil }
func (m marshalerText) MarshalText() ([]byte, error)       { return []byte(m), nil }

// A text field is quoted and escaped as encoding/json does, whether it
// appends its text in place, through a pointer, or only marshals it.
func TestEncode_TextIsEscaped(t *testing.T) {
	type doc struct {
		A  appenderText   `json:"a"`
		M  marshalerText  `json:"m"`
		P  *appenderText  `json:"p"`
		S  []appenderText `json:"s"`
		At time.Time      `json:"at"`
	}
	for _, s := range []string{"plain", `<a&"b\c>`, "tab\t", "é \xff", "line\u2028"} {
		a := appenderText(s)
		v := doc{A: a, M: marshalerText(s), P: &a, S: []appenderText{a, "x"}, At: time.Date(2026, 3, 2, 9, 30, 0, 1, time.UTC)}
		want, err := json.Marshal(v)
		require.NoError(t, err)
		for _, in := range []any{v, &v} {
			got, err := Encode(in)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "%q", s)
		}
	}
}
