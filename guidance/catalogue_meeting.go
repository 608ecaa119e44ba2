package guidance

// meetingRules are the rules checked by package meeting.
var meetingRules = []Rule{}
