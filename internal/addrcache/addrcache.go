// Package addrcache caches values worked out from strings that are
// constants of the program (a check's rule ID, a timescale's rule), keyed
// by the address and length of the string's bytes: after the first lookup
// of each constant, a lookup costs a hash of two words and an atomic load
// or two instead of hashing the string's bytes in a map.
//
// An entry holds the string's bytes, so they cannot be reused for another
// string while cached, and entries are never replaced: a string made at run
// time takes a slot of its own, and once the slots a key probes are full
// its value is worked out every time, still right.
package addrcache

import (
	"sync/atomic"
	"unsafe"
)

const (
	bits   = 10
	probes = 8
)

// A Cache maps strings to values of type V. The zero Cache is ready to
// use; a Cache is safe for concurrent use and must not be copied.
type Cache[V any] struct {
	slots [1 << bits]atomic.Pointer[entry[V]]
}

type entry[V any] struct {
	ptr *byte
	n   int
	v   V
}

// Get returns make(key), worked out once for each key's bytes while there
// is room. make must depend on the key's text alone; it may keep key (the
// entry keeps its bytes anyway).
func (c *Cache[V]) Get(key string, make func(string) V) V {
	if len(key) == 0 {
		return make(key)
	}
	ptr := unsafe.StringData(key)
	h := (uint64(uintptr(unsafe.Pointer(ptr))) ^ uint64(len(key))) * 0x9e3779b97f4a7c15
	var fresh *entry[V]
	for i := range probes {
		slot := &c.slots[(h>>(64-bits)+uint64(i))%uint64(len(c.slots))]
		e := slot.Load()
		if e == nil {
			if fresh == nil {
				fresh = &entry[V]{ptr: ptr, n: len(key), v: make(key)}
			}
			if slot.CompareAndSwap(nil, fresh) {
				return fresh.v
			}
			e = slot.Load()
		}
		if e.ptr == ptr && e.n == len(key) {
			return e.v
		}
	}
	if fresh != nil {
		return fresh.v
	}
	return make(key)
}

// Same reports whether a and b are the very same bytes in memory: the key a
// cache entry was made for, or the same string handed on. Equal text at
// another address is not the same; two empty strings are (they have no
// bytes, and where an empty string's data points is unspecified).
func Same(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}
