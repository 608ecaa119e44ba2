package meeting

import "testing"

// valid names exactly the items RecordItems lists (its switch repeats the
// list, for speed).
func TestRecordItemValid_ExactlyRecordItems(t *testing.T) {
	for _, it := range RecordItems() {
		if !it.valid() {
			t.Errorf("%q is in RecordItems but not valid", it)
		}
	}
	for _, it := range []RecordItem{"", "invitee", "Attendees", "plan"} {
		if it.valid() {
			t.Errorf("%q is valid but not in RecordItems", it)
		}
	}
}

// Agency.Valid names exactly the agencies Agencies lists.
func TestAgencyValid_ExactlyAgencies(t *testing.T) {
	for _, a := range Agencies() {
		if !a.Valid() {
			t.Errorf("%q is in Agencies but not valid", a)
		}
	}
	for _, a := range []Agency{"", "reporter", "Police", "social work"} {
		if a.Valid() {
			t.Errorf("%q is valid but not in Agencies", a)
		}
	}
}
