"""The blind index of the case search: HMAC-SHA256 of each search term under a key derived
from the data master secret (its own HKDF label), so the table holds no name or CPR number
and cannot be matched without the key. Rows are rewritten with the case's read-model row."""

from __future__ import annotations

import hashlib
import hmac
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from authority.adapters.keys import derive_key
from authority.adapters.tables import case_search
from authority.app.search_terms import terms_of
from authority.domain.case import CaseState


class BlindIndex:
    def __init__(self, master_b64url: str) -> None:
        self._key = derive_key(master_b64url, b"samspil/case-search/v1")

    def __call__(self, term: str) -> str:
        return hmac.new(self._key, term.encode(), hashlib.sha256).hexdigest()

    async def save(self, conn: AsyncConnection, state: CaseState) -> None:
        """The case's entries as its state has them now (none once the child is erased)."""
        await self.drop(conn, state.case_id)
        digests = sorted({self(term) for term in terms_of(state)})
        if digests:
            rows = [{"digest": d, "case_id": state.case_id} for d in digests]
            await conn.execute(case_search.insert(), rows)

    async def drop(self, conn: AsyncConnection, case_id: UUID) -> None:
        await conn.execute(case_search.delete().where(case_search.c.case_id == case_id))

    @staticmethod
    async def reset(conn: AsyncConnection) -> None:
        await conn.execute(case_search.delete())
