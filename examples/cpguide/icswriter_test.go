package main

import (
	"math/rand/v2"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"
)

// The command writes its calendars itself (golang-ical would link net/http
// and crypto/tls into it, doubling the cost of starting it). Each content
// line is byte for byte what golang-ical writes for the same property:
// TEXT escaping, folding at 75 octets, at a space or between whole UTF-8
// characters.
func TestICSWriter_LinesMatchGolangICal(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", ",", ";", "\\", "\n", ":", "<", ">", "<b>", "é", "€", "😀", "2026-06-05",
		strings.Repeat("x", 80), "Reminder: ", "(pre-discharge meeting)"}
	r := rand.New(rand.NewPCG(5, 6))
	values := []string{"", "2.0", strings.Repeat("a", 74), strings.Repeat("a", 75), strings.Repeat("a", 76), strings.Repeat("é", 40)}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		values = append(values, b.String())
	}
	config := &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}
	for _, v := range values {
		for _, name := range []string{"SUMMARY", "DESCRIPTION", "X-WR-CALNAME"} {
			var want, got strings.Builder
			p := ics.BaseProperty{IANAToken: name, Value: v}
			require.NoError(t, p.SerializeTo(&want, config))
			iw := &icsWriter{w: &got}
			iw.text(name, v)
			require.NoError(t, iw.err)
			require.Equal(t, want.String(), got.String(), "%s:%q", name, v)
		}
		var want, got strings.Builder
		p := ics.BaseProperty{IANAToken: "DTSTART", Value: v, ICalParameters: map[string][]string{"VALUE": {"DATE"}}}
		require.NoError(t, p.SerializeTo(&want, config))
		iw := &icsWriter{w: &got}
		iw.line("DTSTART;VALUE=DATE", v)
		require.Equal(t, want.String(), got.String(), "DTSTART:%q", v)
	}
}
