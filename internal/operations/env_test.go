package operations

import (
	"testing"
	"time"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// demoNow is the clock of the views under test: the demo dataset dates
// its expiries from the real time.
func demoNow() time.Time { return time.Now() }

// admin is a simulator with a client logged in as its admin.
func admin(t testing.TB, opts simulator.Options) (*simulator.Server, *fne.Client) {
	t.Helper()
	return simtest.Client(t, opts)
}

// fneClient is a client of the simulator at host:port, not logged in.
func fneClient(host string, port int) *fne.Client {
	return fne.New(fne.Options{Target: fne.Target{Host: host, Port: port}, Retries: -1})
}
