// Command LicenseServerManager is the desktop app for FlexNet Embedded
// license server administrators. It parses flags, builds the services and
// hands them to Wails; everything else lives in app/ and internal/.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"licenseservermanager/app"
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/applog"
	"licenseservermanager/internal/auditlog"
	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/desktop"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/history/synth"
	"licenseservermanager/internal/instance"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/purge"
	"licenseservermanager/internal/safekeeping"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/usage"
)

//go:embed all:frontend/dist
var assets embed.FS

// processStart is as early as Go code runs, for the start-up time the log
// records at the first paint.
var processStart = time.Now()

//go:embed wails.json
var wailsJSON []byte

func main() {
	demo := flag.Bool("demo", false, "start the built-in demo license server and connect to it")
	simulate := flag.String("simulate", "", "serve the license-server simulator on `ADDR` (for example 127.0.0.1:7070) until interrupted")
	var sim simFlags
	flag.StringVar(&sim.security, "security", "on", "simulator security: off, on or anonymous")
	flag.StringVar(&sim.dataset, "dataset", "demo", "simulator data: demo, pools (a model definition instead of reservations) or large")
	flag.BoolVar(&sim.tls, "tls", false, "serve the simulator over HTTPS with a self-signed certificate")
	flag.StringVar(&sim.dialect, "dialect", "", "simulator dialect: current (the default), legacy (a 2018-era local server) or cls (a Cloud License Server)")
	flag.StringVar(&sim.without, "without", "", "simulator operations to remove, comma-separated (for example featureSummaries,sync), as a server release that lacks them")
	flag.StringVar(&sim.full, "full", "", "simulator features to put at 100% use, comma-separated feature names (shows a full feature and its alert)")
	flag.BoolVar(&sim.cls, "cls", false, "make the simulator behave as a Cloud License Server (the same as --dialect cls)")
	flag.DurationVar(&sim.tokenLifetime, "token-lifetime", 0, "simulator login token lifetime (default 24h)")
	flag.BoolVar(&sim.firstLogin, "first-login", false, "simulator admin must change the password at first login")
	flag.Var(&sim.faults, "fault", "simulator fault `TARGET:SPEC`, for example features:status=503 (repeatable)")
	version := flag.Bool("version", false, "print the version and exit")
	quit := flag.Bool("quit", false, "ask a running instance to close (used by the installer) and exit")
	purge := flag.Bool("purge", false, "delete this user's settings, logs and saved passwords, then exit")
	brandingDir := flag.String("branding", besideExecutable("branding"), "producer branding folder `DIR` (logo and data.json)")
	historyFile := flag.String("history", "", "usage history `FILE` (default: history.db in the settings folder; with --demo, a file of this run only)")
	flag.Parse()

	info, err := buildinfo.Parse(wailsJSON)
	if err != nil {
		fail(err)
	}
	switch {
	case *version:
		fmt.Printf("%s %s (commit %s, built %s, %s)\n", info.ProductName, info.Version, info.Commit, info.BuildDate, info.GoVersion)
	case *quit:
		if _, err := instance.Quit(); err != nil {
			fail(err)
		}
	case *purge:
		if err := purgeUserData(); err != nil {
			fail(err)
		}
	case *simulate != "":
		serveSimulator(*simulate, sim)
	default:
		if err := runDesktop(info, *demo, *brandingDir, *historyFile, sim); err != nil {
			fail(err)
		}
	}
}

func runDesktop(info buildinfo.Info, demo bool, brandingDir, historyFile string, sim simFlags) error {
	logDir, err := applog.Dir()
	if err != nil {
		return err
	}
	log, logFile, err := applog.Open(logDir, slog.LevelInfo)
	if err != nil {
		return err
	}
	defer logFile.Close()
	slog.SetDefault(log)

	settingsDir, err := settings.Dir()
	if err != nil {
		return err
	}
	// Before the settings are opened: a second instance must not touch them.
	held, err := instance.Acquire(settingsDir)
	switch {
	case errors.Is(err, instance.ErrRunning):
		forwarded, _ := instance.Forward(os.Args[1:])
		log.Info("another instance is running; exiting", "broughtForward", forwarded)
		fmt.Println(info.ProductName, "is already running")
		return nil
	case err != nil:
		// A settings folder this user cannot write in must not stop the
		// app; Wails' own lock still applies.
		log.Warn("no single-instance lock", "err", err)
	default:
		defer held.Release()
	}
	store, err := settings.Open(settingsDir, machineDefaultsPath())
	if err != nil {
		return err
	}
	policies := orgpolicy.Machine(info.CompanyName)
	store.Govern(policies)
	for _, pr := range policies.Problems {
		log.Warn("a machine policy is ignored", "policy", pr.Name, "where", pr.Where, "problem", pr.Message)
	}
	if demo {
		srv, err := sim.listen("127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("starting the demo server: %w", err)
		}
		defer srv.Close()
		store.UseDemo(srv.Host, srv.Port, srv.Fingerprint)
		log.Info("demo server started", "url", srv.URL)
	}
	log.Info("starting", "version", info.Version, "commit", info.Commit, "settings", store.Path())

	keptDir := filepath.Join(settingsDir, safekeeping.FolderName)
	a := &app.App{}
	dialogs := dialogsFor(a)
	network := connect.Network{Policies: store.Policies, Secrets: secrets.Keyring{}}
	conns := connect.New(store.Active, network, nil)
	sessions := connect.NewSessions(conns, store, secrets.Keyring{}, demoAccounts)
	hist, closeHistory := openHistory(historyFile, settingsDir, demo, log)
	defer closeHistory()
	if demo && historyFile == "" && hist.Store != nil {
		hist.Prepare = func(ctx context.Context) error { return seedDemoHistory(ctx, hist.Store, store) }
	}
	if hist.Store != nil {
		conns.Audit(auditlog.Recorder{Store: hist.Store, Tool: "app"}.Record)
		hist.Collector = collect.New(hist.Store, sessions.Saved, network, nil)
	}
	hist.Settings, hist.Dialogs, hist.Notifier = store, dialogs, desktop.NewNotifier(info.ProductName)
	*a = app.App{
		Settings:     app.NewSettingsService(store, network, dialogs),
		Session:      app.NewSessionService(sessions),
		History:      app.NewHistoryService(hist),
		Features:     app.NewFeaturesService(conns, dialogs, nil),
		Devices:      app.NewDevicesService(conns, dialogs, nil),
		Properties:   app.NewPropertiesService(conns, store),
		BackOffice:   app.NewBackOfficeService(conns, store, dialogs, settingsDir, nil),
		Reservations: app.NewReservationsService(conns, dialogs, safekeeping.New(keptDir)),
		Pools:        app.NewPoolsService(conns, dialogs),
		Branding:     app.NewBrandingService(brandingDir),
		System: app.NewSystemService(app.SystemDeps{
			Info: info, LogFolder: logDir, KeptFolder: keptDir, SettingsFile: store.Path(), Demo: demo,
			Opener: desktop.FolderOpener{}, WebView: desktop.WebView, Conns: conns, Dialogs: dialogs,
			FirstPaint: func(view string) {
				log.Info("first paint", "view", view, "ms", time.Since(processStart).Milliseconds())
			},
		}),
	}
	width, height := 1280, 820
	win := store.Snapshot().Preferences.Window
	if win != nil {
		width, height = win.Width, win.Height
	}
	return wails.Run(&options.App{
		Title:     info.ProductName,
		Width:     width,
		Height:    height,
		MinWidth:  900,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 250, A: 255},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instance.UniqueID,
			OnSecondInstanceLaunch: a.SecondInstance,
		},
		OnStartup: a.Startup,
		OnDomReady: func(ctx context.Context) {
			app.RestoreWindowPosition(ctx, win)
		},
		OnBeforeClose: func(ctx context.Context) bool {
			app.RememberWindow(ctx, store)
			return false
		},
		OnShutdown:     a.Shutdown,
		ErrorFormatter: func(err error) any { return apperr.From(err) },
		Bind:           a.Bind(),
		EnumBind:       app.Enums(),
	})
}

// openHistory opens the usage history: file when given, else history.db in
// the settings folder, or with the demo server a file of this run only (its
// numbers are made up). A file that cannot be used leaves the app working
// without history, saying why.
func openHistory(file, settingsDir string, demo bool, log *slog.Logger) (app.HistoryDeps, func()) {
	cleanup := func() {}
	if file == "" && demo {
		dir, err := os.MkdirTemp("", "lsm-demo-history-")
		if err != nil {
			return app.HistoryDeps{Problem: "The demo's usage history could not be created: " + err.Error()}, cleanup
		}
		cleanup = func() { os.RemoveAll(dir) }
		file = filepath.Join(dir, "history.db")
	}
	if file == "" {
		file = filepath.Join(settingsDir, "history.db")
	}
	st, err := history.Open(context.Background(), file)
	if err != nil {
		log.Warn("no usage history", "file", file, "err", err)
		return app.HistoryDeps{File: file, Problem: apperr.From(err).Message}, cleanup
	}
	return app.HistoryDeps{Store: st, File: file}, func() { st.Close(); cleanup() }
}

// seedDemoHistory fills the demo's throw-away history with made-up use of
// the demo server's features: 60 days, the last 3 of them as raw samples,
// so the Dashboard has something to show from the first minute.
func seedDemoHistory(ctx context.Context, st *history.Store, store *settings.Store) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	p, _ := store.Active()
	cl := fne.New(connect.ClientOptions(p, connect.Network{}))
	if _, err := cl.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
		return err
	}
	interval := store.Snapshot().Preferences.History.Interval()
	now := time.Now().UTC()
	sn, err := collect.Take(ctx, cl, now, interval, time.Now)
	if err != nil {
		return err
	}
	end := now.Truncate(interval)
	return synth.Fill(ctx, st, synth.Plan{ProfileID: p.ID, Features: sn.Features, Version: sn.Version,
		From: end.AddDate(0, 0, -60), RawFrom: end.AddDate(0, 0, -3), To: end, Interval: interval, Rules: usage.DefaultRules()})
}

// demoAccounts are the demo server's users, which the Login view lists
// while the demo server is the active profile.
var demoAccounts = []connect.DemoAccount{
	{User: simulator.AdminUser, Password: simulator.AdminPassword, Access: "all roles"},
	{User: simulator.ReaderUser, Password: simulator.ReaderPassword, Access: "read only"},
}

// machineDefaultsPath is defaults.json beside the executable, written by the
// installer's server presets.
func machineDefaultsPath() string {
	return besideExecutable("defaults.json")
}

// besideExecutable is name in the executable's folder, where the installer
// puts what a producer or administrator configures; "" if that is unknown.
func besideExecutable(name string) string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(exe), name)
}

func purgeUserData() error {
	settingsDir, err := settings.Dir()
	if err != nil {
		return err
	}
	logDir, err := applog.Dir()
	if err != nil {
		return err
	}
	return purge.Run(purge.Paths{SettingsDir: settingsDir, LogDir: logDir}, secrets.Keyring{})
}

// simFlags are the simulator's command-line options, shared by --demo and
// --simulate.
type simFlags struct {
	security, dataset, dialect string
	without, full              string
	tls, cls, firstLogin       bool
	tokenLifetime              time.Duration
	faults                     faultList
}

func (f simFlags) listen(addr string) (*simulator.Running, error) {
	srv, err := simulator.Listen(addr, simulator.Options{
		Security: simulator.Security(f.security), Dataset: f.dataset, TLS: f.tls, CLS: f.cls, Dialect: simulator.Dialect(f.dialect),
		Without: splitList(f.without), TokenLifetime: f.tokenLifetime, FirstLogin: f.firstLogin,
	}, false)
	if err != nil {
		return nil, err
	}
	for _, fault := range f.faults {
		srv.SetFault(fault)
	}
	for _, name := range splitList(f.full) {
		if err := srv.Fill(name); err != nil {
			srv.Close()
			return nil, err
		}
	}
	return srv, nil
}

// faultList collects repeated --fault flags.
type faultList []simulator.Fault

func (l *faultList) String() string { return fmt.Sprint(len(*l), " faults") }

func (l *faultList) Set(s string) error {
	f, err := simulator.ParseFault(s)
	if err != nil {
		return err
	}
	*l = append(*l, f)
	return nil
}

func serveSimulator(addr string, f simFlags) {
	srv, err := f.listen(addr)
	if err != nil {
		fail(err)
	}
	fmt.Print(simulator.Banner(srv))
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	<-stop
	_ = srv.Close()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "Error:", err)
	os.Exit(1)
}

// splitList is a comma-separated flag value as a list, without blanks.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
