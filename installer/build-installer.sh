#!/usr/bin/env bash
# Builds the NSIS installer from an already built Windows exe (make windows).
# Used by `make installer` and by the tests (for a higher-version build).
#   installer/build-installer.sh OUTFILE [--app=EXE] [--lsm=EXE] [NAME=VALUE override ...] [-Dmakensis-define ...]
# --app= and --lsm= pack other builds of LicenseServerManager.exe and lsm.exe
# (default: build/bin's); NAME=VALUE overrides a value read from wails.json
# (e.g. INFO_PRODUCTVERSION=9.0.0); -D... is passed to makensis as it is.
# With a signing configuration in the environment (tools/sign.sh), the
# uninstaller is signed before it is packed.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: build-installer.sh OUTFILE [NAME=VALUE ...] [-D...]}
shift
exe=build/bin/LicenseServerManager.exe
lsm=build/bin/lsm.exe
overrides=() extra=()
for a in "$@"; do
  case $a in
    --app=*) exe=${a#--app=} ;;
    --lsm=*) lsm=${a#--lsm=} ;;
    -D*) extra+=("$a") ;;
    *=*) overrides+=("$a") ;;
    *) echo "build-installer.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

icon=build/windows/icon.ico
work=installer/build
bootstrapper=$work/MicrosoftEdgeWebview2Setup.exe

[ -f "$exe" ] || { echo "$exe is missing: run 'make windows' first" >&2; exit 1; }
[ -f "$lsm" ] || { echo "$lsm is missing: run 'make windows' first" >&2; exit 1; }
[ -f "$icon" ] || { echo "$icon is missing: run 'make windows' first" >&2; exit 1; }
if ! command -v makensis >/dev/null; then
  echo "makensis is missing: installing Debian's nsis package" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nsis >/dev/null
fi

mkdir -p "$work" "$(dirname "$out")"
# The WebView2 bootstrapper ships inside the Wails module (Wails' own -nsis
# build copies it from there too). Copied, never committed (.gitignore).
if [ ! -s "$bootstrapper" ]; then
  wails_dir=$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
  src=$(find "$wails_dir" -name MicrosoftEdgeWebview2Setup.exe -print -quit)
  [ -n "$src" ] || { echo "MicrosoftEdgeWebview2Setup.exe not found under $wails_dir" >&2; exit 1; }
  cp "$src" "$bootstrapper.$$" && mv "$bootstrapper.$$" "$bootstrapper"
fi

# Producer branding (README.md, "For producers: branding"): the files the app
# reads from a repo-root branding/ folder, staged so nothing else is packed.
# sampleData.json alone is no branding, only the producers' starting point.
branding_stage=$work/branding
rm -rf "$branding_stage"
if compgen -G "branding/data.json" >/dev/null || compgen -G "branding/logo.*" >/dev/null; then
  mkdir -p "$branding_stage"
  for f in data.json sampleData.json logo.png logo.jpg logo.jpeg; do
    [ ! -f "branding/$f" ] || cp "branding/$f" "$branding_stage/"
  done
  extra+=("-DBRANDING_DIR=$PWD/$branding_stage")
  echo "packing producer branding: $(ls "$branding_stage" | tr '\n' ' ')"
fi

# Any LSM_SIGN_ variable asks for signing, so a wrong configuration fails
# here instead of building an unsigned uninstaller.
if [ -n "$(compgen -v LSM_SIGN_)" ]; then
  tools/sign.sh --check
  extra+=("-DSIGN_COMMAND=$PWD/tools/sign.sh")
fi

# Product identity from wails.json, NUL-separated so any character survives.
args_file=$(mktemp "$work/defines.XXXXXX")
trap 'rm -f "$args_file"' EXIT
node installer/wails-info.js wails.json "${overrides[@]}" >"$args_file"
mapfile -d '' defs <"$args_file"

# makensis needs a UTF-8 locale to read non-ASCII -D values (©).
LC_ALL=C.UTF-8 makensis -V2 -WX \
  "${defs[@]}" \
  "-DAPP_EXE_SOURCE=$(realpath "$exe")" \
  "-DLSM_EXE_SOURCE=$(realpath "$lsm")" \
  "-DAPP_ICON=$PWD/$icon" \
  "-DWEBVIEW2_BOOTSTRAPPER=$PWD/$bootstrapper" \
  "-DOUTFILE=$(realpath -m "$out")" \
  "${extra[@]}" \
  installer/LicenseServerManager.nsi

if ! file "$out" | grep -q 'PE32+ executable (GUI) x86-64'; then
  file "$out"
  echo "$out is not a PE32+ (x64) executable" >&2
  exit 1
fi
