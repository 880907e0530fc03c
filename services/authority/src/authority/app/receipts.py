"""A provider's concern is a notification of concern too: acknowledging the one is the
receipt of the other (barnets lov § 136), whichever way the caseworker records it."""

from __future__ import annotations

from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.domain.concern import AcknowledgeConcern, ConcernState
from authority.domain.notification import NotificationState, ReceiptChannel, SendReceipt


async def acknowledge_concern(kit: Kit, uow: UnitOfWork, concern_id: UUID, a: Acting) -> Ran:
    """The concern acknowledged, and ``ConcernAcknowledged`` back to the provider."""
    command = AcknowledgeConcern(**a.stamp())
    _, ran = await kit.run(uow, kit.aggregates.concern, concern_id, command, a)
    state: ConcernState = ran.state
    ack = wire.ConcernAcknowledged(
        case_id=state.case_id, concern_id=concern_id, acknowledged_on=a.at.date()
    )
    await kit.publish(uow, a, ack, ran.revision)
    return ran


async def send_receipt(
    kit: Kit, uow: UnitOfWork, notification_id: UUID, channel: ReceiptChannel, a: Acting
) -> Ran:
    """The receipt recorded on the notification; the scheduler's deadline is met by it."""
    command = SendReceipt(**a.stamp(), channel=channel)
    _, ran = await kit.run(uow, kit.aggregates.notification, notification_id, command, a)
    sent = wire.NotificationReceiptSent(notification_id=notification_id, sent_at=a.at)
    await kit.publish(uow, a, sent, ran.revision)
    return ran


async def concern_acknowledged(kit: Kit, uow: UnitOfWork, concern_id: UUID, a: Acting) -> int:
    """Acknowledging a provider's concern; its notification's receipt is sent with it."""
    ran = await acknowledge_concern(kit, uow, concern_id, a)
    found = await kit.aggregates.notification.current(uow, concern_id)
    state: NotificationState | None = found.state
    if state is not None and state.receipt_sent_at is None:
        await send_receipt(kit, uow, concern_id, ReceiptChannel.PROVIDER, a.without_revision())
    return ran.revision


async def notification_receipt(
    kit: Kit, uow: UnitOfWork, notification_id: UUID, channel: ReceiptChannel, a: Acting
) -> int:
    """The receipt of a notification; for a provider's concern, the concern's acknowledgement."""
    ran = await send_receipt(kit, uow, notification_id, channel, a)
    state: NotificationState = ran.state
    if channel is ReceiptChannel.PROVIDER and state.concern_id is not None:
        concern = await kit.aggregates.concern.current(uow, state.concern_id)
        if concern.state is not None and not concern.state.acknowledged:
            await acknowledge_concern(kit, uow, state.concern_id, a.without_revision())
    return ran.revision
