package coregroup

import (
	"errors"
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
)

// FuzzDecodeCoreGroup proves Decode never panics, that every error is a
// *guidance.Error of kind Invalid naming a field, and that whatever it
// accepts Check and Deadlines handle without panicking.
func FuzzDecodeCoreGroup(f *testing.F) {
	for _, p := range []string{"2023/good.json", "2023/bad.json", "2023/new.json", "2021/good.json"} {
		f.Add(readFixture(f, p))
	}
	f.Add([]byte(`{"meetings":[{"date":"2026-03-10","attendance":["x"]}]}`))
	f.Add([]byte(`{"contingency_activations":[{"date":"2026-03-10","contingency":99999999999999999999}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzbudget.Start(t, len(b))()
		g, err := Decode(b)
		if err != nil {
			var ge *guidance.Error
			if !errors.As(err, &ge) || ge.Kind != guidance.Invalid || ge.Field == "" {
				t.Fatalf("want a *guidance.Error of kind Invalid naming a field, got %T %v", err, err)
			}
			return
		}
		for _, e := range guidance.Editions() {
			opts := Options{Options: engine.Options{Edition: e, Today: guidance.Date{Year: 2026, Month: 4, Day: 1}}, MaxMeetingGap: 30}
			if _, err := Check(g, opts); err != nil {
				t.Fatalf("Check of a decoded core group under %s: %v", e, err)
			}
			if _, err := Deadlines(g, opts); err != nil {
				t.Fatalf("Deadlines of a decoded core group under %s: %v", e, err)
			}
		}
		_, _ = Check(g, Options{})
	})
}
