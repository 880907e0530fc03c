"""Process manager: integration events from authority and provider → deadline commands.

The scheduler never asks another service anything; every deadline starts, moves or stops
because of an event it consumed. Before deciding, intake notes what the event says about
its case (municipality, caseworker) in the case directory, then decides with the rules of
the case's municipality as they are now (the defaults when it is unknown). Rules changed
later apply to deadlines set later; deadlines already set keep their dates.
"""

from __future__ import annotations

from datetime import datetime

import structlog
from eventkit import Transaction
from samspil_contracts import (
    CaseworkerAssigned,
    Envelope,
    IntegrationEvent,
    InvestigationConcluded,
)
from servicekit.acting import Acting, SystemActor

from scheduler.app.deadlines import Deadlines
from scheduler.app.municipal_rules import MunicipalRules
from scheduler.app.ports import CaseDirectory, CaseFacts
from scheduler.app.translations import TRANSLATIONS, commands_for
from scheduler.domain import BringFirstFollowUpForward, Command, DomainError

log = structlog.get_logger(__name__)


class Intake:
    """The inbound handler: one consumed event → its deadline command (an investigation
    concluded: also one per contract of the case still following up)."""

    def __init__(
        self, deadlines: Deadlines, rules: MunicipalRules, directory: CaseDirectory
    ) -> None:
        self.deadlines, self.rules, self.directory = deadlines, rules, directory

    async def __call__(self, tx: Transaction, envelope: Envelope, event: IntegrationEvent) -> None:
        case = await self._note_case(tx, envelope, event)
        if isinstance(event, CaseworkerAssigned):
            return
        commands = commands_for(event, envelope.occurred_at)
        if not commands:
            return  # e.g. a decision without the child's plan: no plan deadline
        acting = Acting.caused_by(envelope, SystemActor(envelope.producer))
        rules = await self.rules.rules_for(tx, case.municipality, case.rules_version)
        if isinstance(event, InvestigationConcluded):
            commands += await self._first_follow_ups(tx, event, envelope.occurred_at)
        for each in commands:
            try:
                await self.deadlines.execute(tx, each, acting, rules)
            except DomainError as exc:
                # A refusal is final (e.g. resolving what was never scheduled): record, move on.
                log.warning("intake_refused", type=envelope.type, code=exc.code)

    async def _first_follow_ups(
        self, tx: Transaction, event: InvestigationConcluded, at: datetime
    ) -> list[Command]:
        """A measure run alongside the investigation: its first follow-up falls at the
        conclusion at the latest (barnets lov § 95)."""
        contracts = await self.deadlines.index.following_up(tx, event.case_id)
        return [
            BringFirstFollowUpForward(contract_id=c, concluded_on=event.concluded_on, at=at)
            for c in contracts
        ]

    async def _note_case(
        self, tx: Transaction, envelope: Envelope, event: IntegrationEvent
    ) -> CaseFacts:
        """The case's municipality and rules version, after noting what ``event`` tells
        about the case (one round trip)."""
        case_id = getattr(event, "case_id", None)
        municipality: str | None = getattr(event, "municipality", None)
        if case_id is None:
            return CaseFacts(municipality, None)  # its rules version: looked up with the rules
        caseworker = event.caseworker_id if isinstance(event, CaseworkerAssigned) else None
        return await self.directory.note(
            tx, case_id, envelope.occurred_at, municipality, caseworker
        )

    def handlers(self) -> dict[type[IntegrationEvent], Intake]:
        return dict.fromkeys([*TRANSLATIONS, CaseworkerAssigned], self)
