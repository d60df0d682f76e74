package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fixSuffix is how the modeldef golden files note a fix; lsm prints none.
var fixSuffix = regexp.MustCompile(` \[fix .*\]$`)

func TestModelCheckRunsTheCorpus(t *testing.T) {
	for _, kind := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "internal", "modeldef", "testdata", "corpus", kind, "*.model"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s corpus: %v", kind, err)
		}
		for _, file := range files {
			var stdout, stderr bytes.Buffer
			code := runArgs([]string{"model", "check", file}, &stdout, &stderr)
			want := exitOK
			if kind == "invalid" {
				want = exitProblems
			}
			if code != want || stderr.Len() != 0 {
				t.Fatalf("%s: exit %d (want %d), stderr %q", file, code, want, stderr.String())
			}
			golden, err := os.ReadFile(strings.TrimSuffix(file, ".model") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(strings.TrimSuffix(string(golden), "\n"), "\n") {
				if l != "" {
					lines = append(lines, file+":"+fixSuffix.ReplaceAllString(l, ""))
				}
			}
			if got := strings.TrimSuffix(stdout.String(), "\n"); got != strings.Join(lines, "\n") {
				t.Fatalf("%s:\n got  %s\n want %s", file, got, strings.Join(lines, "\n"))
			}
		}
	}
}

func TestModelCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.model")
	bad := filepath.Join(dir, "bad.model")
	warned := filepath.Join(dir, "warned.model")
	for name, text := range map[string]string{
		good:   "model \"m\" {}\n",
		bad:    "model \"m\" { on any() AND any() { deny } }\n",
		warned: "model \"m\" { on hostname(\"x\") { accept } }\n",
	} {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of it
		stderr string // a part of it
	}{
		{"a good file", []string{"model", "check", good}, exitOK, "", ""},
		{"warnings only", []string{"model", "check", warned}, exitOK, warned + ":1:32: warning: accept without", ""},
		{"an error", []string{"model", "check", good, bad}, exitProblems, bad + `:1:22: error: operators are lowercase: write "and", not "AND"`, ""},
		{"a missing file wins over errors", []string{"model", "check", bad, filepath.Join(dir, "none.model")}, exitUsage, "error:", "none.model"},
		{"no file", []string{"model", "check"}, exitUsage, "", "requires at least 1 arg"},
		{"an unknown command", []string{"modle"}, exitUsage, "", "unknown command"},
		{"an unknown subcommand", []string{"model", "chek", good}, exitUsage, "", "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runArgs(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Fatalf("exit %d (want %d)\nstdout %q\nstderr %q", code, tt.code, stdout.String(), stderr.String())
			}
		})
	}
}
