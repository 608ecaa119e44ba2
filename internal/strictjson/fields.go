package strictjson

import (
	"reflect"
	"strings"
	"sync"
)

// field is one JSON field of a struct: its name and the index path to it
// (through embedded structs).
type field struct {
	name  string
	index []int
}

// fields are the JSON fields of a struct type, as encoding/json sees them
// (tag names, "-" skipped, embedded structs' fields promoted, the shallower
// of two fields with one name winning), looked up by exact name only.
type fields struct {
	list   []field
	byName map[string]int
	byFold map[string]int // lower-cased name: to tell a wrong-case key from an unknown one
	hint   string         // ": the fields here are a, b, c", when there are few
}

var cache sync.Map // reflect.Type -> *fields

func fieldsOf(t reflect.Type) *fields {
	if fs, ok := cache.Load(t); ok {
		return fs.(*fields)
	}
	fs := &fields{byName: map[string]int{}, byFold: map[string]int{}}
	depth := map[string]int{}
	collect(t, nil, fs, depth)
	names := make([]string, len(fs.list))
	for i, f := range fs.list {
		names[i] = f.name
		if _, ok := fs.byFold[strings.ToLower(f.name)]; !ok {
			fs.byFold[strings.ToLower(f.name)] = i
		}
	}
	if len(names) > 0 && len(names) <= 24 {
		fs.hint = " (the fields here are " + strings.Join(names, ", ") + ")"
	}
	v, _ := cache.LoadOrStore(t, fs)
	return v.(*fields)
}

// collect adds the fields of struct type t, reached through index, to fs.
func collect(t reflect.Type, index []int, fs *fields, depth map[string]int) {
	type embed struct {
		t     reflect.Type
		index []int
	}
	var embeds []embed
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		idx := append(append([]int(nil), index...), i)
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				embeds = append(embeds, embed{ft, idx})
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if d, ok := depth[name]; ok && d <= len(index) {
			continue // a shallower field of this name wins
		}
		if j, ok := fs.byName[name]; ok {
			fs.list[j] = field{name, idx}
		} else {
			fs.byName[name] = len(fs.list)
			fs.list = append(fs.list, field{name, idx})
		}
		depth[name] = len(index)
	}
	for _, e := range embeds {
		collect(e.t, e.index, fs, depth)
	}
}
