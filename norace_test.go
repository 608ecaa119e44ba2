//go:build !race

package cpguide_test

const raceEnabled = false
