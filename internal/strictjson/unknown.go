package strictjson

import (
	"encoding"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// UnknownField returns the JSON path ("case.meetings[0].hled") of the first
// key in the JSON document data, objects in sorted key order, that is not a
// field of t as encoding/json matches fields: embedded structs' fields count
// as their parent's, and names match exactly or case-insensitively.
// encoding/json's DisallowUnknownFields names only the key, not where it is.
// A key that does not look like a field name (lower-case letters, digits,
// "_" and "-", at most 40 bytes) may be personal data and is never returned:
// the path then ends at its parent. It reports false if every key is known
// or data is not JSON.
func UnknownField(data []byte, t reflect.Type) (string, bool) {
	var tree any
	if json.Unmarshal(data, &tree) != nil {
		return "", false
	}
	return unknownIn(tree, t, "")
}

func unknownIn(v any, t reflect.Type, path string) (string, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch v := v.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(textUnmarshalerType) {
			return "", false
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			name, ft, ok := fieldOf(t, k)
			if !ok {
				if !fieldName(k) {
					return path, true
				}
				return join(path, k), true
			}
			// The path names the field, not the key as written
			// ("Child" matches child).
			if p, ok := unknownIn(v[k], ft, join(path, name)); ok {
				return p, true
			}
		}
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return "", false
		}
		for i, e := range v {
			if p, ok := unknownIn(e, t.Elem(), path+"["+strconv.Itoa(i)+"]"); ok {
				return p, true
			}
		}
	}
	return "", false
}

func fieldName(k string) bool {
	if k == "" || len(k) > 40 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// fieldOf returns the JSON name and the type of the field of struct type t
// that encoding/json decodes key into.
func fieldOf(t reflect.Type, key string) (string, reflect.Type, bool) {
	var foldName string
	var foldType reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			if en, et, ok := fieldOf(f.Type, key); ok {
				return en, et, true
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return name, f.Type, true
		}
		if foldType == nil && strings.EqualFold(name, key) {
			foldName, foldType = name, f.Type
		}
	}
	return foldName, foldType, foldType != nil
}
