package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// finding is one diagnostic of a checked file.
type finding struct {
	Line, Column int
	Warning      bool
	Message      string
}

// checker checks one file's content.
type checker func(data []byte) []finding

// maxCheckedFile bounds what is read of one file: far above any model
// (900 KB) or reservation file a server takes, so a wrong path to a huge
// file fails fast instead of filling memory.
const maxCheckedFile = 64 << 20

// checkFiles runs check over every file and prints one line per finding,
// FILE:LINE:COL: error|warning: message. A file that cannot be read is
// reported on stderr and makes the status 2; otherwise the status is 1 when
// any file has an error, else 0.
func checkFiles(cmd *cobra.Command, files []string, check checker) error {
	out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
	status := exitOK
	for _, name := range files {
		data, err := readChecked(name)
		if err != nil {
			fmt.Fprintf(errOut, "lsm: %s: %v\n", name, err)
			status = exitUsage
			continue
		}
		if printFindings(out, name, check(data)) && status == exitOK {
			status = exitProblems
		}
	}
	if status != exitOK {
		return &exitError{code: status}
	}
	return nil
}

func readChecked(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCheckedFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxCheckedFile {
		return nil, fmt.Errorf("larger than %d MB; not a model definition or reservation file", maxCheckedFile>>20)
	}
	return data, nil
}

// printFindings prints them and tells whether any is an error.
func printFindings(w io.Writer, name string, fs []finding) bool {
	errs := false
	for _, f := range fs {
		severity := "error"
		if f.Warning {
			severity = "warning"
		} else {
			errs = true
		}
		fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", name, f.Line, f.Column, severity, f.Message)
	}
	return errs
}
