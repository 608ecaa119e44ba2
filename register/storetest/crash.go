package storetest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/register"
)

// A crash test has two halves in one test binary. The writer is a test
// that skips itself unless an environment variable says it is a writer; it
// writes to the store for ever and calls [Ack] after every write the store
// acknowledged. The crash test proper calls [KillWriters], which runs
// copies of the binary as writers and kills them mid-write, then reopens
// the store and calls [CheckAcked].

// ackPrefix starts the line a writer prints per acknowledged write.
const ackPrefix = "ACK "

// Ack tells [KillWriters] that a write was acknowledged: it prints
// "ACK <child> <version>" to standard output, version being the child's
// version after the write. A crash writer calls it after each write that
// returned nil, and never before: a line printed for a write that then
// fails would make [CheckAcked] report a loss that did not happen.
func Ack(child register.ChildID, version int64) {
	fmt.Printf("%s%s %d\n", ackPrefix, child, version)
}

// parseAck parses what follows the prefix in a line [Ack] printed.
func parseAck(line string) (register.ChildID, int64, error) {
	f := strings.Fields(line)
	if len(f) != 2 {
		return "", 0, fmt.Errorf("ACK line %q: want a child and a version", line)
	}
	v, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return "", 0, fmt.Errorf("ACK line %q: %w", line, err)
	}
	return f[0], v, nil
}

// KillWriters runs the writers of a crash test and kills them mid-stream.
//
// It starts len(kill) copies of the running test binary at once, each
// running only the test named test, the writer, with env(w) added to
// writer w's environment (w counts from 0; the variables tell the writer
// where the store is and which writer it is). It reads each writer's
// standard output, counting the lines [Ack] prints; after kill[w] of them
// it sends writer w SIGKILL, which most likely lands in the middle of the
// writer's next write. It then reads on to the end, since every line the
// writer printed before it died was acknowledged too, and waits for it.
//
// It returns, per child, the highest version a writer acknowledged, and
// the number of acknowledged writes. Pass the versions to [CheckAcked]
// after reopening the store.
//
// It fails t if a writer ends before kill[w] acknowledgements or dies of
// anything but the SIGKILL (the writer's own error is on this test's
// standard error, which the writers share), or prints an ACK line it
// cannot parse. Lines without the ACK prefix, the test framework's, are
// skipped. If a writer cannot be started, it stops t once the writers
// already started are dead.
func KillWriters(t testing.TB, test string, env func(w int) []string, kill []int) (acked map[register.ChildID]int64, writes int) {
	t.Helper()
	for w, k := range kill {
		if k < 1 {
			t.Fatalf("writer %d: kill after %d acknowledged writes: give at least 1", w, k)
		}
	}
	acked = map[register.ChildID]int64{}
	var mu sync.Mutex // guards acked and writes
	var wg sync.WaitGroup
	started := true
	for w := range kill {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
		cmd.Env = append(os.Environ(), env(w)...)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err == nil {
			err = cmd.Start()
		}
		if err != nil {
			// The writers already started still run to their kills.
			t.Errorf("writer %d: %v", w, err)
			started = false
			break
		}
		wg.Go(func() {
			n, killed := 0, false
			stop := func() {
				if !killed {
					killed = true
					if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
						t.Errorf("writer %d: %v", w, err)
					}
				}
			}
			// However the loop ends, the writer must not outlive it:
			// it would write for ever, and Wait would wait for ever.
			defer func() {
				stop()
				if err := cmd.Wait(); !killedBySIGKILL(cmd.ProcessState) {
					t.Errorf("writer %d: want it killed by SIGKILL, got %v", w, err)
				}
				assert.GreaterOrEqual(t, n, kill[w], "writer %d stopped before its kill: %d of %d acknowledged writes", w, n, kill[w])
			}()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line, ok := strings.CutPrefix(sc.Text(), ackPrefix)
				if !ok {
					continue // the test framework's output
				}
				child, v, err := parseAck(line)
				if !assert.NoError(t, err, "writer %d", w) {
					return
				}
				mu.Lock()
				acked[child] = max(acked[child], v)
				writes++
				mu.Unlock()
				if n++; n == kill[w] {
					// Kill mid-stream: the writer is in the middle of
					// its next write.
					stop()
				}
			}
			if err := sc.Err(); err != nil {
				t.Errorf("writer %d: reading its output: %v", w, err)
			}
		})
	}
	wg.Wait()
	if !started {
		t.FailNow()
	}
	return acked, writes
}

// killedBySIGKILL reports whether the process that ended in ps died of
// SIGKILL.
func killedBySIGKILL(ps *os.ProcessState) bool {
	if ps == nil {
		return false // never waited for
	}
	ws, ok := ps.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// CheckAcked fails t unless s, reopened after [KillWriters], keeps every
// write the writers acknowledged, and holds nothing it should not.
//
// For every child in acked, the store's history must reach at least the
// acknowledged version. Every child the store holds events of must have a
// history that folds and a head that is that fold (foldsToHead), and every
// head the store holds must have events behind it (Scan decodes every
// row, so nothing half-written reads either). A write
// in flight at a kill may be there or not, whole; slack is how many events
// such writes may add to one child beyond its acknowledged version, so a
// child holding more than that, or a child the writers never acknowledged
// holding more than slack, is an error too: the acknowledgements were lost
// on the way or the store wrote something twice. So s must hold only what
// the writers wrote. An empty acked is an error: a crash test that saw no
// acknowledgement has proved nothing.
func CheckAcked(t testing.TB, s register.Store, acked map[register.ChildID]int64, slack int64) {
	t.Helper()
	require.NotEmpty(t, acked, "no acknowledged writes to check")
	held := map[register.ChildID]int64{}
	for child, evs := range historiesOf(t, s) {
		st := foldsToHead(t, s, child, evs)
		held[child] = st.Version
		assert.LessOrEqual(t, st.Version, acked[child]+slack, "child %s holds more than its acknowledged writes and those in flight", child)
	}
	require.NoError(t, s.ScanHeads(context.Background(), func(st register.State) error {
		if _, ok := held[st.ChildID]; !ok {
			t.Errorf("child %s: a head with no events behind it", st.ChildID)
		}
		return nil
	}))
	for child, want := range acked {
		assert.GreaterOrEqual(t, held[child], want, "child %s lost acknowledged events", child)
	}
}

// historiesOf returns every event of s, by child, in the order Scan gives.
func historiesOf(t testing.TB, s register.Store) map[register.ChildID][]register.Event {
	t.Helper()
	byChild := map[register.ChildID][]register.Event{}
	require.NoError(t, s.Scan(context.Background(), func(e register.Event) error {
		byChild[e.ChildID] = append(byChild[e.ChildID], e)
		return nil
	}))
	return byChild
}

// foldsToHead fails t unless the events of child fold and the store's head
// of child is that fold, whole; it returns the fold.
func foldsToHead(t testing.TB, s register.Store, child register.ChildID, evs []register.Event) register.State {
	t.Helper()
	st, err := register.Fold(child, evs)
	require.NoError(t, err, "child %s: the history does not fold", child)
	head, err := s.Head(context.Background(), child)
	require.NoError(t, err, "child %s", child)
	assert.Equal(t, st, head, "child %s: the head is the fold", child)
	return st
}
