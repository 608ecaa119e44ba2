package guidance

// registerRules are the rules checked by package register.
var registerRules = []Rule{}
