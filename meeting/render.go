package meeting

import (
	"strings"

	"github.com/cpguide/cpguide/guidance"
)

// Text renders a report as text: a heading naming the edition (and the date
// of the check, if given), then one line per finding in the report's order,
// as [guidance.Finding.String] writes it.
func Text(r *guidance.Report) string {
	var b strings.Builder
	b.WriteString("CPPM check under the ")
	b.WriteString(r.Edition.String())
	b.WriteString(" edition")
	if !r.Today.IsZero() {
		b.WriteString(", as at ")
		b.WriteString(r.Today.String())
	}
	b.WriteByte('\n')
	for _, f := range r.All() {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}
