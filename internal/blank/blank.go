// Package blank answers whether text is empty or white space only, as
// strings.TrimSpace(s) == "" does, without trimming: text that is not
// blank usually says so at its first byte.
package blank

import "strings"

// Is reports whether s is empty or holds only white space (Unicode's, as
// strings.TrimSpace reads it).
func Is(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return strings.TrimSpace(s[i:]) == ""
		case c != ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r':
			return false
		}
	}
	return true
}
