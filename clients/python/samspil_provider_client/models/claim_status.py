from enum import StrEnum


class ClaimStatus(StrEnum):
    APPROVED = "approved"
    PAID = "paid"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
