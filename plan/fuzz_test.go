package plan

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// FuzzDecodePlan proves Decode never panics, that every error is a
// *guidance.Error of kind Invalid naming a field, and that whatever it
// accepts Check can check without panicking.
func FuzzDecodePlan(f *testing.F) {
	for _, p := range []string{"2023/good.json", "2023/bad.json", "2023/empty.json", "2021/good.json", "2023/isp-good.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"actions":[{"responsible":{"agency":7}}]}`))
	f.Add([]byte(`{"cppm":"2026-02-30"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzbudget.Start(t, len(b))()
		p, err := Decode(b)
		if err != nil {
			var ge *guidance.Error
			if !errors.As(err, &ge) || ge.Kind != guidance.Invalid || ge.Field == "" {
				t.Fatalf("want a *guidance.Error of kind Invalid naming a field, got %T %v", err, err)
			}
			return
		}
		for _, e := range []guidance.Edition{guidance.Edition2014, guidance.Edition2021, guidance.Edition2023} {
			if _, err := Check(p, Options{Options: engine.Options{Edition: e, Today: guidance.Date{Year: 2026, Month: 4, Day: 1}}}); err != nil {
				t.Fatalf("Check of a decoded plan: %v", err)
			}
		}
		_, _ = Check(p, Options{})
		_, _ = Deadlines(p, Options{Options: engine.Options{Edition: guidance.Edition2023}})
		_ = Reflect(p.Reflection)
		isp, err := DecodeInterim(b)
		if err == nil {
			_, _ = CheckInterim(isp, Options{Options: engine.Options{Edition: guidance.Edition2023}})
		}
	})
}
