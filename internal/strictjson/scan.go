package strictjson

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cpguide/cpguide/guidance"
)

// The scanner reads the input as JSON (RFC 8259) exactly as encoding/json
// does: strings are unquoted the way encoding/json unquotes them (an
// invalid UTF-8 byte or a lone surrogate becomes U+FFFD), numbers keep
// their text, and a syntax error names the offset of the byte at fault,
// counted from 0.
//
// A syntax error is reported at the path of the object or array being
// read, as the token decoder before it did: the first token of a value is
// read before the value's own step is on the path (valueLevel), so a
// malformed or missing value is an error of the object or array holding
// it.

// syntaxError is an error in the JSON itself.
func (d *decoder) syntaxError(valueLevel bool, hint string) error {
	n := len(d.path)
	if valueLevel && n > 0 {
		n--
	}
	return &guidance.Error{Kind: guidance.Invalid, Field: d.pathString(n), Hint: hint}
}

// early is the error of an input that ends before its value does.
func (d *decoder) early(valueLevel bool) error {
	return d.syntaxError(valueLevel, "the JSON is empty or ends too early")
}

// malformed is the error of a byte that cannot be where it is: the one at
// the read position.
func (d *decoder) malformed(valueLevel bool) error {
	return d.malformedAt(valueLevel, d.pos)
}

// malformedAt is the error of the byte at offset i (counted from 0).
func (d *decoder) malformedAt(valueLevel bool, i int) error {
	return d.syntaxError(valueLevel, "the JSON is malformed at byte "+strconv.Itoa(i))
}

// space skips white space.
func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// literal reads word (true, false or null) at the read position.
func (d *decoder) literal(word string, valueLevel bool) error {
	for k := 0; k < len(word); k++ {
		i := d.pos + k
		if i == len(d.data) {
			return d.early(valueLevel)
		}
		if d.data[i] != word[k] {
			return d.malformedAt(valueLevel, i)
		}
	}
	d.pos += len(word)
	return nil
}

// number reads a number at the read position and returns its text.
func (d *decoder) number(valueLevel bool) ([]byte, error) {
	data, start, i := d.data, d.pos, d.pos
	// digits reads one or more digits at i.
	digits := func() error {
		if i == len(data) {
			return d.early(valueLevel)
		}
		if data[i] < '0' || data[i] > '9' {
			return d.malformedAt(valueLevel, i)
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return nil
	}
	if data[i] == '-' {
		i++
	}
	if i < len(data) && data[i] == '0' {
		i++
	} else if err := digits(); err != nil {
		return nil, err
	}
	if i < len(data) && data[i] == '.' {
		i++
		if err := digits(); err != nil {
			return nil, err
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if err := digits(); err != nil {
			return nil, err
		}
	}
	d.pos = i
	return data[start:i], nil
}

// plain marks the bytes that stand for themselves in a JSON string: not a
// quote, a backslash, a control character or the start of a multi-byte
// UTF-8 sequence.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string at the read position (its opening quote) and returns
// it unquoted: a slice of the input when it has no escape and is valid
// UTF-8, else of the decoder's text buffer, valid until the next string.
func (d *decoder) str(valueLevel bool) ([]byte, error) {
	data := d.data
	start := d.pos + 1
	i := start
	for i < len(data) {
		c := data[i]
		if plain[c] {
			i++
			continue
		}
		if c == '"' {
			d.pos = i + 1
			return data[start:i], nil
		}
		if c >= utf8.RuneSelf {
			if r, size := utf8.DecodeRune(data[i:]); r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		return d.unquote(start, i, valueLevel)
	}
	return nil, d.early(valueLevel)
}

// unquote reads the rest of a string that needs unquoting: the one that
// starts at start, whose bytes up to i stand for themselves.
func (d *decoder) unquote(start, i int, valueLevel bool) ([]byte, error) {
	data := d.data
	b := append(d.text[:0], data[start:i]...)
	defer func() { d.text = b[:0] }()
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return b, nil
		case c == '\\':
			if i+1 == len(data) {
				return nil, d.early(valueLevel)
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, err := d.hex4(i+2, valueLevel)
				if err != nil {
					return nil, err
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// A pair is one character; anything else is U+FFFD.
					pair := utf8.RuneError
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						if r2, ok := hex4(data, i+2); ok {
							if pair = utf16.DecodeRune(r, r2); pair != utf8.RuneError {
								i += 6
							}
						}
					}
					r = pair
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				return nil, d.malformedAt(valueLevel, i+1)
			}
			i += 2
		case c < 0x20:
			return nil, d.malformedAt(valueLevel, i)
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			b = utf8.AppendRune(b, r) // U+FFFD for an invalid byte
			i += size
		}
	}
	return nil, d.early(valueLevel)
}

// hex4 reads the four hexadecimal digits of a \u escape at i.
func (d *decoder) hex4(i int, valueLevel bool) (rune, error) {
	if r, ok := hex4(d.data, i); ok {
		return r, nil
	}
	// Which error: the input ends, or a byte is not a digit.
	for k := i; k < i+4; k++ {
		if k == len(d.data) {
			return 0, d.early(valueLevel)
		}
		if _, ok := hexDigit(d.data[k]); !ok {
			return 0, d.malformedAt(valueLevel, k)
		}
	}
	return 0, d.early(valueLevel) // not reached: hex4 failed for one of the two
}

// hex4 decodes the four hexadecimal digits at data[i:].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		v, ok := hexDigit(c)
		if !ok {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

func hexDigit(c byte) (rune, bool) {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0'), true
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10), true
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}
