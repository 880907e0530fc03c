from enum import StrEnum


class DeclineReason(StrEnum):
    COMPETENCES = "competences"
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    NO_CAPACITY = "no_capacity"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
