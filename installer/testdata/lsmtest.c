/* Test helper for installer/test-installer.sh, run under wine.
 *
 *   lsmtest window READYFILE [stubborn]
 *       Stands in for a running License Server Manager: creates Wails'
 *       single-instance message window (same class, name and HWND_MESSAGE
 *       parent), writes READYFILE, and exits 0 when it receives the
 *       `--quit` WM_COPYDATA that `LicenseServerManager.exe --quit` sends
 *       (a stubborn one ignores it). Gives up after 40 s (exit 4).
 *   lsmtest cred-set TARGET SECRET   saves a generic Credential Manager entry
 *   lsmtest cred-get TARGET          exit 0 when it exists, 3 when it does not
 *   lsmtest sid                      prints the SID of the user it runs as
 */
#include <windows.h>
#include <wincred.h>
#include <sddl.h>
#include <stdio.h>
#include <wchar.h>

#define SI_ID L"wails-app-licenseservermanager-9b7e0c4e-2f1d-4c55-8a57-62c1f0d3a8e1"
#define WAILS_COPYDATA_TAG 1542

static int stubborn;

static LRESULT CALLBACK proc(HWND h, UINT m, WPARAM w, LPARAM l)
{
    if (m == WM_COPYDATA) {
        COPYDATASTRUCT *cd = (COPYDATASTRUCT *)l;
        if (cd->dwData == WAILS_COPYDATA_TAG && cd->lpData &&
            wcsstr((const wchar_t *)cd->lpData, L"--quit") && !stubborn)
            PostQuitMessage(0);
        return 0;
    }
    if (m == WM_TIMER) {
        PostQuitMessage(4);
        return 0;
    }
    return DefWindowProcW(h, m, w, l);
}

static int window(const wchar_t *ready)
{
    WNDCLASSEXW wc = {sizeof wc};
    wc.lpfnWndProc = proc;
    wc.hInstance = GetModuleHandleW(NULL);
    wc.lpszClassName = SI_ID L"-sic";
    if (!RegisterClassExW(&wc))
        return 10;
    HWND h = CreateWindowExW(0, wc.lpszClassName, SI_ID L"-siw", 0, 0, 0, 0, 0,
                             HWND_MESSAGE, NULL, wc.hInstance, NULL);
    if (!h)
        return 11;
    SetTimer(h, 1, 40000, NULL);
    HANDLE f = CreateFileW(ready, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (f == INVALID_HANDLE_VALUE)
        return 12;
    CloseHandle(f);
    MSG msg;
    while (GetMessageW(&msg, NULL, 0, 0) > 0)
        DispatchMessageW(&msg);
    return (int)msg.wParam;
}

static int sid(void)
{
    HANDLE token;
    union { TOKEN_USER user; BYTE buf[512]; } info;
    DWORD size;
    LPWSTR text;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return 1;
    if (!GetTokenInformation(token, TokenUser, &info, sizeof info, &size) ||
        !ConvertSidToStringSidW(info.user.User.Sid, &text))
        return 1;
    wprintf(L"%ls\n", text);
    LocalFree(text);
    CloseHandle(token);
    return 0;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc == 2 && !wcscmp(argv[1], L"sid"))
        return sid();
    if (argc >= 3 && !wcscmp(argv[1], L"window")) {
        stubborn = argc >= 4 && !wcscmp(argv[3], L"stubborn");
        return window(argv[2]);
    }
    if (argc == 4 && !wcscmp(argv[1], L"cred-set")) {
        CREDENTIALW c = {0};
        c.Type = CRED_TYPE_GENERIC;
        c.TargetName = argv[2];
        c.CredentialBlobSize = (DWORD)(wcslen(argv[3]) * sizeof(wchar_t));
        c.CredentialBlob = (LPBYTE)argv[3];
        c.Persist = CRED_PERSIST_ENTERPRISE;
        return CredWriteW(&c, 0) ? 0 : 1;
    }
    if (argc == 3 && !wcscmp(argv[1], L"cred-get")) {
        PCREDENTIALW c;
        if (!CredReadW(argv[2], CRED_TYPE_GENERIC, 0, &c))
            return GetLastError() == ERROR_NOT_FOUND ? 3 : 1;
        CredFree(c);
        return 0;
    }
    return 2;
}
