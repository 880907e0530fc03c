"""What a countersignature may sign: only the hash of the terms the provider holds.

The app recomputes the hash from the terms the offer carried (their canonical form,
docs/contract-hash.md) and passes it, and the hash the coordinator read if they sent one;
the rule stays here, pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from provider.domain.common import refuse

MISMATCH = "terms_hash_mismatch"


@dataclass(frozen=True, slots=True, kw_only=True)
class HashCheck:
    """``held``: the hash recomputed from the terms held (None: the offer, from before the
    terms travelled, carried none). ``shown``: the hash the coordinator read (None: not sent)."""

    held: str | None = None
    shown: str | None = None


NOTHING_TO_CHECK = HashCheck()  # a command built without the app's hashes (tests, v1 offers)


def require_signable(offered_sha256: str, check: HashCheck) -> None:
    if check.held is not None and check.held != offered_sha256:
        refuse(
            MISMATCH,
            "The hash offered for signing is not the hash of the terms offered: nothing is "
            "signed. Ask the authority to offer the contract again.",
        )
    if check.shown is not None and check.shown != offered_sha256:
        refuse(
            MISMATCH,
            f"The hash sent ({check.shown}) is not the hash of the terms held for this "
            f"version ({offered_sha256}): read the contract again before signing.",
        )
