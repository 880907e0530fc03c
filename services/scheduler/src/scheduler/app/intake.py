"""Process manager: integration events from authority and provider → deadline commands.

The scheduler never asks another service anything; every deadline starts, moves or stops
because of an event it consumed. Before deciding, intake notes what the event says about
its case (municipality, caseworker) in the case directory, then decides with the rules of
the case's municipality as they are now (the defaults when it is unknown). Rules changed
later apply to deadlines set later; deadlines already set keep their dates.
"""

from __future__ import annotations

from typing import Any

import structlog
from eventkit import UnitOfWork
from samspil_contracts import CaseworkerAssigned, Envelope, IntegrationEvent
from servicekit.publishing import Publisher

from scheduler.app.announce import announcements
from scheduler.app.deadlines import Deadlines
from scheduler.app.municipal_rules import MunicipalRules
from scheduler.app.ports import CaseDirectory, CaseFacts
from scheduler.app.translations import TRANSLATIONS, command_for
from scheduler.domain import DomainError

log = structlog.get_logger(__name__)


class Intake:
    """The inbound handler: one consumed event → at most one deadline command."""

    def __init__(
        self,
        deadlines: Deadlines,
        rules: MunicipalRules,
        directory: CaseDirectory,
        publisher: Publisher | None = None,
    ) -> None:
        self.deadlines, self.rules, self.directory = deadlines, rules, directory
        self.publisher = publisher  # announces the deadlines of ``announce.ANNOUNCED``

    async def __call__(self, uow: UnitOfWork, envelope: Envelope, event: IntegrationEvent) -> None:
        case = await self._note_case(uow, envelope, event)
        if isinstance(event, CaseworkerAssigned):
            return
        command = command_for(event, envelope.occurred_at)
        metadata = {
            "actor": envelope.producer,
            "occurred_at": envelope.occurred_at.isoformat(),
            "correlation_id": str(envelope.correlation_id),
            "causation_id": str(envelope.event_id),
        }
        rules = await self.rules.rules_for(uow.connection, case.municipality, case.rules_version)
        try:
            events, loaded = await self.deadlines.execute(uow, command, metadata, rules)
        except DomainError as exc:
            # A refusal is final (e.g. resolving what was never scheduled): record, move on.
            log.warning("intake_refused", type=envelope.type, code=exc.code)
            return
        if self.publisher is not None and events and loaded.state is not None:
            messages = announcements(self.publisher, events, loaded.revision, envelope)
            if messages:
                await uow.enqueue(messages)

    async def _note_case(
        self, uow: UnitOfWork, envelope: Envelope, event: IntegrationEvent
    ) -> CaseFacts:
        """The case's municipality and rules version, after noting what ``event`` tells
        about the case (one round trip)."""
        case_id = getattr(event, "case_id", None)
        municipality: str | None = getattr(event, "municipality", None)
        if case_id is None:
            return CaseFacts(municipality, None)  # its rules version: looked up with the rules
        caseworker = event.caseworker_id if isinstance(event, CaseworkerAssigned) else None
        return await self.directory.note(
            uow.connection, case_id, envelope.occurred_at, municipality, caseworker
        )

    def handlers(self) -> dict[type[IntegrationEvent], Any]:
        return dict.fromkeys([*TRANSLATIONS, CaseworkerAssigned], self)
