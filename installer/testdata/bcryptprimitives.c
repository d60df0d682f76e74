/* Stand-in for Windows' bcryptprimitives.dll, which wine 8.0 lacks and the
 * Go 1.26 runtime needs (ProcessPrng). Test-only: make test-installer copies
 * it into the throw-away wine prefix (TOOLCHAIN.md 6.6). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
