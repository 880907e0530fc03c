from enum import StrEnum


class LineKind(StrEnum):
    SERVICE = "service"
    SPECIAL_AGREEMENT = "special_agreement"

    def __str__(self) -> str:
        return str(self.value)
