// Package citations copies the citations of findings cheaply.
//
// A checker gives each finding its own copy of the catalogue's citations, so
// that a caller who changes one finding's citations changes nothing else.
// Copying them one slice at a time costs an allocation per finding; a Store
// hands out copies carved from a few larger blocks instead.
package citations

import "github.com/cpguide/cpguide/guidance"

// blockSize is how many citations a new block holds: enough for every
// finding of a typical check.
const blockSize = 32

// A Store hands out copies of citation lists. The zero value is ready to
// use. Copies never overlap and are clipped to their length, so appending
// to one reallocates rather than writing into the next. A Store is not safe
// for concurrent use; use one per check.
type Store struct {
	free []guidance.Citation // the unused rest of the current block
}

// Copy returns a copy of cs that shares memory with no other copy and with
// cs itself. It returns nil for an empty list.
func (s *Store) Copy(cs []guidance.Citation) []guidance.Citation {
	if len(cs) == 0 {
		return nil
	}
	if len(s.free) < len(cs) {
		// Start a new block; earlier copies keep the old one.
		s.free = make([]guidance.Citation, max(blockSize, len(cs)))
	}
	out := s.free[:len(cs):len(cs)]
	copy(out, cs)
	s.free = s.free[len(cs):]
	return out
}
