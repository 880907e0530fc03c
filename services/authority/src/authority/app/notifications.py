"""Notifications of concern (underretninger, barnets lov §§ 133-137) as the authority's intake.

Received through the API (a reporter's system), the UI (a caseworker registering a call or a
letter) or a provider's concern on a contract. Each is sealed with its child's key from the
moment it arrives; the scheduler learns of it (ids and times only) and owns its deadlines.
A notification opens a case or joins one; the case then counts the 4 months of § 20, stk. 3
from the notification's receipt.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.cases import Cases
from authority.app.receipts import notification_receipt
from authority.domain import DomainError
from authority.domain.case import LinkNotification, OpenCase
from authority.domain.notification import (
    AssessNotification,
    AttachNotification,
    Channel,
    DeadlineKind,
    NotificationState,
    ReceiptChannel,
    ReceiveNotification,
    RecordNotificationDeadline,
    Reporter,
    ReporterKind,
)

KINDS = {k.value: k for k in DeadlineKind}


class Notifications:
    def __init__(self, kit: Kit, cases: Cases) -> None:
        self.kit, self.cases = kit, cases
        self.aggregate = kit.aggregates.notification

    async def state(self, notification_id: UUID) -> tuple[NotificationState, int]:
        loaded = await self.kit.load(self.aggregate, notification_id)
        if loaded.state is None:
            raise DomainError("notification_not_found", "the notification does not exist")
        return loaded.state, loaded.revision

    async def receive(self, command: ReceiveNotification, acting: Acting) -> int:
        if command.child is None:
            raise DomainError("child_required", "name the child (name and CPR number)")
        async with self.kit.store.unit_of_work() as uow:
            await self.kit.keyring.seal_for(
                uow.connection, command.notification_id, command.child.cpr.digits
            )
            ran = await self._record(uow, command, acting)
            return ran.revision

    async def from_provider(self, uow: UnitOfWork, e: wire.ConcernNotified, a: Acting) -> None:
        """A provider's concern on a contract is a notification on the contract's case; its
        details stay in the concern (sealed as the provider sent them)."""
        child = await self.kit.keyring.child_of(e.case_id)
        if child is None:
            return  # not a case of ours: the concern itself is refused the same way
        if (await self.kit.keyring.key_for(e.case_id)).erased:
            return  # the child was erased: nothing new is recorded about it
        if (await self.aggregate.current(uow, e.concern_id)).state is not None:
            return  # recorded already (a concern redelivered under a new event id)
        await self.kit.keyring.link(uow.connection, e.concern_id, child)
        provider = await self.kit.views.row("providers", e.provider_id)
        name = str(provider["name"]) if provider else str(e.provider_id)
        command = ReceiveNotification(
            **a.stamp(),
            notification_id=e.concern_id,
            channel=Channel.PROVIDER,
            reporter=Reporter(ReporterKind.PROVIDER, organisation=name),
            child=None,
            text=None,
            case_id=e.case_id,
            concern_id=e.concern_id,
        )
        ran = await self._record(uow, command, a)
        await self._link(uow, e.case_id, ran.state, a)

    async def _record(self, uow: UnitOfWork, command: ReceiveNotification, a: Acting) -> Ran:
        _, ran = await self.kit.run(uow, self.aggregate, command.notification_id, command, a)
        state: NotificationState = ran.state
        received = wire.NotificationReceived(
            notification_id=state.notification_id,
            received_at=state.received_at,
            receipt_owed=state.receipt_owed,
            case_id=state.case_id,
        )
        await self.kit.publish(uow, a, received, ran.revision)
        return ran

    async def _retrying(self, a: Acting, work: Callable[[UnitOfWork], Awaitable[int]]) -> int:
        """The scheduler's deadlines are recorded on the notification as they arrive."""
        return await self.kit.transact(a, work)

    async def assess(self, notification_id: UUID, command: AssessNotification, a: Acting) -> int:

        async def work(uow: UnitOfWork) -> int:
            _, ran = await self.kit.run(uow, self.aggregate, notification_id, command, a)
            assessed = wire.NotificationAssessed(notification_id=notification_id, assessed_at=a.at)
            await self.kit.publish(uow, a, assessed, ran.revision)
            return ran.revision

        return await self._retrying(a, work)

    async def open_case(self, notification_id: UUID, command: OpenCase, a: Acting) -> int:
        """A new case for the notification's child, with the notification on it."""
        state, _ = await self.state(notification_id)
        if state.child is None or state.child.cpr != command.child.cpr:
            raise DomainError("different_child", "the case must be the notification's child")

        async def work(uow: UnitOfWork) -> int:
            opened = await self.cases.open_in(uow, command, a)
            await self._attach(uow, notification_id, command.case_id, a, opened)
            return opened.revision

        return await self._retrying(a, work)

    async def attach(self, notification_id: UUID, case_id: UUID, a: Acting) -> int:
        state, _ = await self.state(notification_id)
        case, _ = await self.cases.load(case_id)
        if state.child is not None and state.child.cpr != case.child.cpr:
            raise DomainError("different_child", "the case is about another child")
        return await self._retrying(a, lambda uow: self._attach(uow, notification_id, case_id, a))

    async def _attach(
        self,
        uow: UnitOfWork,
        notification_id: UUID,
        case_id: UUID,
        a: Acting,
        case: Ran | None = None,
    ) -> int:
        command = AttachNotification(**a.stamp(), case_id=case_id)
        _, ran = await self.kit.run(
            uow, self.aggregate, notification_id, command, a.without_revision()
        )
        await self._link(uow, case_id, ran.state, a, case)
        return ran.revision

    async def _link(
        self,
        uow: UnitOfWork,
        case_id: UUID,
        state: NotificationState,
        a: Acting,
        case: Ran | None = None,
    ) -> None:
        link = LinkNotification(
            **a.stamp(), notification_id=state.notification_id, received_at=state.received_at
        )
        acting = a.without_revision()
        await self.kit.run(uow, self.cases.aggregate, case_id, link, acting, current=case)

    async def send_receipt(self, notification_id: UUID, channel: ReceiptChannel, a: Acting) -> int:
        return await self._retrying(
            a, lambda uow: notification_receipt(self.kit, uow, notification_id, channel, a)
        )

    async def deadline_set(self, uow: UnitOfWork, e: wire.DeadlineScheduled, a: Acting) -> None:
        kind = KINDS.get(e.kind.value)
        if kind is None:
            return
        command = RecordNotificationDeadline(**a.stamp(), kind=kind, due_at=e.due_at)
        await self.kit.run(uow, self.aggregate, UUID(e.subject), command, a)
