"""Settlement (afregning) of a provider's claim against the contract."""

from authority.domain.settlement.check import check_claim, suggested_rejection
from authority.domain.settlement.decide import decide, evolve
from authority.domain.settlement.messages import (
    ApplyCreditNote,
    ApproveClaim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    CreditNoteApplied,
    DecideClaimLines,
    MarkClaimPaid,
    ReceiveClaim,
    RejectClaim,
)
from authority.domain.settlement.model import (
    Claim,
    ClaimLine,
    ClaimState,
    ClaimStatus,
    ClaimTerms,
    LineKind,
    LineOutcome,
    LineRejection,
)

__all__ = [
    "ApplyCreditNote",
    "ApproveClaim",
    "Claim",
    "ClaimApproved",
    "ClaimCommand",
    "ClaimEvent",
    "ClaimLine",
    "ClaimPaid",
    "ClaimReceived",
    "ClaimRejected",
    "ClaimState",
    "ClaimStatus",
    "ClaimTerms",
    "CreditNoteApplied",
    "DecideClaimLines",
    "LineKind",
    "LineOutcome",
    "LineRejection",
    "MarkClaimPaid",
    "ReceiveClaim",
    "RejectClaim",
    "check_claim",
    "decide",
    "evolve",
    "suggested_rejection",
]
