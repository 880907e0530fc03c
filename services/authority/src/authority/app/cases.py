"""Case use cases: open, investigate, decide, plan; milestones go out through the outbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

import structlog
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.cadence import Arrangement, decide_arrangement
from authority.app.case_wire import case_milestone
from authority.app.erasure import Erasure
from authority.app.ports import Citizens
from authority.domain import DomainError
from authority.domain.case import (
    CaseState,
    DecisionApproved,
    OpenCase,
    RequestErasure,
)

OnApproved = Callable[[UUID, UUID, Acting], Awaitable[object]]


log = structlog.get_logger(__name__)


class Cases:
    def __init__(self, kit: Kit, citizens: Citizens) -> None:
        self.kit, self.citizens = kit, citizens
        self.aggregate = kit.aggregates.case
        self.erasure = Erasure(kit)
        # After a decision is approved (committed): its letters to the parties. A failure
        # there leaves the approval standing; the case shows what is still to be sent.
        self.on_approved: OnApproved | None = None

    async def load(self, case_id: UUID, as_of: Any = None) -> tuple[CaseState, int]:
        loaded = await self.kit.load(self.aggregate, case_id, as_of)
        if loaded.state is None:
            raise DomainError("case_not_found", "the case does not exist")
        return loaded.state, loaded.revision

    async def open(self, command: OpenCase, acting: Acting) -> int:
        async with self.kit.store.unit_of_work() as uow:
            return (await self.open_in(uow, command, acting)).revision

    async def open_in(self, uow: UnitOfWork, command: OpenCase, acting: Acting) -> Ran:
        """Open the case in ``uow``'s transaction (with what else the caller writes there)."""
        await self.kit.keyring.open_case(uow.connection, command.case_id, command.child.cpr.digits)
        await self.citizens.index(uow.connection, command.case_id, citizens_of(command))
        events, loaded = await self.kit.run(uow, self.aggregate, command.case_id, command, acting)
        for event in events:
            milestone = case_milestone(event, loaded.state)
            if milestone is not None:
                await self.kit.publish(uow, acting, milestone, loaded.revision)
        return loaded

    async def execute(self, case_id: UUID, command: Any, acting: Acting) -> tuple[CaseState, int]:
        """Any case command; the milestones it causes are published in the same transaction."""
        async with self.kit.store.unit_of_work() as uow:
            events, loaded = await self.kit.run(uow, self.aggregate, case_id, command, acting)
            state: CaseState = loaded.state
            for event in events:
                milestone = case_milestone(event, state)
                if milestone is not None:
                    await self.kit.publish(uow, acting, milestone, loaded.revision)
        for event in events:
            if isinstance(event, DecisionApproved) and self.on_approved is not None:
                try:
                    await self.on_approved(case_id, event.decision_id, acting.without_revision())
                except Exception as exc:  # the approval stands; the letters can be sent again
                    log.warning("decision_letters_failed", error=type(exc).__name__)
                else:
                    state, revision = await self.load(case_id)
                    return state, revision
        return state, loaded.revision

    async def set_cadence(
        self, case_id: UUID, contract_id: UUID, months: int, justification: str, acting: Acting
    ) -> int:
        contract = await self.kit.load(self.kit.aggregates.contract, contract_id)
        if contract.state is None or contract.state.case_id != case_id:
            raise DomainError("contract_not_found", "no such contract on this case")
        arranged = Arrangement(months, justification)
        async with self.kit.store.unit_of_work() as uow:
            return await decide_arrangement(self.kit, uow, case_id, contract_id, arranged, acting)

    async def reveal(self, case_id: UUID, acting: Acting) -> CaseState:
        """The persons in clear, and a row in the access log saying who looked and why."""
        if not acting.reason or not acting.reason.strip():
            raise DomainError("reason_required", "say why you need to see the personal data")
        state, _ = await self.load(case_id)
        in_team = await self._in_team(acting.actor.user_id, state.caseworker_id)
        await self.record_access(case_id, acting, "cpr", flagged=not in_team)
        return state

    async def _in_team(self, user_id: str, caseworker_id: str) -> bool:
        """The case's caseworker, or someone of the caseworker's team."""
        if user_id == caseworker_id:
            return True
        mine = await self.kit.views.team_of(user_id)
        return mine is not None and mine == await self.kit.views.team_of(caseworker_id)

    async def record_access(
        self, case_id: UUID, acting: Acting, what: str, flagged: bool = False
    ) -> None:
        """A row in the access log: who saw the case file or the persons, when and why;
        ``flagged``: by someone outside the case's team (the team leader looks at those)."""
        async with self.kit.store.unit_of_work() as uow:
            await self.kit.views.log_access(
                uow.connection,
                case_id,
                acting.actor.user_id,
                acting.actor.role.value,
                acting.reason or "(no reason given)",
                what,
                flagged,
            )

    async def request_erasure(self, case_id: UUID, acting: Acting) -> int:
        """A team leader asks, with a reason, to erase the child's data (four eyes)."""
        _, revision = await self.execute(case_id, RequestErasure(**acting.stamp()), acting)
        return revision

    async def erase(self, case_id: UUID, acting: Acting) -> int:
        """Another team leader approves: the child's key is shredded, every copy of its
        persons, on every case, is unreadable."""
        return await self.erasure.erase(case_id, acting)


def citizens_of(command: OpenCase) -> list[tuple[str, str]]:
    people = [(command.child.cpr.digits, "child")]
    people += [(p.cpr.digits, "parent") for p in command.parents]
    if command.custody.guardian is not None:
        people.append((command.custody.guardian.cpr.digits, "guardian"))
    return people
