/*
 * bcryptprimitives.dll for Wine 8, which lacks it: Go >= 1.22 programs call ProcessPrng at
 * start and die with "bcryptprimitives.dll not found" without it. This DLL exports ProcessPrng
 * by forwarding to advapi32!SystemFunction036 (RtlGenRandom), which Wine has. It exists only
 * to run tests under Wine (scripts/wine-setup.sh builds it into the Wine prefix); it is never
 * shipped to learners: real Windows 10 and later have their own.
 */
#include <windows.h>

/* advapi32!SystemFunction036, declared here rather than through ntsecapi.h's RtlGenRandom
 * macro so the import is plain to read. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* The largest request handed to SystemFunction036 at once: its length is a ULONG. */
#define CHUNK 0x40000000UL

/* Fills data with cbData random bytes, as Windows' ProcessPrng does; always TRUE there, FALSE
 * here only if Wine's generator fails (Go's runtime then aborts, which is what we want). */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T cbData)
{
	while (cbData > 0) {
		ULONG n = cbData > CHUNK ? CHUNK : (ULONG)cbData;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		cbData -= n;
	}
	return TRUE;
}
