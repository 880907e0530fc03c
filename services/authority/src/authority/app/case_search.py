"""Finding a case: by the child's name or CPR number (through the blind index), by case
number or by caseworker, in a list filtered, sorted and paged by the database.

A search by CPR number is an access to the citizen's data: it needs a reason and leaves a
row in the access log for every case it finds (``what`` = ``cpr_search``), flagged when the
searcher is outside the case's team, as a reveal is. The number itself is never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.readmodels import Page, Scope
from authority.app.search_terms import Blinder, Query, cpr_term, name_term, parse
from authority.domain import DomainError

STATUSES = (  # as the case row has them, in the order a case goes through them
    "opened",
    "investigating",
    "investigation_concluded",
    "decision_proposed",
    "decided",
    "action_plan_adopted",
    "erasure_requested",
    "erased",
)
SORTS = ("next_deadline", "opened", "opened_desc", "case_number", "status")
ACCESS = "cpr_search"


@dataclass(frozen=True)
class CaseFilter:
    """The list's filters (none set: every case in scope) and its order."""

    status: str | None = None
    measure: str | None = None
    team: str | None = None
    overdue: bool = False
    sort: str = "next_deadline"


@dataclass(frozen=True)
class Match:
    """What a row must match: every digest (name words or the CPR number), or, for typed
    text, the caseworker, the case number or the case id instead."""

    digests: tuple[str, ...] = ()
    text: str = ""
    case_number: str | None = None
    case_id: UUID | None = None

    @property
    def empty(self) -> bool:
        return not self.digests and not self.text


class CaseFinder(Protocol):
    async def find(
        self, scope: Scope, filters: CaseFilter, match: Match, now: datetime, page: int
    ) -> Page:
        """One page of the scope's cases with their next open deadline, filtered and sorted
        in the database; ``overdue``: that deadline is before ``now``."""
        ...


class CaseSearch:
    def __init__(self, finder: CaseFinder, blind: Blinder, kit: Kit) -> None:
        self.finder, self.blind, self.kit = finder, blind, kit

    def match(self, query: Query) -> Match:
        if query.cpr is not None:
            return Match(digests=(self.blind(cpr_term(query.cpr)),))
        if not query.text:
            return Match()
        digests = tuple(self.blind(name_term(w)) for w in query.name_words())
        return Match(digests, query.text, query.case_number, query.case_id)

    async def find(
        self, acting: Acting, typed: str, scope: Scope, filters: CaseFilter, page: int = 1
    ) -> Page:
        """Refused as ``cpr_search_reason_required`` when a CPR number comes without a reason."""
        query = parse(typed)
        if query.cpr is not None and not (acting.reason or "").strip():
            raise DomainError("cpr_search_reason_required", "say why you search for a CPR number")
        found = await self.finder.find(scope, filters, self.match(query), acting.at, page)
        if query.cpr is not None:
            await self._log(acting, found)
        return found

    async def _log(self, acting: Acting, found: Page) -> None:
        user = acting.actor.user_id
        mine = await self.kit.views.team_of(user)
        async with self.kit.store.unit_of_work() as uow:
            for row in found.rows:
                worker = str(row["caseworker_id"])
                in_team = worker == user or (
                    mine is not None and mine == await self.kit.views.team_of(worker)
                )
                await self.kit.views.log_access(
                    uow.connection,
                    row["case_id"],
                    user,
                    acting.actor.role.value,
                    acting.reason or "",
                    ACCESS,
                    flagged=not in_team,
                )
