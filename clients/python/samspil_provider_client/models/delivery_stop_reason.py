from enum import StrEnum


class DeliveryStopReason(StrEnum):
    CHILD_PLACED_ELSEWHERE = "child_placed_elsewhere"
    CONTRACT_TERMINATED = "contract_terminated"
    ENDED_BY_AUTHORITY = "ended_by_authority"
    FAMILY_MOVED = "family_moved"
    FAMILY_WITHDREW = "family_withdrew"
    GOALS_REACHED = "goals_reached"
    OTHER = "other"
    PROVIDER_CANNOT_DELIVER = "provider_cannot_deliver"

    def __str__(self) -> str:
        return str(self.value)
