//go:build race

package cpguide_test

// raceEnabled: the race detector slows the code several times over, so
// tests of time skip their bounds.
const raceEnabled = true
