package register

import (
	"errors"
	"strconv"
	"sync"

	"github.com/cpguide/cpguide/guidance"
)

// episodesPool recycles the episodes of the states ValidateHistory folds
// (cleared before they go back).
var episodesPool = sync.Pool{New: func() any { return new([]Episode) }}

// ValidateHistory checks each event and that together they are one child's
// history: versions 1, 2, 3, ... with no gap, no second open registration
// in an authority, no ending without a registration. The error names the
// first event at fault by its position ("[2].version", "[3].type"; the
// caller puts the list's own path in front) and never quotes a value: an
// event holds personal data.
func ValidateHistory(evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	at := func(i int) string { return "[" + strconv.Itoa(i) + "]" }
	for i, e := range evs {
		if err := e.Validate(); err != nil {
			var ge *guidance.Error
			if errors.As(err, &ge) {
				out := *ge
				out.Value, out.Field = "", at(i)+"."+ge.Field
				return &out
			}
			return &guidance.Error{Kind: guidance.Invalid, Field: at(i), Hint: "fix the register event", Err: err}
		}
	}
	child := evs[0].ChildID
	buf := episodesPool.Get().(*[]Episode)
	st := State{ChildID: child, Episodes: (*buf)[:0]}
	err := st.fold(evs, true)
	clear(st.Episodes)
	*buf = st.Episodes[:0]
	episodesPool.Put(buf)
	if err == nil {
		return nil
	}
	// Find the first event the history cannot take: failing is monotone in
	// the length of the prefix, so search for the shortest failing one.
	lo, hi := 0, len(evs)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if _, err := Fold(child, evs[:mid+1]); err != nil {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	j := lo
	_, ferr := Fold(child, evs[:j+1])
	var ge *guidance.Error
	if errors.As(ferr, &ge) && ge.Value != "" {
		out := *ge
		out.Value = ""
		ferr = &out
	}
	field, hint := at(j)+".type", "the event contradicts the history before it (a second open registration in one authority, an ending or telling with no registration): correct the register"
	switch {
	case evs[j].ChildID != child:
		field, hint = at(j)+".child_id", "every register event of a case is about the same child: give the same child_id"
	case evs[j].Version != int64(j)+1:
		field, hint = at(j)+".version", "give the events in order with versions 1, 2, 3, ... and no gap (this one should be "+strconv.Itoa(j+1)+")"
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: field, Hint: hint, Err: ferr}
}
