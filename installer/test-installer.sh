#!/usr/bin/env bash
# make test-installer: runs the Windows installer and uninstaller silently
# under wine (no display needed) in a throw-away prefix and checks what they
# leave behind, including the usage-history task of /COLLECT=, the MSI
# package (install with presets, upgrade, uninstall), a build signed as
# `make sign` signs it (a throw-away certificate) and the machine policies;
# then runs the Windows build of internal/settings, internal/secrets and
# internal/netproxy under wine (a real Credential Manager round trip, the
# policies and the proxy read from the registry).
# Prints "installer: N passed, M failed" and exits non-zero on a failure.
#
# Usage: installer/test-installer.sh [INSTALLER.exe [PACKAGE.msi]]
# Needs build/bin/LicenseServerManager.exe and the installer and MSI package
# built from it (make installer msi). Installs nsis, wine, mingw-w64, wixl
# and msitools when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INSTALLER=$(realpath "${1:-build/bin/LicenseServerManagerInstaller.exe}")
MSI=$(realpath "${2:-build/bin/LicenseServerManager.msi}")
TESTBIN=$ROOT/installer/build/test
t0=$(date +%s)

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "  ok    $1"; }
bad() { failed=$((failed + 1)); echo "  FAIL  $1"; }
check() { # check "description" command...
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
section() { echo "== $1 ($(($(date +%s) - t0)) s)"; }
die() {
  echo "installer: setup failed: $*" >&2
  echo "installer: $passed passed, $((failed + 1)) failed"
  exit 1
}

# ------------------------------------------------------------------ setup
section "setup"
[ -s "$INSTALLER" ] || die "$INSTALLER is missing (make installer)"
[ -s "$MSI" ] || die "$MSI is missing (make msi)"
missing=()
for p in nsis wine wine64 gcc-mingw-w64-x86-64-win32 wixl msitools; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null; } ||
    die "could not install ${missing[*]}"
fi

# Test helpers (mingw-w64): the bcryptprimitives.dll shim Go 1.26 programs
# need under wine 8.0, lsmtest.exe (a stand-in running app, Credential
# Manager access, the user's SID) and a logging stand-in for schtasks.exe.
mkdir -p "$TESTBIN"
build_c() { # out src flags...
  local out=$1 src=$2
  shift 2
  [ "$out" -nt "$src" ] || x86_64-w64-mingw32-gcc -O2 -o "$out" "$src" "$@" || die "compiling $src"
}
build_c "$TESTBIN/bcryptprimitives.dll" installer/testdata/bcryptprimitives.c -shared -ladvapi32
build_c "$TESTBIN/lsmtest.exe" installer/testdata/lsmtest.c -municode -ladvapi32 -luser32
build_c "$TESTBIN/schtasks.exe" installer/testdata/schtasks.c -municode -lshell32

TMP=$(mktemp -d /tmp/lsm-installer-test.XXXXXX)
# schtasks.exe=n: run the stand-in put in system32 (see below), not wine's
# built-in schtasks.
export WINEPREFIX=$TMP/prefix WINEARCH=win64 WINEDEBUG=-all \
  WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml=;schtasks.exe=n"
cleanup() {
  [ -n "${fake_pid:-}" ] && kill "$fake_pid" 2>/dev/null
  timeout 30 wineserver -k >/dev/null 2>&1
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# Installers the tests need besides the real one, built while wine boots:
# a higher version (downgrade checks) and one that sees a non-admin user
# (wine reports every user as an administrator; see the /ALLUSERS checks),
# and a higher version of the MSI package (its upgrade).
HIGHER=$TMP/LicenseServerManagerInstaller-99.0.0.exe
NOADMIN=$TMP/LicenseServerManagerInstaller-noadmin.exe
HIGHER_MSI=$TMP/LicenseServerManager-99.0.0.msi
installer/build-installer.sh "$HIGHER" INFO_PRODUCTVERSION=99.0.0 >"$TMP/build-higher.log" 2>&1 &
b1=$!
installer/build-installer.sh "$NOADMIN" -DTEST_ACCOUNT_TYPE=User >"$TMP/build-noadmin.log" 2>&1 &
b2=$!
installer/build-msi.sh "$HIGHER_MSI" INFO_PRODUCTVERSION=99.0.0 >"$TMP/build-higher-msi.log" 2>&1 &
b3=$!

timeout 300 wineboot --init >/dev/null 2>&1 || die "wineboot failed"
timeout 60 wine winecfg /v win10 >/dev/null 2>&1 || die "winecfg /v win10 failed"
WUSER=$(id -un)
C=$WINEPREFIX/drive_c
UP=$C/users/$WUSER
[ -d "$UP" ] || die "no wine profile at $UP"
# Wine links Desktop, Documents... to the host's home folder; make them
# real folders so shortcuts stay inside the prefix.
for d in Desktop Documents Downloads Music Pictures Videos; do
  if [ -L "$UP/$d" ]; then rm "$UP/$d" && mkdir "$UP/$d"; fi
done
cp "$TESTBIN/bcryptprimitives.dll" "$C/windows/system32/"
# Wine 8.0's schtasks.exe knows /Create /XML, /Delete and /Change /ENABLE,
# not /Query, and its Task Scheduler keeps only part of a task definition
# (no triggers, principal or command). So the installer's schtasks calls
# go through a stand-in (testdata/schtasks.c) that logs each command line
# and keeps a copy of the task XML, then runs wine's own schtasks (kept as
# schtasks-wine.exe) to register or delete the task for real.
cp "$C/windows/system32/schtasks.exe" "$C/windows/system32/schtasks-wine.exe"
cp "$TESTBIN/schtasks.exe" "$C/windows/system32/schtasks.exe"
WSID=$(timeout 60 wine "$TESTBIN/lsmtest.exe" sid 2>/dev/null | tr -d '\r')
[[ $WSID == S-1-5-* ]] || die "could not read the wine user's SID ($WSID)"
wait "$b1" || { cat "$TMP/build-higher.log"; die "building the 99.0.0 installer"; }
wait "$b2" || { cat "$TMP/build-noadmin.log"; die "building the no-admin installer"; }
wait "$b3" || { cat "$TMP/build-higher-msi.log"; die "building the 99.0.0 MSI package"; }

# Expected values
VERSION=$(node -p 'require("./wails.json").info.productVersion')
PUBLISHER=$(node -p 'require("./wails.json").info.companyName')
PRODUCT=$(node -p 'require("./wails.json").info.productName')
KEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\LicenseServerManager'
HKCU_KEY="HKCU\\$KEY"
HKLM_KEY="HKLM\\$KEY"
WV2='Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'
LNK="$PRODUCT.lnk"
PU_DIR=$UP/AppData/Local/Programs/LicenseServerManager
PU_WIN="C:\\users\\$WUSER\\AppData\\Local\\Programs\\LicenseServerManager"
PU_DESKTOP=$UP/Desktop/$LNK
PU_STARTMENU="$UP/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$LNK"
PM_DIR="$C/Program Files/LicenseServerManager"
PM_WIN='C:\Program Files\LicenseServerManager'
PM_DESKTOP=$C/users/Public/Desktop/$LNK
PM_STARTMENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs/$LNK"
CUSTOM_DIR=$C/LSM/Custom
CUSTOM_WIN='C:\LSM\Custom'
SETTINGS_DIR=$UP/AppData/Roaming/LicenseServerManager
LOG_ROOT=$UP/AppData/Local/LicenseServerManager
WEBVIEW_DATA=$UP/AppData/Roaming/LicenseServerManager.exe
FAILURE_LOG=$UP/Temp/LicenseServerManagerInstaller.log
MOVED_DIR="$C/LSM/R&D"
MOVED_WIN='C:\LSM\R&D'
# The usage-history task (/COLLECT=): its names, wine's task store, and
# what the schtasks stand-in leaves.
PU_TASK="\\$PRODUCT\\Collect usage history - $WSID"
PM_TASK="\\$PRODUCT\\Collect usage history, all-users install - $WSID"
ROOT_TASK="\\$PRODUCT - Collect usage history - $WSID"
TASK_STORE=$C/windows/system32/tasks
SCHTASKS_LOG=$C/schtasks.log
TASK_XML=$C/schtasks-last.xml

# ---------------------------------------------------------------- helpers
rc=0
run() { # run EXE args...: runs it, waits for every wine process, sets $rc
  timeout 300 wine "$@" >>"$TMP/wine.log" 2>&1
  rc=$?
  timeout 120 wineserver -w
}
rc_is() { [ "$rc" -eq "$1" ] || { echo "        exit code $rc, expected $1" >&2; return 1; }; }
reg_dump() { timeout 60 wine reg query "$1" 2>/dev/null | tr -d '\r'; }
# value NAME (from $dump): the data of one value of the last reg_dump
value() { awk -F '    ' -v n="$1" '$2 == n { print $4 }' <<<"$dump"; }
value_is() { # value_is NAME EXPECTED
  local got
  got=$(value "$1")
  [ "$got" = "$2" ] || { echo "        $1 = '$got', expected '$2'" >&2; return 1; }
}
no_key() { ! timeout 60 wine reg query "$1" >/dev/null 2>&1; }
USER_ENV='HKCU\Environment'
MACHINE_ENV='HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
# path_of KEY: its Path value (wine's machine environment spells it PATH;
# value names are not case-sensitive).
path_of() { reg_dump "$1" | awk -F '    ' 'tolower($2) == "path" { print $4 }'; }
path_is() { # path_is KEY EXPECTED
  local got
  got=$(path_of "$1")
  [ "$got" = "$2" ] || { echo "        Path = '$got', expected '$2'" >&2; return 1; }
}
lsm_runs() { # lsm_runs DIR ARGS... EXPECTED-EXIT EXPECTED-OUTPUT: lsm.exe as a console user runs it
  local dir=$1 want_rc=${@: -2:1} want_out=${@: -1}
  local args=("${@:2:$#-3}") out
  out=$(timeout 120 wine "$dir/lsm.exe" "${args[@]}" 2>&1 | tr -d '\r')
  local got=${PIPESTATUS[0]}
  [ "$got" -eq "$want_rc" ] && grep -q -- "$want_out" <<<"$out" ||
    { echo "        lsm ${args[*]}: exit $got, expected $want_rc; output: $out" >&2; return 1; }
}
same_file() { cmp -s "$1" "$2" || { echo "        $1 differs:" >&2; cat -A "$1" >&2; return 1; }; }
uninstall() { # uninstall DIR args...: the uninstaller re-launches itself from %TEMP%
  local dir=$1
  shift
  run "$dir/LicenseServerManagerUninstaller.exe" "$@"
}
plant_user_data() { # settings with a remembered login, its saved password, logs, WebView2 data
  mkdir -p "$SETTINGS_DIR" "$LOG_ROOT/logs" "$WEBVIEW_DATA/EBWebView"
  printf '{"schemaVersion":1,"profiles":[{"id":"p1","name":"Test","rememberedUser":"alice"}]}\n' >"$SETTINGS_DIR/settings.json"
  cp "$SETTINGS_DIR/settings.json" "$TMP/settings.planted"
  echo log >"$LOG_ROOT/logs/app.log"
  echo data >"$WEBVIEW_DATA/EBWebView/Local State"
  timeout 60 wine "$TESTBIN/lsmtest.exe" cred-set 'LicenseServerManager:p1/alice' secret >/dev/null 2>&1
}
cred_exists() { timeout 60 wine "$TESTBIN/lsmtest.exe" cred-get 'LicenseServerManager:p1/alice' >/dev/null 2>&1; }
nothing_installed() {
  [ ! -e "$PU_DIR" ] && [ ! -e "$PM_DIR" ] && [ ! -e "$PU_STARTMENU" ] && [ ! -e "$PU_DESKTOP" ] &&
    no_key "$HKCU_KEY" && no_key "$HKLM_KEY"
}
start_fake_app() { # start_fake_app [stubborn]: a running "app" (Wails' single-instance window)
  rm -f "$C/fake-ready"
  timeout 120 wine "$TESTBIN/lsmtest.exe" window 'C:\fake-ready' "$@" >>"$TMP/wine.log" 2>&1 &
  fake_pid=$!
  for _ in $(seq 100); do
    [ -f "$C/fake-ready" ] && return 0
    sleep 0.1
  done
  return 1
}

# schtasks_reset, then schtasks_calls: the schtasks command lines the
# installer ran since, its temporary XML file shown as "<xml>".
schtasks_reset() { rm -f "$SCHTASKS_LOG" "$TASK_XML"; }
schtasks_calls() { [ ! -f "$SCHTASKS_LOG" ] || sed -E 's|/XML "[^"]*\\collect-task\.xml"|/XML "<xml>"|' "$SCHTASKS_LOG"; }
schtasks_calls_are() { # schtasks_calls_are LINE...: exactly these calls, in this order
  local got want
  got=$(schtasks_calls)
  want=$(printf '%s\n' "$@")
  [ "$got" = "$want" ] || {
    echo "        schtasks calls:" >&2
    sed 's/^/          /' <<<"$got" >&2
    echo "        expected:" >&2
    sed 's/^/          /' <<<"$want" >&2
    return 1
  }
}
# task_xml_is MINUTES FOLDER: the last task XML is the definition expected
# for that interval and install folder (Windows path), byte for byte: UTF-16
# LE with a BOM, CRLF lines.
task_xml_is() {
  local m=$1 dir=${2//&/&amp;} interval every
  interval=PT${m}M every="$m minutes"
  [ "$m" = 60 ] && interval=PT1H
  [ "$m" = 1 ] && every=minute
  {
    cat <<EOF
<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Author>$PRODUCT</Author>
    <Description>Takes one usage-history sample of every $PRODUCT profile (lsm usage collect --all) every $every while you are logged on. Registered by the $PRODUCT installer (/COLLECT=$m); its uninstaller removes it.</Description>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <Repetition>
        <Interval>$interval</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
      <StartBoundary>2025-01-01T00:00:00</StartBoundary>
      <Enabled>true</Enabled>
    </TimeTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>$WSID</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>false</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT5M</ExecutionTimeLimit>
    <Priority>7</Priority>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>"$dir\lsm.exe"</Command>
      <Arguments>usage collect --all</Arguments>
      <WorkingDirectory>$dir</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
EOF
  } | sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE >"$TMP/expected-task.xml"
  printf '\xff\xfe' | cat - "$TMP/expected-task.xml" >"$TMP/expected-task-bom.xml"
  [ -f "$TASK_XML" ] || { echo "        no task XML was passed to schtasks" >&2; return 1; }
  cmp -s "$TASK_XML" "$TMP/expected-task-bom.xml" || {
    echo "        task XML differs from the expected one:" >&2
    diff <(iconv -f UTF-16 -t UTF-8 "$TASK_XML") <(iconv -f UTF-16LE -t UTF-8 "$TMP/expected-task.xml") >&2
    return 1
  }
}
# task_registered NAME: wine's Task Scheduler has the task (its store is a
# folder tree of task files).
task_file() { printf '%s' "$TASK_STORE${1//\\//}"; }
task_registered() { [ -f "$(task_file "$1")" ]; }
# registered_task_has NAME TEXT...: wine's stored definition contains each TEXT
registered_task_has() {
  local f t
  f=$(task_file "$1")
  shift
  for t in "$@"; do
    grep -qF -- "$t" "$f" 2>/dev/null || { echo "        $f lacks: $t" >&2; return 1; }
  done
}

WV2_HKLM="HKLM\\SOFTWARE\\WOW6432Node\\$WV2"
WV2_HKCU="HKCU\\Software\\$WV2"
INST=$INSTALLER

# ------------------------------------------------------------------ tests
section "WebView2 missing (pv 0.0.0.0) and the bootstrapper cannot run (32-bit on wine64)"
timeout 60 wine reg add "$WV2_HKLM" /v pv /t REG_SZ /d 0.0.0.0 /f >/dev/null 2>&1
run "$INST" /S
check "silent install exits 67 (WebView2 missing)" rc_is 67
check "nothing installed" nothing_installed
check "the failure is logged in %TEMP%\\LicenseServerManagerInstaller.log" grep -q 'exit code 67' "$FAILURE_LOG"

section "per-user silent install (WebView2 found through HKCU)"
timeout 60 wine reg add "$WV2_HKCU" /v pv /t REG_SZ /d 120.0.0.0 /f >/dev/null 2>&1
USER_PATH='C:\Tools;%USERPROFILE%\bin'
timeout 60 wine reg add "$USER_ENV" /v Path /t REG_EXPAND_SZ /d "$USER_PATH" /f >/dev/null 2>&1
run "$INST" /S
check "exits 0" rc_is 0
check "LicenseServerManager.exe installed in %LOCALAPPDATA%\\Programs\\LicenseServerManager" test -f "$PU_DIR/LicenseServerManager.exe"
check "the exe is the one built" cmp -s "$PU_DIR/LicenseServerManager.exe" build/bin/LicenseServerManager.exe
check "lsm.exe installed beside it, the one built" cmp -s "$PU_DIR/lsm.exe" build/bin/lsm.exe
check "the install folder is added to the user's PATH, after what was there" path_is "$USER_ENV" "$USER_PATH;$PU_WIN"
printf 'model "m" {\n  partitions {\n    partition "p" {\n      "Tool" 1.0 10\n    }\n  }\n}\n' >"$C/good.model"
printf 'model "m" {\n  partitions {\n    partition "p" {\n      Tool 1.0 10\n    }\n  }\n}\n' >"$C/bad.model"
check "lsm.exe --version names the version" lsm_runs "$PU_DIR" --version 0 "lsm $VERSION"
check "lsm.exe model check passes a valid file (exit 0)" lsm_runs "$PU_DIR" model check 'C:\good.model' 0 ""
check "lsm.exe model check refuses an invalid one (exit 1)" lsm_runs "$PU_DIR" model check 'C:\bad.model' 1 'bad.model:4:7: error: feature names are quoted'
run "$INST" /S /NOLAUNCH
check "a reinstall does not add the folder twice" path_is "$USER_ENV" "$USER_PATH;$PU_WIN"
check "LicenseServerManagerUninstaller.exe installed" test -f "$PU_DIR/LicenseServerManagerUninstaller.exe"
check "desktop shortcut" test -f "$PU_DESKTOP"
check "Start menu shortcut" test -f "$PU_STARTMENU"
check "no defaults.json without presets" test ! -e "$PU_DIR/defaults.json"
dump=$(reg_dump "$HKCU_KEY")
check "HKCU DisplayName" value_is DisplayName "$PRODUCT"
check "HKCU DisplayVersion" value_is DisplayVersion "$VERSION"
check "HKCU Publisher" value_is Publisher "$PUBLISHER"
check "HKCU DisplayIcon" value_is DisplayIcon "$PU_WIN\\LicenseServerManager.exe,0"
check "HKCU InstallLocation" value_is InstallLocation "$PU_WIN"
check "HKCU UninstallString" value_is UninstallString "\"$PU_WIN\\LicenseServerManagerUninstaller.exe\""
check "HKCU QuietUninstallString" value_is QuietUninstallString "\"$PU_WIN\\LicenseServerManagerUninstaller.exe\" /S"
check "HKCU NoModify" value_is NoModify 0x1
check "HKCU NoRepair" value_is NoRepair 0x1
check "HKCU InstallScope" value_is InstallScope user
check "HKCU EstimatedSize is set (KB)" test "$(($(value EstimatedSize)))" -gt 1000
check "no HKLM key" no_key "$HKLM_KEY"
check "no HKLM key (32-bit view)" no_key "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\LicenseServerManager"

section "silent uninstall keeps the user's settings and saved passwords"
# From here on WebView2 is found through HKLM (64-bit registry, WOW6432Node).
timeout 60 wine reg add "$WV2_HKLM" /v pv /t REG_SZ /d 120.0.0.0 /f >/dev/null 2>&1
timeout 60 wine reg delete "$WV2_HKCU" /f >/dev/null 2>&1
plant_user_data
check "(setup) credential planted" cred_exists
uninstall "$PU_DIR" /S
check "install folder removed" test ! -e "$PU_DIR"
check "desktop shortcut removed" test ! -e "$PU_DESKTOP"
check "Start menu shortcut removed" test ! -e "$PU_STARTMENU"
check "HKCU key removed" no_key "$HKCU_KEY"
check "the PATH entry it added is removed, and nothing else" path_is "$USER_ENV" "$USER_PATH"
check "settings kept" same_file "$SETTINGS_DIR/settings.json" "$TMP/settings.planted"
check "logs kept" test -f "$LOG_ROOT/logs/app.log"
check "saved password kept" cred_exists

section "usage-history task (/COLLECT=): registered, updated, kept, moved, removed"
# /NOPATH throughout: PATH is checked elsewhere.
schtasks_reset
run "$INST" /S /NOPATH /COLLECT=15
check "/COLLECT=15 exits 0" rc_is 0
check "one schtasks call: /Create /TN \"$PU_TASK\" /XML <file> /F" \
  schtasks_calls_are "/Create /TN \"$PU_TASK\" /XML \"<xml>\" /F"
check "the task XML: \"<folder>\\lsm.exe\" usage collect --all every PT15M as the user's SID, logged on only, least privilege, no overlap, 5-minute limit" \
  task_xml_is 15 "$PU_WIN"
check "wine's Task Scheduler registered it under that name" task_registered "$PU_TASK"
check "wine's stored definition has its settings and description" registered_task_has "$PU_TASK" \
  "<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>" "<ExecutionTimeLimit>PT5M</ExecutionTimeLimit>" \
  "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>" "<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>" \
  "every 15 minutes while you are logged on"
dump=$(reg_dump "$HKCU_KEY")
check "HKCU CollectTask records the task's name" value_is CollectTask "$PU_TASK"
check "HKCU CollectMinutes 15" value_is CollectMinutes 15
schtasks_reset
run "$INST" /S /NOPATH /COLLECT=030
check "a reinstall with /COLLECT=030 exits 0" rc_is 0
check "it updates the same task (/Create ... /F), nothing else" \
  schtasks_calls_are "/Create /TN \"$PU_TASK\" /XML \"<xml>\" /F"
check "the task XML says PT30M" task_xml_is 30 "$PU_WIN"
check "wine's stored definition is the new one" registered_task_has "$PU_TASK" "every 30 minutes"
dump=$(reg_dump "$HKCU_KEY")
check "HKCU CollectMinutes 30" value_is CollectMinutes 30
schtasks_reset
run "$INST" /S /NOPATH /NOLAUNCH
check "an upgrade without /COLLECT exits 0" rc_is 0
check "it leaves the task alone (no schtasks call)" schtasks_calls_are ""
check "the task is still registered" task_registered "$PU_TASK"
dump=$(reg_dump "$HKCU_KEY")
check "HKCU CollectMinutes still 30" value_is CollectMinutes 30
schtasks_reset
run "$INST" /S /NOPATH "/D=$MOVED_WIN"
check "an upgrade without /COLLECT into another folder (/D=C:\\LSM\\R&D) exits 0" rc_is 0
check "it registers the task again, same name" schtasks_calls_are "/Create /TN \"$PU_TASK\" /XML \"<xml>\" /F"
check "the task XML runs the new folder's lsm.exe (& written as &amp;), still PT30M" task_xml_is 30 "$MOVED_WIN"
check "the old folder is gone" test ! -e "$PU_DIR"
schtasks_reset
touch "$C/schtasks-refuse-folders"
run "$INST" /S /NOPATH /COLLECT=1
rm -f "$C/schtasks-refuse-folders"
check "/COLLECT=1 when Task Scheduler refuses the folder (as Windows may a standard user) exits 0" rc_is 0
check "then the task goes to the root folder, and the one in the folder is deleted" schtasks_calls_are \
  "/Create /TN \"$PU_TASK\" /XML \"<xml>\" /F" "/Create /TN \"$ROOT_TASK\" /XML \"<xml>\" /F" "/Delete /TN \"$PU_TASK\" /F"
check "the task XML says PT1M (every minute)" task_xml_is 1 "$MOVED_WIN"
check "wine has the root-folder task and not the other" eval 'task_registered "$ROOT_TASK" && ! task_registered "$PU_TASK"'
dump=$(reg_dump "$HKCU_KEY")
check "HKCU CollectTask is the root-folder task" value_is CollectTask "$ROOT_TASK"
rm -f "$FAILURE_LOG"
touch "$C/schtasks-refuse-all"
run "$INST" /S /NOPATH /COLLECT=60
rm -f "$C/schtasks-refuse-all"
check "/COLLECT=60 when Task Scheduler refuses the task: installed, exit 72" rc_is 72
check "the failure is logged" grep -q 'exit code 72: Installed, but the usage-history task (/COLLECT=60) could not be registered' "$FAILURE_LOG"
check "the task XML says PT1H" task_xml_is 60 "$MOVED_WIN"
check "the app is installed all the same" test -f "$MOVED_DIR/LicenseServerManager.exe"
dump=$(reg_dump "$HKCU_KEY")
check "the earlier task stays recorded (CollectTask, CollectMinutes 1)" eval 'value_is CollectTask "$ROOT_TASK" && value_is CollectMinutes 1'
schtasks_reset
uninstall "$MOVED_DIR" /S
check "uninstall deletes the recorded task, and nothing else" schtasks_calls_are "/Delete /TN \"$ROOT_TASK\" /F"
check "wine's Task Scheduler no longer has it" test ! -e "$(task_file "$ROOT_TASK")"
check "uninstall removes the folder and the HKCU key" eval '[ ! -e "$MOVED_DIR" ] && no_key "$HKCU_KEY"'

section "bad switch values are refused before anything is installed"
schtasks_reset
for args in "/HOST=lls.corp /PORT=99999" "/HOST=lls.corp /PORT=abc" "/HOST=lls.corp /HTTPS=2" \
  "/PORT=7443" "/HOST=http://lls.corp/x" "/CLS=SHORT /HOST=acme.compliance.flexnetoperations.com" \
  "/CLS=ABCDEF123456 /HOST=lls.corp" "/COLLECT=0" "/COLLECT=61" "/COLLECT=abc" "/COLLECT=" "/COLLECT"; do
  # shellcheck disable=SC2086
  run "$INST" /S $args
  check "$args -> exit 69" rc_is 69
done
check "nothing installed" nothing_installed
check "the log names the bad /COLLECT= value and the range" grep -q 'exit code 69: /COLLECT=61 is not valid: .* from 1 to 60' "$FAILURE_LOG"
check "no schtasks call" schtasks_calls_are ""

section "presets, /NODESKTOP, /NOPATH and /D= (custom folder)"
run "$INST" /S /NODESKTOP /NOPATH /HOST=lls.corp /PORT=7443 /HTTPS=1 "/D=$CUSTOM_WIN"
check "exits 0" rc_is 0
check "/NOPATH leaves PATH alone" path_is "$USER_ENV" "$USER_PATH"
check "installed in C:\\LSM\\Custom" test -f "$CUSTOM_DIR/LicenseServerManager.exe"
check "no desktop shortcut" test ! -e "$PU_DESKTOP"
check "Start menu shortcut" test -f "$PU_STARTMENU"
printf '{\r\n  "host": "lls.corp",\r\n  "port": 7443,\r\n  "https": true\r\n}\r\n' >"$TMP/expected-local.json"
check "defaults.json has the local server presets" same_file "$CUSTOM_DIR/defaults.json" "$TMP/expected-local.json"
dump=$(reg_dump "$HKCU_KEY")
check "InstallLocation is the custom folder" value_is InstallLocation "$CUSTOM_WIN"

section "upgrade in place while the app runs (it is asked to quit)"
plant_user_data
check "(setup) stand-in app running" start_fake_app
run "$INST" /S /NOLAUNCH
check "exits 0" rc_is 0
wait "$fake_pid"
fake_rc=$?
fake_pid=
check "the running app received --quit and closed" test "$fake_rc" -eq 0
check "same folder reused (no /D=)" test -f "$CUSTOM_DIR/LicenseServerManager.exe"
check "nothing in the default folder" test ! -e "$PU_DIR"
dump=$(reg_dump "$HKCU_KEY")
check "InstallLocation unchanged" value_is InstallLocation "$CUSTOM_WIN"
check "settings kept" same_file "$SETTINGS_DIR/settings.json" "$TMP/settings.planted"
check "saved password kept" cred_exists
check "defaults.json kept (no presets given)" same_file "$CUSTOM_DIR/defaults.json" "$TMP/expected-local.json"

section "an app that does not quit stops a silent upgrade"
check "(setup) stubborn stand-in app running" start_fake_app stubborn
echo "        (the installer waits about 15 s)"
s=$(date +%s)
timeout 300 wine "$INST" /S >>"$TMP/wine.log" 2>&1
rc=$?
check "exits 66 (app still running)" rc_is 66
check "after waiting about 15 s" test $(($(date +%s) - s)) -ge 14
kill "$fake_pid" 2>/dev/null
wait "$fake_pid" 2>/dev/null
fake_pid=
timeout 120 wineserver -w

section "downgrade"
run "$HIGHER" /S
check "99.0.0 upgrade exits 0" rc_is 0
dump=$(reg_dump "$HKCU_KEY")
check "DisplayVersion 99.0.0" value_is DisplayVersion 99.0.0
run "$INST" /S
check "silent downgrade exits 70" rc_is 70
dump=$(reg_dump "$HKCU_KEY")
check "DisplayVersion still 99.0.0" value_is DisplayVersion 99.0.0
run "$INST" /S /ALLOWDOWNGRADE
check "/ALLOWDOWNGRADE exits 0" rc_is 0
dump=$(reg_dump "$HKCU_KEY")
check "DisplayVersion $VERSION" value_is DisplayVersion "$VERSION"
check "still in the same folder" value_is InstallLocation "$CUSTOM_WIN"

section "Cloud License Server presets"
run "$INST" /S /CLS=ABCDEF123456 /HOST=acme.compliance.flexnetoperations.com
check "exits 0" rc_is 0
printf '{\r\n  "host": "acme.compliance.flexnetoperations.com",\r\n  "https": true,\r\n  "clsInstanceId": "ABCDEF123456"\r\n}\r\n' >"$TMP/expected-cls.json"
check "defaults.json has the CLS presets" same_file "$CUSTOM_DIR/defaults.json" "$TMP/expected-cls.json"

section "uninstall /PURGE removes settings, logs, saved passwords and WebView2 data"
# Under wine 8.0, `LicenseServerManager.exe --purge` deletes the saved
# password and then fails on the folders (Go 1.26's os.RemoveAll needs
# FileDispositionInformationEx, which wine lacks; see the go test section), so
# here the folders are removed by the uninstaller's fallback. The credential
# check shows that --purge ran before the exe was deleted.
plant_user_data
check "(setup) credential planted" cred_exists
uninstall "$CUSTOM_DIR" /S /PURGE
check "install folder removed" test ! -e "$CUSTOM_DIR"
check "Start menu shortcut removed" test ! -e "$PU_STARTMENU"
check "desktop shortcut removed" test ! -e "$PU_DESKTOP"
check "HKCU key removed" no_key "$HKCU_KEY"
check "settings folder removed" test ! -e "$SETTINGS_DIR"
check "log folder removed" test ! -e "$LOG_ROOT"
check "WebView2 data folder removed" test ! -e "$WEBVIEW_DATA"
check "saved password removed (LicenseServerManager.exe --purge)" test "$(cred_exists && echo yes)" != yes

section "/ALLUSERS without administrator rights (test build that sees a standard user)"
run "$NOADMIN" /S /ALLUSERS
check "exits 68" rc_is 68
check "nothing installed" nothing_installed

section "/ALLUSERS per-machine install"
# Wine does not enforce UAC and UserInfo::GetAccountType reports "Admin"
# for the wine user, so the real installer's admin check passes here.
MACHINE_PATH=$(path_of "$MACHINE_ENV")
schtasks_reset
run "$INST" /S /ALLUSERS /NOLAUNCH /COLLECT=5
check "exits 0 (wine reports an administrator)" rc_is 0
check "/COLLECT=5: a task for the installing user, named for the all-users install" \
  schtasks_calls_are "/Create /TN \"$PM_TASK\" /XML \"<xml>\" /F"
check "its XML runs Program Files' lsm.exe as the installing user's SID, every PT5M" task_xml_is 5 "$PM_WIN"
check "wine's Task Scheduler registered it" task_registered "$PM_TASK"
check "installed in Program Files" test -f "$PM_DIR/LicenseServerManager.exe"
check "lsm.exe in Program Files" test -f "$PM_DIR/lsm.exe"
check "the folder is added to the machine's PATH" path_is "$MACHINE_ENV" "$MACHINE_PATH;$PM_WIN"
check "the user's PATH is left alone" path_is "$USER_ENV" "$USER_PATH"
check "uninstaller in Program Files" test -f "$PM_DIR/LicenseServerManagerUninstaller.exe"
check "public desktop shortcut" test -f "$PM_DESKTOP"
check "all-users Start menu shortcut" test -f "$PM_STARTMENU"
check "no per-user shortcuts" test ! -e "$PU_DESKTOP" -a ! -e "$PU_STARTMENU"
dump=$(reg_dump "$HKLM_KEY")
check "HKLM InstallLocation" value_is InstallLocation "$PM_WIN"
check "HKLM InstallScope" value_is InstallScope machine
check "HKLM DisplayVersion" value_is DisplayVersion "$VERSION"
check "HKLM QuietUninstallString" value_is QuietUninstallString "\"$PM_WIN\\LicenseServerManagerUninstaller.exe\" /S"
check "HKLM CollectTask" value_is CollectTask "$PM_TASK"
check "no HKCU key" no_key "$HKCU_KEY"
schtasks_reset
uninstall "$PM_DIR" /S
check "uninstall deletes the task" schtasks_calls_are "/Delete /TN \"$PM_TASK\" /F"
check "wine's Task Scheduler no longer has it" test ! -e "$(task_file "$PM_TASK")"
check "uninstall removes the Program Files folder" test ! -e "$PM_DIR"
check "uninstall removes the public shortcuts" test ! -e "$PM_DESKTOP" -a ! -e "$PM_STARTMENU"
check "uninstall removes the HKLM key" no_key "$HKLM_KEY"
check "uninstall takes the folder off the machine's PATH, and nothing else" path_is "$MACHINE_ENV" "$MACHINE_PATH"

# ------------------------------------------------------------ MSI package
# The same prefix, after the NSIS tests: nothing of theirs is installed now
# (the per-machine section uninstalled the last one). Wine 8.0's msi gives
# ProgramMenuFolder and DesktopFolder the user's folders even for a
# per-machine package (ALLUSERS=1), where Windows uses the all-users ones
# (ProgramData\...\Start Menu\Programs, Users\Public\Desktop); so the
# shortcuts are looked for where wine puts them.
MSI_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
MSI_STARTMENU=$PU_STARTMENU
MSI_DESKTOP=$PU_DESKTOP
msi_property() { msiinfo export "$1" Property | tr -d '\r' | awk -F '\t' -v p="$2" '$1 == p { print $2 }'; }
CODE=$(msi_property "$MSI" ProductCode)
HIGHER_CODE=$(msi_property "$HIGHER_MSI" ProductCode)
# Wine hands an exit code on as a Unix exit status: its low 8 bits
# (1603 -> 67).
msi_rc_is() { rc_is $(($1 & 255)); }
msi_log=0
msi() { # msi ARGS...: msiexec with a verbose log, C:\msi-N.log ($log)
  msi_log=$((msi_log + 1))
  log=$C/msi-$msi_log.log
  run msiexec "$@" /l*v "C:\\msi-$msi_log.log"
}
# product_entries: the uninstall entries named after the product (the MSI's
# are HKLM\...\Uninstall\{ProductCode}), one per line.
product_entries() {
  local k
  for k in $(reg_dump "$MSI_KEY" | grep -o '{[0-9A-F-]*}$'); do
    reg_dump "$MSI_KEY\\$k" | grep -q "DisplayName    REG_SZ    $PRODUCT\$" && echo "$k"
  done
}
entries_are() { # entries_are CODE...: exactly these uninstall entries of the product
  local got want
  got=$(product_entries | sort)
  want=$(printf '%s\n' "$@" | sort)
  [ "$got" = "$want" ] || { echo "        uninstall entries: '${got//$'\n'/ }', expected '${want//$'\n'/ }'" >&2; return 1; }
}
# path_without_empty KEY: its Path without empty elements (wine's
# RemoveEnvironmentStrings leaves the ";" before the value it removes).
path_without_empty() { path_of "$1" | tr ';' '\n' | grep -v '^$' | paste -sd ';'; }
path_has_pm_dir() { path_of "$MACHINE_ENV" | tr ';' '\n' | grep -qixF "$PM_WIN\\"; }
msi_nothing_installed() {
  nothing_installed && [ ! -e "$MSI_STARTMENU" ] && [ ! -e "$MSI_DESKTOP" ] && entries_are && ! path_has_pm_dir
}

section "MSI package: invalid server presets fail the installation (1603) and install nothing"
check "(setup) nothing installed before" msi_nothing_installed
check "(setup) two product codes (Id=\"*\"), one per build" test -n "$CODE" -a -n "$HIGHER_CODE" -a "$CODE" != "$HIGHER_CODE"
# Each with the problem lsm reports, which the presets action puts in the log.
for t in "HOST=lls.corp PORT=70000|PORT=70000 is not valid: the port must be a number from 1 to 65535." \
  "HOST=http://x|HOST: Enter only the host name or IP address, without http:// or a path." \
  "PORT=7443|PORT, HTTPS and CLS need HOST as well" \
  "HOST=lls.corp HTTPS=2|HTTPS=2 is not valid: use HTTPS=1 (HTTPS) or HTTPS=0 (HTTP)." \
  "HOST=lls.corp CLS=SHORT|CLS: An instance ID is 12 letters and digits"; do
  args=${t%%|*}
  # shellcheck disable=SC2086
  msi /i "$MSI" /qn $args
  check "$args -> exit 1603" msi_rc_is 1603
  check "$args: the log has lsm's message: ${t#*|}" grep -aqF "${t#*|}" "$log"
done
check "nothing installed (rolled back)" msi_nothing_installed

section "MSI package: per-machine install with server presets"
MSI_MACHINE_PATH=$(path_without_empty "$MACHINE_ENV")
msi /i "$MSI" /qn HOST=lls.corp PORT=7443 HTTPS=1
check "msiexec /i /qn HOST=lls.corp PORT=7443 HTTPS=1 exits 0" msi_rc_is 0
check "LicenseServerManager.exe in Program Files\\LicenseServerManager, the one built" cmp -s "$PM_DIR/LicenseServerManager.exe" build/bin/LicenseServerManager.exe
check "lsm.exe beside it, the one built" cmp -s "$PM_DIR/lsm.exe" build/bin/lsm.exe
check "defaults.json has the bytes the NSIS installer writes for /HOST=lls.corp /PORT=7443 /HTTPS=1" same_file "$PM_DIR/defaults.json" "$TMP/expected-local.json"
check "nothing else in the folder" test "$(ls "$PM_DIR" | tr '\n' ' ')" = "LicenseServerManager.exe defaults.json lsm.exe "
check "Start menu shortcut" test -f "$MSI_STARTMENU"
check "no desktop shortcut without DESKTOPSHORTCUT=1" test ! -e "$MSI_DESKTOP"
check "one uninstall entry, {ProductCode}" entries_are "$CODE"
dump=$(reg_dump "$MSI_KEY\\$CODE")
check "DisplayVersion $VERSION" value_is DisplayVersion "$VERSION"
check "Publisher" value_is Publisher "$PUBLISHER"
check "InstallLocation" value_is InstallLocation "$PM_WIN\\"
check "NoModify" value_is NoModify 0x1
check "no NSIS uninstall entry" no_key "$HKLM_KEY"
check "the folder is on the machine's PATH" path_has_pm_dir
check "lsm runs from the install folder (--version)" lsm_runs "$PM_DIR" --version 0 "lsm $VERSION"

section "MSI package: upgrade in place to 99.0.0"
plant_user_data
msi /i "$HIGHER_MSI" /qn DESKTOPSHORTCUT=1
check "the 99.0.0 package with DESKTOPSHORTCUT=1 exits 0" msi_rc_is 0
check "one uninstall entry, the new product code" entries_are "$HIGHER_CODE"
dump=$(reg_dump "$MSI_KEY\\$HIGHER_CODE")
check "DisplayVersion 99.0.0" value_is DisplayVersion 99.0.0
check "same folder" test -f "$PM_DIR/LicenseServerManager.exe"
check "defaults.json kept (no presets given)" same_file "$PM_DIR/defaults.json" "$TMP/expected-local.json"
check "the user's settings kept" same_file "$SETTINGS_DIR/settings.json" "$TMP/settings.planted"
check "desktop shortcut (DESKTOPSHORTCUT=1)" test -f "$MSI_DESKTOP"
check "Start menu shortcut" test -f "$MSI_STARTMENU"
check "the folder is on PATH once" test "$(path_of "$MACHINE_ENV" | tr ';' '\n' | grep -icxF "$PM_WIN\\")" -eq 1

section "MSI package: uninstall"
msi /x "$HIGHER_CODE" /qn
check "msiexec /x {ProductCode} /qn exits 0" msi_rc_is 0
check "the install folder is gone, defaults.json with it" test ! -e "$PM_DIR"
check "the shortcuts are gone" test ! -e "$MSI_STARTMENU" -a ! -e "$MSI_DESKTOP"
check "the uninstall entry is gone" entries_are
check "the folder is off the machine's PATH, and the rest is as it was" eval '! path_has_pm_dir && [ "$(path_without_empty "$MACHINE_ENV")" = "$MSI_MACHINE_PATH" ]'
check "no registry key of the package is left" no_key 'HKLM\Software\LicenseServerManager'
check "the user's settings kept" same_file "$SETTINGS_DIR/settings.json" "$TMP/settings.planted"

section "MSI package: a downgrade is refused"
# In a fresh install of 99.0.0: under wine, the removal of the old version
# that an upgrade runs (a separate msiexec REMOVE=ALL) takes the UpgradeCode
# registration of the new one with it, so that wine no longer finds 99.0.0
# by its UpgradeCode after the upgrade above. Windows keeps it.
msi /i "$HIGHER_MSI" /qn
check "(setup) 99.0.0 installed" msi_rc_is 0
msi /i "$MSI" /qn
check "installing $VERSION over 99.0.0 is refused: exit 1603" msi_rc_is 1603
check "by the launch condition of MajorUpgrade (the downgrade message)" grep -aq 'Action ended .*: LaunchConditions\. Return value 0\.' "$log"
check "still one uninstall entry, 99.0.0's" entries_are "$HIGHER_CODE"
msi /x "$HIGHER_MSI" /qn
check "msiexec /x PACKAGE.msi /qn exits 0" msi_rc_is 0
check "nothing of the package is left" msi_nothing_installed

section "signed build: exes, uninstaller and installer signed as make sign does (tools/sign.sh)"
# A throw-away code-signing certificate in the temporary folder; its key is
# deleted once the files are signed. with_test_key runs a command with only
# that configuration (any LSM_SIGN_ variable of the caller is dropped).
SIGN_DIR=$TMP/sign
SIGNED_INST=$SIGN_DIR/LicenseServerManagerInstaller.exe
mkdir -p "$SIGN_DIR"
with_test_key() {
  local drop=() v
  for v in $(compgen -v LSM_SIGN_); do drop+=(-u "$v"); done
  env "${drop[@]}" LSM_SIGN_CERT="$SIGN_DIR/c.pem" LSM_SIGN_KEY="$SIGN_DIR/k.pem" LSM_SIGN_CAFILE="$SIGN_DIR/c.pem" "$@" >>"$TMP/sign.log" 2>&1
}
signed() { # signed FILE: its Authenticode signature verifies against the test certificate
  osslsigncode verify -CAfile "$SIGN_DIR/c.pem" -in "$1" >"$TMP/verify.log" 2>&1 ||
    { grep -E 'Error|error|Failed|No signature' "$TMP/verify.log" | sed 's/^/        /' >&2; return 1; }
}
unsigned() { ! signed "$1" 2>/dev/null; }
test_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$SIGN_DIR/k.pem" -out "$SIGN_DIR/c.pem" -days 2 \
    -subj "/CN=Test Signing" -addext "extendedKeyUsage=codeSigning" >>"$TMP/sign.log" 2>&1
}
check "a throw-away code-signing certificate" test_certificate
cp build/bin/LicenseServerManager.exe build/bin/lsm.exe "$SIGN_DIR/"
check "an exe not signed with it does not verify" unsigned "$SIGN_DIR/lsm.exe"
check "tools/sign.sh signs copies of LicenseServerManager.exe and lsm.exe" \
  with_test_key tools/sign.sh "$SIGN_DIR/LicenseServerManager.exe" "$SIGN_DIR/lsm.exe"
# The build's own log: the uninstaller is the one file it signs.
: >"$TMP/sign.log"
check "an installer builds from the signed copies" \
  with_test_key installer/build-installer.sh "$SIGNED_INST" --app="$SIGN_DIR/LicenseServerManager.exe" --lsm="$SIGN_DIR/lsm.exe"
check "the build signed the uninstaller before packing it (!uninstfinalize)" grep -q '^signed .* (/CN=Test Signing)$' "$TMP/sign.log"
check "tools/sign.sh signs the installer" with_test_key tools/sign.sh "$SIGNED_INST"
MSI_FILE=build/bin/LicenseServerManager.msi
if [ -f "$MSI_FILE" ]; then
  cp "$MSI_FILE" "$SIGN_DIR/"
  check "tools/sign.sh signs the MSI" with_test_key tools/sign.sh "$SIGN_DIR/LicenseServerManager.msi"
  check "the MSI's signature verifies" signed "$SIGN_DIR/LicenseServerManager.msi"
else
  echo "        (no $MSI_FILE: the MSI's signature is not checked)"
fi
rm -f "$SIGN_DIR/k.pem"
check "the test key is deleted" test ! -e "$SIGN_DIR/k.pem"
check "LicenseServerManager.exe's signature verifies" signed "$SIGN_DIR/LicenseServerManager.exe"
check "lsm.exe's signature verifies" signed "$SIGN_DIR/lsm.exe"
check "the installer's signature verifies" signed "$SIGNED_INST"
run "$SIGNED_INST" /S /NOPATH
check "the signed installer installs silently (exit 0)" rc_is 0
check "it installs the signed LicenseServerManager.exe" cmp -s "$PU_DIR/LicenseServerManager.exe" "$SIGN_DIR/LicenseServerManager.exe"
check "it installs the signed lsm.exe" cmp -s "$PU_DIR/lsm.exe" "$SIGN_DIR/lsm.exe"
check "the installed uninstaller's signature verifies" signed "$PU_DIR/LicenseServerManagerUninstaller.exe"
uninstall "$PU_DIR" /S
check "the signed uninstaller removes the installation" nothing_installed

section "machine policies (wine reg add): lsm.exe and the Windows build of the settings obey them"
# The key is named after wails.json's companyName. HKLM wins value by value:
# DisableModelUpload is 0 there and 1 under HKCU, so it is off.
COMPANY=$(node -p 'require("./wails.json").info.companyName')
POLICY_KEY="Software\\Policies\\$COMPANY\\LicenseServerManager"
policy() { timeout 60 wine reg add "$1\\$POLICY_KEY" /v "$2" /t "$3" /d "$4" /f >/dev/null 2>&1; }
check "policies set with wine reg add" eval '
  policy HKLM DisableRememberPassword REG_DWORD 1 &&
  policy HKLM AllowedServers REG_MULTI_SZ "lls01.corp.example\\0*.lab.corp.example:7070" &&
  policy HKLM DisableModelUpload REG_DWORD 0 &&
  policy HKCU DisableModelUpload REG_DWORD 1 &&
  policy HKCU HistoryRetentionDays REG_DWORD 90'
LSM_DIR=$ROOT/build/bin
policies_out=$(timeout 120 wine "$LSM_DIR/lsm.exe" policies 2>&1 | tr -d '\r')
check "lsm.exe policies lists HKLM's AllowedServers" grep -q 'AllowedServers  *lls01.corp.example, \*.lab.corp.example:7070' <<<"$policies_out"
check "lsm.exe policies lists HKCU's HistoryRetentionDays" grep -q 'HistoryRetentionDays  *90' <<<"$policies_out"
check "lsm.exe policies: DisableModelUpload is off (HKLM's 0 wins over HKCU's 1)" eval '! grep -q DisableModelUpload <<<"$policies_out"'
check "lsm.exe login --remember is refused (exit 2) with the policy's words" \
  lsm_runs "$LSM_DIR" login --remember 2 "does not allow saving passwords on this computer.*Set by your organisation"
check "lsm.exe refuses a server the AllowedServers policy keeps out (exit 2)" \
  lsm_runs "$LSM_DIR" --server http://lls02.corp.example:7070 status 2 "allows only these license servers: lls01.corp.example, \*.lab.corp.example:7070"

section "Windows build of internal/settings, internal/secrets and internal/netproxy under wine"
# HOME stays unchanged for go (else it downloads modules again); the shim is
# in the prefix's system32; REAL_KEYRING=1 runs the Credential Manager test.
# Wine 8.0 has no FileDispositionInformationEx (NtSetInformationFile class
# 64 -> STATUS_NOT_IMPLEMENTED), and Go 1.26's os.RemoveAll treats that as an
# error instead of using its fallback for older Windows, so every t.TempDir()
# cleanup fails ("unlinkat ...: Invalid function."). For these test builds
# only, an -overlay copy of the standard library file adds that status to the
# fallback list. Real Windows 10 1607+ never takes this path.
overlay=()
at=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
if grep -qP '^\t\tSTATUS_NOT_SUPPORTED: ' "$at" 2>/dev/null; then
  sed 's|^\t\tSTATUS_NOT_SUPPORTED: |\t\tSTATUS_NOT_SUPPORTED, NTStatus(0xC0000002) /* wine */: |' "$at" >"$TMP/at_windows.go"
  printf '{"Replace":{"%s":"%s"}}\n' "$at" "$TMP/at_windows.go" >"$TMP/overlay.json"
  overlay=(-overlay "$TMP/overlay.json")
fi
if GOOS=windows GOARCH=amd64 CGO_ENABLED=0 REAL_KEYRING=1 LSM_WINE_POLICIES=1 timeout 600 \
  go test "${overlay[@]}" -count=1 -v -exec wine ./internal/settings/ ./internal/secrets/ ./internal/netproxy/ >"$TMP/gotest.log" 2>&1; then
  ok "go test ./internal/settings/ ./internal/secrets/ ./internal/netproxy/ (GOOS=windows, under wine)"
else
  grep -E '^(--- FAIL|FAIL|ok|panic)|_test.go' "$TMP/gotest.log" | head -40
  bad "go test ./internal/settings/ ./internal/secrets/ ./internal/netproxy/ (GOOS=windows, under wine)"
fi
check "TestRealKeyring ran against Windows Credential Manager" grep -q -- '--- PASS: TestRealKeyring' "$TMP/gotest.log"
# The netproxy tests write the prefix's HKCU Internet Settings (and put them
# back): the static proxy with its exception list, and a PAC script served
# by the test, read through go-ieproxy and WinHTTP.
check "the Windows static proxy was read from the registry" grep -q -- '--- PASS: TestTheWindowsStaticProxyAndItsExceptions' "$TMP/gotest.log"
check "the Windows PAC script was run by WinHTTP" grep -q -- '--- PASS: TestTheWindowsPACScript' "$TMP/gotest.log"
check "TestMachinePoliciesFromTheRegistry read the policies wine reg add set" grep -q -- '--- PASS: TestMachinePoliciesFromTheRegistry' "$TMP/gotest.log"
timeout 60 wine reg delete "HKLM\\$POLICY_KEY" /f >/dev/null 2>&1
timeout 60 wine reg delete "HKCU\\$POLICY_KEY" /f >/dev/null 2>&1

echo "installer: $passed passed, $failed failed ($(($(date +%s) - t0)) s)"
[ "$failed" -eq 0 ]
