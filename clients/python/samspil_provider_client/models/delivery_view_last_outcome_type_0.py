from enum import StrEnum


class DeliveryViewLastOutcomeType0(StrEnum):
    ADDRESS_REFUSED = "address_refused"
    DELIVERED = "delivered"
    NO_ENDPOINT = "no_endpoint"
    REJECTED = "rejected"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)
