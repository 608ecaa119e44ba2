package citations

import (
	"testing"

	"github.com/cpguide/cpguide/guidance"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStore_CopiesShareNothing proves that changing or appending to one copy
// changes neither the original nor any other copy, across block boundaries.
func TestStore_CopiesShareNothing(t *testing.T) {
	orig := []guidance.Citation{{Source: guidance.AD23, Paragraph: "Appendix D"}, {Source: guidance.S0, Paragraph: "CPPM"}}
	var s Store
	var copies [][]guidance.Citation
	for range 3 * blockSize {
		c := s.Copy(orig)
		require.Equal(t, orig, c)
		require.Equal(t, len(c), cap(c), "clipped")
		copies = append(copies, c)
	}
	copies[0][0].Note = "changed"
	copies[1] = append(copies[1], guidance.Citation{Source: guidance.G14})
	assert.Empty(t, orig[0].Note)
	for i, c := range copies[2:] {
		assert.Equal(t, orig, c, "copy %d", i+2)
	}
	big := make([]guidance.Citation, blockSize+1)
	assert.Len(t, s.Copy(big), blockSize+1)
	assert.Nil(t, s.Copy(nil))
}
