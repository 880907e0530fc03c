"""What the scheduler's application layer needs from the outside, as protocols."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.domain import DeadlineSet, Subject


class Clock(Protocol):
    def now(self) -> datetime: ...


class DeadlineIndex(Protocol):
    """The queryable table of every phase to fire, kept in step with the aggregates."""

    async def sync(
        self, conn: AsyncConnection, state: DeadlineSet, only: set[UUID] | None = None
    ) -> None:
        """Rewrite the subject's rows (or only those of the deadlines in ``only``)."""
        ...

    async def claim_due(self, conn: AsyncConnection, now: datetime, limit: int) -> list[Subject]:
        """Subjects with a phase due by ``now``, locked so no other instance takes them."""
        ...

    async def query(
        self, conn: AsyncConnection, filters: Mapping[str, object], limit: int
    ) -> list[dict[str, Any]]:
        """Phases matching ``filters`` (column → value; None means any), soonest first."""
        ...

    async def counts(self, conn: AsyncConnection, now: datetime) -> tuple[int, int]: ...
