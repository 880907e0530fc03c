from enum import StrEnum


class NewTenantKind(StrEnum):
    MUNICIPAL = "municipal"
    PRIVATE = "private"
    REGIONAL = "regional"
    VOLUNTARY = "voluntary"

    def __str__(self) -> str:
        return str(self.value)
