package cpguide

// An UnusedVariation is an approved variation that changed nothing, as a
// Result reports it: the rule and occurrence it names, its new date and
// when it was recorded. The approver's name and the reason, which is free
// text about the family, stay in the case: a Result is printed and shared
// (cpguide check --json), and they are not needed to find the mistake.
type UnusedVariation struct {
	Rule     string `json:"rule"`
	Subject  string `json:"subject,omitempty"`
	NewDate  Date   `json:"new_date"`
	Recorded Date   `json:"recorded"`
}
