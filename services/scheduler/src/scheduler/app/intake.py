"""Process manager: integration events from authority and provider → deadline commands.

The scheduler never asks another service anything; every deadline starts, moves or stops
because of an event it consumed. Before deciding, intake notes what the event says about
its case (municipality, caseworker) in the case directory, then decides with the rules of
the case's municipality as they are now (the defaults when it is unknown). Rules changed
later apply to deadlines set later; deadlines already set keep their dates.
"""

from __future__ import annotations

import structlog
from eventkit import Transaction
from samspil_contracts import CaseworkerAssigned, Envelope, IntegrationEvent
from servicekit.acting import Acting, SystemActor

from scheduler.app.deadlines import Deadlines
from scheduler.app.municipal_rules import MunicipalRules
from scheduler.app.ports import CaseDirectory, CaseFacts
from scheduler.app.translations import TRANSLATIONS, command_for
from scheduler.domain import DomainError

log = structlog.get_logger(__name__)


class Intake:
    """The inbound handler: one consumed event → at most one deadline command."""

    def __init__(
        self, deadlines: Deadlines, rules: MunicipalRules, directory: CaseDirectory
    ) -> None:
        self.deadlines, self.rules, self.directory = deadlines, rules, directory

    async def __call__(self, tx: Transaction, envelope: Envelope, event: IntegrationEvent) -> None:
        case = await self._note_case(tx, envelope, event)
        if isinstance(event, CaseworkerAssigned):
            return
        command = command_for(event, envelope.occurred_at)
        acting = Acting.caused_by(envelope, SystemActor(envelope.producer))
        rules = await self.rules.rules_for(tx, case.municipality, case.rules_version)
        try:
            await self.deadlines.execute(tx, command, acting, rules)
        except DomainError as exc:
            # A refusal is final (e.g. resolving what was never scheduled): record, move on.
            log.warning("intake_refused", type=envelope.type, code=exc.code)
            return

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
