"""Process manager: what the authority and the scheduler tell a provider, into its aggregates.

The handlers live by subject (orders, agreements, personal data); this puts them together
for the InboundPipeline, one handler per event class.
"""

from __future__ import annotations

from typing import Any

from eventkit import UnitOfWork
from samspil_contracts import (
    ChangeRequestGranted,
    ChangeRequestRefused,
    ChildDataErased,
    ChildKeyGranted,
    ClaimApproved,
    ClaimPaid,
    ClaimRejected,
    ContractExpired,
    ContractInForce,
    ContractOffered,
    ContractTerminated,
    DeadlineClosed,
    DeadlineReached,
    DeadlineScheduled,
    Envelope,
    IntegrationEvent,
    OrderChanged,
    OrderPlaced,
    OrderWithdrawn,
)

from provider.app.change_requests import ChangeAnswers
from provider.app.inbound_agreements import REMINDER_KINDS, AgreementInbound
from provider.app.inbound_orders import OrderInbound
from provider.app.inbound_personal import PersonalInbound
from provider.app.ports import ChildKeys, Documents, WebhookQueue
from provider.app.recording import Recorder

__all__ = ["REMINDER_KINDS", "Inbound"]


class Inbound:
    def __init__(
        self,
        recorder: Recorder,
        documents: Documents,
        webhooks: WebhookQueue,
        child_keys: ChildKeys,
    ) -> None:
        self.orders = OrderInbound(recorder, documents, webhooks)
        self.agreements = AgreementInbound(recorder, documents, webhooks)
        self.personal = PersonalInbound(recorder, documents, webhooks, child_keys)
        self.changes = ChangeAnswers(recorder, documents, webhooks)

    def handlers(self) -> dict[type[IntegrationEvent], Any]:
        o, a, p = self.orders, self.agreements, self.personal
        return {
            OrderPlaced: o.order,
            OrderChanged: o.order,
            OrderWithdrawn: o.withdrawn,
            ContractOffered: a.contract_offered,
            ContractInForce: a.in_force,
            ContractTerminated: a.terminated,
            ContractExpired: a.expired,
            ClaimApproved: a.claim_decided,
            ClaimRejected: a.claim_decided,
            ClaimPaid: a.claim_paid,
            DeadlineReached: a.deadline,
            DeadlineScheduled: self.deadline_set,
            DeadlineClosed: self.deadline_closed,
            ChildKeyGranted: p.granted,
            ChildDataErased: p.erased,
            ChangeRequestGranted: self.changes.answered,
            ChangeRequestRefused: self.changes.answered,
        }

    async def deadline_set(self, uow: UnitOfWork, env: Envelope, e: DeadlineScheduled) -> None:
        """Each handler keeps the kinds it knows: the order's answer, the contract's
        follow-ups and status reports."""
        await self.orders.answer_deadline(uow, env, e)
        await self.agreements.follow_up_deadline(uow, env, e)

    async def deadline_closed(self, uow: UnitOfWork, env: Envelope, e: DeadlineClosed) -> None:
        await self.orders.answer_deadline_closed(uow, env, e)
        await self.agreements.follow_up_closed(uow, env, e)
