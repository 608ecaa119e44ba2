//go:build race

package cpguide_test

// raceEnabled is true when the tests run under the race detector, which
// makes the long comparisons about ten times slower.
const raceEnabled = true
