from enum import StrEnum


class OrderStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    RECEIVED = "received"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
