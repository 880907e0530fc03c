from enum import StrEnum


class ForceKind(StrEnum):
    HOLDING_BACK = "holding_back"
    OTHER = "other"
    PHYSICAL_RESTRAINT = "physical_restraint"
    REMOVAL = "removal"
    SEARCH = "search"

    def __str__(self) -> str:
        return str(self.value)
