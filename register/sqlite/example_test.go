package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cpguide/cpguide/meeting"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/timescale"
)

func ExampleOpen() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "register-example")
	defer os.RemoveAll(dir)

	store, err := sqlite.Open(ctx, filepath.Join(dir, "register.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	reg, _ := register.New(register.Config{Store: store, Clock: time.Now})

	keeper := register.Actor{ID: "k-1", Role: register.RegisterKeeper, Agency: meeting.SocialWork, Authority: "dundee"}
	day := timescale.Date{Year: 2026, Month: time.May, Day: 11}
	err = reg.Register(ctx, keeper, register.RegistrationInput{Child: "case-9", Authority: "dundee", Date: day,
		Meeting:  register.MeetingRef{ID: "m-9", Kind: meeting.Initial, Held: day, Quorate: true, PlanRequired: true},
		Concerns: []string{"neglect"}})
	fmt.Println("registered:", err == nil)

	_, version, _ := store.Load(ctx, "case-9")
	fmt.Println("version:", version)
	// Output:
	// registered: true
	// version: 1
}
