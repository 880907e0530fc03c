"""What the application layer needs from the outside, as protocols (adapters implement them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection


class KeyStore(Protocol):
    """Each case's data key, stored wrapped; deleting it erases the case's personal data."""

    async def load(self, case_id: UUID) -> bytes | None: ...

    async def save(self, conn: AsyncConnection, case_id: UUID, key: bytes) -> None: ...

    async def delete(self, conn: AsyncConnection, case_id: UUID) -> None: ...


Row = dict[str, Any]


class Views(Protocol):
    """The read models: written in the command's transaction, queried by the API."""

    async def save(self, conn: AsyncConnection, state: object, revision: int) -> None: ...

    async def save_provider(self, conn: AsyncConnection, material: Row) -> None: ...

    async def reset(self, conn: AsyncConnection, name: str) -> None: ...

    async def rows(self, name: str, **filters: object) -> Sequence[Row]: ...

    async def row(self, name: str, key: UUID) -> Row | None: ...

    async def open_followup(self, conn: AsyncConnection, contract_id: UUID) -> UUID | None: ...

    async def streams_of_case(self, case_id: UUID) -> list[str]: ...

    async def log_access(
        self, conn: AsyncConnection, case_id: UUID, user_id: str, role: str, reason: str
    ) -> None: ...

    async def access_log(self, case_id: UUID | None) -> Sequence[Row]: ...
