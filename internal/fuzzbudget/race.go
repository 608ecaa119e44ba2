//go:build race

package fuzzbudget

const raceEnabled = true
