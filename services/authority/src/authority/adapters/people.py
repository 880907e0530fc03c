"""The directory of users in SQL: the latest sign-in's name and title win, the team comes from
``caseworker_teams`` (set at sign-in or by a team leader)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from authority.adapters.tables import caseworker_teams, people
from authority.app.readmodels import Person


class SqlDirectory:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def record(self, user_id: str, name: str, title: str | None, at: datetime) -> None:
        row = {"user_id": user_id, "display_name": name, "title": title, "seen_at": at}
        async with self.engine.begin() as conn:
            # One statement: two first pages of a new name at once both land (no 5xx).
            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            stmt = dialect.insert(people).values(**row)
            fresh = {c: stmt.excluded[c] for c in ("display_name", "title", "seen_at")}
            await conn.execute(stmt.on_conflict_do_update(index_elements=["user_id"], set_=fresh))

    async def everyone(self) -> dict[str, Person]:
        team = caseworker_teams.c
        query = sa.select(people, team.team).select_from(
            people.outerjoin(caseworker_teams, team.caseworker_id == people.c.user_id)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings()
            return {
                r["user_id"]: Person(r["user_id"], r["display_name"], r["title"], r["team"])
                for r in rows
            }
