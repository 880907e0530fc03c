from enum import StrEnum


class ChangeAnsweredDataKind(StrEnum):
    CHANGE_SCOPE = "change_scope"
    END_EARLY = "end_early"
    EXTEND = "extend"

    def __str__(self) -> str:
        return str(self.value)
