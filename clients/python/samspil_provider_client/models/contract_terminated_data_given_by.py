from enum import StrEnum


class ContractTerminatedDataGivenBy(StrEnum):
    AUTHORITY = "authority"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
