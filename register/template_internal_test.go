package register

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
)

// A template gives the same words for a known value, kept as a template
// made once, as for any other, written out in the pass's storage; a "%" in
// a value stays a "%".
func TestTemplate_KnownAndOtherValuesReadTheSame(t *testing.T) {
	p := engine.NewPass(engine.Options{}, guidance.Edition2023)
	defer p.Release()
	x, ok := guidance.RefOf("register.registration", guidance.Edition2023)
	require.True(t, ok)
	day := guidance.Date{Year: 2026, Month: 3, Day: 24}.Days()
	for _, tt := range []struct {
		t       *template
		value   string
		numbers []int
		want    string
	}{
		{&registeredOn, string(meeting.Initial), []int{day}, "registered on the decision of the initial CPPM held 2026-03-24 that a plan is required"},
		{&registeredOn, "50% review", []int{day}, "registered on the decision of the 50% review CPPM held 2026-03-24 that a plan is required"},
		{&concernsFrom, ConcernsCSWS2016.Version, []int{3}, "3 area(s) of concern recorded from list " + ConcernsCSWS2016.Version},
		{&concernsFrom, "local-list", []int{2}, "2 area(s) of concern recorded from list local-list"},
		{&accessAllowed, DefaultPolicy().Name, []int{4, 1}, `4 enquiry(ies), each allowed by access policy "` + DefaultPolicy().Name + `" and with its purpose; 1 refusal(s) recorded`},
		{&accessAllowed, `Fife "100%" policy`, []int{2, 0}, `2 enquiry(ies), each allowed by access policy "Fife \"100%\" policy" and with its purpose; 0 refusal(s) recorded`},
	} {
		other := *tt.t
		other.known = nil // the path for a value outside the known set
		for _, tm := range []*template{tt.t, &other} {
			p.Reset(engine.Options{}, guidance.Edition2023)
			require.NoError(t, engine.Run(p, "s", new(int), []engine.Check[int]{{Rule: x.ID(), Run: func(p *engine.Pass, _ *int) error {
				tm.report(p, "s", guidance.Met, tt.value, tt.numbers...)
				return nil
			}}}))
			require.Equal(t, tt.want, p.View().At(0).Message, "%q (known: %v)", tt.value, tm.known != nil)
		}
	}
}
