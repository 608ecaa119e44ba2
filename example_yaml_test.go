package cpguide_test

import (
	"fmt"
	"strings"

	"github.com/cpguide/cpguide"
)

// A case file in YAML: unquoted dates are text, as in JSON; an error names
// the JSON path and the YAML line, never the value.
func ExampleDecodeCaseYAML() {
	c, err := cpguide.DecodeCaseYAML(strings.NewReader(`
id: CASE-0042
concern: 2026-03-02
meetings:
  - ref: M-1
    kind: initial
    held: 2026-03-24
`))
	fmt.Println(c, err)

	_, err = cpguide.DecodeCaseYAML(strings.NewReader(`
id: CASE-0042
meetings:
  - ref: M-1
    kind: initial
    held: 24/03/2026
`))
	fmt.Println(err)
	// Output:
	// case "CASE-0042" (1 CPPM(s)) <nil>
	// invalid value: meetings[0].held: write the date as YYYY-MM-DD, for example 2026-03-02 (YAML line 6)
}
