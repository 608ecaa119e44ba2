package strictjson

import "strconv"

// Limits is the one table of limits on input. Every decoder of the library
// (cases, scenarios, overlays, register events, meetings, plans, core
// groups; JSON, and YAML through internal/yamljson) enforces it while it
// reads, before it builds anything large: a list is refused at its first
// item over the limit, a string as soon as it is read (text with a control
// character other than tab, line feed and carriage return is refused too).
// An error names the
// limit and the JSON path ("meetings: at most 500 items (limit
// meetings)"), never the value.
//
// Lists and strings are limited by the JSON name of their field (the last
// key of their path: "meetings" under a case and under a core group alike);
// a field not named in the table takes the default. Dates are bounded by
// the supported range, guidance.MinYear to guidance.MaxYear, which the Date
// type itself enforces.
type Limits struct {
	// Bytes bounds the size of one input (a file, or standard input).
	Bytes int
	// Depth bounds how deeply objects and arrays nest.
	Depth int
	// Items bounds the length of a list whose field Lists does not name.
	Items int
	// Lists bounds the length of the lists it names.
	Lists map[string]int
	// Text bounds the length in bytes of free text whose field Strings does
	// not name (reasons, notes, names).
	Text int
	// Strings bounds the length in bytes of the strings it names.
	Strings map[string]int
	// References names the fields that hold a reference (a case ID, a
	// meeting ref, a child ID, a rule ID): printed in outputs, so each must
	// match [ValidReference] (at most 64 bytes, no space, no control
	// character).
	References map[string]bool
}

// Default is the table every decoder uses. README.md ("Limits") lists it.
var Default = Limits{
	Bytes: 16 << 20,
	Depth: 64,
	Items: 1000,
	Lists: map[string]int{
		"meetings":                500, // CPPMs of a case; Core Group meetings
		"register":                2000,
		"variations":              200,
		"family":                  50,
		"attendance":              100,
		"invitations":             100,
		"involved":                50,
		"reports":                 100,
		"contents":                50,
		"actions":                 500,
		"risks":                   200,
		"outcomes":                200,
		"objectives":              200,
		"contingencies":           100,
		"versions":                200,
		"reflection":              100,
		"high_risk_contexts":      50,
		"responses":               100,
		"change_referrals":        200,
		"contingency_activations": 200,
		"escalations":             200,
		"concerns":                50,
		"holidays":                500,
		"timescales":              200,
	},
	Text: 4096,
	Strings: map[string]int{
		"subject":  200,
		"approver": 200,
		"source":   400,
	},
	References: map[string]bool{
		"id":       true,
		"ref":      true,
		"child_id": true,
		"rule":     true,
	},
}

// MaxReference is the longest reference, in bytes.
const MaxReference = 64

// ValidReference reports whether s is a reference as the library prints
// it: ^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$. Such text cannot carry a space,
// a control character or markup, so it is safe in every output.
func ValidReference(s string) bool { return validReference(s) }

// validReference is ValidReference for text or bytes.
func validReference[T ~string | ~[]byte](s T) bool {
	if len(s) == 0 || len(s) > MaxReference {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '/' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// listLimit is the limit of a list under field key.
func (l *Limits) listLimit(key string) (int, string) {
	if n, ok := l.Lists[key]; ok {
		return n, key
	}
	return l.Items, "items"
}

// checkText enforces the limits of l on a string s under field key: it
// returns the hint of the error, or "" when s is within them.
func checkText[T ~string | ~[]byte](l *Limits, key string, s T) string {
	if l.References[key] {
		if len(s) != 0 && !validReference(s) {
			return "expected a reference: 1 to " + strconv.Itoa(MaxReference) + " letters, digits, '.', '_', '/' or '-', starting with a letter or digit (limit references)"
		}
		return ""
	}
	if hasControl(s) {
		return "text with a control character: only tab, line feed and carriage return are accepted (limit text)"
	}
	if n, ok := l.Strings[key]; ok {
		if len(s) > n {
			return "text too long: at most " + strconv.Itoa(n) + " bytes (limit " + key + ")"
		}
		return ""
	}
	if len(s) > l.Text {
		return "text too long: at most " + strconv.Itoa(l.Text) + " bytes (limit text)"
	}
	return ""
}

// hasControl reports whether s holds a control character other than tab,
// line feed and carriage return: C0, DEL or C1 (U+0080 to U+009F). Such
// text could move the cursor or forge output on a terminal, and no field of
// the library's formats needs it.
func hasControl[T ~string | ~[]byte](s T) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
		case c < 0x20 || c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return true
		}
	}
	return false
}
