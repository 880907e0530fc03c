"""What the application layer needs from the outside, as protocols (adapters implement them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

# The connection a unit of work writes on, for the app modules that take one.
Connection = AsyncConnection
Row = dict[str, Any]


class KeyStore(Protocol):
    """Each child's data key, stored wrapped; deleting it erases the child's personal data
    on every case of the child, and everywhere the key went."""

    async def load(self, child_id: UUID) -> bytes | None: ...

    async def child_of(self, case_id: UUID) -> UUID | None: ...

    async def find(self, conn: AsyncConnection, cpr_digits: str) -> UUID | None: ...

    async def save(
        self, conn: AsyncConnection, child_id: UUID, key: bytes, cpr_digits: str
    ) -> bool:
        """False if another case of the child stored its key first."""
        ...

    async def link(self, conn: AsyncConnection, case_id: UUID, child_id: UUID) -> None: ...

    async def cases_of(self, conn: AsyncConnection, child_id: UUID) -> list[UUID]: ...

    async def grant(self, conn: AsyncConnection, child_id: UUID, provider_id: UUID) -> bool: ...

    async def delete(self, conn: AsyncConnection, child_id: UUID) -> list[UUID]: ...


class Citizens(Protocol):
    """The citizens of each case by keyed hash of their CPR numbers."""

    async def index(
        self, conn: AsyncConnection, case_id: UUID, people: Sequence[tuple[str, str]]
    ) -> None: ...

    async def access_log(self, cpr_digits: str) -> Sequence[Row]: ...


class Views(Protocol):
    """The read models: written in the command's transaction, queried by the API."""

    async def save(self, conn: AsyncConnection, state: object, revision: int) -> None: ...

    async def save_provider(self, conn: AsyncConnection, material: Row) -> None: ...

    async def reset(self, conn: AsyncConnection, name: str) -> None: ...

    async def deadline(self, conn: AsyncConnection, deadline_id: UUID) -> Row | None:
        """The row of a deadline the scheduler announced, as ``conn`` sees it."""
        ...

    async def save_deadline(self, conn: AsyncConnection, row: Row) -> None:
        """Writes the row (its case found from its contract when the row names none)."""
        ...

    async def rows(self, name: str, **filters: object) -> Sequence[Row]: ...

    async def row(self, name: str, key: UUID) -> Row | None: ...

    async def order_open(
        self, conn: AsyncConnection, case_id: UUID, decision_id: UUID, statuses: Sequence[str]
    ) -> bool:
        """Whether the decision has an order in one of ``statuses``."""
        ...

    async def open_followup(self, conn: AsyncConnection, contract_id: UUID) -> UUID | None: ...

    async def streams_of_case(self, case_id: UUID) -> list[str]: ...

    async def log_access(
        self,
        conn: AsyncConnection,
        case_id: UUID,
        user_id: str,
        role: str,
        reason: str,
        what: str = "cpr",
        flagged: bool = False,
    ) -> None: ...

    async def access_log(
        self, case_id: UUID | None, flagged: bool | None = None
    ) -> Sequence[Row]: ...

    async def team_of(self, caseworker_id: str) -> str | None:
        """The caseworker's team, as the municipality's sign-in says; None if unknown."""
        ...
