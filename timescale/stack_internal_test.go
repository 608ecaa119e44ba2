package timescale

import (
	"os"
	"os/exec"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTable_BuildsInASmallStack builds the timescale table, in a process
// of its own, with goroutine stacks limited to 8 KB: the first deadline a
// process computes builds it on the caller's stack, deep in a check, and a
// large frame there makes the runtime copy the whole stack (twice, for a
// slice literal of every entry).
func TestTable_BuildsInASmallStack(t *testing.T) {
	if os.Getenv("CPGUIDE_TABLE_STACK_CHILD") == "1" {
		old := debug.SetMaxStack(8 << 10)
		n := len(table())
		debug.SetMaxStack(old) // the test framework's own work after the test needs more
		if n == 0 {
			t.Fatal("no table")
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTable_BuildsInASmallStack$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CPGUIDE_TABLE_STACK_CHILD=1")
	out, err := cmd.CombinedOutput()
	if len(out) > 2000 {
		out = out[:2000]
	}
	require.NoError(t, err, "building the table needed more than 8 KB of stack:\n%s", out)
	require.Len(t, table(), tableLen, "tableLen sizes the table exactly")
	require.Equal(t, tableLen, cap(table()))
}

// The table's timescales fit the results room DueDate and Due keep on the
// stack: at most maxReadings readings each.
func TestTable_AtMostMaxReadings(t *testing.T) {
	for _, ts := range table() {
		if len(ts.Readings) > maxReadings {
			t.Errorf("%s (%s): %d readings, more than maxReadings (%d): raise it", ts.Rule, ts.Edition, len(ts.Readings), maxReadings)
		}
	}
}
