package strictjson_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/coregroup"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/internal/strictjson"
	"github.com/cpguide/cpguide/ird"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/plan"
	"github.com/cpguide/cpguide/procedures"
)

// libraryTypes are the types the library's decoders decode into.
var libraryTypes = []func() any{
	func() any { return new(cpguide.Case) },
	func() any { return new(cpguide.Scenario) },
	func() any { return new(meeting.Meeting) },
	func() any { return new(plan.Plan) },
	func() any { return new(plan.InterimSafetyPlan) },
	func() any { return new(coregroup.CoreGroup) },
	func() any { return new(ird.IRD) },
	func() any { return new(procedures.Overlay) },
	func() any { return new(procedures.Profile) },
}

var byteOffset = regexp.MustCompile(`malformed at byte \d+`)

// sameAsTokenDecoder decodes data into each library type with Decode and
// with the token decoder it replaced, and reports the first difference:
// one accepting what the other refuses, another value, or another path or
// hint (the byte of a syntax error apart).
//
// The scanner (not the token decoder) is held to the fuzzing budget of
// time and memory.
func sameAsTokenDecoder(t *testing.T, data []byte) {
	t.Helper()
	got, gotErrs := make([]any, len(libraryTypes)), make([]error, len(libraryTypes))
	stop := fuzzbudget.Start(t, len(data))
	for i, target := range libraryTypes {
		got[i] = target()
		gotErrs[i] = strictjson.Decode(data, got[i])
	}
	stop()
	for i, target := range libraryTypes {
		got, gotErr := got[i], gotErrs[i]
		want := target()
		wantErr := strictjson.OracleDecode(data, want)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%T: got %v, the token decoder %v", got, gotErr, wantErr)
		}
		if gotErr == nil {
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%T: decoded another value than the token decoder", got)
			}
			continue
		}
		var g, w *guidance.Error
		if !errors.As(gotErr, &g) || !errors.As(wantErr, &w) {
			t.Fatalf("%T: not guidance errors: %v, %v", got, gotErr, wantErr)
		}
		if g.Kind != w.Kind || g.Field != w.Field || g.Value != "" ||
			byteOffset.ReplaceAllString(g.Hint, "") != byteOffset.ReplaceAllString(w.Hint, "") {
			t.Fatalf("%T: refused with %v, the token decoder with %v", got, g, w)
		}
	}
}

// libraryDocuments are the example case files, scenarios, overlays and
// profiles in JSON.
func libraryDocuments(t testing.TB) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	for _, pattern := range []string{"../../examples/cases/*.json", "../../examples/scenarios/*.json", "../../examples/overlays/*.json", "../../procedures/*/*.json", "../../testdata/*/*.json"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			docs[name] = data
		}
	}
	if len(docs) < 20 {
		t.Fatalf("only %d documents found", len(docs))
	}
	return docs
}

// Every JSON document of the repository decodes into every library type as
// it did with the token decoder.
func TestDecode_LibraryDocumentsSameAsTokenDecoder(t *testing.T) {
	for name, data := range libraryDocuments(t) {
		t.Run(filepath.Base(name), func(t *testing.T) { sameAsTokenDecoder(t, data) })
	}
}

// FuzzDecodeLibrary_SameAsTokenDecoder mutates the repository's documents:
// the scanner and the token decoder accept and refuse the same, decode the
// same values, and refuse at the same path.
func FuzzDecodeLibrary_SameAsTokenDecoder(f *testing.F) {
	for _, data := range libraryDocuments(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameAsTokenDecoder(t, data) })
}
