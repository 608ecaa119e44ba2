package main

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// safeWriter is what every command writes its standard output and error
// through: control characters (C0 but line feed, tab and the carriage
// return of a CRLF, C1, DEL), which text from the input (an overlay's name,
// a holiday's name) could carry, are written as \uXXXX, so nothing the CLI
// prints can move the cursor, clear the screen or forge output on a
// terminal. The escape is also valid inside a JSON string; the JSON
// encoder already escapes C0. References (case IDs, meeting refs) are
// refused with control characters when decoding; this is the second line.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	i := 0
	for i < len(p) && !unsafeAt(p, i) {
		i++
	}
	if i == len(p) { // the usual case: nothing to escape
		return s.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); {
		if !unsafeAt(p, i) {
			out = append(out, p[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			r, size = rune(p[i]), 1
		}
		out = append(out, `\u`...)
		hex := strconv.FormatInt(int64(r), 16)
		for range 4 - len(hex) {
			out = append(out, '0')
		}
		out = append(out, hex...)
		i += size
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unsafeAt reports whether a control character starts at p[i].
func unsafeAt(p []byte, i int) bool {
	c := p[i]
	switch {
	case c == '\n' || c == '\t':
		return false
	case c == '\r':
		return i+1 >= len(p) || p[i+1] != '\n'
	case c < 0x20 || c == 0x7f:
		return true
	case c == 0xc2 && i+1 < len(p):
		return p[i+1] >= 0x80 && p[i+1] <= 0x9f // U+0080 to U+009F in UTF-8
	}
	return false
}
