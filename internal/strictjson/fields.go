package strictjson

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// field is one JSON field of a struct: its name, the index path to it
// (through embedded structs), its type, and its tag's options after the
// name ("omitempty", ...).
type field struct {
	name  string
	index []int
	t     reflect.Type
	opts  string
}

// fields are the JSON fields of a struct type, as encoding/json sees them
// (tag names, "-" skipped, embedded structs' fields promoted, the shallower
// of two fields with one name winning), looked up by exact name only.
type fields struct {
	list   []field
	byName map[string]int
}

// fold returns the first field whose name lower-cased is key lower-cased:
// to tell a wrong-case key from an unknown one (on the error's path only).
func (fs *fields) fold(key string) (int, bool) {
	k := strings.ToLower(key)
	for i := range fs.list {
		if strings.ToLower(fs.list[i].name) == k {
			return i, true
		}
	}
	return 0, false
}

// hint is " (the fields here are a, b, c)" when there are a few, for an
// error.
func (fs *fields) hint() string {
	if len(fs.list) == 0 || len(fs.list) > 24 {
		return ""
	}
	names := make([]string, len(fs.list))
	for i, f := range fs.list {
		names[i] = f.name
	}
	return " (the fields here are " + strings.Join(names, ", ") + ")"
}

var cache sync.Map // reflect.Type -> *fields

func fieldsOf(t reflect.Type) *fields {
	if fs, ok := cache.Load(t); ok {
		return fs.(*fields)
	}
	fs := &fields{list: make([]field, 0, t.NumField()), byName: make(map[string]int, t.NumField())}
	collect(t, nil, fs)
	v, _ := cache.LoadOrStore(t, fs)
	return v.(*fields)
}

// collect adds the fields of struct type t, reached through index, to fs.
// A field's depth is len(index): a field of its name already in fs at a
// depth no greater wins.
func collect(t reflect.Type, index []int, fs *fields) {
	type embed struct {
		t     reflect.Type
		index []int
	}
	var embeds []embed
	// The fields' index paths are carved from one block.
	block := make([]int, 0, t.NumField()*(len(index)+1))
	for i := range t.NumField() {
		f := t.Field(i)
		tag := jsonTag(f.Tag)
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		start := len(block)
		block = append(append(block, index...), i)
		idx := block[start:len(block):len(block)]
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
		j, ok := fs.byName[name]
		switch {
		case !ok:
			fs.byName[name] = len(fs.list)
			fs.list = append(fs.list, field{name, idx, f.Type, opts})
		case len(fs.list[j].index)-1 > len(index):
			fs.list[j] = field{name, idx, f.Type, opts}
		}
	}
	for _, e := range embeds {
		collect(e.t, e.index, fs)
	}
}

// jsonTag is tag.Get("json"), read without unquoting when the tag begins
// with a json key whose value is printable ASCII without escapes (every
// tag of the library's formats): what a process that decodes one document
// spends on its types.
func jsonTag(tag reflect.StructTag) string {
	const key = `json:"`
	if rest, ok := strings.CutPrefix(string(tag), key); ok {
		for i := 0; i < len(rest); i++ {
			switch c := rest[i]; {
			case c == '"':
				return rest[:i]
			case c == '\\' || c < ' ' || c >= utf8.RuneSelf-1:
				return tag.Get("json") // Get unquotes it
			}
		}
	}
	return tag.Get("json")
}

// codec is how the decoder fills a Go type: what the type implements, and
// the codecs of its elements or fields, so that decoding a value looks
// nothing up.
type codec struct {
	t    reflect.Type
	kind reflect.Kind
	form bool // *t is a StringForm
	json bool // *t is a json.Unmarshaler
	text bool // *t is an encoding.TextUnmarshaler
	bits int  // of a number
	// elem is the codec of the pointed-to type, of a slice's items (nil for
	// a []byte, refused) or of a map's values (nil unless its keys are
	// strings: refused).
	elem *codec
	// first is how many items a slice makes room for at its first: up to
	// four, as long as they take at most 128 bytes (most lists in the
	// library's formats hold one or two large records).
	first int
	// fields are a struct's fields (with their types) and
	// fieldCodecs their codecs, in the same order, each built the first
	// time a document gives the field (fieldCodec): a process that decodes
	// one document builds codecs only for what it holds.
	fields      *fields
	fieldCodecs []atomic.Pointer[codec]
}

// fieldCodec returns the codec of field i of a struct's codec, building
// it on first use.
func (c *codec) fieldCodec(i int) *codec {
	if fc := c.fieldCodecs[i].Load(); fc != nil {
		return fc
	}
	fc := codecOf(c.fields.list[i].t)
	c.fieldCodecs[i].Store(fc)
	return fc
}

// codecs are the codecs built, by type, published whole (see codecOf):
// a plain map under a lock, which a process that decodes one document
// reads and fills for less than a sync.Map. Decoding reads it once per
// document; the codecs of fields are reached through their struct's.
var codecs struct {
	sync.RWMutex
	m map[reflect.Type]*codec
}

// published returns the codec of t, if built.
func published(t reflect.Type) *codec {
	codecs.RLock()
	c := codecs.m[t]
	codecs.RUnlock()
	return c
}

// codecOf returns the codec of t, building it (and the codecs of the types
// it holds) on first use.
func codecOf(t reflect.Type) *codec {
	if c := published(t); c != nil {
		return c
	}
	var built []*codec
	c := buildCodec(t, &built)
	// Every codec built is complete only now (a type may hold itself):
	// publish them all, keeping any that another goroutine published first.
	codecs.Lock()
	if codecs.m == nil {
		codecs.m = make(map[reflect.Type]*codec, 64)
	}
	for _, b := range built {
		if _, ok := codecs.m[b.t]; !ok {
			codecs.m[b.t] = b
		}
	}
	codecs.Unlock()
	return c
}

// buildCodec builds the codec of t, or returns the one already published
// or being built (in built: the few types one value holds, where a
// struct's fields are built when first given).
func buildCodec(t reflect.Type, built *[]*codec) *codec {
	if c := published(t); c != nil {
		return c
	}
	if i := slices.IndexFunc(*built, func(c *codec) bool { return c.t == t }); i >= 0 {
		return (*built)[i]
	}
	c := &codec{t: t, kind: t.Kind()}
	*built = append(*built, c)
	if t.PkgPath() != "" || t.Kind() == reflect.Struct {
		// Only a type declared in a package, or a struct that embeds one,
		// has methods: an unnamed slice, pointer or map, or a predeclared
		// type (string, int), has none, nor has a pointer to it, and making
		// the pointer type costs a process that decodes one document a
		// search of the binary's types.
		pt := reflect.PointerTo(t)
		c.form, c.json, c.text = pt.Implements(stringForm), pt.Implements(jsonUnmarshaler), pt.Implements(textUnmarshaler)
	}
	switch c.kind {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		c.bits = t.Bits()
	}
	switch {
	case c.kind == reflect.Pointer:
		c.elem = buildCodec(t.Elem(), built)
	case c.json || c.text:
		// It decodes itself: its elements and fields are not read.
	case c.kind == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		c.elem = buildCodec(t.Elem(), built)
		c.first = 4
		if size := t.Elem().Size(); size > 32 {
			c.first = max(1, int(128/size))
		}
	case c.kind == reflect.Map && t.Key().Kind() == reflect.String:
		c.elem = buildCodec(t.Elem(), built)
	case c.kind == reflect.Struct:
		c.fields = fieldsOf(t)
		c.fieldCodecs = make([]atomic.Pointer[codec], len(c.fields.list))
	}
	return c
}
