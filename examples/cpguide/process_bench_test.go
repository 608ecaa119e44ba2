package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkProcessCPU measures what one run of `cpguide check` on a sample
// case costs the machine, from start to exit: the user and system CPU time
// the kernel accounts to the process (its rusage), against the same for a
// Go hello-world built by the same toolchain, run alternately in the same
// loop so that both see the same machine. Each op runs both once.
//
// Metrics: check-cpu-ns/op and hello-cpu-ns/op, and x-hello, the first
// over the second for the whole run. Compare runs with benchstat, which
// takes medians: go test -run '^$' -bench ProcessCPU -count=6.
//
// The kernel accounts CPU time to the tick on some machines; the figures
// are then averages of a coarse measure, and want many ops (-benchtime).
func BenchmarkProcessCPU(b *testing.B) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command to build the binaries with")
	}
	dir := b.TempDir()
	cli := filepath.Join(dir, "cpguide")
	build(b, goCmd, ".", cli, nil)
	helloSrc := filepath.Join(dir, "hello")
	if err := os.MkdirAll(helloSrc, 0o755); err != nil {
		b.Fatal(err)
	}
	for name, text := range map[string]string{
		"go.mod":  "module hello\n", // no go line: the toolchain's own
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n",
	} {
		if err := os.WriteFile(filepath.Join(helloSrc, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	hello := filepath.Join(dir, "hello-world")
	build(b, goCmd, helloSrc, hello, []string{"GOWORK=off"})

	check := []string{cli, "check", "../cases/initial-registration.json", "--today", "2026-05-15"}
	var cpuCheck, cpuHello time.Duration
	for b.Loop() {
		cpuHello += cpuOf(b, hello)
		cpuCheck += cpuOf(b, check...)
	}
	n := float64(b.N)
	b.ReportMetric(float64(cpuCheck.Nanoseconds())/n, "check-cpu-ns/op")
	b.ReportMetric(float64(cpuHello.Nanoseconds())/n, "hello-cpu-ns/op")
	if cpuHello > 0 { // the kernel may account by the tick: too few ops, no time
		b.ReportMetric(float64(cpuCheck)/float64(cpuHello), "x-hello")
	}
}

// build builds the main package in dir as the binary out.
func build(b *testing.B, goCmd, dir, out string, env []string) {
	b.Helper()
	cmd := exec.Command(goCmd, "build", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build in %s: %v\n%s", dir, err, msg)
	}
}

// cpuOf runs the command to its end and returns the CPU time the kernel
// accounted to it, user and system.
func cpuOf(b *testing.B, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", filepath.Base(args[0]), err)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
