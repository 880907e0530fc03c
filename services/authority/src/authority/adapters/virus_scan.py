"""The local virus scanner: refuses the EICAR test file, the antivirus industry's agreed
"this is a virus" sample, so the refusal path is exercised end to end. A deployment puts a
real engine (e.g. clamd over its socket) behind the same port."""

from __future__ import annotations

from authority.app.outbound import ScanResult

# The 68-byte EICAR test string (harmless by design); split so this file is not flagged.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class LocalScanner:
    async def scan(self, data: bytes) -> ScanResult:
        if EICAR in data:
            return ScanResult(clean=False, finding="EICAR-Test-File")
        return ScanResult(clean=True)
