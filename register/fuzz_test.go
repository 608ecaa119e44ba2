package register_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/engine"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/internal/fuzzbudget"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

func seedEvents(f *testing.F) {
	for _, e := range []register.Event{storetest.Registration("c1", "fife", 1), storetest.Enquiry("c1", 2)} {
		b, err := register.MarshalEvent(e)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"child_id":"c1","version":2,"type":"deregistered","authority":"fife","date":"2026-02-30","reason":"died"}`))
	f.Add([]byte(`{"child_id":"c1","version":3,"type":"corrected","correction":{"corrects":1,"concerns":["neglect"]}}`))
	f.Add([]byte(`{}`))
}

// FuzzDecodeEvent: the decoder never panics; what it accepts is valid and
// survives a round trip unchanged; its errors never quote the input.
func FuzzDecodeEvent(f *testing.F) {
	seedEvents(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzbudget.Start(t, len(b))()
		e, err := register.DecodeEvent(b)
		if err != nil {
			if len(b) >= 8 && bytes.Contains([]byte(err.Error()), b) {
				t.Fatalf("error quotes the input: %v", err)
			}
			return
		}
		require.NoError(t, e.Validate())
		out, err := register.MarshalEvent(e)
		require.NoError(t, err)
		again, err := register.DecodeEvent(out)
		require.NoError(t, err)
		require.Equal(t, e.ChildID, again.ChildID)
		out2, err := register.MarshalEvent(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}

// FuzzFoldDecoded: folding and checking any sequence of decodable events
// never panics.
func FuzzFoldDecoded(f *testing.F) {
	seedEvents(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		defer fuzzbudget.Start(t, len(b))()
		var evs []register.Event
		for _, line := range bytes.Split(b, []byte("\n")) {
			if e, err := register.DecodeEvent(line); err == nil {
				evs = append(evs, e)
			}
		}
		if len(evs) > 0 {
			_, _ = register.Fold(evs[0].ChildID, evs)
			_, _ = register.Check(&register.Case{Events: evs}, register.Options{Options: engine.Options{Edition: guidance.Edition2023}})
		}
	})
}
