"""Concerns (underretning) and use-of-force reports from providers, acknowledged by the case."""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.receipts import concern_acknowledged
from authority.domain.concern import ConcernKind, RecordConcernReceived, Urgency

Report = wire.ConcernNotified | wire.ForceIncidentReported


class Concerns:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.aggregate = kit.aggregates.concern

    async def receive(self, uow: UnitOfWork, report: Report, acting: Acting) -> None:
        """The details stay sealed as the provider sent them: they are about the child."""
        if isinstance(report, wire.ConcernNotified):
            concern_id, kind = report.concern_id, ConcernKind.NOTIFICATION_OF_CONCERN
            urgent = report.severity is wire.ConcernSeverity.URGENT
            urgency = Urgency.ACUTE if urgent else Urgency.NORMAL
        else:
            concern_id, kind, urgency = report.incident_id, ConcernKind.USE_OF_FORCE, Urgency.HIGH
        command = RecordConcernReceived(
            **acting.stamp(),
            concern_id=concern_id,
            case_id=report.case_id,
            contract_id=report.contract_id,
            kind=kind,
            urgency=urgency,
            summary=report.details.model_dump_json(),
        )
        await self.kit.run(uow, self.aggregate, concern_id, command, acting)

    async def acknowledge(self, concern_id: UUID, acting: Acting) -> int:
        """The receipt to the provider (and of its notification of concern, § 136)."""
        async with self.kit.store.unit_of_work() as uow:
            return await concern_acknowledged(self.kit, uow, concern_id, acting)
