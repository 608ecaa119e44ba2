package guidance

// coregroupRules are the rules checked by package coregroup.
var coregroupRules = []Rule{}
