package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// versionCmd prints the version of the tool and of the library it was built
// with, as the Go toolchain recorded them in the binary: a release tag for
// go install ...@vX.Y.Z, "(devel)" for a build from a clone.
func versionCmd(args []string, w io.Writer) error {
	fs := newFlags("version")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage{"version takes no arguments"}
	}
	fmt.Fprintln(w, versionLine(debug.ReadBuildInfo()))
	return nil
}

func versionLine(bi *debug.BuildInfo, ok bool) string {
	if !ok {
		return "cpguide (version unknown: built without module information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	s := "cpguide " + v
	for _, st := range bi.Settings {
		if st.Key == "vcs.revision" && len(st.Value) >= 12 {
			s += " commit " + st.Value[:12]
		}
		if st.Key == "vcs.modified" && st.Value == "true" {
			s += " (modified)"
		}
	}
	return fmt.Sprintf("%s, %s", s, bi.GoVersion)
}
