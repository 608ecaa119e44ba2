package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "modernc.org/sqlite"

	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

const (
	crashEnv  = "CPGUIDE_REGISTER_CRASH_WRITER" // the database's path, in a crash-test writer
	writerEnv = "CPGUIDE_REGISTER_CRASH_ID"     // the writer's number
	inFlight  = 2                               // events one writer's write in flight at its kill may add
)

// TestCrashWriter is the child process of TestCrashKeepsEveryAcknowledgedWrite:
// it writes for ever, calling storetest.Ack after each write is
// acknowledged, until it is killed. It alternates between an Update of one
// of 10 children that all writers share (the head read under the write
// lock, so never a conflict) and a Head then Append to one of 10 children
// of its own.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("child process of the crash test")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	next := func(child string, v int64) []register.Event {
		if v == 0 {
			return []register.Event{storetest.Registration(child, "fife", 1), storetest.Enquiry(child, 2)}
		}
		return []register.Event{storetest.Enquiry(child, v+1)}
	}
	id := os.Getenv(writerEnv)
	for i := 0; ; i++ {
		var child string
		var v int64
		if i%2 == 0 {
			child = "crash-shared-" + strconv.Itoa(i/2%10)
			err = s.Update(ctx, child, func(st register.State) ([]register.Event, error) {
				evs := next(child, st.Version)
				v = st.Version + int64(len(evs))
				return evs, nil
			})
		} else {
			child = "crash-" + id + "-" + strconv.Itoa(i/2%10)
			var st register.State
			if st, err = s.Head(ctx, child); err == nil {
				evs := next(child, st.Version)
				v = st.Version + int64(len(evs))
				err = s.Append(ctx, child, st.Version, evs...)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		// Acknowledged: the write returned nil.
		storetest.Ack(child, v)
	}
}

// SIGKILL of 1, 2 and 4 writer processes on one file mid-stream, twice
// each: every acknowledged event is in the store, the file passes
// SQLite's integrity check and Verify, every history folds.
func TestCrashKeepsEveryAcknowledgedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for round, writers := range []int{1, 2, 4, 1, 2, 4} {
		t.Run(fmt.Sprintf("round%d-%dwriters", round, writers), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			// Create the schema first, so that the writers do not race
			// to migrate.
			s, err := sqlite.Open(context.Background(), path)
			require.NoError(t, err)
			require.NoError(t, s.Close())
			kill := make([]int, writers)
			for w := range kill {
				kill[w] = 150 + 37*round + 11*w
			}
			env := func(w int) []string { return []string{crashEnv + "=" + path, fmt.Sprintf("%s=%d", writerEnv, w)} }
			acked, total := storetest.KillWriters(t, "TestCrashWriter", env, kill)

			ctx := context.Background()
			s, err = sqlite.Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			_, err = s.Check(ctx, register.Anchor{})
			require.NoError(t, err)
			// Every acknowledged event is there, every row decodes; the
			// writes in flight at the kills may also be there, whole, one
			// per writer at most.
			storetest.CheckAcked(t, s, acked, inFlight*int64(writers))
			t.Logf("%d writer processes killed: %d acknowledged writes, %d children, 0 lost", writers, total, len(acked))
		})
	}
}

func TestEventsCannotBeUpdatedOrDeletedInTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := sqlite.Open(context.Background(), path)
	require.NoError(t, err)
	require.NoError(t, s.Append(context.Background(), "c1", 0, storetest.Registration("c1", "fife", 1)))
	require.NoError(t, s.Close())
	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`UPDATE events SET body = '{}' WHERE child_id = 'c1'`)
	assert.ErrorContains(t, err, "append-only")
	_, err = db.Exec(`DELETE FROM events`)
	assert.ErrorContains(t, err, "append-only")
}

func TestReopenKeepsSchemaAndRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	require.NoError(t, s.Append(ctx, "c1", 0, storetest.Registration("c1", "fife", 1)))
	require.NoError(t, s.Close())
	s, err = sqlite.Open(ctx, path)
	require.NoError(t, err)
	_, v, err := s.Load(ctx, "c1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), v)
	require.NoError(t, s.Close())

	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO schema_migrations (version, note, applied) VALUES (?, 'future', ?)`, sqlite.SchemaVersion()+1, time.Now().String())
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = sqlite.Open(ctx, path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "newer code")
}
