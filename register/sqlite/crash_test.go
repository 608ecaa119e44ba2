package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "modernc.org/sqlite"

	"github.com/cpguide/cpguide/register"
	"github.com/cpguide/cpguide/register/sqlite"
	"github.com/cpguide/cpguide/register/storetest"
)

const crashEnv = "CPGUIDE_REGISTER_CRASH_WRITER"

// TestCrashWriter is the child process of TestCrashKeepsEveryAcknowledgedWrite:
// it appends events for ever, printing "child version" after each append
// is acknowledged, until it is killed.
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
	versions := map[string]int64{}
	for i := 0; ; i++ {
		child := "crash-" + strconv.Itoa(i%20)
		v := versions[child]
		evs := []register.Event{storetest.Enquiry(child, v+1)}
		if v == 0 {
			evs = []register.Event{storetest.Registration(child, "fife", 1), storetest.Enquiry(child, 2)}
		}
		if err := s.Append(ctx, child, v, evs...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		versions[child] = v + int64(len(evs))
		// Acknowledged: the append returned nil.
		fmt.Printf("%s %d\n", child, versions[child])
	}
}

func TestCrashKeepsEveryAcknowledgedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for round := range 3 {
		t.Run(fmt.Sprint("round", round), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
			cmd.Env = append(os.Environ(), crashEnv+"="+path)
			out, err := cmd.StdoutPipe()
			require.NoError(t, err)
			cmd.Stderr = os.Stderr
			require.NoError(t, cmd.Start())

			acked := map[string]int64{}
			sc := bufio.NewScanner(out)
			n := 0
			kill := 150 + 97*round
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) != 2 {
					continue // test framework output
				}
				v, err := strconv.ParseInt(f[1], 10, 64)
				require.NoError(t, err)
				acked[f[0]] = v
				if n++; n == kill {
					// Kill mid-stream: the writer is in the middle of its
					// next append.
					require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
					break
				}
			}
			_ = cmd.Wait()
			require.Equal(t, kill, n, "the writer stopped early")

			ctx := context.Background()
			s, err := sqlite.Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			_, err = s.Check(ctx, register.Anchor{})
			require.NoError(t, err)
			for child, v := range acked {
				evs, got, err := s.Load(ctx, child)
				require.NoError(t, err, child)
				// Every acknowledged event is there; at most the one append
				// in flight at the kill may also be there, whole.
				assert.GreaterOrEqual(t, got, v, "child %s lost acknowledged events", child)
				assert.LessOrEqual(t, got, v+2, "child %s", child)
				_, err = register.Fold(child, evs)
				require.NoError(t, err, "child %s history does not fold", child)
			}
			// Nothing half-written: every row decodes (Scan decodes each).
			total := 0
			require.NoError(t, s.Scan(ctx, func(register.Event) error { total++; return nil }))
			assert.Positive(t, total)
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
