/* The MSI package's custom action for the server presets (see
 * LicenseServerManager.wxs, WriteDefaults). An EXE custom action would leave
 * only lsm's exit code in the installation log; this one runs the command
 * line it is given (CustomActionData: "<install folder>\lsm.exe" setup
 * write-defaults ...), puts every line lsm prints into the log, and, when
 * lsm fails, reports all it printed as the installation's error (the
 * message box of an interactive install, a log entry of a silent one) and
 * fails the installation. lsm decides; this only relays. Built by build-msi.sh with
 * mingw-w64.
 */
#include <windows.h>
#include <msi.h>
#include <msiquery.h>
#include <stdlib.h>
#include <string.h>

/* lsm prints a few lines; more is cut, not a reason to fail. */
#define MAX_OUTPUT 65536

static void post(MSIHANDLE install, INSTALLMESSAGE kind, const wchar_t *text)
{
    MSIHANDLE rec = MsiCreateRecord(1);
    if (!rec)
        return;
    MsiRecordSetStringW(rec, 0, text);
    MsiProcessMessage(install, kind, rec);
    MsiCloseHandle(rec);
}

/* Reads the child's output until it exits; returns its UTF-16 text. */
static wchar_t *read_all(HANDLE pipe)
{
    char *buf = malloc(MAX_OUTPUT + 1);
    DWORD len = 0, got;
    wchar_t *text;
    int n;

    if (!buf)
        return NULL;
    while (ReadFile(pipe, buf + len, MAX_OUTPUT - len, &got, NULL) && got > 0) {
        len += got;
        if (len == MAX_OUTPUT) {
            char sink[4096]; /* keep draining, so that lsm never blocks */
            while (ReadFile(pipe, sink, sizeof sink, &got, NULL) && got > 0)
                ;
            break;
        }
    }
    n = MultiByteToWideChar(CP_UTF8, 0, buf, (int)len, NULL, 0);
    text = malloc((n + 1) * sizeof *text);
    if (text) {
        MultiByteToWideChar(CP_UTF8, 0, buf, (int)len, text, n);
        text[n] = 0;
    }
    free(buf);
    return text;
}

UINT __stdcall WriteDefaults(MSIHANDLE install)
{
    wchar_t empty[1] = L"", *cmd, *out, *all, *line, *next;
    DWORD size = 0, code = 1;
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    STARTUPINFOW si = {0};
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;

    if (MsiGetPropertyW(install, L"CustomActionData", empty, &size) != ERROR_MORE_DATA)
        return ERROR_INSTALL_FAILURE;
    cmd = malloc(++size * sizeof *cmd);
    if (!cmd || MsiGetPropertyW(install, L"CustomActionData", cmd, &size) != ERROR_SUCCESS)
        return ERROR_INSTALL_FAILURE;
    if (!CreatePipe(&rd, &wr, &sa, 0)) {
        free(cmd);
        return ERROR_INSTALL_FAILURE;
    }
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = INVALID_HANDLE_VALUE;
    si.hStdOutput = wr;
    si.hStdError = wr;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
        post(install, INSTALLMESSAGE_INFO, L"WriteDefaults: lsm.exe could not be started.");
        CloseHandle(rd);
        CloseHandle(wr);
        free(cmd);
        return ERROR_INSTALL_FAILURE;
    }
    CloseHandle(wr); /* the child's copy is the only writer left */
    out = read_all(rd);
    CloseHandle(rd);
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    free(cmd);

    all = out ? _wcsdup(out) : NULL;
    for (line = out; line && *line; line = next) {
        next = line + wcscspn(line, L"\r\n");
        if (*next)
            *next++ = 0;
        while (*next == L'\r' || *next == L'\n')
            next++;
        if (*line)
            post(install, INSTALLMESSAGE_INFO, line);
    }
    if (code != 0) /* what lsm printed: what failed, and each bad preset */
        post(install, (INSTALLMESSAGE)(INSTALLMESSAGE_ERROR | MB_OK | MB_ICONERROR),
             all && *all ? all : L"lsm.exe setup write-defaults failed.");
    free(all);
    free(out);
    return code == 0 ? ERROR_SUCCESS : ERROR_INSTALL_FAILURE;
}
