# Windows installer (NSIS) for License Server Manager: `make installer`
# builds build/bin/LicenseServerManagerInstaller.exe, `make msi` the MSI
# package build/bin/LicenseServerManager.msi, `make test-installer` tests
# both under wine. Included from the main Makefile (WINEXE, LSMEXE, WAILS).
# Switches, properties and exit codes: installer/README.md.

INSTALLER        := build/bin/LicenseServerManagerInstaller.exe
INSTALLER_INPUTS := installer/LicenseServerManager.nsi installer/wails-info.js installer/build-installer.sh wails.json $(wildcard branding/*)

MSI        := build/bin/LicenseServerManager.msi
MSI_INPUTS := installer/msi/LicenseServerManager.wxs installer/wails-info.js installer/build-msi.sh wails.json $(wildcard branding/*)

.PHONY: installer installer-package msi msi-package test-installer

## installer: the Windows exe, then its per-user/per-machine NSIS installer (PE32+)
installer:
	$(MAKE) windows
	$(MAKE) installer-package

# Only the NSIS step, from the current $(WINEXE).
installer-package:
	installer/build-installer.sh $(INSTALLER)
	@file $(INSTALLER) | grep -q 'PE32+ executable (GUI) x86-64' || { file $(INSTALLER); echo "$(INSTALLER) is not PE32+" >&2; exit 1; }
	@echo "built $(INSTALLER) ($$(stat -c %s $(INSTALLER)) bytes)"

# test-installer uses the installer that is there when it is newer than its
# inputs (make installer first to test a fresh build of the app).
$(INSTALLER): $(INSTALLER_INPUTS) $(wildcard $(WINEXE) $(LSMEXE))
	@if [ -f $(WINEXE) ] && [ -f $(LSMEXE) ]; then $(MAKE) installer-package; else $(MAKE) installer; fi

## msi: the per-machine MSI package (wixl), after the Windows exes when they are missing
msi:
	@if [ ! -f $(WINEXE) ] || [ ! -f $(LSMEXE) ]; then $(MAKE) windows; fi
	$(MAKE) msi-package

# Only the wixl step, from the current $(WINEXE) and $(LSMEXE).
msi-package:
	installer/build-msi.sh $(MSI)
	@echo "built $(MSI) ($$(stat -c %s $(MSI)) bytes)"

$(MSI): $(MSI_INPUTS) $(wildcard $(WINEXE) $(LSMEXE))
	$(MAKE) msi

## test-installer: install, upgrade and uninstall both packages under wine; Windows Go tests under wine
test-installer: $(INSTALLER) $(MSI)
	installer/test-installer.sh $(INSTALLER) $(MSI)
