"""Claims (afregning): submitted at the contract price, credited, approved or rejected."""

from provider.domain.claim.aggregate import CLAIM_NUMBER, decide, evolve
from provider.domain.claim.model import (
    Claim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimLine,
    ClaimRejected,
    ClaimStatus,
    ClaimSubmitted,
    CreditNoteIssued,
    IssueCreditNote,
    RecordClaimApproved,
    RecordClaimRejected,
    SubmitClaim,
)

__all__ = [
    "CLAIM_NUMBER",
    "Claim",
    "ClaimApproved",
    "ClaimCommand",
    "ClaimEvent",
    "ClaimLine",
    "ClaimRejected",
    "ClaimStatus",
    "ClaimSubmitted",
    "CreditNoteIssued",
    "IssueCreditNote",
    "RecordClaimApproved",
    "RecordClaimRejected",
    "SubmitClaim",
    "decide",
    "evolve",
]
