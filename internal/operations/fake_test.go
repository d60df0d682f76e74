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
	"licenseservermanager/internal/safekeeping"
)

// fakeServer is a ReservationServer in memory that keeps the server's
// rules that matter to a batch (a name once, a host in one group). Its
// changes are counted from 1; the Nth may be refused with a chosen error
// (changing nothing), have its answer lost after the server acted, or be
// the last the server answers before it goes down. It honours a cancelled
// context like the real client.
type fakeServer struct {
	mu      sync.Mutex
	groups  []reservations.Group
	nextID  int64
	model   bool
	changes int
	fail    map[int]error
	lose    map[int]bool
	// downAfter, when not 0, is the change after which every request
	// (reads too) fails as unreachable.
	downAfter int
	log       []string // the changes sent
	reads     int
	// onChange runs before each change is carried out, with its number.
	onChange func(n int)
}

func newFake(groups ...reservations.Group) *fakeServer {
	f := &fakeServer{nextID: 100, fail: map[int]error{}, lose: map[int]bool{}}
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
	if g.Name == "" {
		// Like the simulator, the server names a group sent without one.
		g.Name = fmt.Sprint("Group ", g.ID)
	}
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

// loseAnswer makes the answer to the nth change lost: the server acts
// (or refuses) as usual, and the client hears only that it cannot know.
func (f *fakeServer) loseAnswer(n int) *fakeServer {
	f.lose[n] = true
	return f
}

// isDown tells whether the server has gone down.
func (f *fakeServer) isDown() bool { return f.downAfter != 0 && f.changes >= f.downAfter }

// change counts a change and tells whether it fails before the server acts.
func (f *fakeServer) change(ctx context.Context, what string) error {
	if f.isDown() {
		f.log = append(f.log, what+" (down)")
		return errGone
	}
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

// answer is what the client hears of the change just made: err, or that
// its answer was lost.
func (f *fakeServer) answer(err error) error {
	if f.lose[f.changes] {
		return errLost
	}
	return err
}

func (f *fakeServer) ReservationGroups(ctx context.Context) ([]reservations.Group, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	if err := ctx.Err(); err != nil {
		return nil, apperr.Wrap(err, apperr.Cancelled, "The request was cancelled.")
	}
	if f.isDown() {
		return nil, errGone
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
	if err := f.refusal(g); err != nil {
		return reservations.Group{}, f.answer(err)
	}
	stored := f.store(g)
	if err := f.answer(nil); err != nil {
		return reservations.Group{}, err
	}
	return stored, nil
}

// refusal is why the server refuses to add g, if it does.
func (f *fakeServer) refusal(g reservations.Group) error {
	for _, have := range f.groups {
		if strings.EqualFold(have.Name, g.Name) {
			return apperr.New(apperr.InvalidInput, "The server refused adding reservations: a reservation group named %q already exists.", have.Name)
		}
		for _, r := range have.Reservations {
			for _, nr := range g.Reservations {
				if r.HostID.Normalize() == nr.HostID.Normalize() {
					return apperr.New(apperr.InvalidInput, "The server refused adding reservations: the host ID already has a reservation in group %q.", have.Name)
				}
			}
		}
	}
	return nil
}

func (f *fakeServer) DeleteReservationGroup(ctx context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.change(ctx, fmt.Sprint("delete ", id)); err != nil {
		return err
	}
	i := slices.IndexFunc(f.groups, func(g reservations.Group) bool { return g.ID == id })
	if i < 0 {
		return f.answer(apperr.New(apperr.NotFound, "The server has no such reservation group."))
	}
	f.groups = slices.Delete(f.groups, i, i+1)
	return f.answer(nil)
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

// hostOn is the host that group name reserves on the server, "" if the
// server has no such group.
func (f *fakeServer) hostOn(name string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, g := range f.groups {
		if g.Name == name {
			return g.Reservations[0].HostID.Value
		}
	}
	return ""
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
	errTimeout = apperr.New(apperr.Timeout, "http://lls:7070 did not answer in time.")
	errLost    = apperr.New(apperr.OutcomeUnknown, "The connection broke after the request was sent: the server may or may not have done it.")
)

// newView is the Reservations view with a shelf of its own.
func newView(t testing.TB) *Reservations {
	return NewReservations(safekeeping.New(t.TempDir()))
}
