from enum import StrEnum


class DeadlineDataPhase(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
