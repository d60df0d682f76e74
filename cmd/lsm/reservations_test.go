package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reservationsCorpus is the golden-file corpus of the reservations package.
var reservationsCorpus = filepath.Join("..", "..", "internal", "reservations", "testdata", "corpus")

// reservationsGolden is what lsm prints for a corpus file: its golden
// lines, each after the file's name; "" when it has no golden file.
func reservationsGolden(t *testing.T, file string) string {
	t.Helper()
	golden, err := os.ReadFile(strings.TrimSuffix(file, ".json") + ".golden")
	if errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, l := range strings.SplitAfter(string(golden), "\n") {
		if l != "" {
			out.WriteString(file + ":" + l)
		}
	}
	return out.String()
}

func TestReservationsCheckRunsTheCorpus(t *testing.T) {
	for _, tt := range []struct {
		kind string
		code int
	}{{"valid", exitOK}, {"invalid", exitProblems}} {
		files, err := filepath.Glob(filepath.Join(reservationsCorpus, tt.kind, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s corpus: %v", tt.kind, err)
		}
		for _, file := range files {
			t.Run(tt.kind+"/"+filepath.Base(file), func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				code := runArgs([]string{"reservations", "check", file}, &stdout, &stderr)
				if want := reservationsGolden(t, file); code != tt.code || stderr.Len() != 0 || stdout.String() != want {
					t.Fatalf("exit %d (want %d), stderr %q\n got:\n%s\nwant:\n%s", code, tt.code, stderr.String(), stdout.String(), want)
				}
			})
		}
	}
}

func TestReservationsCheckExitStatus(t *testing.T) {
	valid := filepath.Join(reservationsCorpus, "valid", "single-group.json")
	warned := filepath.Join(reservationsCorpus, "valid", "empty-name.json")
	invalid := filepath.Join(reservationsCorpus, "invalid", "count-not-positive.json")
	missing := filepath.Join(t.TempDir(), "none.json")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // all of it
		stderr string // a part of it
	}{
		{"a valid file", []string{"reservations", "check", valid}, exitOK, "", ""},
		{"warnings only", []string{"reservations", "check", warned}, exitOK, reservationsGolden(t, warned), ""},
		{"an error among valid files", []string{"reservations", "check", valid, invalid, warned}, exitProblems,
			reservationsGolden(t, invalid) + reservationsGolden(t, warned), ""},
		{"a missing file", []string{"reservations", "check", missing}, exitUsage, "", "lsm: " + missing + ": open"},
		{"a missing file wins over errors", []string{"reservations", "check", invalid, missing}, exitUsage, reservationsGolden(t, invalid), "none.json"},
		{"no file", []string{"reservations", "check"}, exitUsage, "", "requires at least 1 arg"},
		{"an unknown subcommand", []string{"reservations", "chek", valid}, exitUsage, "", `unknown command "chek" for "lsm reservations"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runArgs(tt.args, &stdout, &stderr)
			if code != tt.code || stdout.String() != tt.stdout || !strings.Contains(stderr.String(), tt.stderr) {
				t.Fatalf("exit %d (want %d)\nstdout %q\nwant   %q\nstderr %q", code, tt.code, stdout.String(), tt.stdout, stderr.String())
			}
		})
	}
}

func TestReservationsHelp(t *testing.T) {
	tests := []struct {
		args []string
		want string // a part of the help
	}{
		{[]string{"reservations"}, "check       Check reservation files without a server"},
		{[]string{"reservations", "check", "--help"}, "FILE:LINE:COL: error|warning: message"},
		{[]string{"help", "reservations", "check"}, "lsm reservations check FILE..."},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := runArgs(tt.args, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), tt.want) || stderr.Len() != 0 {
			t.Errorf("%v: exit %d\n%s%s", tt.args, code, stdout.String(), stderr.String())
		}
	}
}
