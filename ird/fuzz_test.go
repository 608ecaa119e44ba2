package ird_test

import (
	"errors"
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/ird"
)

// FuzzDecodeIRD proves Decode never panics, that every error is a
// *guidance.Error of kind Invalid naming a field, and that whatever it
// accepts Check handles under every edition without panicking.
func FuzzDecodeIRD(f *testing.F) {
	f.Add([]byte(`{"held":"2026-03-03","reason":"x","agencies":["police","social-work","health"],"information_shared":true,"lawful_basis":"public task","decisions":{"investigation":"2026-03-03","cppm":true,"cppm_reason":"risk"},"lead_professional":{"name":"a","agency":"b"},"closed":"2026-03-24","closure_reason":"cppm","closed_by":{"name":"c","agency":"d"}}`))
	f.Add([]byte(`{"out_of_hours":"2026-12-24","held":"2026-12-30"}`))
	f.Add([]byte(`{"agencies":["police","police"]}`))
	f.Add([]byte(`{"decisions":{"cppm":false,"no_investigation_reason":"none"}}`))
	f.Add([]byte(`"2026-03-03"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzbudget.Start(t, len(b))()
		r, err := ird.Decode(b)
		if err != nil {
			var ge *guidance.Error
			if !errors.As(err, &ge) || ge.Kind != guidance.Invalid || ge.Field == "" {
				t.Fatalf("want a *guidance.Error of kind Invalid naming a field, got %T %v", err, err)
			}
			return
		}
		for _, e := range guidance.Editions() {
			facts := ird.Facts{Concern: r.Started(), IRD: r}
			opts := ird.Options{Options: engine.Options{Edition: e, Today: guidance.Date{Year: 2026, Month: 4, Day: 1}}}
			if _, err := ird.Check(facts, opts); err != nil {
				t.Fatalf("Check of a decoded IRD under %s: %v", e, err)
			}
		}
	})
}
