# License Server Manager for Windows: per-user (default) or per-machine
# (/ALLUSERS) installer and uninstaller. Build it with `make installer`,
# which passes the product identity from wails.json as -D defines (see
# installer/installer.mk and installer/wails-info.js); the switches and exit
# codes are documented in installer/README.md.
#
# Required defines (installer.mk passes them):
#   INFO_COMPANYNAME INFO_PRODUCTNAME INFO_PRODUCTVERSION INFO_COPYRIGHT
#   INFO_COMMENTS    INFO_VERSION_NUMERIC (e.g. 0.1.0)  INFO_VIVERSION (0.1.0.0)
#   APP_EXE_SOURCE   LSM_EXE_SOURCE (the console tool)   APP_ICON
#   WEBVIEW2_BOOTSTRAPPER   OUTFILE
# Optional: BRANDING_DIR, a folder installed as $INSTDIR\branding
# (build-installer.sh passes it when the repo has a producer branding).
# This script is the only place that registers and removes the usage-history
# task of /COLLECT= (see "Usage-history task" below).

Target amd64-unicode
SetCompressor /SOLID lzma
# A dictionary larger than both exes, so lsm.exe is packed as what it shares
# with the app (most of its code) rather than anew.
SetCompressorDictSize 64
ManifestDPIAware true
RequestExecutionLevel user

!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "${NAME} is not defined: build the installer with 'make installer'"
  !endif
!macroend
!insertmacro REQUIRE INFO_COMPANYNAME
!insertmacro REQUIRE INFO_PRODUCTNAME
!insertmacro REQUIRE INFO_PRODUCTVERSION
!insertmacro REQUIRE INFO_COPYRIGHT
!insertmacro REQUIRE INFO_COMMENTS
!insertmacro REQUIRE INFO_VERSION_NUMERIC
!insertmacro REQUIRE INFO_VIVERSION
!insertmacro REQUIRE APP_EXE_SOURCE
!insertmacro REQUIRE LSM_EXE_SOURCE
!insertmacro REQUIRE APP_ICON
!insertmacro REQUIRE WEBVIEW2_BOOTSTRAPPER
!insertmacro REQUIRE OUTFILE

# Names the app, its uninstaller and the user-data code depend on. They do
# not follow a rebranding on purpose: the app finds its settings by them.
!define APP_EXE        "LicenseServerManager.exe"
!define LSM_EXE        "lsm.exe"
!define UNINSTALLER    "LicenseServerManagerUninstaller.exe"
!define APP_FOLDER     "LicenseServerManager"
!define DEFAULTS_FILE  "defaults.json"
!define UNINST_KEY     "Software\Microsoft\Windows\CurrentVersion\Uninstall\LicenseServerManager"
!define SHORTCUT_NAME  "${INFO_PRODUCTNAME}.lnk"
!define FAILURE_LOG    "LicenseServerManagerInstaller.log"
# Wails' single-instance message window (internal/instance).
!define SI_CLASS "wails-app-licenseservermanager-9b7e0c4e-2f1d-4c55-8a57-62c1f0d3a8e1-sic"
!define SI_NAME  "wails-app-licenseservermanager-9b7e0c4e-2f1d-4c55-8a57-62c1f0d3a8e1-siw"
!define WV2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WV2_DOWNLOAD_URL "https://developer.microsoft.com/microsoft-edge/webview2/"
# Where PATH is kept: the user's (per-user install) or the machine's.
!define ENV_USER    "Environment"
!define ENV_MACHINE "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

# Exit codes (installer/README.md). 1 and 2 are NSIS's own: cancelled by the
# user, and aborted (e.g. a file could not be written).
!define EXIT_CANCELLED        1
!define EXIT_OLD_WINDOWS      64
!define EXIT_WRONG_ARCH       65
!define EXIT_APP_RUNNING      66
!define EXIT_NO_WEBVIEW2      67
!define EXIT_NEEDS_ADMIN      68
!define EXIT_BAD_SWITCH       69
!define EXIT_DOWNGRADE        70
!define EXIT_PURGE_INCOMPLETE 71
!define EXIT_TASK_FAILED      72

# Half-second steps to wait for a running app to close after `--quit` (15 s).
!define QUIT_WAIT_STEPS 30
# Half-second steps to wait for a run of the usage-history task to let go of
# lsm.exe before it is replaced or deleted (30 s).
!define LSM_WAIT_STEPS 60

# The usage-history task (/COLLECT=MINUTES, see RegisterCollectTask). Its
# folder is named after the product, so a producer branding renames it; task
# names follow file-name rules, hence the product name without \ / : * ? " < > |.
!define COLLECT_MAX_MINUTES 60
!define COLLECT_TIME_LIMIT  "PT5M" ; a run still going after 5 minutes is ended
!define COLLECT_XML         "collect-task.xml"
!define TASK_NAME           "Collect usage history"
!searchreplace TASK_FOLDER_1 `${INFO_PRODUCTNAME}` `"` "-"
!searchreplace TASK_FOLDER_2 `${TASK_FOLDER_1}` "\" "-"
!searchreplace TASK_FOLDER_3 `${TASK_FOLDER_2}` "/" "-"
!searchreplace TASK_FOLDER_4 `${TASK_FOLDER_3}` ":" "-"
!searchreplace TASK_FOLDER_5 `${TASK_FOLDER_4}` "*" "-"
!searchreplace TASK_FOLDER_6 `${TASK_FOLDER_5}` "?" "-"
!searchreplace TASK_FOLDER_7 `${TASK_FOLDER_6}` "<" "-"
!searchreplace TASK_FOLDER_8 `${TASK_FOLDER_7}` ">" "-"
!searchreplace TASK_FOLDER   `${TASK_FOLDER_8}` "|" "-"
# The product name as XML text.
!searchreplace PRODUCT_XML_1 `${INFO_PRODUCTNAME}` "&" "&amp;"
!searchreplace PRODUCT_XML_2 `${PRODUCT_XML_1}` `"` "&quot;"
!searchreplace PRODUCT_XML_3 `${PRODUCT_XML_2}` "<" "&lt;"
!searchreplace PRODUCT_XML   `${PRODUCT_XML_3}` ">" "&gt;"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "nsDialogs.nsh"
!include "WinMessages.nsh"

Name "${INFO_PRODUCTNAME}"
OutFile "${OUTFILE}"
# SIGN_COMMAND (build-installer.sh passes tools/sign.sh when a signing
# configuration is set) signs the uninstaller in place before it is packed,
# so the uninstaller the installer writes carries the signature too. The
# installer itself is signed after the build (make sign).
!ifdef SIGN_COMMAND
  !uninstfinalize '"${SIGN_COMMAND}" "%1"' = 0
!endif
BrandingText "${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}"
ShowInstDetails show
ShowUninstDetails show
# No InstallDir on purpose: $INSTDIR is empty in .onInit unless /D= was
# given, which is how .onInit tells an explicit folder from the default.

VIProductVersion "${INFO_VIVERSION}"
VIFileVersion    "${INFO_VIVERSION}"

Var Scope           ; "user" or "machine"
Var NoDesktop       ; 1 = /NODESKTOP
Var NoLaunch        ; 1 = /NOLAUNCH
Var NoPath          ; 1 = /NOPATH
Var AllowDowngrade  ; 1 = /ALLOWDOWNGRADE
Var Collect         ; /COLLECT= minutes (1-60), or ""
Var UserSid         ; SID of the user running the installer, or ""
Var PresetHost
Var PresetPort
Var PresetHttps
Var PresetCls
Var DirGiven        ; the /D= folder, or ""
Var ExistingDir     ; InstallLocation of an earlier install in this scope
Var ExistingVersion ; its DisplayVersion
Var Purge           ; uninstaller: 1 = remove the user's settings and passwords
Var PurgeCheckbox
Var WelcomeText

# ---------------------------------------------------------------- pages
!define MUI_ICON   "${APP_ICON}"
!define MUI_UNICON "${APP_ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_FINISHPAGE_NOAUTOCLOSE

!define MUI_WELCOMEPAGE_TEXT "$WelcomeText"
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE DirectoryPre
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "&Launch ${INFO_PRODUCTNAME}"
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchApp
!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.OptionsPage un.OptionsPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName"     "${INFO_PRODUCTNAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${INFO_PRODUCTNAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "Comments"        "${INFO_COMMENTS}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion"  "${INFO_PRODUCTVERSION}"

# ------------------------------------------------------ shared functions
# Each is compiled twice, for the installer ("") and the uninstaller ("un.").

# FAIL CODE MESSAGE: tell the user (interactive) or write the failure log
# (always), set the exit code and stop.
!macro FAIL UN CODE MESSAGE
  Push "${MESSAGE}"
  Push ${CODE}
  Call ${UN}LogFailure
  MessageBox MB_OK|MB_ICONSTOP "${MESSAGE}" /SD IDOK
  SetErrorLevel ${CODE}
  Abort
!macroend

# FIND_APP_WINDOW VAR: the app's single-instance window, or 0. Wails makes it
# a message-only window; FindWindow finds those on Windows, and the second
# lookup (parent HWND_MESSAGE = -3) covers systems where it does not.
!macro FIND_APP_WINDOW VAR
  FindWindow ${VAR} "${SI_CLASS}" "${SI_NAME}"
  ${If} ${VAR} == 0
    FindWindow ${VAR} "${SI_CLASS}" "${SI_NAME}" -3
  ${EndIf}
!macroend

!macro SHARED_FUNCTIONS UN
# Appends "exit code N: message" to %TEMP%\LicenseServerManagerInstaller.log,
# so a silent deployment can tell why it failed.
Function ${UN}LogFailure
  Exch $0 ; code
  Exch
  Exch $1 ; message
  Push $2
  ClearErrors
  FileOpen $2 "$TEMP\${FAILURE_LOG}" a
  ${IfNot} ${Errors}
    FileSeek $2 0 END
    FileWrite $2 "$EXEFILE ${INFO_PRODUCTVERSION}: exit code $0: $1$\r$\n"
    FileClose $2
  ${EndIf}
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# Asks a running app to quit and waits for it. Interactive: Retry/Cancel if
# it stays; silent: exit code EXIT_APP_RUNNING. $R9 = folder of the exe to
# run with --quit (the existing install).
Function ${UN}CloseApp
  Push $0
  Push $1
  !insertmacro FIND_APP_WINDOW $0
  ${If} $0 == 0
    Goto locked_check
  ${EndIf}
  ask:
    DetailPrint "Asking the running ${INFO_PRODUCTNAME} to close..."
    ${If} ${FileExists} "$R9\${APP_EXE}"
      ClearErrors
      ExecWait '"$R9\${APP_EXE}" --quit'
    ${EndIf}
    StrCpy $1 0
    ${Do}
      !insertmacro FIND_APP_WINDOW $0
      ${If} $0 == 0
        Sleep 1000 ; let the process end and release its files
        ${Break}
      ${EndIf}
      IntOp $1 $1 + 1
      ${If} $1 > ${QUIT_WAIT_STEPS}
        ${Break}
      ${EndIf}
      Sleep 500
    ${Loop}
    ${If} $0 != 0
      Goto still_running
    ${EndIf}
  locked_check:
    # An instance without the window (e.g. started with --simulate) still
    # locks the exe: try to open it for writing.
    ${If} ${FileExists} "$R9\${APP_EXE}"
      StrCpy $1 0
      ${Do}
        ClearErrors
        FileOpen $0 "$R9\${APP_EXE}" a
        ${IfNot} ${Errors}
          FileClose $0
          StrCpy $0 0
          ${Break}
        ${EndIf}
        StrCpy $0 1
        IntOp $1 $1 + 1
        ${If} $1 >= 10
          ${Break}
        ${EndIf}
        Sleep 500
      ${Loop}
      ${If} $0 != 0
        Goto still_running
      ${EndIf}
    ${EndIf}
    Pop $1
    Pop $0
    Return
  still_running:
    ${If} ${Silent}
      !insertmacro FAIL "${UN}" ${EXIT_APP_RUNNING} "${INFO_PRODUCTNAME} is still running and did not close when asked. Close it and run this again."
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${INFO_PRODUCTNAME} is still running.$\r$\n$\r$\nClose its window (or end LicenseServerManager.exe in Task Manager), then click Retry." IDRETRY ask
    SetErrorLevel ${EXIT_CANCELLED}
    Abort
FunctionEnd

# ${UN}Schtasks: $R0 the arguments of schtasks.exe -> $R0 its exit code
# ("error" when it did not start). nsExec runs it without a console window
# and puts its output in the details log.
Function ${UN}Schtasks
  DetailPrint "schtasks $R0"
  nsExec::ExecToLog '"$SYSDIR\schtasks.exe" $R0'
  Pop $R0
FunctionEnd

# ${UN}WaitForLsm: $R9 the folder of an lsm.exe about to be replaced or
# deleted. A run of the usage-history task may have it open for a few
# seconds; wait until it can be opened for writing (at most 30 s, then go
# on and let the file operation report it).
Function ${UN}WaitForLsm
  Push $0
  Push $1
  StrCpy $1 0
  ${DoWhile} ${FileExists} "$R9\${LSM_EXE}"
    ClearErrors
    FileOpen $0 "$R9\${LSM_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    ${If} $1 == 0
      DetailPrint "Waiting for $R9\${LSM_EXE} to finish (a usage-history run)..."
    ${EndIf}
    IntOp $1 $1 + 1
    ${If} $1 > ${LSM_WAIT_STEPS}
      ${Break}
    ${EndIf}
    Sleep 500
  ${Loop}
  Pop $1
  Pop $0
FunctionEnd

# $R9 := 1 when the user may write HKLM and Program Files (an elevated admin).
Function ${UN}IsAdmin
  !ifdef TEST_ACCOUNT_TYPE
    # Test builds only (installer/test-installer.sh): wine reports every
    # user as an administrator, so the refusal path is tested this way.
    StrCpy $R9 "${TEST_ACCOUNT_TYPE}"
  !else
    UserInfo::GetAccountType
    Pop $R9
  !endif
  ${If} $R9 == "Admin"
    StrCpy $R9 1
  ${Else}
    StrCpy $R9 0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro SHARED_FUNCTIONS ""
!insertmacro SHARED_FUNCTIONS "un."

# ----------------------------------------------------------------- PATH

!macro PATH_FUNCTIONS UN
# ${UN}PathWithout: $R0 a PATH value, $R1 a folder -> $R2 the PATH without
# the elements naming that folder (letter case and a trailing backslash
# aside), every other element as it was, in its place; $R3 = 1 when one
# was there.
Function ${UN}PathWithout
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  StrCpy $3 $R1
  StrCpy $2 $3 1 -1
  ${If} $2 == "\"
    StrCpy $3 $3 -1
  ${EndIf}
  StrCpy $R2 ""
  StrCpy $R3 0
  StrCpy $6 1 ; the next element kept is the first
  StrCpy $0 0
  StrCpy $1 ""
  ${Do}
    StrCpy $2 $R0 1 $0
    ${If} $2 == ";"
    ${OrIf} $2 == ""
      StrCpy $4 $1
      StrCpy $5 $4 1 -1
      ${If} $5 == "\"
        StrCpy $4 $4 -1
      ${EndIf}
      ${If} $4 == $3
      ${AndIf} $3 != ""
        StrCpy $R3 1
      ${ElseIf} $6 == 1
        StrCpy $R2 $1
        StrCpy $6 0
      ${Else}
        StrCpy $R2 "$R2;$1"
      ${EndIf}
      StrCpy $1 ""
      ${If} $2 == ""
        ${Break}
      ${EndIf}
    ${Else}
      StrCpy $1 "$1$2"
    ${EndIf}
    IntOp $0 $0 + 1
  ${Loop}
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# ${UN}ReadPath -> $R0 the PATH of the install's scope, unexpanded; $R4 = 1
# when it may not fit an NSIS string, and must then be left alone: a cut
# value written back would lose the user's folders.
Function ${UN}ReadPath
  ${If} $Scope == "machine"
    ReadRegStr $R0 HKLM "${ENV_MACHINE}" "Path"
  ${Else}
    ReadRegStr $R0 HKCU "${ENV_USER}" "Path"
  ${EndIf}
  StrLen $R4 $R0
  ${If} $R4 >= ${NSIS_MAX_STRLEN_LESS_ONE}
    StrCpy $R4 1
  ${Else}
    StrCpy $R4 0
  ${EndIf}
FunctionEnd

# ${UN}WritePath: $R2 the new PATH of the install's scope; running programs
# are told, so that a new console finds lsm.
Function ${UN}WritePath
  ${If} $Scope == "machine"
    WriteRegExpandStr HKLM "${ENV_MACHINE}" "Path" $R2
  ${Else}
    WriteRegExpandStr HKCU "${ENV_USER}" "Path" $R2
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd

# ${UN}RemovePathEntry: $R1 a folder an earlier install added to PATH.
Function ${UN}RemovePathEntry
  Call ${UN}ReadPath
  ${If} $R4 == 1
    DetailPrint "PATH is too long to change safely: remove $R1 from it yourself."
    Return
  ${EndIf}
  Call ${UN}PathWithout
  ${If} $R3 == 1
    Call ${UN}WritePath
    DetailPrint "Removed $R1 from PATH."
  ${EndIf}
FunctionEnd
!macroend
!define /math NSIS_MAX_STRLEN_LESS_ONE ${NSIS_MAX_STRLEN} - 1
!insertmacro PATH_FUNCTIONS ""
!insertmacro PATH_FUNCTIONS "un."

# AddToPath puts the install folder on PATH (unless /NOPATH), so that lsm
# runs from any console, and records that it did (AddedToPath in the
# uninstall key): the uninstaller removes only an entry it added. A folder
# an earlier install added elsewhere is taken off.
Function AddToPath
  ReadRegStr $R1 SHCTX "${UNINST_KEY}" "AddedToPath"
  ${If} $R1 != ""
  ${AndIf} $R1 != $INSTDIR
    Call RemovePathEntry
    DeleteRegValue SHCTX "${UNINST_KEY}" "AddedToPath"
  ${EndIf}
  ${If} $NoPath == 1
    Return
  ${EndIf}
  Call ReadPath
  ${If} $R4 == 1
    DetailPrint "PATH is too long to change safely: add $INSTDIR to it yourself to run lsm from any folder."
    Return
  ${EndIf}
  StrCpy $R1 $INSTDIR
  Call PathWithout
  ${If} $R3 == 1
    Return ; there already, by us or by someone else
  ${EndIf}
  StrCpy $0 $R0 1 -1
  ${If} $R0 == ""
    StrCpy $R2 $INSTDIR
  ${ElseIf} $0 == ";"
    StrCpy $R2 "$R0$INSTDIR"
  ${Else}
    StrCpy $R2 "$R0;$INSTDIR"
  ${EndIf}
  Call WritePath
  WriteRegStr SHCTX "${UNINST_KEY}" "AddedToPath" $INSTDIR
  DetailPrint "Added $INSTDIR to PATH."
FunctionEnd

# ---------------------------------------------------- installer helpers

# StrContains: $R0 haystack, $R1 needle -> $R2 = 1/0 (case-insensitive).
Function StrContains
  Push $0
  Push $1
  Push $2
  StrLen $0 $R1
  StrCpy $1 0
  StrCpy $R2 0
  ${Do}
    StrCpy $2 $R0 $0 $1
    ${If} $2 == ""
      ${Break}
    ${EndIf}
    ${If} $2 == $R1
      StrCpy $R2 1
      ${Break}
    ${EndIf}
    IntOp $1 $1 + 1
  ${Loop}
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# OnlyChars: $R0 string, $R1 allowed characters -> $R2 = 1 when every
# character of $R0 is in $R1 (case-sensitive) and $R0 is not empty.
Function OnlyChars
  Push $0
  Push $1
  Push $2
  Push $3
  StrCpy $R2 0
  ${If} $R0 != ""
    StrCpy $R2 1
    StrCpy $0 0
    ${Do}
      StrCpy $1 $R0 1 $0
      ${If} $1 == ""
        ${Break}
      ${EndIf}
      StrCpy $2 0
      ${Do}
        StrCpy $3 $R1 1 $2
        ${If} $3 == ""
          StrCpy $R2 0
          ${Break}
        ${EndIf}
        ${If} $3 S== $1
          ${Break}
        ${EndIf}
        IntOp $2 $2 + 1
      ${Loop}
      ${If} $R2 == 0
        ${Break}
      ${EndIf}
      IntOp $0 $0 + 1
    ${Loop}
  ${EndIf}
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# NumericVersion: $R0 version such as "1.2.3-beta" -> $R0 "1.2.3" (the
# leading digits and dots; "0" when there are none).
Function NumericVersion
  Push $0
  Push $1
  Push $2
  Push $3
  StrCpy $0 0
  ${Do}
    StrCpy $1 $R0 1 $0
    ${If} $1 == ""
      ${Break}
    ${EndIf}
    StrCpy $2 0
    ${Do}
      StrCpy $3 "0123456789." 1 $2
      ${If} $3 == ""
      ${OrIf} $3 == $1
        ${Break}
      ${EndIf}
      IntOp $2 $2 + 1
    ${Loop}
    ${If} $3 == ""
      ${Break}
    ${EndIf}
    IntOp $0 $0 + 1
  ${Loop}
  StrCpy $R0 $R0 $0
  ${If} $R0 == ""
    StrCpy $R0 0
  ${EndIf}
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

!macro BAD_SWITCH MESSAGE
  !insertmacro FAIL "" ${EXIT_BAD_SWITCH} "${MESSAGE}$\r$\n$\r$\nSee installer/README.md for the switches."
!macroend

# Reads and validates the switches. Flags: /ALLUSERS /NODESKTOP /NOLAUNCH
# /NOPATH /ALLOWDOWNGRADE; presets: /HOST= /PORT= /HTTPS=0|1 /CLS=; the
# usage-history task: /COLLECT=MINUTES.
Function ParseSwitches
  ${GetParameters} $R4
  StrCpy $Scope "user"
  StrCpy $NoDesktop 0
  StrCpy $NoLaunch 0
  StrCpy $NoPath 0
  StrCpy $AllowDowngrade 0
  ClearErrors
  ${GetOptions} $R4 "/ALLUSERS" $0
  ${IfNot} ${Errors}
    StrCpy $Scope "machine"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/NODESKTOP" $0
  ${IfNot} ${Errors}
    StrCpy $NoDesktop 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/NOLAUNCH" $0
  ${IfNot} ${Errors}
    StrCpy $NoLaunch 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/NOPATH" $0
  ${IfNot} ${Errors}
    StrCpy $NoPath 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/ALLOWDOWNGRADE" $0
  ${IfNot} ${Errors}
    StrCpy $AllowDowngrade 1
  ${EndIf}

  # /COLLECT=MINUTES, 1 to 60. Looked up without the "=" so that a bare
  # /COLLECT is refused too, instead of being ignored.
  StrCpy $Collect ""
  ClearErrors
  ${GetOptions} $R4 "/COLLECT" $R0
  ${IfNot} ${Errors}
    StrCpy $0 $R0 1
    StrCpy $R6 $R0 "" 1
    ${Do} ; drop leading zeros (NSIS would read them as octal)
      StrCpy $1 $R6 1
      StrLen $2 $R6
      ${If} $1 != "0"
      ${OrIf} $2 <= 1
        ${Break}
      ${EndIf}
      StrCpy $R6 $R6 "" 1
    ${Loop}
    Push $R0
    StrCpy $R0 $R6
    StrCpy $R1 "0123456789"
    Call OnlyChars
    Pop $R0
    StrLen $2 $R6
    ${If} $0 != "="
    ${OrIf} $R2 != 1
    ${OrIf} $2 > 2
      StrCpy $R2 0
    ${ElseIf} $R6 < 1
    ${OrIf} $R6 > ${COLLECT_MAX_MINUTES}
      StrCpy $R2 0
    ${EndIf}
    ${If} $R2 != 1
      !insertmacro BAD_SWITCH "/COLLECT$R0 is not valid: give the minutes between two usage-history samples, a whole number from 1 to ${COLLECT_MAX_MINUTES} (e.g. /COLLECT=15)."
    ${EndIf}
    StrCpy $Collect $R6
  ${EndIf}

  # Presets. "" = not given; a given but empty value is an error.
  StrCpy $PresetHost ""
  StrCpy $PresetPort ""
  StrCpy $PresetHttps ""
  StrCpy $PresetCls ""
  StrCpy $R5 0 ; any preset given
  ClearErrors
  ${GetOptions} $R4 "/HOST=" $PresetHost
  ${IfNot} ${Errors}
    StrCpy $R5 1
    ${If} $PresetHost == ""
      !insertmacro BAD_SWITCH "/HOST= needs a host name or IP address, e.g. /HOST=lls01.corp.example."
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/PORT=" $PresetPort
  ${IfNot} ${Errors}
    StrCpy $R5 1
    StrCpy $R6 $PresetPort
    ${Do} ; drop leading zeros (NSIS would read them as octal)
      StrCpy $0 $R6 1
      StrLen $1 $R6
      ${If} $0 != "0"
      ${OrIf} $1 <= 1
        ${Break}
      ${EndIf}
      StrCpy $R6 $R6 "" 1
    ${Loop}
    StrCpy $R0 $R6
    StrCpy $R1 "0123456789"
    Call OnlyChars
    StrLen $1 $R6
    ${If} $R2 != 1
    ${OrIf} $1 > 5
      StrCpy $R2 0
    ${ElseIf} $R6 < 1
    ${OrIf} $R6 > 65535
      StrCpy $R2 0
    ${EndIf}
    ${If} $R2 != 1
      !insertmacro BAD_SWITCH "/PORT=$PresetPort is not valid: the port must be a number from 1 to 65535."
    ${EndIf}
    StrCpy $PresetPort $R6
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/HTTPS=" $PresetHttps
  ${IfNot} ${Errors}
    StrCpy $R5 1
    ${If} $PresetHttps S!= "0"
    ${AndIf} $PresetHttps S!= "1"
      !insertmacro BAD_SWITCH "/HTTPS=$PresetHttps is not valid: use /HTTPS=1 (HTTPS) or /HTTPS=0 (HTTP)."
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R4 "/CLS=" $PresetCls
  ${IfNot} ${Errors}
    StrCpy $R5 1
    StrCpy $R0 $PresetCls
    StrCpy $R1 "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    Call OnlyChars
    StrLen $1 $PresetCls
    ${If} $R2 != 1
    ${OrIf} $1 != 12
      !insertmacro BAD_SWITCH "/CLS=$PresetCls is not valid: a Cloud License Server instance ID is 12 letters and digits, such as 1234ABCD56EF."
    ${EndIf}
  ${EndIf}

  ${If} $R5 == 1
    ${If} $PresetHost == ""
      !insertmacro BAD_SWITCH "/PORT=, /HTTPS= and /CLS= need /HOST= as well."
    ${EndIf}
    StrLen $1 $PresetHost
    StrCpy $R0 $PresetHost
    StrCpy $R1 "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-:[]"
    Call OnlyChars
    # A colon only belongs in an IPv6 address (two or more); this also
    # catches http://... (the switch parser stops a value at each "/").
    StrCpy $2 0
    StrCpy $3 0
    ${Do}
      StrCpy $4 $PresetHost 1 $2
      ${If} $4 == ""
        ${Break}
      ${ElseIf} $4 == ":"
        IntOp $3 $3 + 1
      ${EndIf}
      IntOp $2 $2 + 1
    ${Loop}
    ${If} $3 == 1
      StrCpy $R2 0
    ${EndIf}
    ${If} $R2 != 1
    ${OrIf} $1 > 253
      !insertmacro BAD_SWITCH "/HOST=$PresetHost is not valid: use a host name or IP address (letters, digits, dots, hyphens; no http:// or path)."
    ${EndIf}
    ${If} $PresetCls != ""
      ${If} $PresetPort != ""
        !insertmacro BAD_SWITCH "/PORT= does not apply to a Cloud License Server (/CLS=): leave it out."
      ${EndIf}
      ${If} $PresetHttps == "0"
        !insertmacro BAD_SWITCH "A Cloud License Server (/CLS=) is always reached over HTTPS: leave out /HTTPS=0."
      ${EndIf}
      StrCpy $0 $PresetHost "" -22
      StrCpy $1 $PresetHost "" -21
      StrCpy $R0 $PresetHost
      StrCpy $R1 ".compliance."
      Call StrContains
      ${If} $0 != ".flexnetoperations.com"
      ${AndIf} $1 != ".flexnetoperations.eu"
        StrCpy $R2 0
      ${EndIf}
      ${If} $R2 != 1
        !insertmacro BAD_SWITCH "/HOST=$PresetHost is not a Cloud License Server host: with /CLS= it must be siteID.compliance.flexnetoperations.com."
      ${EndIf}
    ${Else}
      ${If} $PresetPort == ""
        StrCpy $PresetPort 7070
      ${EndIf}
      ${If} $PresetHttps == ""
        StrCpy $PresetHttps 0
      ${EndIf}
    ${EndIf}
  ${EndIf}
FunctionEnd

# $R0 := 1 when the WebView2 Runtime is installed (machine-wide in either
# registry view, or for this user). A pv of "" or 0.0.0.0 means missing.
Function WebView2Installed
  Push $0
  StrCpy $R0 0
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WV2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\${WV2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    SetRegView 32
    ReadRegStr $0 HKLM "SOFTWARE\${WV2_CLIENT}" "pv"
    SetRegView 64
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WV2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    StrCpy $R0 1
  ${EndIf}
  Pop $0
FunctionEnd

Function EnsureWebView2
  Call WebView2Installed
  ${If} $R0 == 1
    Return
  ${EndIf}
  DetailPrint "Installing the Microsoft Edge WebView2 Runtime..."
  InitPluginsDir
  SetOutPath "$PLUGINSDIR"
  File "/oname=MicrosoftEdgeWebview2Setup.exe" "${WEBVIEW2_BOOTSTRAPPER}"
  ClearErrors
  StrCpy $1 "not started"
  ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
  Delete "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
  Call WebView2Installed
  ${If} $R0 == 1
    DetailPrint "WebView2 Runtime installed."
    Return
  ${EndIf}
  DetailPrint "The WebView2 Runtime could not be installed (bootstrapper exit code: $1)."
  ${If} ${Silent}
    !insertmacro FAIL "" ${EXIT_NO_WEBVIEW2} "The Microsoft Edge WebView2 Runtime is missing and could not be installed (bootstrapper exit code: $1). Install the Evergreen Standalone Installer (x64) from ${WV2_DOWNLOAD_URL} and run this again."
  ${EndIf}
  MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "${INFO_PRODUCTNAME} needs the Microsoft Edge WebView2 Runtime, which is missing and could not be installed (is this computer offline?).$\r$\n$\r$\nTo install it without internet access: on a computer that has it, open ${WV2_DOWNLOAD_URL}, download the Evergreen Standalone Installer (x64), copy MicrosoftEdgeWebView2RuntimeInstallerX64.exe here and run it.$\r$\n$\r$\nClick OK to install ${INFO_PRODUCTNAME} anyway (it starts once the runtime is installed), or Cancel to stop." IDOK done
  Push "WebView2 Runtime missing; cancelled by the user."
  Push ${EXIT_NO_WEBVIEW2}
  Call LogFailure
  SetErrorLevel ${EXIT_NO_WEBVIEW2}
  Abort
  done:
FunctionEnd

# A running app but no installed exe to send --quit with (e.g. it runs from
# another installation): use a temporary copy of the new one. (A function,
# so that this copy does not count in the section's "Space required".)
Function QuitHelper
  !insertmacro FIND_APP_WINDOW $0
  ${If} $0 != 0
  ${AndIfNot} ${FileExists} "$R9\${APP_EXE}"
    InitPluginsDir
    SetOutPath "$PLUGINSDIR"
    File "/oname=${APP_EXE}" "${APP_EXE_SOURCE}"
    StrCpy $R9 "$PLUGINSDIR"
  ${EndIf}
FunctionEnd

Function WriteDefaults
  ${If} $PresetHost == ""
    Return ; keep the defaults.json of an earlier install, if any
  ${EndIf}
  DetailPrint "Writing the server presets to $INSTDIR\${DEFAULTS_FILE}"
  ClearErrors
  FileOpen $0 "$INSTDIR\${DEFAULTS_FILE}" w
  ${If} ${Errors}
    !insertmacro FAIL "" 2 "Could not write $INSTDIR\${DEFAULTS_FILE}."
  ${EndIf}
  FileWrite $0 "{$\r$\n"
  FileWrite $0 '  "host": "$PresetHost",$\r$\n'
  ${If} $PresetCls != ""
    FileWrite $0 '  "https": true,$\r$\n'
    FileWrite $0 '  "clsInstanceId": "$PresetCls"$\r$\n'
  ${Else}
    FileWrite $0 '  "port": $PresetPort,$\r$\n'
    ${If} $PresetHttps == 1
      FileWrite $0 '  "https": true$\r$\n'
    ${Else}
      FileWrite $0 '  "https": false$\r$\n'
    ${EndIf}
  ${EndIf}
  FileWrite $0 "}$\r$\n"
  FileClose $0
FunctionEnd

# ------------------------------------------------- usage-history task
#
# /COLLECT=MINUTES registers a Task Scheduler task that runs
#   "<install folder>\lsm.exe" usage collect --all
# every MINUTES minutes: one usage-history sample of every profile.
#
# How, and why so:
# * Registered with `schtasks /Create /XML` from a task definition this
#   script writes (the documented way to give schtasks a whole definition),
#   not with `schtasks /SC MINUTE /TR ...`: those switches cannot set what
#   the task needs, and their defaults would not start it on battery
#   (laptops would not collect) and would let a run last 72 hours. The XML
#   states every setting instead of relying on defaults.
# * For the user running the installer, by SID (UserId), only while that
#   user is logged on (LogonType InteractiveToken) and without elevation
#   (RunLevel LeastPrivilege), also for a per-machine install (/ALLUSERS):
#   `lsm` reads that user's settings, history and saved passwords, and the
#   passwords are in the user's Credential Manager, which only the user's
#   own logon session can decrypt. "Run whether the user is logged on or
#   not" would need the password stored with the task (LogonType Password)
#   or a logon without it (S4U), which cannot read Credential Manager
#   entries; a task as SYSTEM would have none of the user's data.
#   No password is stored; a standard user may register such a task for
#   themselves.
# * No overlap: MultipleInstancesPolicy IgnoreNew (a run still going makes
#   Task Scheduler skip the next start) and ExecutionTimeLimit
#   ${COLLECT_TIME_LIMIT} (a stuck run is ended).
# * The console window: lsm.exe is a console program, and Task Scheduler
#   gives a console program started in the user's session a console window
#   while it runs; the task definition has no setting that prevents it
#   (Hidden only hides the task in the Task Scheduler list). The only ways
#   around it from here are undocumented (`conhost.exe --headless`) or
#   deprecated (a VBScript wrapper), or change the command the task runs,
#   so none is used. The documented fix belongs to lsm.exe itself: its
#   manifest can declare consoleAllocationPolicy "detached" (Windows 11 24H2
#   and later), so that it gets no console unless started from one.
# * Name: \<product>\${TASK_NAME} - <SID> (", all-users install" before
#   " - " for /ALLUSERS). Task names are machine-wide, and each user who
#   installs, per user or per machine, gets a task of their own, so the name
#   carries the user's SID (as Windows' own per-user tasks do) and the scope.
#   If Task Scheduler refuses to create the folder (Windows may refuse a
#   standard user a new task folder), the task goes into the root folder as
#   \<product> - ${TASK_NAME} - <SID>.
# * What was registered is recorded in the uninstall key (CollectTask: the
#   full name, CollectMinutes): the uninstaller deletes that task and no
#   other, a later install replaces it, and an upgrade without /COLLECT
#   keeps it as it is (registered again, with the same interval, only when
#   /D= moved the installation, so that it runs the new folder's lsm.exe).

# $UserSid := the SID of the user this process runs as ("S-1-5-21-..."),
# or "" when it cannot be read.
Function ReadUserSid
  Push $0
  Push $1
  Push $2
  Push $3
  StrCpy $UserSid ""
  System::Call 'kernel32::GetCurrentProcess() p .r0'
  System::Call 'advapi32::OpenProcessToken(p r0, i 0x8, *p .r1) i .r2' ; TOKEN_QUERY
  ${If} $2 != 0
    System::Alloc 512
    Pop $3
    System::Call 'advapi32::GetTokenInformation(p r1, i 1, p r3, i 512, *i .r0) i .r2' ; TokenUser
    ${If} $2 != 0
      System::Call '*$3(p .r0)' ; TOKEN_USER.User.Sid
      System::Call 'advapi32::ConvertSidToStringSidW(p r0, *p .r2) i .r0'
      ${If} $0 != 0
        System::Call 'kernel32::lstrcpynW(w .s, p r2, i 200)'
        Pop $UserSid
        System::Call 'kernel32::LocalFree(p r2)'
      ${EndIf}
    ${EndIf}
    System::Free $3
    System::Call 'kernel32::CloseHandle(p r1)'
  ${EndIf}
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# Writes the task definition for $R6 minutes and the user $UserSid to
# $PLUGINSDIR\${COLLECT_XML}, as UTF-16 with a byte order mark (the form
# Task Scheduler exports and schtasks reads). $R0 := 1 when written.
!macro XML_LINE TEXT
  FileWriteUTF16LE $0 '${TEXT}$\r$\n'
!macroend
Function WriteCollectTaskXml
  Push $0
  Push $1
  Push $2
  Push $3
  ${If} $R6 == 60
    StrCpy $1 "PT1H"
  ${Else}
    StrCpy $1 "PT$R6M"
  ${EndIf}
  ${If} $R6 == 1
    StrCpy $3 "minute"
  ${Else}
    StrCpy $3 "$R6 minutes"
  ${EndIf}
  ${WordReplace} $INSTDIR "&" "&amp;" "+" $2 ; the only XML character a path can have
  InitPluginsDir
  StrCpy $R0 0
  ClearErrors
  FileOpen $0 "$PLUGINSDIR\${COLLECT_XML}" w
  ${If} ${Errors}
    Goto done
  ${EndIf}
  FileWriteUTF16LE /BOM $0 '<?xml version="1.0" encoding="UTF-16"?>$\r$\n'
  !insertmacro XML_LINE '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">'
  !insertmacro XML_LINE '  <RegistrationInfo>'
  !insertmacro XML_LINE '    <Author>${PRODUCT_XML}</Author>'
  !insertmacro XML_LINE '    <Description>Takes one usage-history sample of every ${PRODUCT_XML} profile (lsm usage collect --all) every $3 while you are logged on. Registered by the ${PRODUCT_XML} installer (/COLLECT=$R6); its uninstaller removes it.</Description>'
  !insertmacro XML_LINE '  </RegistrationInfo>'
  !insertmacro XML_LINE '  <Triggers>'
  !insertmacro XML_LINE '    <TimeTrigger>'
  !insertmacro XML_LINE '      <Repetition>'
  !insertmacro XML_LINE '        <Interval>$1</Interval>'
  !insertmacro XML_LINE '        <StopAtDurationEnd>false</StopAtDurationEnd>'
  !insertmacro XML_LINE '      </Repetition>'
  !insertmacro XML_LINE '      <StartBoundary>2025-01-01T00:00:00</StartBoundary>'
  !insertmacro XML_LINE '      <Enabled>true</Enabled>'
  !insertmacro XML_LINE '    </TimeTrigger>'
  !insertmacro XML_LINE '  </Triggers>'
  !insertmacro XML_LINE '  <Principals>'
  !insertmacro XML_LINE '    <Principal id="Author">'
  !insertmacro XML_LINE '      <UserId>$UserSid</UserId>'
  !insertmacro XML_LINE '      <LogonType>InteractiveToken</LogonType>'
  !insertmacro XML_LINE '      <RunLevel>LeastPrivilege</RunLevel>'
  !insertmacro XML_LINE '    </Principal>'
  !insertmacro XML_LINE '  </Principals>'
  !insertmacro XML_LINE '  <Settings>'
  !insertmacro XML_LINE '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>'
  !insertmacro XML_LINE '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>'
  !insertmacro XML_LINE '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>'
  !insertmacro XML_LINE '    <AllowHardTerminate>true</AllowHardTerminate>'
  !insertmacro XML_LINE '    <StartWhenAvailable>false</StartWhenAvailable>'
  !insertmacro XML_LINE '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>'
  !insertmacro XML_LINE '    <AllowStartOnDemand>true</AllowStartOnDemand>'
  !insertmacro XML_LINE '    <Enabled>true</Enabled>'
  !insertmacro XML_LINE '    <Hidden>false</Hidden>'
  !insertmacro XML_LINE '    <RunOnlyIfIdle>false</RunOnlyIfIdle>'
  !insertmacro XML_LINE '    <WakeToRun>false</WakeToRun>'
  !insertmacro XML_LINE '    <ExecutionTimeLimit>${COLLECT_TIME_LIMIT}</ExecutionTimeLimit>'
  !insertmacro XML_LINE '    <Priority>7</Priority>'
  !insertmacro XML_LINE '  </Settings>'
  !insertmacro XML_LINE '  <Actions Context="Author">'
  !insertmacro XML_LINE '    <Exec>'
  !insertmacro XML_LINE '      <Command>"$2\${LSM_EXE}"</Command>'
  !insertmacro XML_LINE '      <Arguments>usage collect --all</Arguments>'
  !insertmacro XML_LINE '      <WorkingDirectory>$2</WorkingDirectory>'
  !insertmacro XML_LINE '    </Exec>'
  !insertmacro XML_LINE '  </Actions>'
  !insertmacro XML_LINE '</Task>'
  FileClose $0
  StrCpy $R0 1
  done:
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

# Registers the usage-history task (see the top of this part) after the
# files and the uninstall key are in place. A failure does not undo the
# installation: it ends with exit code EXIT_TASK_FAILED.
Function RegisterCollectTask
  ReadRegStr $R7 SHCTX "${UNINST_KEY}" "CollectTask"
  ReadRegStr $R8 SHCTX "${UNINST_KEY}" "CollectMinutes"
  StrCpy $R6 $Collect
  ${If} $R6 == ""
    ${If} $R7 == ""
    ${OrIf} $ExistingDir == ""
    ${OrIf} $ExistingDir == $INSTDIR
      Return ; nothing registered, or it still runs this folder's lsm.exe
    ${EndIf}
    IntOp $R6 $R8 + 0
    ${If} $R6 < 1
    ${OrIf} $R6 > ${COLLECT_MAX_MINUTES}
      Return
    ${EndIf}
    DetailPrint "The installation moved: registering the usage-history task again for $INSTDIR\${LSM_EXE}."
  ${EndIf}

  ${If} $UserSid == ""
    StrCpy $R1 "the user's SID could not be read"
    Goto failed
  ${EndIf}
  Call WriteCollectTaskXml
  ${If} $R0 != 1
    StrCpy $R1 "could not write $PLUGINSDIR\${COLLECT_XML}"
    Goto failed
  ${EndIf}
  ${If} $Scope == "machine"
    StrCpy $R3 "${TASK_NAME}, all-users install - $UserSid"
  ${Else}
    StrCpy $R3 "${TASK_NAME} - $UserSid"
  ${EndIf}
  StrCpy $R1 "\${TASK_FOLDER}\$R3"
  StrCpy $R0 '/Create /TN "$R1" /XML "$PLUGINSDIR\${COLLECT_XML}" /F'
  Call Schtasks
  ${If} $R0 != 0
    DetailPrint "Task Scheduler did not register the task in the folder \${TASK_FOLDER} (exit code $R0); trying its root folder."
    StrCpy $R1 "\${TASK_FOLDER} - $R3"
    StrCpy $R0 '/Create /TN "$R1" /XML "$PLUGINSDIR\${COLLECT_XML}" /F'
    Call Schtasks
  ${EndIf}
  Delete "$PLUGINSDIR\${COLLECT_XML}"
  ${If} $R0 != 0
    StrCpy $R1 "schtasks /Create ended with exit code $R0"
    Goto failed
  ${EndIf}
  DetailPrint "Registered the task $R1: $\"$INSTDIR\${LSM_EXE}$\" usage collect --all every $R6 minute(s)."
  # A task of an earlier install under another name (another user, scope
  # or product name, or the other folder) is replaced by this one.
  ${If} $R7 != ""
  ${AndIf} $R7 != $R1
    StrCpy $R0 '/Delete /TN "$R7" /F'
    Call Schtasks
  ${EndIf}
  WriteRegStr SHCTX "${UNINST_KEY}" "CollectTask" $R1
  WriteRegStr SHCTX "${UNINST_KEY}" "CollectMinutes" $R6
  Return

  failed:
  DetailPrint "The usage-history task could not be registered: $R1."
  Push "Installed, but the usage-history task (/COLLECT=$R6) could not be registered: $R1."
  Push ${EXIT_TASK_FAILED}
  Call LogFailure
  MessageBox MB_OK|MB_ICONEXCLAMATION "${INFO_PRODUCTNAME} was installed, but the Task Scheduler task that collects usage history every $R6 minute(s) could not be registered ($R1).$\r$\n$\r$\nRun the installer again with /COLLECT=$R6 to retry." /SD IDOK
  SetErrorLevel ${EXIT_TASK_FAILED}
FunctionEnd

# ---------------------------------------------------------- installer

Function .onInit
  SetRegView 64
  ${IfNot} ${AtLeastWin10}
    !insertmacro FAIL "" ${EXIT_OLD_WINDOWS} "${INFO_PRODUCTNAME} needs Windows 10 or later (64-bit)."
  ${EndIf}
  ${IfNot} ${IsNativeAMD64}
    !insertmacro FAIL "" ${EXIT_WRONG_ARCH} "${INFO_PRODUCTNAME} needs 64-bit (x64) Windows."
  ${EndIf}

  StrCpy $DirGiven $INSTDIR ; empty unless /D= was given
  Call ParseSwitches
  Call ReadUserSid
  # The task runs as the user who installs. SYSTEM and the service accounts
  # (a deployment tool running the installer) have no logon session for it
  # to run in: refuse rather than register a task that never runs.
  ${If} $Collect != ""
    ${If} $UserSid == "S-1-5-18"
    ${OrIf} $UserSid == "S-1-5-19"
    ${OrIf} $UserSid == "S-1-5-20"
      !insertmacro BAD_SWITCH "/COLLECT= registers a task for the user who runs the installer, but this installer runs as a system account ($UserSid). Run it as the user whose usage history is to be collected (an administrator from an elevated prompt for /ALLUSERS), or leave out /COLLECT=."
    ${EndIf}
  ${EndIf}

  ${If} $Scope == "machine"
    Call IsAdmin
    ${If} $R9 != 1
      !insertmacro FAIL "" ${EXIT_NEEDS_ADMIN} "Installing for all users (/ALLUSERS) needs administrator rights.$\r$\n$\r$\nRun the installer from an elevated command prompt (or right-click it and choose Run as administrator), or leave out /ALLUSERS to install for yourself only."
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}

  ReadRegStr $ExistingDir SHCTX "${UNINST_KEY}" "InstallLocation"
  ReadRegStr $ExistingVersion SHCTX "${UNINST_KEY}" "DisplayVersion"
  ${If} $ExistingDir != ""
  ${AndIfNot} ${FileExists} "$ExistingDir\*.*"
    StrCpy $ExistingDir "" ; the folder is gone: treat as a new install
  ${EndIf}

  ${If} $DirGiven != ""
    StrCpy $INSTDIR $DirGiven
  ${ElseIf} $ExistingDir != ""
    StrCpy $INSTDIR $ExistingDir
  ${ElseIf} $Scope == "machine"
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP_FOLDER}"
  ${Else}
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP_FOLDER}"
  ${EndIf}

  ${If} $Scope == "machine"
    StrCpy $0 "for all users of this computer"
  ${Else}
    StrCpy $0 "for you only (no administrator rights are needed)"
  ${EndIf}
  ${If} $ExistingDir != ""
  ${AndIf} $ExistingVersion == "${INFO_PRODUCTVERSION}"
    StrCpy $1 "Setup will reinstall ${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}, $0, in:$\r$\n$INSTDIR$\r$\n$\r$\n"
  ${ElseIf} $ExistingDir != ""
    StrCpy $1 "Setup will update ${INFO_PRODUCTNAME} $ExistingVersion to version ${INFO_PRODUCTVERSION}, $0, in:$\r$\n$INSTDIR$\r$\n$\r$\n"
  ${Else}
    StrCpy $1 "Setup will install ${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION} $0.$\r$\n$\r$\n"
  ${EndIf}
  StrCpy $2 "If ${INFO_PRODUCTNAME} is running, Setup asks it to close. Your settings and saved passwords are kept.$\r$\n$\r$\nClick Next to continue."
  StrCpy $WelcomeText "$1$2"

  ${If} $ExistingDir != ""
  ${AndIf} $ExistingVersion != ""
    StrCpy $R0 $ExistingVersion
    Call NumericVersion
    ${VersionCompare} $R0 "${INFO_VERSION_NUMERIC}" $0
    ${If} $0 == 1 ; the installed version is newer
    ${AndIf} $AllowDowngrade != 1
      ${If} ${Silent}
        !insertmacro FAIL "" ${EXIT_DOWNGRADE} "${INFO_PRODUCTNAME} $ExistingVersion is installed, which is newer than ${INFO_PRODUCTVERSION}. Pass /ALLOWDOWNGRADE to replace it."
      ${EndIf}
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "${INFO_PRODUCTNAME} $ExistingVersion is installed, which is newer than this version (${INFO_PRODUCTVERSION}).$\r$\n$\r$\nReplace it with the older version? Your settings are kept." IDYES downgrade_ok
      SetErrorLevel ${EXIT_DOWNGRADE}
      Abort
      downgrade_ok:
    ${EndIf}
  ${EndIf}
FunctionEnd

# An upgrade reuses the installed folder: no need to ask for one.
Function DirectoryPre
  ${If} $ExistingDir != ""
  ${AndIf} $DirGiven == ""
    Abort
  ${EndIf}
FunctionEnd

Function FinishShow
  ${If} $NoLaunch == 1
    SendMessage $mui.FinishPage.Run ${BM_SETCHECK} ${BST_UNCHECKED} 0
  ${EndIf}
FunctionEnd

Function LaunchApp
  SetOutPath $INSTDIR
  ${If} $Scope == "machine"
    # The installer is elevated here; start the app through the shell so it
    # runs with the user's normal rights.
    Exec '"$WINDIR\explorer.exe" "$INSTDIR\${APP_EXE}"'
  ${Else}
    Exec '"$INSTDIR\${APP_EXE}"'
  ${EndIf}
FunctionEnd

Section "-Install"
  SetDetailsPrint both
  ${If} $ExistingDir != ""
    DetailPrint "Updating ${INFO_PRODUCTNAME} $ExistingVersion in $ExistingDir to ${INFO_PRODUCTVERSION}."
    StrCpy $R9 $ExistingDir
  ${Else}
    StrCpy $R9 $INSTDIR
  ${EndIf}
  Call QuitHelper
  Call CloseApp
  Call EnsureWebView2

  SetOutPath $INSTDIR
  SetOverwrite on
  File "/oname=${APP_EXE}" "${APP_EXE_SOURCE}"
  StrCpy $R9 $INSTDIR
  Call WaitForLsm
  File "/oname=${LSM_EXE}" "${LSM_EXE_SOURCE}"
!ifdef BRANDING_DIR
  SetOutPath "$INSTDIR\branding"
  File /r "${BRANDING_DIR}/*"
  SetOutPath $INSTDIR
!endif
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  Call WriteDefaults

  # Shortcuts (for all users with /ALLUSERS, through SetShellVarContext).
  CreateShortCut "$SMPROGRAMS\${SHORTCUT_NAME}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "${INFO_COMMENTS}"
  ${If} $NoDesktop == 1
    Delete "$DESKTOP\${SHORTCUT_NAME}"
  ${Else}
    CreateShortCut "$DESKTOP\${SHORTCUT_NAME}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "${INFO_COMMENTS}"
  ${EndIf}

  # Installed Apps entry (HKCU per user, HKLM for /ALLUSERS).
  WriteRegStr   SHCTX "${UNINST_KEY}" "DisplayName"          "${INFO_PRODUCTNAME}"
  WriteRegStr   SHCTX "${UNINST_KEY}" "DisplayVersion"       "${INFO_PRODUCTVERSION}"
  WriteRegStr   SHCTX "${UNINST_KEY}" "Publisher"            "${INFO_COMPANYNAME}"
  WriteRegStr   SHCTX "${UNINST_KEY}" "Comments"             "${INFO_COMMENTS}"
  WriteRegStr   SHCTX "${UNINST_KEY}" "DisplayIcon"          "$INSTDIR\${APP_EXE},0"
  WriteRegStr   SHCTX "${UNINST_KEY}" "InstallLocation"      "$INSTDIR"
  WriteRegStr   SHCTX "${UNINST_KEY}" "UninstallString"      '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr   SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegStr   SHCTX "${UNINST_KEY}" "InstallScope"         "$Scope"
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
  Call AddToPath
  Call RegisterCollectTask

  # Installed somewhere else before (/D= pointed elsewhere): remove the old
  # copy's files. Only the files we put there, never the whole folder.
  ${If} $ExistingDir != ""
  ${AndIf} $ExistingDir != $INSTDIR
    DetailPrint "Removing the previous copy in $ExistingDir"
    StrCpy $R9 $ExistingDir
    Call WaitForLsm
    Delete "$ExistingDir\${APP_EXE}"
    Delete "$ExistingDir\${LSM_EXE}"
    Delete "$ExistingDir\${UNINSTALLER}"
    Delete "$ExistingDir\${DEFAULTS_FILE}"
    RMDir "$ExistingDir"
  ${EndIf}
SectionEnd

# ---------------------------------------------------------- uninstaller

Function un.onInit
  SetRegView 64
  StrCpy $Purge 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $0
  ${IfNot} ${Errors}
    StrCpy $Purge 1
  ${EndIf}

  # The scope was recorded at install time: a per-machine install is the
  # one whose HKLM entry points at this folder.
  StrCpy $Scope "user"
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ReadRegStr $1 HKLM "${UNINST_KEY}" "InstallScope"
  ${If} $0 != ""
  ${AndIf} $0 == $INSTDIR
  ${AndIf} $1 == "machine"
    StrCpy $Scope "machine"
  ${EndIf}
  ${If} $Scope == "machine"
    Call un.IsAdmin
    ${If} $R9 != 1
      !insertmacro FAIL "un." ${EXIT_NEEDS_ADMIN} "${INFO_PRODUCTNAME} was installed for all users: removing it needs administrator rights. Run the uninstaller as administrator."
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Function un.OptionsPage
  !insertmacro MUI_HEADER_TEXT "Uninstall ${INFO_PRODUCTNAME}" "Remove ${INFO_PRODUCTNAME} from this computer."
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 24u "${INFO_PRODUCTNAME} will be removed from:$\r$\n$INSTDIR"
  Pop $0
  ${NSD_CreateLabel} 0 34u 100% 30u "Your settings, logs and saved passwords are kept, so that a later installation picks them up again. Tick the box to remove them as well."
  Pop $0
  ${NSD_CreateCheckbox} 0 70u 100% 12u "&Remove my settings and saved passwords"
  Pop $PurgeCheckbox
  ${If} $Purge == 1
    ${NSD_Check} $PurgeCheckbox
  ${EndIf}
  GetDlgItem $0 $HWNDPARENT 1
  SendMessage $0 ${WM_SETTEXT} 0 "STR:&Uninstall"
  nsDialogs::Show
FunctionEnd

Function un.OptionsPageLeave
  ${NSD_GetState} $PurgeCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Purge 1
  ${Else}
    StrCpy $Purge 0
  ${EndIf}
FunctionEnd

# Removes this user's settings, logs, saved passwords and WebView2 data.
# The app does the first three (`--purge`: only it knows the Credential
# Manager entries); it must run before its exe is deleted.
Function un.PurgeUserData
  DetailPrint "Removing your settings, logs and saved passwords..."
  StrCpy $1 "not started"
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    ExecWait '"$INSTDIR\${APP_EXE}" --purge' $1
    ${If} ${Errors}
      StrCpy $1 "not started"
    ${EndIf}
  ${EndIf}
  # User folders even for a per-machine install: the data is per user.
  SetShellVarContext current
  RMDir /r "$APPDATA\${APP_EXE}" ; WebView2 data folder Wails creates
  ${If} $1 != 0
    DetailPrint "$\"${APP_EXE} --purge$\" failed (exit code: $1); removing the folders only."
    RMDir /r "$APPDATA\${APP_FOLDER}"
    RMDir /r "$LOCALAPPDATA\${APP_FOLDER}"
    StrCpy $R7 1
  ${EndIf}
  ${If} $Scope == "machine"
    SetShellVarContext all
  ${EndIf}
FunctionEnd

# Deletes the usage-history task the installer recorded in the uninstall
# key (CollectTask), and no other; only when the key is this
# installation's. A task that is gone already makes schtasks fail too, so a
# failure is reported in the log only.
Function un.RemoveCollectTask
  ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ReadRegStr $R1 SHCTX "${UNINST_KEY}" "CollectTask"
  ${If} $R1 == ""
    Return
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != $INSTDIR
    Return ; another installation's entry, and so its task
  ${EndIf}
  StrCpy $R0 '/Delete /TN "$R1" /F'
  Call un.Schtasks
  ${If} $R0 == 0
    DetailPrint "Removed the task $R1."
  ${Else}
    DetailPrint "Could not remove the task $R1 (schtasks exit code $R0): if it is still in Task Scheduler, delete it there."
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetDetailsPrint both
  StrCpy $R7 0 ; purge incomplete
  StrCpy $R9 $INSTDIR
  Call un.CloseApp
  # The task first, so that it starts no lsm.exe while the files go.
  Call un.RemoveCollectTask
  ${If} $Purge == 1
    Call un.PurgeUserData
  ${EndIf}

  Delete "$INSTDIR\${APP_EXE}"
  StrCpy $R9 $INSTDIR
  Call un.WaitForLsm
  Delete "$INSTDIR\${LSM_EXE}"
  Delete "$INSTDIR\${DEFAULTS_FILE}"
  Delete "$INSTDIR\${UNINSTALLER}"
!ifdef BRANDING_DIR
  # The branding files this installer packed; a folder an administrator
  # made on their own is left alone.
  Delete "$INSTDIR\branding\data.json"
  Delete "$INSTDIR\branding\sampleData.json"
  Delete "$INSTDIR\branding\logo.png"
  Delete "$INSTDIR\branding\logo.jpg"
  Delete "$INSTDIR\branding\logo.jpeg"
  RMDir "$INSTDIR\branding"
!endif
  RMDir "$INSTDIR" ; only when empty: never delete files we did not put there
  ${If} ${FileExists} "$INSTDIR\*.*"
    DetailPrint "$INSTDIR is not empty and was kept."
  ${EndIf}

  Delete "$DESKTOP\${SHORTCUT_NAME}"
  Delete "$SMPROGRAMS\${SHORTCUT_NAME}"

  # Remove the Installed Apps entry only if it is ours (this folder), and
  # the PATH entry the installer recorded adding, nothing else of PATH.
  ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIf} $0 == $INSTDIR
    ReadRegStr $R1 SHCTX "${UNINST_KEY}" "AddedToPath"
    ${If} $R1 != ""
      Call un.RemovePathEntry
    ${EndIf}
    DeleteRegKey SHCTX "${UNINST_KEY}"
  ${EndIf}

  ${If} $R7 == 1
    Push "Uninstalled, but '${APP_EXE} --purge' failed: saved passwords may remain in Windows Credential Manager (generic credentials named LicenseServerManager:...)."
    Push ${EXIT_PURGE_INCOMPLETE}
    Call un.LogFailure
    MessageBox MB_OK|MB_ICONEXCLAMATION "${INFO_PRODUCTNAME} was removed, but its saved passwords could not all be deleted.$\r$\n$\r$\nOpen Credential Manager > Windows Credentials and remove the entries named LicenseServerManager:..." /SD IDOK
    SetErrorLevel ${EXIT_PURGE_INCOMPLETE}
  ${EndIf}
SectionEnd
