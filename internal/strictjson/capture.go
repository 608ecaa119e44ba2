package strictjson

import "encoding/json"

// capture reads the value at the read position, for a type that decodes
// itself (json.Unmarshaler, an interface), as strictly as any other: its
// strings within the limits of field key, no key given twice, no more than
// Limits.Items members or items in an object or array, nesting bounded. It
// returns the value as compact JSON, its strings written as json.Marshal
// writes them, in the decoder's buffer: valid until the next capture.
func (d *decoder) capture(key string) ([]byte, error) {
	d.raw = d.raw[:0]
	err := d.captureValue(key, true)
	return d.raw, err
}

// captureValue appends the value at the read position to d.raw. Only the
// captured value itself is valueLevel: what is inside it has no step of
// its own on the path, so its errors are at the captured value's path.
func (d *decoder) captureValue(key string, valueLevel bool) error {
	d.space()
	if d.pos == len(d.data) {
		return d.early(valueLevel)
	}
	switch b := d.data[d.pos]; {
	case b == '{' || b == '[':
		return d.captureContainer(key, b)
	case b == '"':
		s, err := d.str(valueLevel)
		if err != nil {
			return err
		}
		if err := d.checkText(key, s); err != nil {
			return err
		}
		d.raw = appendQuoted(d.raw, s)
	case b == '-' || b >= '0' && b <= '9':
		n, err := d.number(valueLevel)
		if err != nil {
			return err
		}
		d.raw = append(d.raw, n...)
	case b == 't' || b == 'f' || b == 'n':
		word := "null"
		if b == 't' {
			word = "true"
		} else if b == 'f' {
			word = "false"
		}
		if err := d.literal(word, valueLevel); err != nil {
			return err
		}
		d.raw = append(d.raw, word...)
	default:
		return d.malformed(valueLevel)
	}
	return nil
}

// captureContainer appends the object or array that opens with b.
func (d *decoder) captureContainer(key string, b byte) error {
	d.pos++
	if err := d.enter(); err != nil {
		return err
	}
	closing := byte(']')
	if b == '{' {
		closing = '}'
	}
	var seen map[string]struct{}
	d.raw = append(d.raw, b)
	for i := 0; ; i++ {
		more, err := d.more(closing)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		if i >= d.lim.Items {
			return d.fail(tooMany(d.lim.Items, "items"))
		}
		if err := d.comma(i == 0); err != nil {
			return err
		}
		if i > 0 {
			d.raw = append(d.raw, ',')
		}
		if b == '{' {
			k, err := d.key()
			if err != nil {
				return err
			}
			if seen == nil {
				seen = make(map[string]struct{})
			}
			if _, dup := seen[string(k)]; dup {
				return d.twice(string(k))
			}
			seen[string(k)] = struct{}{}
			d.raw = append(appendQuoted(d.raw, k), ':')
			if err := d.colon(); err != nil {
				return err
			}
		}
		if err := d.captureValue(key, false); err != nil {
			return err
		}
	}
	d.raw = append(d.raw, closing)
	return nil
}

// appendQuoted appends s as a JSON string, exactly as json.Marshal writes
// it (with <, > and & escaped).
func appendQuoted(b []byte, s []byte) []byte {
	for _, c := range s {
		if !plain[c] || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(string(s)) // cannot fail for a string
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
