package strictjson

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cpguide/cpguide/guidance"
)

// zeros is an endless input, as /dev/zero is.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

// TestReadAll_WholeInputSizedWhenKnown: every kind of reader gives back
// exactly what it holds; a file, or a reader that says how much it holds,
// is read into a buffer of that size and one byte more (no regrowth).
func TestReadAll_WholeInputSizedWhenKnown(t *testing.T) {
	text := strings.Repeat(`{"kind":"initial"}`, 1000)
	file := filepath.Join(t.TempDir(), "case.json")
	require.NoError(t, os.WriteFile(file, []byte(text), 0o600))
	for _, tc := range []struct {
		name  string
		open  func(t *testing.T) io.Reader
		sized bool
	}{
		{"file", func(t *testing.T) io.Reader {
			f, err := os.Open(file)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		}, true},
		{"bytes.Reader", func(*testing.T) io.Reader { return bytes.NewReader([]byte(text)) }, true},
		{"strings.Reader", func(*testing.T) io.Reader { return strings.NewReader(text) }, true},
		{"bytes.Buffer", func(*testing.T) io.Reader { return bytes.NewBufferString(text) }, true},
		{"a reader that says nothing", func(*testing.T) io.Reader { return io.MultiReader(strings.NewReader(text)) }, false},
		{"a reader part read", func(*testing.T) io.Reader {
			r := strings.NewReader("xx" + text)
			_, _ = r.Read(make([]byte, 2))
			return r
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := ReadAll(tc.open(t), "input")
			require.NoError(t, err)
			require.Equal(t, text, string(data))
			if tc.sized {
				require.Equal(t, len(text)+1, cap(data), "sized from what the reader says, plus one byte to see the end")
			}
		})
	}
}

// TestReadAll_EndlessInputRefused: an input longer than the limit is an
// error of kind Invalid, whether or not the reader says its length.
func TestReadAll_EndlessInputRefused(t *testing.T) {
	for name, r := range map[string]io.Reader{
		"endless":       zeros{},
		"says too much": bytes.NewReader(make([]byte, Default.Bytes+1)),
	} {
		_, err := ReadAll(r, "input")
		require.True(t, guidance.Match(&guidance.Error{Kind: guidance.Invalid, Field: "input"}, err), "%s: %v", name, err)
	}
}
