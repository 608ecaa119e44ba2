package meeting_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
)

// TestFirstCoreGroup_Series: the first Core Group meeting, owed after the
// CPPM that decided the plan, checked with the whole case (meeting.Run) from
// the date of the CPPM the Core Group records.
func TestFirstCoreGroup_Series(t *testing.T) {
	tests := []struct {
		name     string
		ed       guidance.Edition
		cppm     string
		done     string
		today    string
		policies map[string]string
		want     guidance.Status
		due      string
	}{
		// AD23: 15 working days (Highland's 14 calendar days are its
		// profile's, not national).
		{"AD23_FifteenWorkingDays_Pending", guidance.Edition2023, "2026-03-02", "", "2026-03-17", nil, guidance.Pending, "2026-03-23"},
		{"AD23_FifteenWorkingDays_Overdue", guidance.Edition2023, "2026-03-02", "", "2026-03-24", nil, guidance.Overdue, "2026-03-23"},
		{"NoDateOfCheckIsUnknownNeverTheClock", guidance.Edition2023, "2026-03-02", "", "", nil, guidance.Unknown, "2026-03-23"},
		{"G21_3137_FifteenDays_Met", guidance.Edition2021, "2022-03-02", "2022-03-10", "2022-05-01", nil, guidance.Met, "2022-03-17"},
		{"G14_AppendixC_FifteenCalendarDays_Late", guidance.Edition2014, "2016-03-02", "2016-03-20", "2016-06-01", nil, guidance.Late, "2016-03-17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := engine.Options{Edition: tt.ed, Policies: tt.policies}
			if tt.today != "" {
				o.Today = d(tt.today)
			}
			p := engine.NewPass(o, tt.ed)
			g := meeting.Followed{Recorded: true, CPPM: d(tt.cppm)}
			if tt.done != "" {
				g.Done = d(tt.done)
			}
			require.NoError(t, meeting.Run(p, meeting.Series{CoreGroup: g}))
			rep, _ := p.Take()
			var got []guidance.Finding
			for _, f := range rep.Findings() {
				if f.Rule == "coregroup.first" {
					got = append(got, f)
				}
			}
			require.Len(t, got, 1)
			require.Equal(t, tt.want, got[0].Status, got[0].String())
			require.Equal(t, d(tt.due), got[0].Due)
			require.Equal(t, "first Core Group meeting", got[0].Subject)
		})
	}
}
