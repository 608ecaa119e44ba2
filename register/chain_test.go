package register_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cpguide/cpguide/register"
)

// A tampering error names the log and the sequence numbers for the operator;
// the child's ID, which a case system may treat as personal, stays in its
// field and never reaches the message, which may be logged.
func TestTamperError_MessageNamesNoChild(t *testing.T) {
	err := error(&register.TamperError{Log: "events", Seq: 4, ChildID: "CHILD-MARKER-0001", N: 2, Problem: "hash does not match"})
	assert.NotContains(t, err.Error(), "CHILD-MARKER-0001")
	assert.Contains(t, err.Error(), "sequence number 4")
	assert.True(t, errors.Is(err, register.ErrTampered))
}
