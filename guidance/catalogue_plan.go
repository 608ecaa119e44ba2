package guidance

// planRules are the rules checked by package plan.
var planRules = []Rule{}
