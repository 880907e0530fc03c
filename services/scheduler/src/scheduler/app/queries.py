"""The read side: which deadline phases and open deadlines there are, for the HTTP API.

Typed rows and filters, so the entrypoints and the adapters agree on names and types; the
adapters answer from the deadline index (``phases.PhaseRow``) and the case directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from scheduler.app.phases import PhaseRow


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseFilter:
    """None: any."""

    case_id: UUID | None = None
    provider_id: UUID | None = None
    contract_id: UUID | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenFilter:
    """None: any."""

    case_id: UUID | None = None
    caseworker_id: str | None = None
    provider_id: UUID | None = None
    contract_id: UUID | None = None


class OpenDeadline(BaseModel):
    """A deadline not yet met, with its case's current caseworker (also the API's answer)."""

    model_config = ConfigDict(frozen=True)

    deadline_id: UUID
    kind: str
    due_at: datetime
    next_at: datetime | None  # the next phase to fire; none once the overdue one has
    case_id: UUID | None
    order_id: UUID | None
    contract_id: UUID | None
    provider_id: UUID | None
    caseworker_id: str | None
    municipality: str | None
    overdue: bool


class DeadlineQueries(Protocol):
    async def phases(self, where: PhaseFilter, limit: int) -> list[PhaseRow]:
        """Phases matching ``where``, soonest first."""
        ...

    async def open_deadlines(
        self, where: OpenFilter, now: datetime, overdue: bool, limit: int
    ) -> list[OpenDeadline]:
        """Deadlines neither resolved nor withdrawn, past due (``overdue``) or not yet."""
        ...

    async def counts(self, now: datetime) -> tuple[int, int]:
        """(pending, overdue) phases: overdue ones are pending past their due time."""
        ...
