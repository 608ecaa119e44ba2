package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

func openTemp(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "register.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLiteStoreConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) register.Store { return openTemp(t) })
}

// The same suite with group commit of access-log records.
func TestSQLiteStoreConformanceGroupCommit(t *testing.T) {
	storetest.Run(t, func(t *testing.T) register.Store {
		s, err := sqlite.OpenWith(context.Background(), filepath.Join(t.TempDir(), "register.db"), sqlite.Options{GroupCommit: true})
		require.NoError(t, err)
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// Group commit: many concurrent enquiries, every one recorded and
// chained, (concurrent callers share transactions).
func TestSQLiteGroupCommitRecordsEveryEnquiry(t *testing.T) {
	s, err := sqlite.OpenWith(context.Background(), filepath.Join(t.TempDir(), "register.db"), sqlite.Options{GroupCommit: true})
	require.NoError(t, err)
	defer s.Close()
	storetest.Enquiries(t, s, 64)
}

func TestOpenWithRefusesAnUnknownSynchronousSetting(t *testing.T) {
	_, err := sqlite.OpenWith(context.Background(), filepath.Join(t.TempDir(), "register.db"), sqlite.Options{Synchronous: "OFF"})
	require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "synchronous"}, err), "got %v", err)
}

func TestSQLiteStoreRaceRegisterTransferDeregister(t *testing.T) {
	storetest.Race(t, openTemp(t), 16, 60)
}

func TestSQLiteStoreConcurrentEnquiriesAllRecorded(t *testing.T) {
	storetest.Enquiries(t, openTemp(t), 32)
}

// Two handles on one file (as two processes would have) still let only
// one of two appends at the same version succeed.
func TestSQLiteTwoHandlesOneFileOnlyOneWriterWins(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer a.Close()
	b, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer b.Close()
	for i := range 20 {
		c := fmt.Sprint("c", i)
		errs := make(chan error, 2)
		for _, s := range []*sqlite.Store{a, b} {
			go func() { errs <- s.Append(ctx, c, 0, storetest.Registration(c, "fife", 1)) }()
		}
		e1, e2 := <-errs, <-errs
		require.True(t, (e1 == nil) != (e2 == nil), "exactly one must win: %v / %v", e1, e2)
		lost := e1
		if lost == nil {
			lost = e2
		}
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Conflict, Field: "version"}, lost), "got %v", lost)
	}
}
