# License Server Manager. `make run` and `make test` are the two commands a
# newcomer needs (README.md); the other targets are for developers.
SHELL := /bin/bash
.DEFAULT_GOAL := run

WAILS    := go tool -modfile=tools/go.mod wails
# The binding generator's debug output is filtered (tools/quiet-bindings.awk);
# recipes that use it set pipefail so a failed build still fails.
QUIET    := 2>&1 | awk -f tools/quiet-bindings.awk
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE     := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS  := -X licenseservermanager/internal/buildinfo.Commit=$(COMMIT) -X licenseservermanager/internal/buildinfo.Date=$(DATE)
LINUXBIN := build/bin/LicenseServerManager
WINEXE   := build/bin/LicenseServerManager.exe
# lsm, the console tool, carries the product version of wails.json, which
# the app reads at run time.
VERSION  := $(shell sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
# and the company name, whose machine policies it obeys (quoted: it may hold
# spaces). Without the symbol table and DWARF data (-s -w), as Wails links
# the app's production build: a third of its size, and panics still name
# their functions.
COMPANY  := $(shell sed -n 's/.*"companyName": *"\([^"]*\)".*/\1/p' wails.json)
LSMFLAGS := -s -w $(LDFLAGS) -X licenseservermanager/internal/buildinfo.Version=$(VERSION) -X 'licenseservermanager/internal/buildinfo.Company=$(COMPANY)'

LSMBIN   := build/bin/lsm
LSMEXE   := build/bin/lsm.exe
# lsm.exe's manifest, icon and version information, linked in by go build.
LSMRES   := cmd/lsm/rsrc_windows_amd64.syso
# make sign signs the MSI when it is there (make msi).
MSIFILE  := build/bin/LicenseServerManager.msi
# make winget: where the release's installer is downloaded from, and the
# licence the winget listing shows (the repository has no LICENSE file).
WINGET_INSTALLER_URL ?=
WINGET_LICENSE       ?=

.PHONY: run deps dev build windows test test-go test-keyring test-frontend e2e bench lint clean test-lsm sign sign-exes sign-packages winget

## run: install what is missing, build, and open the app on the built-in demo server
run: deps build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found. The app is built at $(LINUXBIN); run it under a virtual display:"; \
	  echo "  xvfb-run -a -s '-screen 0 1280x900x24' $(LINUXBIN) --demo"; \
	  exit 1; \
	fi
	$(LINUXBIN) --demo

deps:
	@tools/install-deps.sh --run

## build: the Linux desktop binary and the console tool build/bin/lsm
build:
	set -o pipefail; $(WAILS) build -nocolour -tags webkit2_41 -ldflags "$(LDFLAGS)" $(QUIET)
	go build -ldflags "$(LSMFLAGS)" -o $(LSMBIN) ./cmd/lsm

## dev: live-reloading development app on the demo server (also served at http://localhost:34115)
dev: deps
	set -o pipefail; $(WAILS) dev -nocolour -tags webkit2_41 -appargs --demo $(QUIET)

## windows: cross-compile the Windows executable (PE32+, GUI subsystem) and lsm.exe (console subsystem)
windows:
	set -o pipefail; $(WAILS) build -nocolour -platform windows/amd64 -ldflags "$(LDFLAGS)" $(QUIET)
	@file $(WINEXE) | grep -q 'PE32+ executable (GUI) x86-64' || { file $(WINEXE); echo "$(WINEXE) is not a PE32+ GUI executable" >&2; exit 1; }
	cd tools && go run ./lsmres -manifest ../build/windows/lsm.exe.manifest -icon ../build/windows/icon.ico -project ../wails.json -o ../$(LSMRES)
	GOOS=windows GOARCH=amd64 go build -ldflags "$(LSMFLAGS)" -o $(LSMEXE) ./cmd/lsm
	@file $(LSMEXE) | grep -q 'PE32+ executable (console) x86-64' || { file $(LSMEXE); echo "$(LSMEXE) is not a PE32+ console executable" >&2; exit 1; }
	@grep -q consoleAllocationPolicy $(LSMEXE) || { echo "$(LSMEXE) lacks its manifest" >&2; exit 1; }
	@echo "built $(WINEXE) and $(LSMEXE)"

## sign: Authenticode-sign the Windows exes, rebuild the installer (and MSI) from them, sign those (installer/README.md, "Signing")
# The exes are signed before they are packed, and the uninstaller while the
# installer is built, so every file the installer writes is signed too.
sign: sign-exes
	$(MAKE) installer-package
	@[ ! -x installer/build-msi.sh ] || { echo "installer/build-msi.sh $(MSIFILE)"; installer/build-msi.sh $(MSIFILE); }
	$(MAKE) sign-packages

sign-exes:
	@tools/sign.sh --check
	@for f in $(WINEXE) $(LSMEXE); do [ -f $$f ] || { echo "$$f is missing: run 'make windows' first" >&2; exit 1; }; done
	tools/sign.sh $(WINEXE) $(LSMEXE)

sign-packages:
	@tools/sign.sh --check
	tools/sign.sh $(INSTALLER)
	@if [ -f $(MSIFILE) ]; then tools/sign.sh $(MSIFILE); else echo "no $(MSIFILE): not signed (make msi builds it)"; fi

## winget: the winget manifests of this release in build/winget (WINGET_INSTALLER_URL=https://... required)
winget:
	@[ -f $(INSTALLER) ] || { echo "$(INSTALLER) is missing: run 'make installer' (and 'make sign') first" >&2; exit 1; }
	cd tools && go run ./winget -project ../wails.json -installer ../$(INSTALLER) -url "$(WINGET_INSTALLER_URL)" -license "$(WINGET_LICENSE)" -o ../build/winget

## test: every test: Go, frontend, the Windows build and end to end
test:
	@tools/install-deps.sh --test
	$(MAKE) lint test-go test-lsm test-keyring test-frontend windows e2e test-installer

lint:
	@bad=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^frontend/')); [ -z "$$bad" ] || { echo "gofmt needed: $$bad" >&2; exit 1; }
	go vet ./...

## test-lsm: the built lsm against a standalone simulator, as a script uses it
test-lsm:
	tools/lsm-e2e.sh

test-go:
	go test -count=1 ./...
	cd tools && go test -count=1 ./...

# The real OS keyring: a private D-Bus session with an unlocked gnome-keyring
# in a throw-away folder, so nothing outlives the test.
test-keyring:
	@set -o pipefail; kdir=$$(mktemp -d) && trap 'rm -rf "$$kdir"' EXIT && \
	XDG_DATA_HOME=$$kdir dbus-run-session -- sh -c \
	  'echo -n ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null && REAL_KEYRING=1 go test -count=1 -run TestRealKeyring -v ./internal/secrets/' 2>&1 | grep -v 'Failed to set fd limit'

test-frontend:
	cd frontend && npx tsc --noEmit && node tools/import-cycles.mjs && npx vitest run

e2e:
	tools/e2e.sh

## bench: Go benchmarks and scripted UI timings on the large dataset (figures, not tests)
bench:
	tools/perf.sh

clean:
	rm -rf build/bin frontend/e2e/artifacts $(LSMRES)
include installer/installer.mk
