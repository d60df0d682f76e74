package operations

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/reservations"
)

// fakeServer is a ReservationServer in memory that keeps the server's
// rules that matter to a batch (a name once, a host in one group) and
// refuses its Nth change, counted from 1, with a chosen error, changing
// nothing then. It honours a cancelled context like the real client.
type fakeServer struct {
	mu      sync.Mutex
	groups  []reservations.Group
	nextID  int64
	model   bool
	changes int
	fail    map[int]error
	log     []string
	// onChange runs before each change is carried out, with its number.
	onChange func(n int)
}

func newFake(groups ...reservations.Group) *fakeServer {
	f := &fakeServer{nextID: 100, fail: map[int]error{}}
	for _, g := range groups {
		f.store(g)
	}
	return f
}

// failChange makes the nth change fail with err.
func (f *fakeServer) failChange(n int, err error) *fakeServer {
	f.fail[n] = err
	return f
}

func (f *fakeServer) store(g reservations.Group) reservations.Group {
	f.nextID++
	g = g.Normalize()
	g.ID = f.nextID
	for i := range g.Reservations {
		f.nextID++
		g.Reservations[i].ID = f.nextID
		for j := range g.Reservations[i].Entries {
			f.nextID++
			g.Reservations[i].Entries[j].ID = f.nextID
		}
	}
	f.groups = append(f.groups, g)
	return g
}

// change counts a change and tells whether it fails.
func (f *fakeServer) change(ctx context.Context, what string) error {
	f.changes++
	f.log = append(f.log, what)
	if f.onChange != nil {
		f.onChange(f.changes)
	}
	if err := ctx.Err(); err != nil {
		return apperr.Wrap(err, apperr.Cancelled, "The request was cancelled.")
	}
	return f.fail[f.changes]
}

func (f *fakeServer) ReservationGroups(ctx context.Context) ([]reservations.Group, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, apperr.Wrap(err, apperr.Cancelled, "The request was cancelled.")
	}
	out := make([]reservations.Group, len(f.groups))
	for i, g := range f.groups {
		out[i] = reservations.Group{ID: g.ID, Name: g.Name, Reservations: slices.Clone(g.Reservations)}
	}
	return out, nil
}

func (f *fakeServer) AddReservationGroup(ctx context.Context, g reservations.Group) (reservations.Group, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.change(ctx, "add "+g.Name); err != nil {
		return reservations.Group{}, err
	}
	for _, have := range f.groups {
		if strings.EqualFold(have.Name, g.Name) {
			return reservations.Group{}, apperr.New(apperr.InvalidInput, "The server refused adding reservations: a reservation group named %q already exists.", have.Name)
		}
		for _, r := range have.Reservations {
			for _, nr := range g.Reservations {
				if r.HostID.Normalize() == nr.HostID.Normalize() {
					return reservations.Group{}, apperr.New(apperr.InvalidInput, "The server refused adding reservations: the host ID already has a reservation in group %q.", have.Name)
				}
			}
		}
	}
	return f.store(g), nil
}

func (f *fakeServer) DeleteReservationGroup(ctx context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.change(ctx, fmt.Sprint("delete ", id)); err != nil {
		return err
	}
	i := slices.IndexFunc(f.groups, func(g reservations.Group) bool { return g.ID == id })
	if i < 0 {
		return apperr.New(apperr.NotFound, "The server has no such reservation group.")
	}
	f.groups = slices.Delete(f.groups, i, i+1)
	return nil
}

func (f *fakeServer) Model(context.Context) (string, error) {
	if f.model {
		return `model "m" {}`, nil
	}
	return "", apperr.New(apperr.NotFound, "No model definition is loaded.")
}

func (f *fakeServer) Features(context.Context) ([]fne.Feature, error) { return nil, nil }

// names lists the groups on the server, in order.
func (f *fakeServer) names() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, g := range f.groups {
		out = append(out, g.Name)
	}
	return strings.Join(out, ",")
}

func (f *fakeServer) group(t *testing.T, name string) reservations.Group {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, g := range f.groups {
		if g.Name == name {
			return g
		}
	}
	t.Fatalf("no group %q on the server (%d groups)", name, len(f.groups))
	return reservations.Group{}
}

// group builds a group of one host reserving one feature.
func group(name, host string, count int64) reservations.Group {
	return reservations.Group{Name: name, Reservations: []reservations.Reservation{{
		HostID: reservations.HostID{Value: host, Type: "STRING"}, Entries: []reservations.Entry{{FeatureName: "F", FeatureVersion: "1.0", FeatureCount: count}},
	}}}
}

// pending is the Add page's rows for groups.
func pending(groups ...reservations.Group) []reservations.PendingEntry {
	var out []reservations.PendingEntry
	for _, g := range groups {
		out = append(out, reservations.ToPending(g)...)
	}
	return out
}

var (
	errRefused = apperr.New(apperr.InvalidInput, "The server refused adding reservations: the feature is unknown.")
	errLogin   = apperr.New(apperr.LoginRequired, "Your session has ended. Log in again.")
	errGone    = apperr.New(apperr.Unreachable, "The license server at http://lls:7070 is not reachable.")
)
