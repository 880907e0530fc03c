"""Concerns (underretning) and use-of-force reports from providers, acknowledged by the case."""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.domain.concern import (
    AcknowledgeConcern,
    ConcernKind,
    ConcernState,
    RecordConcernReceived,
    Urgency,
)

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
        async with self.kit.store.unit_of_work() as uow:
            command = AcknowledgeConcern(**acting.stamp())
            _, loaded = await self.kit.run(uow, self.aggregate, concern_id, command, acting)
            state: ConcernState = loaded.state
            ack = wire.ConcernAcknowledged(
                case_id=state.case_id, concern_id=concern_id, acknowledged_on=acting.at.date()
            )
            await self.kit.publish(uow, acting, ack, loaded.revision)
            return loaded.revision
