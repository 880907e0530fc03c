"""The scheduler's ports in memory, for fast tests of its use cases on the in-memory store.

They keep the SQL adapters' rules (the integration tests hold those to PostgreSQL): the index
is ``phases.rows_for`` of each change, firing claims per deadline its latest pending phase
due, the case directory keeps the first municipality and the newest caseworker, rules are
append-only versions. A unit of work that does not commit takes their writes back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from itertools import groupby
from uuid import UUID

from eventkit import MemoryEventStore, MemoryUnitOfWork, Transaction
from samspil_contracts import Envelope, IntegrationEvent
from scheduler.adapters.clock import AdjustableClock
from scheduler.app.deadlines import Deadlines
from scheduler.app.due import completed_by, due_phase, latest_due
from scheduler.app.ending import Ending
from scheduler.app.firing import Firing
from scheduler.app.intake import Intake
from scheduler.app.municipal_rules import MunicipalRules, RulesVersion
from scheduler.app.phases import PhaseRow, rows_for
from scheduler.app.ports import CaseFacts, DuePhase
from scheduler.app.queries import OpenDeadline, OpenFilter, PhaseFilter
from scheduler.domain import DeadlinePhase, DeadlineSet, DomainError, Event
from servicekit.handler import Change
from servicekit.publishing import Publisher


def undo_on_rollback(tx: Transaction, undo: Callable[[], None]) -> None:
    assert isinstance(tx, MemoryUnitOfWork), "in-memory adapters take the in-memory store's"
    tx.on_rollback(undo)


class MemoryRules:
    def __init__(self) -> None:
        self.versions: dict[str, list[RulesVersion]] = {}

    async def latest(self, tx: Transaction, municipality: str) -> RulesVersion | None:
        found = self.versions.get(municipality)
        return found[-1] if found else None

    async def at(self, tx: Transaction, municipality: str, version: int) -> RulesVersion | None:
        found = [v for v in self.versions.get(municipality, []) if v.version == version]
        return found[0] if found else None

    async def history(self, tx: Transaction, municipality: str) -> list[RulesVersion]:
        return list(self.versions.get(municipality, []))

    async def append(self, tx: Transaction, version: RulesVersion) -> None:
        found = self.versions.setdefault(version.municipality, [])
        if any(v.version == version.version for v in found):
            raise DomainError("stale_rules_version", f"version {version.version} was taken")
        found.append(version)
        undo_on_rollback(tx, found.pop)


@dataclass
class Case:
    municipality: str | None = None
    caseworker_id: str | None = None
    caseworker_as_of: datetime | None = None


class MemoryDirectory:
    def __init__(self, rules: MemoryRules) -> None:
        self.rules, self.cases = rules, dict[UUID, Case]()

    async def note(self, tx, case_id, as_of, municipality=None, caseworker_id=None) -> CaseFacts:
        known = self.cases.get(case_id)
        if municipality is None and caseworker_id is None:
            return CaseFacts(None, 0) if known is None else await self._facts(tx, known)
        before = self.cases.get(case_id)
        case = Case() if before is None else Case(**asdict(before))
        case.municipality = case.municipality or municipality
        newer = case.caseworker_as_of is None or case.caseworker_as_of <= as_of
        if caseworker_id is not None and newer:
            case.caseworker_id, case.caseworker_as_of = caseworker_id, as_of
        self.cases[case_id] = case
        undo_on_rollback(tx, lambda: self._restore(case_id, before))
        return await self._facts(tx, Case(municipality or case.municipality))

    async def _facts(self, tx: Transaction, case: Case) -> CaseFacts:
        if case.municipality is None:
            return CaseFacts(None, 0)
        latest = await self.rules.latest(tx, case.municipality)
        return CaseFacts(case.municipality, 0 if latest is None else latest.version)

    def _restore(self, case_id: UUID, before: Case | None) -> None:
        if before is None:
            self.cases.pop(case_id, None)
        else:
            self.cases[case_id] = before


class MemoryIndex:
    """The deadline index: the projection, the firing queue and the read side in one."""

    def __init__(self, directory: MemoryDirectory) -> None:
        self.directory = directory
        self.rows: dict[tuple[UUID, str], PhaseRow] = {}

    def _write(self, tx: Transaction, rows: dict[tuple[UUID, str], PhaseRow]) -> None:
        before, self.rows = self.rows, rows
        undo_on_rollback(tx, lambda: setattr(self, "rows", before))

    async def project(self, tx: Transaction, change: Change[Event, DeadlineSet]) -> None:
        subject = change.state.subject
        others = {
            key: row
            for key, row in self.rows.items()
            if (row.subject_kind, row.subject_id) != (subject.kind.value, subject.id)
        }
        self._write(tx, others | {(r.deadline_id, r.phase): r for r in rows_for(change.state)})

    async def following_up(self, tx: Transaction, case_id: UUID) -> list[UUID]:
        return sorted(
            {
                r.contract_id
                for r in self.rows.values()
                if r.case_id == case_id
                and r.subject_kind == "contract"
                and r.kind == "follow_up_due"
                and r.status == "pending"
                and r.contract_id is not None
            }
        )

    async def claim(self, tx: Transaction, now: datetime, limit: int) -> list[DuePhase]:
        due = [r for r in self.rows.values() if r.status == "pending" and r.fire_at <= now]
        latest = latest_due((r.deadline_id, _phase(r)) for r in due)
        fire = sorted((self.rows[d, p.value] for d, p in latest.items()), key=_fire_at)
        return [due_phase(row) for row in fire[:limit]]

    async def mark_fired(self, tx: Transaction, fired: Sequence[DuePhase]) -> None:
        rows = dict(self.rows)
        for due in fired:
            for phase in completed_by(due.phase):
                row = rows.get((due.deadline_id, phase.value))
                if row is not None and row.status == "pending":
                    rows[due.deadline_id, phase.value] = row._replace(status="done")
        self._write(tx, rows)

    async def phases(self, where: PhaseFilter, limit: int) -> list[PhaseRow]:
        wanted = {k: v for k, v in asdict(where).items() if v is not None}
        found = [
            r for r in self.rows.values() if all(getattr(r, k) == v for k, v in wanted.items())
        ]
        return sorted(found, key=_fire_at)[:limit]

    async def open_deadlines(
        self, where: OpenFilter, now: datetime, overdue: bool, limit: int
    ) -> list[OpenDeadline]:
        rows = sorted(
            (
                r
                for r in self.rows.values()
                if r.status != "cancelled" and (r.due_at < now) == overdue
            ),
            key=lambda r: (r.due_at, r.deadline_id),
        )
        found = [
            self._open(list(phases), overdue)
            for _, phases in groupby(rows, key=lambda r: r.deadline_id)
        ]
        wanted = {k: v for k, v in asdict(where).items() if v is not None}
        return [d for d in found if all(getattr(d, k) == v for k, v in wanted.items())][:limit]

    async def counts(self, now: datetime) -> tuple[int, int]:
        pending = [r for r in self.rows.values() if r.status == "pending"]
        return len(pending), sum(r.due_at < now for r in pending)

    def _open(self, phases: list[PhaseRow], overdue: bool) -> OpenDeadline:
        first, pending = phases[0], [r.fire_at for r in phases if r.status == "pending"]
        case = self.directory.cases.get(first.case_id) if first.case_id else None
        return OpenDeadline(
            deadline_id=first.deadline_id,
            kind=first.kind,
            due_at=first.due_at,
            next_at=min(pending, default=None),
            case_id=first.case_id,
            order_id=first.order_id,
            contract_id=first.contract_id,
            provider_id=first.provider_id,
            caseworker_id=case.caseworker_id if case else None,
            municipality=case.municipality if case else None,
            overdue=overdue,
        )


def _phase(row: PhaseRow) -> DeadlinePhase:
    return DeadlinePhase(row.phase)


def _fire_at(row: PhaseRow) -> datetime:
    return row.fire_at


@dataclass
class Scheduler:
    """The scheduler's use cases wired to the in-memory store and adapters, as bootstrap
    wires them to PostgreSQL."""

    clock: AdjustableClock = field(default_factory=AdjustableClock)
    store: MemoryEventStore = field(default_factory=MemoryEventStore)
    rules_store: MemoryRules = field(default_factory=MemoryRules)

    def __post_init__(self) -> None:
        self.directory = MemoryDirectory(self.rules_store)
        self.index = MemoryIndex(self.directory)
        self.rules = MunicipalRules(self.rules_store)
        self.deadlines = Deadlines(self.index)
        self.intake = Intake(self.deadlines, self.rules, self.directory)
        publisher = Publisher("/samspil/scheduler")
        ending = Ending(self.store, self.deadlines)
        self.firing = Firing(self.store, self.index, self.clock, publisher, ending=ending)

    async def consume(self, envelope: Envelope, event: IntegrationEvent) -> None:
        """As the inbound pipeline hands over a record: in a unit of work of its own."""
        async with self.store.unit_of_work() as tx:
            await self.intake(tx, envelope, event)
