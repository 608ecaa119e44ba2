package meeting_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/meeting"
)

// FuzzDecode: no input makes Decode, Check or Next panic; whatever Decode
// accepts, Check accepts under every edition; every Decode error is a
// *guidance.Error naming a field.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"kind":"review","held":"2026-01-01","quorum":{"decision":"inquorate","proceeded":true}}`))
	f.Add([]byte(`{"kind":"pre-birth","held":"9999-12-31","pre_birth":{"expected_delivery":"0001-01-01"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzbudget.Start(t, len(data))()
		m, err := meeting.Decode(bytes.NewReader(data))
		if err != nil {
			if !guidance.Match(&guidance.Error{Kind: guidance.Invalid}, err) && !guidance.Match(&guidance.Error{Kind: guidance.Other}, err) {
				t.Fatalf("Decode error is not a *guidance.Error of kind Invalid: %v", err)
			}
			return
		}
		today, _ := guidance.ParseDate("2026-05-01")
		for _, e := range guidance.Editions() {
			rep, err := meeting.Check(m, meeting.Options{Options: engine.Options{Edition: e, Today: today}, Previous: []meeting.Meeting{m}})
			if err != nil {
				t.Fatalf("Check rejected a decoded meeting under %s: %v", e, err)
			}
			if len(rep.Findings()) != len(meeting.RuleIDs()) {
				t.Fatalf("got %d findings, want %d", len(rep.Findings()), len(meeting.RuleIDs()))
			}
			_, _ = meeting.Next(m, meeting.Options{Options: engine.Options{Edition: e}})
		}
	})
}
