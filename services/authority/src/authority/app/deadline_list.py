"""The authority's own list of open deadlines (fristliste), from what the scheduler announces.

Services share nothing but Kafka, so the scheduler's deadlines reach My work and the case
page as facts: ``DeadlineScheduled`` (set or moved), ``DeadlineReached`` (a phase fired) and
``DeadlineClosed`` (met or cancelled). Each is recorded on a stream of its deadline in our
own log, then folded into the row of ``view_deadlines``; the same fold replays the log, so
the view is rebuildable (``python -m authority rebuild deadlines``). The fold is idempotent:
a record seen twice leaves the row as once, and a closed deadline never opens again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import samspil_contracts as wire
from eventkit import NewEvent, RecordedEvent, UnitOfWork
from eventkit.reading import current_revision

from authority.app.acting import Acting
from authority.app.ports import Connection, Views

Row = dict[str, Any]
Fact = wire.DeadlineScheduled | wire.DeadlineReached | wire.DeadlineClosed
STREAM_PREFIX = "scheduler-deadline-"
PHASES = ("warning", "due", "overdue")
_IDS = ("case_id", "order_id", "contract_id", "provider_id")


ANSWER_KIND = wire.DeadlineKind.ORDER_ANSWER_DUE.value
CHANGE_KIND = wire.DeadlineKind.CHANGE_REQUEST_ANSWER_DUE.value


def order_answer(rows: Iterable[Row]) -> Row:
    """The order's one answer deadline, the scheduler's (``rows``: its order_answer_due
    rows): the latest not cancelled (a changed order's earlier one is), ``pending`` until
    the scheduler has announced it."""
    live = [r for r in rows if r["kind"] == ANSWER_KIND and r["status"] != "cancelled"]
    if not live:
        return {"answer_due_at": None, "answer_deadline_status": "pending"}
    latest = max(live, key=lambda r: r["due_at"])
    due_at = latest["due_at"].replace(tzinfo=latest["due_at"].tzinfo or UTC)
    return {"answer_due_at": due_at.isoformat(), "answer_deadline_status": latest["status"]}


def change_answers(rows: Iterable[Row]) -> dict[str, Row]:
    """Each change request's answer deadline (the scheduler's), by request id (the subject)."""
    found = {}
    for r in rows:
        if r["kind"] == CHANGE_KIND and r.get("subject") and r["status"] != "cancelled":
            due_at = r["due_at"].replace(tzinfo=r["due_at"].tzinfo or UTC)
            found[str(r["subject"])] = {"answer_due_at": due_at, "answer_deadline": r["status"]}
    return found


def stream_of(deadline_id: UUID) -> str:
    return f"{STREAM_PREFIX}{deadline_id}"


def fold(row: Row | None, fact: str, data: Row, revision: int) -> Row | None:
    """The row after ``fact`` (a wire type name, ``data`` its JSON); None: no change."""
    if row is not None and (row["status"] != "open" or row["revision"] >= revision):
        return None  # closed for good, or this fact is already in the row
    if fact == "DeadlineClosed":
        if row is None:
            return None  # never listed (set before it was announced): nothing to close
        closed = {"status": data["outcome"], "closed_at": _instant(data["closed_at"])}
        return row | closed | {"revision": revision}
    base = row or {"deadline_id": UUID(data["deadline_id"]), "phase": None, "warn_at": None}
    ids = {k: UUID(data[k]) if data.get(k) else (row or {}).get(k) for k in _IDS}
    found = base | ids | {"kind": data["kind"], "due_at": _instant(data["due_at"])}
    found |= {"subject": data.get("subject")}
    found |= {"status": "open", "closed_at": None, "revision": revision}
    if fact == "DeadlineScheduled":
        return found | {"warn_at": _instant(data.get("warn_at"))}
    return found | {"phase": _later(base.get("phase"), data["phase"])}


def _later(known: str | None, phase: str) -> str:
    return phase if known is None or PHASES.index(phase) > PHASES.index(known) else known


def _instant(value: str | None) -> datetime | None:
    """In UTC: SQLite keeps no offset, so every instant in the view must be in one zone."""
    return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


async def project(views: Views, conn: Connection, fact: str, data: Row, revision: int) -> None:
    found = fold(await views.deadline(conn, UUID(data["deadline_id"])), fact, data, revision)
    if found is not None:
        await views.save_deadline(conn, found)


class DeadlineList:
    """Records each announced deadline fact in our log and keeps the view in step."""

    def __init__(self, views: Views) -> None:
        self.views = views

    async def note(self, uow: UnitOfWork, e: Fact, a: Acting) -> None:
        stream, fact = stream_of(e.deadline_id), type(e).__name__
        revision = await current_revision(uow.connection, stream)
        data = e.model_dump(mode="json")
        await uow.append(stream, revision, [NewEvent(fact, data, metadata=a.metadata())])
        await project(self.views, uow.connection, fact, data, revision + 1)


class DeadlineProjection:
    """Rebuilds ``view_deadlines`` from the recorded facts."""

    name = "deadlines"

    def __init__(self, views: Views) -> None:
        self.views = views

    async def apply(self, conn: Connection, event: RecordedEvent) -> None:
        if event.stream_id.startswith(STREAM_PREFIX):
            await project(self.views, conn, event.type, dict(event.data), event.revision)

    async def reset(self, conn: Connection) -> None:
        await self.views.reset(conn, self.name)
