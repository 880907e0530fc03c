"""Query ports of the UI's lists and figures: what the web layer may ask of the read models.

The adapters answer them in SQL (paged, filtered and aggregated in the database), so the
entrypoints depend on these protocols only, never on tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

Row = dict[str, Any]
PAGE_SIZE = 20


@dataclass(frozen=True)
class Page:
    rows: Sequence[Row]
    total: int
    number: int = 1
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


@dataclass(frozen=True)
class Scope:
    """Whose cases: one caseworker's, one team's, or (both None) the whole unit's."""

    caseworker: str | None = None
    team: str | None = None


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Figures:
    """Ledelsesinformation for a period and scope."""

    followups_held: int = 0
    followups_due: int = 0
    investigations_within: int = 0
    investigations_judged: int = 0
    answer_days: dict[str, float] = field(default_factory=dict)  # per provider
    goal_progress: dict[str, int] = field(default_factory=dict)  # per progress level
    cost_per_measure: dict[str, int] = field(default_factory=dict)  # øre per measure code


DEADLINE_STATES = ("on_time", "late", "at_risk", "overdue")


@dataclass(frozen=True)
class KindFigure:
    """One deadline kind in a period: those met in it (on time or late) and, as of now, the
    open ones at risk (inside their warning window) or overdue."""

    kind: str
    met: int = 0
    on_time: int = 0
    at_risk: int = 0
    overdue: int = 0
    open: int = 0

    @property
    def late(self) -> int:
        return self.met - self.on_time

    def count(self, state: str) -> int:
        return int(getattr(self, state))


class WorkQueries(Protocol):
    """The lists of My work and the case list, each paged and sorted in the database."""

    async def due(self, scope: Scope, page: int) -> Page: ...

    async def deadlines(self, scope: Scope, page: int, overdue_at: datetime | None = None) -> Page:
        """Open deadlines the scheduler announced on the scope's cases, soonest due first
        (so the most overdue lead); with ``overdue_at``, only those due before it."""
        ...

    async def case_deadlines(self, case_id: UUID) -> Sequence[Row]:
        """The case's open deadlines, soonest due first."""
        ...

    async def approvals(self, scope: Scope, page: int) -> Page: ...

    async def erasures(self, scope: Scope, page: int) -> Page: ...

    async def flagged(self, scope: Scope, page: int) -> Page:
        """Looks at a case's persons by someone outside the case's team."""
        ...

    async def unanswered(self, scope: Scope, page: int) -> Page: ...

    async def claims_to_decide(self, page: int) -> Page:
        """Finance: claims received and not yet decided, the oldest period first."""
        ...

    async def payments_due(self, page: int) -> Page:
        """Finance: approved claims not yet marked paid, the nearest payment date first."""
        ...

    async def reports(self, scope: Scope, page: int) -> Page: ...

    async def concerns(self, scope: Scope, page: int) -> Page: ...

    async def notifications(self, page: int) -> Page:
        """Notifications of concern still to be dealt with (not assessed, on no case, or a
        receipt owed), the soonest assessment deadline first: the whole unit's intake."""
        ...


class Teams(Protocol):
    """Which team a caseworker belongs to, as the municipality's sign-in says."""

    async def join(self, caseworker: str, team: str) -> None: ...

    async def team_of(self, caseworker: str) -> str | None: ...

    async def names(self) -> list[str]: ...


class RegistryQueries(Protocol):
    async def providers(self, page: int) -> Page: ...

    async def standard_contracts(self, provider_ids: Sequence[UUID]) -> dict[UUID, list[Row]]: ...


class ComplianceQueries(Protocol):
    async def figures(self, period: Period, team: str | None, today: date) -> Figures: ...

    async def deadline_kinds(
        self, period: Period, team: str | None, now: datetime
    ) -> list[KindFigure]:
        """Per deadline kind: met in the period (on time or not), open at risk or overdue."""
        ...

    async def deadline_cases(
        self, kind: str, state: str, period: Period, team: str | None, now: datetime, page: int
    ) -> Page:
        """The deadlines behind one figure (``state`` one of DEADLINE_STATES) with their
        case, the most urgent or latest first."""
        ...


@dataclass(frozen=True)
class Person:
    """A user as the directory knows them: name and title from the sign-in, their team."""

    user_id: str
    name: str
    title: str | None = None
    team: str | None = None


class Directory(Protocol):
    """The directory of users, fed by the identity provider's claims at sign-in."""

    async def record(self, user_id: str, name: str, title: str | None, at: datetime) -> None: ...

    async def everyone(self) -> dict[str, Person]:
        """Every known user by id (staff only: a municipality's hundreds, not citizens)."""
        ...


@dataclass(frozen=True)
class ReadModels:
    """The query ports, wired by the composition root."""

    work: WorkQueries
    teams: Teams
    registry: RegistryQueries
    compliance: ComplianceQueries
    people: Directory
