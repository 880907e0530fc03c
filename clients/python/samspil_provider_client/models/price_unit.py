from enum import StrEnum


class PriceUnit(StrEnum):
    DAY = "day"
    HOUR = "hour"
    MONTH = "month"
    SESSION = "session"

    def __str__(self) -> str:
        return str(self.value)
