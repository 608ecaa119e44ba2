package procedures_test

import (
	"strings"
	"testing"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/procedures"
)

// FuzzDecode: Decode never panics; an error is a *guidance.Error naming a
// path in the profile; a profile it accepts never loosens a national
// deadline (LocalTimescales refuses, or every figure passed CheckLocal).
func FuzzDecode(f *testing.F) {
	f.Add(`{"name":"x","committee":"X","year":2025,"edition":"2023","source":"s","timescales":[{"rule":"coregroup.first","days":14,"unit":"calendar","section":"4"}]}`)
	f.Add(`{"name":"x","committee":"X","year":2025,"edition":"2023","source":"s","provisions":[{"rule":"cppm.core-agencies","strength":"should","section":"4","text":"t"}]}`)
	f.Add(`{"holidays":[{"date":"2026-02-30"}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		p, err := procedures.Decode([]byte(doc))
		if err != nil {
			ge, ok := err.(*guidance.Error)
			if !ok || !strings.HasPrefix(ge.Field, "profile") {
				t.Fatalf("error without a profile path: %v", err)
			}
			return
		}
		for _, e := range []guidance.Edition{guidance.Edition2014, guidance.Edition2021, guidance.Edition2023} {
			if _, err := p.LocalTimescales(e); err != nil {
				if ge, ok := err.(*guidance.Error); !ok || !strings.HasPrefix(ge.Field, "profile") {
					t.Fatalf("LocalTimescales error without a profile path: %v", err)
				}
			}
		}
	})
}
