/* Test helper for installer/test-installer.sh: a logging stand-in for
 * schtasks.exe under wine. The test copies wine's own schtasks.exe to
 * C:\windows\system32\schtasks-wine.exe and puts this one in its place.
 *
 * Each run appends its arguments (the command line after the program name,
 * exactly as the installer quoted them) as one UTF-8 line to
 * C:\schtasks.log, copies the file named by /XML to C:\schtasks-last.xml,
 * then runs schtasks-wine.exe with the same arguments and returns its exit
 * code, so the task is really registered with (or deleted from) wine's Task
 * Scheduler.
 *
 * Refusals, to test the installer's handling of them:
 *   C:\schtasks-refuse-folders exists: a /Create of a task in a folder (a
 *       name with a backslash after the first character) exits 1, as
 *       Windows may refuse a standard user a new task folder;
 *   C:\schtasks-refuse-all exists: every /Create exits 1.
 * A refused /Create is logged but does not reach wine's schtasks.
 */
#include <windows.h>
#include <shellapi.h>
#include <wchar.h>

static const wchar_t *args_of(const wchar_t *cl)
{
    if (*cl == L'"') {
        cl++;
        while (*cl && *cl != L'"')
            cl++;
        if (*cl)
            cl++;
    } else {
        while (*cl && *cl != L' ' && *cl != L'\t')
            cl++;
    }
    while (*cl == L' ' || *cl == L'\t')
        cl++;
    return cl;
}

static void log_line(const wchar_t *text)
{
    HANDLE f = CreateFileW(L"C:\\schtasks.log", FILE_APPEND_DATA, FILE_SHARE_READ, NULL,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE)
        return;
    int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    char *buf = HeapAlloc(GetProcessHeap(), 0, n + 1);
    if (buf) {
        DWORD done;
        WideCharToMultiByte(CP_UTF8, 0, text, -1, buf, n, NULL, NULL);
        buf[n - 1] = '\n';
        WriteFile(f, buf, n, &done, NULL);
        HeapFree(GetProcessHeap(), 0, buf);
    }
    CloseHandle(f);
}

static int exists(const wchar_t *path)
{
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

int wmain(void)
{
    const wchar_t *args = args_of(GetCommandLineW());
    int argc, create = 0;
    const wchar_t *name = NULL, *xml = NULL;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);

    log_line(args);
    for (int i = 1; argv && i < argc; i++) {
        if (!_wcsicmp(argv[i], L"/create"))
            create = 1;
        else if (!_wcsicmp(argv[i], L"/tn") && i + 1 < argc)
            name = argv[++i];
        else if (!_wcsicmp(argv[i], L"/xml") && i + 1 < argc)
            xml = argv[++i];
    }
    if (xml)
        CopyFileW(xml, L"C:\\schtasks-last.xml", FALSE);
    if (create && exists(L"C:\\schtasks-refuse-all"))
        return 1;
    if (create && name && wcschr(name + 1, L'\\') && exists(L"C:\\schtasks-refuse-folders"))
        return 1;

    static wchar_t cmd[32768];
    _snwprintf(cmd, 32767, L"\"C:\\windows\\system32\\schtasks-wine.exe\" %ls", args);
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return 9;
    DWORD rc = 9;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &rc);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return (int)rc;
}
