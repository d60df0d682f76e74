#!/usr/bin/env bash
# Builds the MSI package from the already built Windows exes (make windows)
# with Debian's wixl. Used by `make msi` and by the tests (for a
# higher-version build).
#   installer/build-msi.sh OUTFILE [NAME=VALUE override ...]
# NAME=VALUE overrides a value read from wails.json (e.g.
# INFO_PRODUCTVERSION=99.0.0), as for build-installer.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: build-msi.sh OUTFILE [NAME=VALUE ...]}
shift
overrides=()
for a in "$@"; do
  case $a in
    *=*) overrides+=("$a") ;;
    *) echo "build-msi.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

exe=build/bin/LicenseServerManager.exe
lsm=build/bin/lsm.exe
icon=build/windows/icon.ico

[ -f "$exe" ] || { echo "$exe is missing: run 'make windows' first" >&2; exit 1; }
[ -f "$lsm" ] || { echo "$lsm is missing: run 'make windows' first" >&2; exit 1; }
[ -f "$icon" ] || { echo "$icon is missing: run 'make windows' first" >&2; exit 1; }
if ! command -v wixl >/dev/null || ! command -v msibuild >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "wixl, msitools or mingw-w64 is missing: installing Debian's packages" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wixl msitools gcc-mingw-w64-x86-64-win32 >/dev/null
fi

# Each build has its own work folder, so that the tests can build two
# packages at once.
mkdir -p "$(dirname "$out")" installer/build
stage=$(mktemp -d "$PWD/installer/build/msi.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# The presets' custom action (msi/setupca.c), a DLL in the package.
x86_64-w64-mingw32-gcc -O2 -Wall -Werror -s -shared -o "$stage/setupca.dll" installer/msi/setupca.c -lmsi

# The variables of LicenseServerManager.wxs, in an include file: the product
# identity from wails.json, then the payload (paths relative to the
# repository: Debian's wixl does not take absolute ones).
defs=$stage/product.wxi
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<Include>'
  node installer/wails-info.js --wixl wails.json "${overrides[@]}"
  echo "<?define AppExe = \"$exe\"?>"
  echo "<?define LsmExe = \"$lsm\"?>"
  echo "<?define Icon = \"$icon\"?>"
  echo "<?define SetupCA = \"${stage#$PWD/}/setupca.dll\"?>"
} >"$defs"

# Producer branding: the staging rule of build-installer.sh, the same files.
if compgen -G "branding/data.json" >/dev/null || compgen -G "branding/logo.*" >/dev/null; then
  mkdir -p "$stage/branding"
  for f in data.json sampleData.json logo.png logo.jpg logo.jpeg; do
    if [ -f "branding/$f" ]; then
      cp "branding/$f" "$stage/branding/"
      echo "<?define Branding_${f//./_} = \"1\"?>" >>"$defs"
    fi
  done
  echo "<?define BrandingDir = \"${stage#$PWD/}/branding\"?>" >>"$defs"
  echo "packing producer branding: $(ls "$stage/branding" | tr '\n' ' ')"
fi

echo '</Include>' >>"$defs"

# (wixl prints "builder.vala:699: unimplemented" for the Win64 attribute
# of a registry value, which it sets from -a x64 all the same.)
wixl -a x64 -I "$stage" -o "$stage/package.msi" installer/msi/LicenseServerManager.wxs 2> >(grep -v 'builder.vala:699: unimplemented' >&2)

# What LicenseServerManager.wxs cannot say to Debian's wixl (0.101), set in
# the package's tables:
# * DESKTOPSHORTCUT=1 installs the desktop shortcut (a component condition;
#   true on uninstall too, as wine leaves a component alone whose condition
#   is false then),
#   whose key path's key HKLM\Software\LicenseServerManager goes with it (a
#   Registry row named "-": the key is deleted on uninstall);
# * the install folder goes on the machine's PATH with lsm.exe's component
#   and comes off it with that component (the Environment table, as WiX
#   writes <Environment Name="PATH" Action="set" Part="last" System="yes"
#   Permanent="no">: "=-*" set, remove on uninstall, system), with the two
#   standard actions at their usual places;
# * defaults.json is deleted when lsm.exe's component is uninstalled (a
#   RemoveFile row, msidbRemoveFileInstallModeOnRemove);
# * a build of the same version upgrades the installed one (the upgrade
#   row's maximum version inclusive: msidbUpgradeAttributesMigrateFeatures
#   | msidbUpgradeAttributesVersionMaxInclusive).
prop() { msiinfo export "$stage/package.msi" Property | tr -d '\r' | awk -F '\t' -v p="$1" '$1 == p { print $2 }'; }
version=$(prop ProductVersion) upgrade_code=$(prop UpgradeCode)
[ -n "$version" ] && [ -n "$upgrade_code" ] || { echo "build-msi.sh: no ProductVersion or UpgradeCode in the package" >&2; exit 1; }
q=(
  "UPDATE \`Component\` SET \`Condition\` = 'DESKTOPSHORTCUT = \"1\" OR REMOVE = \"ALL\"' WHERE \`Component\` = 'DesktopShortcut'"
  "INSERT INTO \`Registry\` (\`Registry\`, \`Root\`, \`Key\`, \`Name\`, \`Component_\`) VALUES ('DesktopShortcutKey', 2, 'Software\\LicenseServerManager', '-', 'DesktopShortcut')"
  "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)"
  "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('PathEntry', '=-*PATH', '[~];[INSTALLFOLDER]', 'Lsm')"
  "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)"
  "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"
  "INSERT INTO \`RemoveFile\` (\`FileKey\`, \`Component_\`, \`FileName\`, \`DirProperty\`, \`InstallMode\`) VALUES ('Defaults', 'Lsm', 'defaults.json', 'INSTALLFOLDER', 2)"
  # Attributes is part of the Upgrade table's key, so the row is replaced.
  "DELETE FROM \`Upgrade\` WHERE \`ActionProperty\` = 'WIX_UPGRADE_DETECTED'"
  "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMax\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$version', 513, 'WIX_UPGRADE_DETECTED')"
)
args=()
for x in "${q[@]}"; do args+=(-q "$x"); done
msibuild "$stage/package.msi" "${args[@]}"
mv "$stage/package.msi" "$out"

if ! file "$out" | grep -q 'MSI Installer'; then
  file "$out"
  echo "$out is not an MSI package" >&2
  exit 1
fi
