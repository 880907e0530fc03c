"""Who acts, when, and in which conversation: what every command's events and messages carry.

One ``Acting`` per request or consumed event. The actor is the service's own (its domain's
``Actor``: anything with a ``user_id`` and a ``role``), so a domain command can be stamped
from it; ``metadata()`` is what the event store keeps with each event, and the correlation,
causation and trace go on every outbox message the command causes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Generic, Protocol, TypeVar
from uuid import UUID, uuid4

from samspil_contracts import Envelope


class Actor(Protocol):
    @property
    def user_id(self) -> str: ...

    @property
    def role(self) -> str: ...


A = TypeVar("A", bound=Actor)


@dataclass(frozen=True, slots=True)
class SystemActor:
    """A service acting on what another reported (its ``user_id`` is that service's name)."""

    user_id: str
    role: str = "system"


@dataclass(frozen=True, slots=True)
class Acting(Generic[A]):
    actor: A
    at: datetime
    correlation_id: UUID = field(default_factory=uuid4)
    causation_id: UUID | None = None  # the consumed event this acts on, if any
    traceparent: str | None = None  # that event's trace, continued when no span is current
    expected_revision: int | None = None  # the client's (If-Match): what it saw and acts on
    tenant_id: UUID | None = None  # the provider organisation acting, in the provider
    reason: str | None = None

    @classmethod
    def caused_by(cls, envelope: Envelope, actor: A) -> Acting[A]:
        """Acting on a consumed event: its moment, correlation and trace; caused by it."""
        return cls(
            actor=actor,
            at=envelope.occurred_at,
            correlation_id=envelope.correlation_id,
            causation_id=envelope.event_id,
            traceparent=envelope.traceparent,
        )

    def following(self) -> Acting[A]:
        """For a follow-on command on another stream: the client's revision is not its."""
        return replace(self, expected_revision=None)

    def metadata(self) -> dict[str, str]:
        """The audit fields stored with each event (strings only: JSON as it is kept)."""
        meta = {
            "actor": self.actor.user_id,
            "role": str(self.actor.role),
            "occurred_at": self.at.isoformat(),
            "correlation_id": str(self.correlation_id),
        }
        optional = {
            "causation_id": self.causation_id,
            "tenant_id": self.tenant_id,
            "reason": self.reason,
        }
        meta |= {name: str(value) for name, value in optional.items() if value is not None}
        return meta
