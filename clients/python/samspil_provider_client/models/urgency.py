from enum import StrEnum


class Urgency(StrEnum):
    ACUTE = "acute"
    HIGH = "high"
    LOW = "low"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
