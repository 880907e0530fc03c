"""Who acts, when and why: the audit fields every command and its stored events carry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from samspil_contracts import Envelope

from authority.domain import Actor, Role


@dataclass(frozen=True)
class Acting:
    actor: Actor
    at: datetime
    reason: str | None = None
    expected_revision: int | None = None
    correlation_id: UUID = field(default_factory=uuid4)
    cause: Envelope | None = None  # the consumed event this acts on, if any

    def stamp(self) -> dict[str, Any]:
        """The audit fields of a domain command."""
        return {"actor": self.actor, "at": self.at, "reason": self.reason}

    def metadata(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "actor": self.actor.user_id,
            "role": self.actor.role.value,
            "reason": self.reason,
            "occurred_at": self.at.isoformat(),
            "correlation_id": str(self.correlation_id),
        }
        if self.cause is not None:
            meta["causation_id"] = str(self.cause.event_id)
        return meta

    def without_revision(self) -> Acting:
        """For a follow-on command on another aggregate: the client's revision is not its."""
        return Acting(self.actor, self.at, self.reason, None, self.correlation_id, self.cause)


def system_acting(envelope: Envelope) -> Acting:
    """A fact another service reported, recorded under the system role."""
    return Acting(
        actor=Actor(envelope.producer, Role.SYSTEM),
        at=envelope.occurred_at,
        correlation_id=envelope.correlation_id,
        cause=envelope,
    )
