package cpguide

// CheckPlain exposes checkPlain, the reference Check is held to, to the
// tests of package cpguide_test.
var CheckPlain = checkPlain
