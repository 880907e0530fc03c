from enum import StrEnum


class TerminationReason(StrEnum):
    CHILD_MOVED = "child_moved"
    GOALS_MET = "goals_met"
    MEASURE_NO_LONGER_NEEDED = "measure_no_longer_needed"
    OTHER = "other"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"
    PROVIDER_NOT_DELIVERING = "provider_not_delivering"
    SERIOUS_BREACH = "serious_breach"

    def __str__(self) -> str:
        return str(self.value)
