"""Process manager: what providers and the scheduler report, recorded on our aggregates.

A refusal by the domain is final for a consumed fact (e.g. an answer to a withdrawn order):
it is logged by code and the event is marked processed, so it never blocks the partition.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

import samspil_contracts as wire
import structlog
from eventkit import NewEvent, UnitOfWork
from eventkit.reading import current_revision

from authority.app.acting import Acting, system_acting
from authority.app.deadline_list import DeadlineList
from authority.app.expiry import Expiry
from authority.app.services import Services
from authority.domain import DomainError
from authority.domain.followup import GoalProgress, Progress, StatusReport
from authority.domain.order import DeclineReason, RecordOrderAccepted, RecordOrderDeclined

log = structlog.get_logger(__name__)
VERSION_EVENTS = frozenset({"OrderPlaced", "OrderChanged"})  # each makes a new order version
Handler = Callable[[UnitOfWork, wire.Envelope, Any], Awaitable[None]]


class Inbound:
    def __init__(self, services: Services) -> None:
        self.s = services
        self.deadlines = DeadlineList(services.kit.views)
        self.expiry = Expiry(services.kit)

    def handlers(self) -> dict[type[wire.IntegrationEvent], Handler]:
        table: dict[type[wire.IntegrationEvent], Callable[..., Awaitable[None]]] = {
            wire.OrderAccepted: self.order_accepted,
            wire.OrderDeclined: self.order_declined,
            wire.ContractCountersigned: self.countersigned,
            wire.DeliveryStarted: self.s.contracts.delivery_started,
            wire.DeliveryStopped: self.s.contracts.delivery_stopped,
            wire.DeadlineReached: self.deadline_reached,
            wire.ProviderGaveNotice: self.s.notice.from_provider,
            wire.StatusReportSubmitted: self.status_report,
            wire.ConcernNotified: self.concern,
            wire.DeadlineScheduled: self.deadline_set,
            wire.DeadlineClosed: self.deadlines.note,
            wire.ForceIncidentReported: self.s.concerns.receive,
            wire.ClaimSubmitted: self.s.claims.receive,
            wire.ClaimCredited: self.s.claims.credited,
            wire.ProviderMaterialPublished: self.material,
            wire.ChangeRequested: self.s.changes.receive,
        }
        return {cls: self._guarded(handle) for cls, handle in table.items()}

    def _guarded(self, handle: Callable[..., Awaitable[None]]) -> Handler:
        async def run(uow: UnitOfWork, envelope: wire.Envelope, event: Any) -> None:
            try:
                await handle(uow, event, system_acting(envelope))
            except DomainError as exc:
                log.warning("inbound_refused", type=envelope.type, code=exc.code)

        return run

    async def concern(self, uow: UnitOfWork, e: wire.ConcernNotified, a: Acting) -> None:
        """A provider's duty to notify: the concern, and a notification of concern (barnets
        lov § 133) on the case with its 24-hour assessment and receipt."""
        await self.s.concerns.receive(uow, e, a)
        await self.s.notifications.from_provider(uow, e, a)

    async def order_accepted(self, uow: UnitOfWork, e: wire.OrderAccepted, a: Acting) -> None:
        version = await self._answered(e.order_id, e.order_version)
        ref = str(e.provider_id)
        command = RecordOrderAccepted(**a.stamp(), provider_ref=ref, version=version)
        await self.s.kit.run(uow, self.s.kit.aggregates.order, e.order_id, command, a)

    async def order_declined(self, uow: UnitOfWork, e: wire.OrderDeclined, a: Acting) -> None:
        reason = DeclineReason(e.reason.value)
        version = await self._answered(e.order_id, e.order_version)
        command = RecordOrderDeclined(**a.stamp(), reason_code=reason, text=e.text, version=version)
        await self.s.kit.run(uow, self.s.kit.aggregates.order, e.order_id, command, a)

    async def _answered(self, order_id: UUID, revision: int | None) -> int | None:
        """The order version an answer is to: the provider names the revision of the
        OrderPlaced/OrderChanged it answered (0, and so stale, if that is none of them)."""
        if revision is None:
            return None  # a v1 answer: to the current version, as before
        order = self.s.kit.aggregates.order
        recorded = await self.s.kit.store.load(order.stream(order_id))
        versions = [r.revision for r in recorded if r.type in VERSION_EVENTS]
        return versions.index(revision) + 1 if revision in versions else 0

    async def countersigned(
        self, uow: UnitOfWork, e: wire.ContractCountersigned, a: Acting
    ) -> None:
        """One topic carries countersignatures of both kinds of contract."""
        if await self.s.standards.is_standard(e.contract_id):
            await self.s.standards.countersigned(uow, e, a)
        else:
            await self.s.contracts.countersigned(uow, e, a)

    async def deadline_set(self, uow: UnitOfWork, e: wire.DeadlineScheduled, a: Acting) -> None:
        await self.deadlines.note(uow, e, a)
        await self.s.notifications.deadline_set(uow, e, a)

    async def deadline_reached(self, uow: UnitOfWork, e: wire.DeadlineReached, a: Acting) -> None:
        await self.deadlines.note(uow, e, a)
        due = e.kind is wire.DeadlineKind.FOLLOW_UP_DUE and e.phase is wire.DeadlinePhase.DUE
        if due and e.contract_id is not None:
            await self.s.followups.due(uow, e.deadline_id, e.contract_id, e.due_at.date(), a)
        await self.s.notice.ended(uow, e, a)
        await self.expiry.reached(uow, e, a)

    async def status_report(
        self, uow: UnitOfWork, e: wire.StatusReportSubmitted, a: Acting
    ) -> None:
        # The narrative is about the child: it stays sealed as the provider sent it (and is
        # opened only for a caseworker who views it, see ``provider_text``).
        report = StatusReport(
            goals=tuple(GoalProgress(p.goal_id, Progress(p.progress.value)) for p in e.progress),
            text=e.narrative.model_dump_json(),
            report_id=e.report_id,
        )
        await self.s.followups.report(uow, e.contract_id, e.period_end, report, a, e.followup_ref)

    async def material(self, uow: UnitOfWork, e: wire.ProviderMaterialPublished, a: Acting) -> None:
        """The registry is a log of published material per provider; the latest is shown."""
        stream = provider_stream(e.provider_id)
        revision = await current_revision(uow.connection, stream)
        data = e.model_dump(mode="json")
        await uow.append(
            stream, revision, [NewEvent("ProviderMaterialRecorded", data, metadata=a.metadata())]
        )
        await self.s.kit.views.save_provider(uow.connection, data)


def provider_stream(provider_id: UUID) -> str:
    return f"provider-{provider_id}"
