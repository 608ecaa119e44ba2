package register_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/storetest"
)

// A tampering error names the log and the sequence numbers for the operator;
// the child's ID, which a case system may treat as personal, stays in its
// field and never reaches the message, which may be logged.
func TestTamperError_MessageNamesNoChild(t *testing.T) {
	err := error(&register.TamperError{Log: "events", Seq: 4, ChildID: "CHILD-MARKER-0001", N: 2, Problem: "hash does not match"})
	assert.NotContains(t, err.Error(), "CHILD-MARKER-0001")
	assert.Contains(t, err.Error(), "sequence number 4")
	assert.True(t, errors.Is(err, register.ErrTampered))
}

// chainRows returns the rows of c1 (a registration, then n-1 enquiries)
// as a store that keeps states in its rows keeps them, at sequence
// numbers 1, 2, ...
func chainRows(t *testing.T, n int) []register.ChainRow {
	t.Helper()
	evs := []register.Event{storetest.Registration("c1", "fife", 1)}
	for v := 2; v <= n; v++ {
		evs = append(evs, storetest.Enquiry("c1", int64(v)))
	}
	rows, err := register.PrepareRows("c1", register.ChainRow{}, evs)
	require.NoError(t, err)
	for i := range rows {
		rows[i].Seq = int64(i + 1)
	}
	return rows
}

// A store with no heads keeps the state in every events row but a
// child's first: the verifier wants it, checks it, and wants no head.
func TestChainVerifier_NoHeads(t *testing.T) {
	rows := chainRows(t, 3)
	assert.Empty(t, rows[0].State, "the first row's state is the fold of its own event")
	assert.NotEmpty(t, rows[1].State)
	v := register.NewChainVerifier(true)
	v.NoHeads()
	for _, r := range rows {
		require.NoError(t, v.Row(r))
	}
	n, err := v.Done()
	require.NoError(t, err)
	assert.Equal(t, int64(3), n)
	ends := v.Ends()
	require.Len(t, ends, 1)
	assert.Equal(t, register.ChainEnd{Key: "c1", N: 3, Seq: 3, Hash: rows[2].Hash}, ends[0])

	for name, edit := range map[string]func(r *register.ChainRow){
		"no state":    func(r *register.ChainRow) { r.State = nil },
		"other state": func(r *register.ChainRow) { r.State = rows[2].State },
	} {
		v := register.NewChainVerifier(true)
		v.NoHeads()
		require.NoError(t, v.Row(rows[0]))
		r := rows[1]
		edit(&r)
		var te *register.TamperError
		require.ErrorAs(t, v.Row(r), &te, name)
		assert.Equal(t, int64(2), te.Seq, name)
	}
	v = register.NewChainVerifier(true)
	v.NoHeads()
	first := rows[0]
	first.State = rows[1].State
	var te *register.TamperError
	require.ErrorAs(t, v.Row(first), &te, "a first row with a state")
	assert.Equal(t, int64(1), te.Seq)

	// The state at the last row, in one row.
	for i, r := range rows {
		st, err := register.LastRowState("c1", r)
		require.NoError(t, err)
		assert.Equal(t, int64(i+1), st.Version)
		assert.Equal(t, i, st.Enquiries)
		assert.True(t, st.OnRegister())
	}

	// With heads expected, a chain without one is at fault.
	v = register.NewChainVerifier(true)
	require.NoError(t, v.Row(rows[0]))
	_, err = v.Done()
	assert.ErrorIs(t, err, register.ErrTampered)
}

// A gapless log reports the first missing sequence number, within the log
// and at its end.
func TestChainVerifier_Gapless(t *testing.T) {
	rows := chainRows(t, 3)
	v := register.NewChainVerifier(true)
	v.Gapless()
	require.NoError(t, v.Row(rows[0]))
	r := rows[1]
	r.Seq = 3 // seq 2 deleted and the chain otherwise whole
	var te *register.TamperError
	require.ErrorAs(t, v.Row(r), &te)
	assert.Equal(t, int64(2), te.Seq)

	v = register.NewChainVerifier(true)
	v.Gapless()
	for _, r := range rows[:2] {
		require.NoError(t, v.Row(r))
	}
	require.NoError(t, v.Issued(2))
	require.ErrorAs(t, v.Issued(3), &te)
	assert.Equal(t, int64(3), te.Seq)
}

// An anchor's chain ends must still be in the rows: the same row, or a
// fault at the row that differs or, for a row that is gone, at its
// recorded sequence number.
func TestChainVerifier_Expect(t *testing.T) {
	rows := chainRows(t, 3)
	end := register.ChainEnd{Key: "c1", N: 2, Seq: 2, Hash: rows[1].Hash}
	verify := func(rows []register.ChainRow, ends ...register.ChainEnd) error {
		v := register.NewChainVerifier(true)
		v.NoHeads()
		v.Expect(ends)
		for _, r := range rows {
			if err := v.Row(r); err != nil {
				return err
			}
		}
		_, err := v.Done()
		return err
	}
	require.NoError(t, verify(rows, end))
	var te *register.TamperError
	require.ErrorAs(t, verify(rows[:1], end), &te, "truncated")
	assert.Equal(t, int64(2), te.Seq)
	other := end
	other.Hash = rows[2].Hash
	require.ErrorAs(t, verify(rows, other), &te, "rewritten")
	assert.Equal(t, int64(2), te.Seq)
}

func TestAnchor_Digest(t *testing.T) {
	rows := chainRows(t, 2)
	a := register.Anchor{Events: []register.ChainEnd{{Key: "c1", N: 2, Seq: 2, Hash: rows[1].Hash}}}
	assert.Len(t, a.Digest(), 64)
	assert.Equal(t, a.Digest(), register.Anchor{Events: slices.Clone(a.Events)}.Digest())
	for name, b := range map[string]register.Anchor{
		"empty":        {},
		"in access":    {Access: a.Events},
		"other n":      {Events: []register.ChainEnd{{Key: "c1", N: 3, Seq: 2, Hash: rows[1].Hash}}},
		"other seq":    {Events: []register.ChainEnd{{Key: "c1", N: 2, Seq: 3, Hash: rows[1].Hash}}},
		"other hash":   {Events: []register.ChainEnd{{Key: "c1", N: 2, Seq: 2, Hash: rows[0].Hash}}},
		"other key":    {Events: []register.ChainEnd{{Key: "c2", N: 2, Seq: 2, Hash: rows[1].Hash}}},
		"one more end": {Events: append(slices.Clone(a.Events), register.ChainEnd{Key: "c2", N: 1, Seq: 3, Hash: rows[0].Hash})},
	} {
		assert.NotEqual(t, a.Digest(), b.Digest(), name)
	}
}
