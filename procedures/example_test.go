package procedures_test

import (
	"fmt"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/procedures"
	"github.com/cpguide/cpguide/timescale"
)

// Highland's procedures tighten the national 15 working days to 14 calendar
// days: over Christmas the local date governs.
func ExampleLookup() {
	p, err := procedures.Lookup("highland-2024")
	if err != nil {
		fmt.Println(err)
		return
	}
	local, err := p.LocalTimescales(guidance.Edition2023)
	if err != nil {
		fmt.Println(err)
		return
	}
	dl, err := timescale.Due("coregroup.first", guidance.Edition2023,
		timescale.Anchors{timescale.EventCPPM: {Year: 2026, Month: 12, Day: 18}}, timescale.Options{Local: local})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title())
	fmt.Println("due:", dl.Due, dl.Due.Weekday(), "governing:", dl.Governing)
	// Output:
	// Highland Child Protection Committee 2024 procedures
	// due: 2027-01-01 Friday governing: local
}
