package meeting

import "testing"

// exactly reports, through t, any value of list that valid refuses and
// any of others that it accepts.
func exactly[T ~string](t *testing.T, list, others []T, valid func(T) bool) {
	t.Helper()
	for _, v := range list {
		if !valid(v) {
			t.Errorf("%q is listed but not valid", v)
		}
	}
	for _, v := range others {
		if valid(v) {
			t.Errorf("%q is valid but not listed", v)
		}
	}
}

// The switches of RecordItem.valid and Agency.Valid name exactly what
// RecordItems and Agencies list (they repeat the lists, for speed).
func TestValid_ExactlyTheLists(t *testing.T) {
	exactly(t, RecordItems(), []RecordItem{"", "invitee", "Attendees", "plan"}, RecordItem.valid)
	exactly(t, Agencies(), []Agency{"", "reporter", "Police", "social work"}, Agency.Valid)
}
