// Command releasetest writes every module of this repository, at one
// version, into a directory laid out as a GOPROXY=file:// module proxy,
// exactly as the module proxy would serve them after the release is tagged:
// for each module its .info, .mod and .zip (built with golang.org/x/mod/zip
// from the committed tree, as the go command builds them from a tag) and
// the version list. .ci/release-test then fetches them from an empty
// consumer module, as a user would.
//
// It also refuses a release that a user's build could not use: a published
// go.mod with a replace directive, a module requiring a sibling at another
// version than the one released, or modules with different go directives.
//
// Usage: go run . -repo ../.. -version v0.1.0 -out /tmp/proxy
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/zip"
)

func main() {
	repo := flag.String("repo", "../..", "the repository's work tree")
	version := flag.String("version", "", "the version to release, vX.Y.Z")
	rev := flag.String("rev", "HEAD", "the commit to release")
	out := flag.String("out", "", "directory to write the proxy tree into")
	flag.Parse()
	if err := run(*repo, *version, *rev, *out); err != nil {
		fmt.Fprintln(os.Stderr, "releasetest:", err)
		os.Exit(1)
	}
}

type mod struct {
	dir  string // in the repository, "" for the root
	file *modfile.File
}

func git(repo string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
	cmd.Stderr = os.Stderr
	return cmd.Output()
}

func run(repo, version, rev, out string) error {
	if !semver.IsValid(version) || semver.Canonical(version) != version {
		return fmt.Errorf("-version %q: give a canonical semantic version, e.g. v0.1.0", version)
	}
	if out == "" {
		return fmt.Errorf("-out: give the directory to write the proxy into")
	}
	// Every published module: each go.mod committed at rev, except under a
	// directory starting with "." (this tool's own).
	list, err := git(repo, "ls-tree", "-r", "--name-only", rev)
	if err != nil {
		return err
	}
	var mods []mod
	for _, name := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		if path.Base(name) != "go.mod" || strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
			continue
		}
		data, err := git(repo, "show", rev+":"+name)
		if err != nil {
			return err
		}
		f, err := modfile.Parse(name, data, nil)
		if err != nil {
			return err
		}
		dir := path.Dir(name)
		if dir == "." {
			dir = ""
		}
		mods = append(mods, mod{dir, f})
	}
	if len(mods) == 0 {
		return fmt.Errorf("no go.mod at %s", rev)
	}
	paths := map[string]bool{}
	for _, m := range mods {
		paths[m.file.Module.Mod.Path] = true
	}
	goVersion := mods[0].file.Go.Version
	for _, m := range mods {
		p := m.file.Module.Mod.Path
		if len(m.file.Replace) > 0 {
			return fmt.Errorf("%s: go.mod has a replace directive, which a user's build ignores: use go.work for development", p)
		}
		if m.file.Go.Version != goVersion {
			return fmt.Errorf("%s: go %s, but %s has go %s: every module names the same Go release", p, m.file.Go.Version, mods[0].file.Module.Mod.Path, goVersion)
		}
		for _, r := range m.file.Require {
			if paths[r.Mod.Path] && r.Mod.Version != version {
				return fmt.Errorf("%s requires %s %s, not the version released, %s", p, r.Mod.Path, r.Mod.Version, version)
			}
		}
	}
	when, err := git(repo, "log", "-1", "--format=%cI", rev)
	if err != nil {
		return err
	}
	// The committed tree, as a tag would publish it (git archive works in
	// a linked work tree too, where zip.CreateFromVCS finds no .git
	// directory).
	tree, err := os.MkdirTemp("", "releasetest-tree")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tree)
	archive := exec.Command("sh", "-c", `git -C "$1" archive --format=tar "$2" | tar -x -C "$3"`, "sh", repo, rev, tree)
	archive.Stderr = os.Stderr
	if err := archive.Run(); err != nil {
		return fmt.Errorf("git archive %s: %w", rev, err)
	}
	for _, m := range mods {
		p := m.file.Module.Mod.Path
		if m.dir != "" && !strings.HasSuffix(p, "/"+m.dir) {
			return fmt.Errorf("%s: the module in %s must have the path of its directory", p, m.dir)
		}
		esc, err := module.EscapePath(p)
		if err != nil {
			return err
		}
		dir := filepath.Join(out, filepath.FromSlash(esc), "@v")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		base := filepath.Join(dir, version)
		z, err := os.Create(base + ".zip")
		if err != nil {
			return err
		}
		mv := module.Version{Path: p, Version: version}
		if err := zip.CreateFromDir(z, mv, filepath.Join(tree, filepath.FromSlash(m.dir))); err != nil {
			z.Close()
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := z.Close(); err != nil {
			return err
		}
		gomod, err := m.file.Format()
		if err != nil {
			return err
		}
		if err := os.WriteFile(base+".mod", gomod, 0o644); err != nil {
			return err
		}
		info, _ := json.Marshal(map[string]string{"Version": version, "Time": strings.TrimSpace(string(when))})
		if err := os.WriteFile(base+".info", info, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "list"), []byte(version+"\n"), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s %s\n", p, version)
	}
	return nil
}
