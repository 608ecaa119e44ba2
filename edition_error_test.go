package cpguide_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide"
	"github.com/cpguide/cpguide/guidance"
	"github.com/cpguide/cpguide/register"
)

// When no edition was in force on the case's first event, the error says
// to choose one without quoting that date, which may be a date of birth
// (a register event's date), neither in its text nor in a wrapped error.
func TestCaseEdition_BeforeAnyEditionErrorQuotesNoDate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		c      cpguide.Case
		quoted []string
	}{
		{"concern before 2014", cpguide.Case{ID: "C1", Concern: date("2001-02-03")}, []string{"2001-02-03", "2001"}},
		{"register event dated a birth", cpguide.Case{ID: "C1", Register: []register.Event{{ChildID: "C-1", Version: 1, Type: register.BirthRecorded, Date: date("1999-07-08")}}}, []string{"1999-07-08", "1999"}},
		{"impossible first date", cpguide.Case{ID: "C1", Concern: guidance.Date{Year: 2001, Month: 2, Day: 30}}, []string{"2001-02-30", "2001"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.c.Edition(cpguide.Options{})
			require.Error(t, err)
			var ge *guidance.Error
			require.ErrorAs(t, err, &ge)
			assert.Equal(t, "case", ge.Field)
			assert.NotEmpty(t, ge.Hint)
			assert.Empty(t, ge.Value)
			for e := error(err); e != nil; e = unwrapOne(e) {
				for _, q := range tc.quoted {
					assert.NotContains(t, e.Error(), q)
				}
			}
			_, err = cpguide.Check(tc.c, cpguide.Options{})
			require.Error(t, err)
			for _, q := range tc.quoted {
				assert.NotContains(t, err.Error(), q)
			}
		})
	}
}

func unwrapOne(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}
