package cpguide_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/ird"
)

// The strict decoder against encoding/json on the same case files and the
// same Go type (issue 11: decoding the typical case costs at most twice
// json.Unmarshal). The typical case is BenchmarkCheck's,
// initial-registration.json; reviews-referral.json is the largest example.
// Compare each BenchmarkDecodeStrict_X with BenchmarkDecodeEncodingJSON_X
// of the same run:
//
//	go test -run '^$' -bench Decode -benchmem -count=6 . | benchstat -

func BenchmarkDecodeStrict_InitialRegistration(b *testing.B) {
	benchDecodeStrict(b, "initial-registration.json")
}

func BenchmarkDecodeEncodingJSON_InitialRegistration(b *testing.B) {
	benchDecodeEncodingJSON(b, "initial-registration.json")
}

func BenchmarkDecodeStrict_ReviewsReferral(b *testing.B) {
	benchDecodeStrict(b, "reviews-referral.json")
}

func BenchmarkDecodeEncodingJSON_ReviewsReferral(b *testing.B) {
	benchDecodeEncodingJSON(b, "reviews-referral.json")
}

// benchDecodeStrict decodes a case file with the library's strict decoder
// (what DecodeCase does before it validates the case).
func benchDecodeStrict(b *testing.B, name string) {
	data := readCaseFile(b, name)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var c cpguide.Case
		if err := strictjson.Decode(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// benchDecodeEncodingJSON decodes the same file into the same type with
// encoding/json, the reference. encoding/json does not know the IRD's
// string form (a date where the record stands, strictjson.StringForm): it
// records a type error for that value and decodes the rest of the document,
// which is the same work. Any other error fails the benchmark.
func benchDecodeEncodingJSON(b *testing.B, name string) {
	data := readCaseFile(b, name)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var c cpguide.Case
		if err := json.Unmarshal(data, &c); !irdStringForm(err) {
			b.Fatal(err)
		}
	}
}

// irdStringForm reports whether err is nil or encoding/json's error for an
// IRD given in its string form.
func irdStringForm(err error) bool {
	var te *json.UnmarshalTypeError
	return err == nil || errors.As(err, &te) && te.Value == "string" && te.Type == reflect.TypeFor[ird.IRD]()
}

func readCaseFile(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile("examples/cases/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// The reference decodes the same values as the strict decoder, the IRDs
// given as dates apart: the benchmarks compare the same work.
func TestDecodeBenchmarks_SameWork(t *testing.T) {
	for _, name := range []string{"initial-registration.json", "reviews-referral.json"} {
		data, err := os.ReadFile("examples/cases/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var strict, std cpguide.Case
		if err := strictjson.Decode(data, &strict); err != nil {
			t.Fatal(name, err)
		}
		if err := json.Unmarshal(data, &std); !irdStringForm(err) {
			t.Fatal(name, err)
		}
		strict.IRD = std.IRD
		if !reflect.DeepEqual(strict, std) {
			t.Errorf("%s: encoding/json decodes other values than the strict decoder", name)
		}
	}
}
