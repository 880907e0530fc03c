"""Settlement (afregning) of a provider's claim against the contract."""

from authority.domain.settlement.check import check_claim
from authority.domain.settlement.decide import decide, evolve
from authority.domain.settlement.messages import (
    ApproveClaim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimReceived,
    ClaimRejected,
    ReceiveClaim,
    RejectClaim,
)
from authority.domain.settlement.model import (
    Claim,
    ClaimLine,
    ClaimState,
    ClaimStatus,
    ClaimTerms,
)

__all__ = [
    "ApproveClaim",
    "Claim",
    "ClaimApproved",
    "ClaimCommand",
    "ClaimEvent",
    "ClaimLine",
    "ClaimReceived",
    "ClaimRejected",
    "ClaimState",
    "ClaimStatus",
    "ClaimTerms",
    "ReceiveClaim",
    "RejectClaim",
    "check_claim",
    "decide",
    "evolve",
]
