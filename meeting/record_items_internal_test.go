package meeting

import (
	"testing"

	"github.com/stretchr/testify/require"
)

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

// The switches of RecordItem.index (behind valid) and Agency.Valid name
// exactly what RecordItems and Agencies list (they repeat the lists, for
// speed).
func TestValid_ExactlyTheLists(t *testing.T) {
	exactly(t, RecordItems(), []RecordItem{"", "invitee", "Attendees", "plan"}, RecordItem.valid)
	exactly(t, Agencies(), []Agency{"", "reporter", "Police", "social work"}, Agency.Valid)
}

// TestIndex_PlaceInRecordItems: the bit a record item sets when
// cppm.record-contents reads the record is its place in RecordItems.
func TestIndex_PlaceInRecordItems(t *testing.T) {
	for k, it := range RecordItems() {
		require.Equal(t, k, it.index(), string(it))
	}
	require.Equal(t, -1, RecordItem("Invitees").index())
}
