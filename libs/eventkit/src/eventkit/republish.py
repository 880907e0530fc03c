"""Re-publish integration events from a service's outbox: the day-2 tool for a topic that
lost records (a cluster rebuilt from scratch, a retention set too short, a consumer group
reset past what the topic still holds).

Outbox rows are kept after they are sent, with their original event id. Re-publishing marks
the chosen sent rows unsent again; the running relay then sends them once more, in id order
(per-key order holds), with the same ``ce_id`` headers, so consumers drop what they already
had by event id (their inbox) and apply only what they missed.

    python -m <service> republish --from-id 1200 [--to-id 1500] [--topic T] [--dry-run]
    python -m <service> republish --since 2025-03-03T09:00+01:00 [--until ...]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from eventkit.schema import outbox


@dataclass(frozen=True)
class Selection:
    """Sent outbox rows by id and/or creation time (bounds inclusive), optionally one topic."""

    from_id: int | None = None
    to_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    topic: str | None = None

    def where(self) -> list[ColumnElement[bool]]:
        if self.from_id is None and self.since is None:
            raise ValueError("give a start: --from-id or --since (re-sending all is no default)")
        conditions: list[ColumnElement[bool]] = [outbox.c.sent_at.is_not(None)]
        if self.from_id is not None:
            conditions.append(outbox.c.id >= self.from_id)
        if self.to_id is not None:
            conditions.append(outbox.c.id <= self.to_id)
        if self.since is not None:
            conditions.append(outbox.c.created_at >= self.since)
        if self.until is not None:
            conditions.append(outbox.c.created_at <= self.until)
        if self.topic is not None:
            conditions.append(outbox.c.topic == self.topic)
        return conditions


async def republish(engine: AsyncEngine, selection: Selection, dry_run: bool = False) -> int:
    """Mark the selected sent rows unsent (the relay re-sends them); how many there are."""
    conditions = selection.where()
    async with engine.begin() as conn:
        if dry_run:
            count = await conn.scalar(select(func.count()).select_from(outbox).where(*conditions))
            return int(count or 0)
        result = await conn.execute(update(outbox).where(*conditions).values(sent_at=None))
        return int(result.rowcount or 0)


def republish_main(engine: Callable[[], AsyncEngine], argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-id", type=int, help="first outbox id (see the relay's log)")
    parser.add_argument("--to-id", type=int, help="last outbox id")
    parser.add_argument("--since", type=datetime.fromisoformat, help="ISO time, with offset")
    parser.add_argument("--until", type=datetime.fromisoformat, help="ISO time, with offset")
    parser.add_argument("--topic", help="only this topic (the full name, with any prefix)")
    parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
    args = parser.parse_args(argv)
    selection = Selection(args.from_id, args.to_id, args.since, args.until, args.topic)
    try:
        selection.where()
    except ValueError as missing:
        parser.error(str(missing))

    async def main() -> int:
        made = engine()
        try:
            return await republish(made, selection, args.dry_run)
        finally:
            await made.dispose()

    count = asyncio.run(main())
    print(f"{'would re-publish' if args.dry_run else 're-publishing'} {count} events")
    return 0
