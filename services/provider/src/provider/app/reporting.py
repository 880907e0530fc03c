"""What the provider reports about a child: status reports, concerns, use of force.

Free text about the child is sealed with the child's data key (``ChildText``) before it is
stored or published, so neither the provider's event store nor Kafka holds it in clear, and
erasing the child erases it too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID, uuid4

from samspil_contracts import (
    ConcernNotified,
    ConcernSeverity,
    ForceIncidentReported,
    ForceKind,
    IntegrationEvent,
    Sealed,
    StatusReportSubmitted,
)
from servicekit.publishing import Publisher

from provider.app import aggregates as agg
from provider.app import translate
from provider.app.child_text import ChildText
from provider.app.contracts import Contracts
from provider.app.follow_ups import FollowUps
from provider.app.recording import Acting
from provider.domain import report
from provider.domain.concern import ConcernKind, NotifyConcern, Urgency

Wire = Callable[[dict[str, UUID], UUID, Sealed], IntegrationEvent]


@dataclass(frozen=True)
class ReportInput:
    report_id: UUID
    followup_ref: str
    period_start: date
    period_end: date
    per_goal: tuple[report.GoalStatus, ...]
    narrative: str


class Reporting:
    def __init__(self, contracts: Contracts, texts: ChildText, follow_ups: FollowUps) -> None:
        self.contracts, self.texts, self.follow_ups = contracts, texts, follow_ups
        self.store, self.recorder = contracts.store, contracts.recorder

    @property
    def publisher(self) -> Publisher:
        return self.contracts.publisher

    async def status_report(self, acting: Acting, contract_id: UUID, r: ReportInput) -> UUID:
        found = await self.contracts.facts(acting, contract_id)
        await self.follow_ups.require_known(acting.tenant_id, contract_id, r.followup_ref)
        case_id = await self.contracts.case_of(found.order_id)
        command = report.SubmitStatusReport(
            **acting.stamp,
            report_id=r.report_id,
            contract=found.facts,
            followup_ref=r.followup_ref,
            per_goal=r.per_goal,
        )
        narrative = await self.texts.seal(
            acting.tenant_id, found.order_id, r.narrative, r.report_id
        )
        async with self.store.unit_of_work() as uow:
            _, loaded = await self.recorder.execute(uow, agg.REPORTS, r.report_id, command, acting)
            event = StatusReportSubmitted(
                contract_id=contract_id,
                order_id=found.order_id,
                case_id=case_id,
                provider_id=acting.tenant_id,
                report_id=r.report_id,
                period_start=r.period_start,
                period_end=r.period_end,
                progress=translate.progress(r.per_goal, found.terms.goals),
                narrative=narrative,
                followup_ref=r.followup_ref,
            )
            await self.contracts.publish(uow, acting, event, r.report_id, loaded.revision)
        return r.report_id

    async def concern(
        self,
        acting: Acting,
        contract_id: UUID,
        urgency: Urgency,
        noticed_at: datetime,
        details: str,
    ) -> UUID:
        def wire(ids: dict[str, UUID], concern_id: UUID, sealed: Sealed) -> ConcernNotified:
            urgent = urgency in {Urgency.HIGH, Urgency.ACUTE}
            severity = ConcernSeverity.URGENT if urgent else ConcernSeverity.NORMAL
            return ConcernNotified(
                **ids,
                concern_id=concern_id,
                noticed_at=noticed_at,
                severity=severity,
                details=sealed,
            )

        kind = ConcernKind.NOTIFICATION_OF_CONCERN
        return await self._notify(acting, contract_id, kind, urgency, details, wire)

    async def incident(
        self,
        acting: Acting,
        contract_id: UUID,
        kind: ForceKind,
        happened_at: datetime,
        details: str,
    ) -> UUID:
        def wire(ids: dict[str, UUID], incident_id: UUID, sealed: Sealed) -> ForceIncidentReported:
            return ForceIncidentReported(
                **ids, incident_id=incident_id, happened_at=happened_at, kind=kind, details=sealed
            )

        use_of_force, high = ConcernKind.USE_OF_FORCE, Urgency.HIGH
        return await self._notify(acting, contract_id, use_of_force, high, details, wire)

    async def _notify(
        self,
        acting: Acting,
        contract_id: UUID,
        kind: ConcernKind,
        urgency: Urgency,
        details: str,
        wire: Wire,
    ) -> UUID:
        found = await self.contracts.facts(acting, contract_id)
        case_id = await self.contracts.case_of(found.order_id)
        concern_id = uuid4()
        sealed = await self.texts.seal(acting.tenant_id, found.order_id, details, concern_id)
        command = NotifyConcern(
            **acting.stamp,
            concern_id=concern_id,
            contract=found.facts,
            kind=kind,
            urgency=urgency,
            summary=json.dumps(sealed.model_dump()),
        )
        ids = {
            "contract_id": contract_id,
            "order_id": found.order_id,
            "case_id": case_id,
            "provider_id": acting.tenant_id,
        }
        async with self.store.unit_of_work() as uow:
            _, loaded = await self.recorder.execute(uow, agg.CONCERNS, concern_id, command, acting)
            event = wire(ids, concern_id, sealed)
            await self.contracts.publish(uow, acting, event, concern_id, loaded.revision)
        return concern_id
