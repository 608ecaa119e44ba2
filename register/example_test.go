package register_test

import (
	"context"
	"fmt"
	"time"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/timescale"
)

func Example() {
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC) }
	reg, _ := register.New(register.Config{Store: register.NewMemory(), Clock: clock})

	keeper := register.Actor{ID: "sw-keeper-1", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "fife"}
	held := timescale.Date{Year: 2026, Month: time.March, Day: 2}
	err := reg.Register(ctx, keeper, register.RegistrationInput{
		Child: "case-4711", Authority: "fife", Date: held,
		Meeting:  register.MeetingRef{ID: "cppm-88", Kind: meeting.Initial, Held: held, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
		Concerns: []string{"neglect", "parental-alcohol-misuse"},
	})
	fmt.Println("registered:", err == nil)

	police := register.Actor{ID: "pc-2231", Role: register.Practitioner, Agency: meeting.Police, Authority: "police-scotland"}
	ans, _ := reg.Enquire(ctx, police, "case-4711", "call-out to the family home")
	fmt.Println("on the register:", ans.OnRegister, "in", ans.Open[0].Authority, "since", ans.Open[0].Start)

	// An inquorate review CPPM cannot de-register.
	later := held.AddMonths(6)
	err = reg.Deregister(ctx, keeper, register.DeregistrationInput{Child: "case-4711", Authority: "fife", Date: later, Reason: register.RiskReduced,
		Meeting: &register.MeetingRef{ID: "rev-3", Kind: meeting.Review, Held: later, ChildFamilyRepresented: true}})
	fmt.Println(guidance.Match(&guidance.Error{Kind: guidance.Refused}, err))
	fmt.Println(err)
	// Output:
	// registered: true
	// on the register: true in fife since 2026-03-02
	// true
	// refused by the guidance: meeting.quorate: rule register.deregistration: an inquorate CPPM cannot de-register; reconvene it
}

func ExampleRegister_Statistics() {
	ctx := context.Background()
	store := register.NewMemory()
	reg, _ := register.New(register.Config{Store: store, Clock: func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC) }})
	keeper := register.Actor{ID: "k", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "angus"}
	for i, day := range []int{3, 10, 17} {
		d := timescale.Date{Year: 2026, Month: time.February, Day: day}
		_ = reg.Register(ctx, keeper, register.RegistrationInput{Child: fmt.Sprint("c", i), Authority: "angus", Date: d,
			Meeting: register.MeetingRef{ID: "m", Kind: meeting.Initial, Held: d, Quorate: true, PlanRequired: true}, Concerns: []string{"domestic-abuse"}})
	}
	statistician := register.Actor{ID: "st-1", Role: register.Statistician, Agency: meeting.SocialWork, Authority: "angus"}
	st, _ := reg.Statistics(ctx, statistician, register.Query{Authority: "angus",
		From: timescale.Date{Year: 2026, Month: time.January, Day: 1}, To: timescale.Date{Year: 2026, Month: time.March, Day: 31},
		ReRegistrationMonths: 18,
	})
	fmt.Println(st.Registrations, st.RegistrationsByConcern["domestic-abuse"], st.OnRegisterAtEnd)
	// Output: 3 3 3
}

// A host keeps the anchor each Verify returns outside the database (here
// a variable; in production a write-once store) and gives it to the next
// Verify, which then finds a history rewritten or truncated since.
func ExampleAnchor() {
	ctx := context.Background()
	store := register.NewMemory() // a SQLite or PostgreSQL store in production
	reg, _ := register.New(register.Config{Store: store, Clock: func() time.Time { return time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC) }})
	keeper := register.Actor{ID: "sw-keeper-1", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "fife"}
	held := timescale.Date{Year: 2026, Month: time.March, Day: 2}
	registerChild := func(child register.ChildID) error {
		return reg.Register(ctx, keeper, register.RegistrationInput{
			Child: child, Authority: "fife", Date: held,
			Meeting:  register.MeetingRef{ID: "cppm-" + child, Kind: meeting.Initial, Held: held, Quorate: true, ChildFamilyRepresented: true, PlanRequired: true},
			Concerns: []string{"neglect"},
		})
	}
	_ = registerChild("case-4711")

	anchor, err := store.Verify(ctx, register.Anchor{}) // the first audit
	fmt.Println("verified:", err == nil, "chains:", len(anchor.Events), "digest:", len(anchor.Digest()), "hex digits")

	_ = registerChild("case-4712")
	next, err := store.Verify(ctx, anchor) // the next audit checks the last one's anchor
	fmt.Println("verified against the last anchor:", err == nil, "chains:", len(next.Events))
	// Output:
	// verified: true chains: 1 digest: 64 hex digits
	// verified against the last anchor: true chains: 2
}
