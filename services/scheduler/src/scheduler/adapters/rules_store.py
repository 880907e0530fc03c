"""Municipal rules in PostgreSQL: append-only versions, the latest one in force."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from eventkit import Transaction, connection_of
from sqlalchemy.exc import IntegrityError

from scheduler.adapters.tables import municipality_rules as t
from scheduler.app.municipal_rules import RuleSettings, RulesVersion
from scheduler.domain import DomainError

# Built once: intake asks for rules with every event (building costs more than running).
_OF = sa.select(t).where(t.c.municipality == sa.bindparam("municipality"))
_LATEST = _OF.order_by(t.c.version.desc()).limit(1)
_AT = _OF.where(t.c.version == sa.bindparam("version"))


def _version(row: Any) -> RulesVersion:
    return RulesVersion(
        municipality=row.municipality,
        version=row.version,
        settings=RuleSettings.model_validate(row.settings),
        changed_by=row.changed_by,
        changed_at=row.changed_at,
        reason=row.reason,
    )


class SqlRulesStore:
    async def latest(self, tx: Transaction, municipality: str) -> RulesVersion | None:
        row = (await connection_of(tx).execute(_LATEST, {"municipality": municipality})).first()
        return None if row is None else _version(row)

    async def at(self, tx: Transaction, municipality: str, version: int) -> RulesVersion | None:
        params = {"municipality": municipality, "version": version}
        row = (await connection_of(tx).execute(_AT, params)).first()
        return None if row is None else _version(row)

    async def history(self, tx: Transaction, municipality: str) -> list[RulesVersion]:
        query = sa.select(t).where(t.c.municipality == municipality).order_by(t.c.version)
        return [_version(row) for row in await connection_of(tx).execute(query)]

    async def append(self, tx: Transaction, version: RulesVersion) -> None:
        conn = connection_of(tx)
        row = version.model_dump(mode="json")
        row["changed_at"] = version.changed_at
        try:
            async with conn.begin_nested():
                await conn.execute(sa.insert(t).values(**row))
        except IntegrityError as exc:  # another change took this version number first
            raise DomainError(
                "stale_rules_version", f"version {version.version} was just taken; reload"
            ) from exc
