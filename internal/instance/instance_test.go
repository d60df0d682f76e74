package instance

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// helperEnv makes the test binary a second process: it tries the lock in
// the folder named by the variable and answers on stdout.
const helperEnv = "LSM_INSTANCE_HELPER"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(helper(dir, os.Getenv(helperEnv+"_HOLD") != ""))
	}
	os.Exit(m.Run())
}

// helper prints "acquired" or "running". With hold it keeps the lock until
// its stdin closes, or until it is killed.
func helper(dir string, hold bool) int {
	l, err := Acquire(dir)
	switch {
	case errors.Is(err, ErrRunning):
		fmt.Println("running")
		return 0
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Println("acquired")
	if hold {
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	}
	if err := l.Release(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

func secondProcess(t *testing.T, dir string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper: %v %s", err, out)
	}
	return string(out)
}

func TestSecondInstanceIsRefusedWhileTheFirstRuns(t *testing.T) {
	dir := t.TempDir()
	first, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := secondProcess(t, dir); got != "running\n" {
		t.Fatalf("second process while the first holds the lock: %q", got)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if got := secondProcess(t, dir); got != "acquired\n" {
		t.Fatalf("second process after the first released the lock: %q", got)
	}
}

func TestLockEndsWithAKilledHolder(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir, helperEnv+"_HOLD=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "acquired\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("holder: %q, %v", line, err)
	}
	if _, err := Acquire(dir); !errors.Is(err, ErrRunning) {
		t.Fatalf("while another process holds the lock: %v", err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	l, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	l.Release()
}

func TestIsQuitRequest(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"--quit"}, true},
		{[]string{"--demo", "--quit"}, true},
		{[]string{"--demo"}, false},
		{nil, false},
		{[]string{"--quitter"}, false},
	}
	for _, tt := range tests {
		if got := IsQuitRequest(tt.args); got != tt.want {
			t.Errorf("%v: got %v", tt.args, got)
		}
	}
}
