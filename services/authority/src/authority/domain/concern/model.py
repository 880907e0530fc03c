"""Concerns (underretning) and use-of-force incidents (magtanvendelse) the authority receives."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class ConcernKind(StrEnum):
    NOTIFICATION_OF_CONCERN = "notification_of_concern"  # underretning
    USE_OF_FORCE = "use_of_force"  # magtanvendelse


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    ACUTE = "acute"


@dataclass(frozen=True, slots=True)
class ConcernState:
    concern_id: UUID
    case_id: UUID
    contract_id: UUID | None
    kind: ConcernKind
    urgency: Urgency
    summary: str
    received_at: datetime
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None
