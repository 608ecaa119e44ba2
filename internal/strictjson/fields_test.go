package strictjson

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// jsonTag reads a struct tag's json key as reflect.StructTag.Get does.
func TestJSONTag_IsGet(t *testing.T) {
	for _, tag := range []reflect.StructTag{
		``, `json:"name"`, `json:"name,omitempty"`, `json:"-"`, `json:""`, `json:",omitzero"`,
		`json:"name" yaml:"other"`, `yaml:"other" json:"name"`, `json:"na\"me"`, `json:"na\\me"`,
		`json:"name`, `json:name`, `json:"a" json:"b"`, `jsonx:"a"`, ` json:"a"`, `json:"a b"`,
		`json:"\u00e9"`, `xjson:"a" json:"b"`,
	} {
		require.Equal(t, tag.Get("json"), jsonTag(tag), "%q", tag)
	}
}

func FuzzJSONTag(f *testing.F) {
	for _, s := range []string{`json:"name,omitempty"`, `json:"na\"me"`, `yaml:"x" json:"y"`, `json:"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag := reflect.StructTag(s)
		if got, want := jsonTag(tag), tag.Get("json"); got != want {
			t.Fatalf("jsonTag(%q) = %q, Get gives %q", s, got, want)
		}
	})
}
