"""Contract offers, contracts in force, claim decisions and the scheduler's reminders."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import structlog
from eventkit import UnitOfWork
from samspil_contracts import (
    ContractExpired,
    ContractInForce,
    ContractOffered,
    ContractTerminated,
    DeadlineClosed,
    DeadlineKind,
    DeadlineReached,
    DeadlineScheduled,
    Envelope,
)

from provider.app import aggregates as agg
from provider.app import translate
from provider.app.inbound_claims import ClaimInbound
from provider.app.recording import system
from provider.domain import contract

log = structlog.get_logger(__name__)
REMINDER_KINDS = {DeadlineKind.STATUS_REPORT_DUE, DeadlineKind.ORDER_ANSWER_DUE}
# A contract's follow-ups and the status reports due before them (``app.follow_ups``).
FOLLOW_UP_KINDS = {DeadlineKind.FOLLOW_UP_DUE, DeadlineKind.STATUS_REPORT_DUE}


class AgreementInbound(ClaimInbound):
    async def contract_offered(self, uow: UnitOfWork, env: Envelope, e: ContractOffered) -> None:
        ordered = None
        if e.order_id is not None:
            ordered = (await self.recorder.load(agg.ORDERS, e.order_id, uow)).state
        if ordered is None or ordered.snapshot is None or ordered.tenant_id != e.provider_id:
            # A standard contract, or an offer for an order this tenant never had.
            log.warning("offer_without_order", contract_id=str(e.contract_id))
            return
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = contract.ReceiveContractOffer(
            **acting.stamp,
            contract_id=e.contract_id,
            version=e.version,
            order_id=ordered.order_id,
            terms=translate.terms(e, ordered.snapshot),
            authority_signed_at=e.authority_signature.signed_at,
        )
        if await self._run(uow, acting, agg.CONTRACTS, e.contract_id, command):
            data = {"contract_id": str(e.contract_id), "version": e.version}
            await self._notify(uow, env, e.provider_id, "contract.offered", data)

    async def in_force(self, uow: UnitOfWork, env: Envelope, e: ContractInForce) -> None:
        # The provider already knows (it countersigned); its integrators may still want it.
        data = {"contract_id": str(e.contract_id), "version": e.version, "start": str(e.start)}
        await self._notify(uow, env, e.provider_id, "contract.in_force", data)

    async def terminated(self, uow: UnitOfWork, env: Envelope, e: ContractTerminated) -> None:
        """Notice by either party, as the authority recorded it: in force to the last day."""
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        notice = contract.Notice(
            given_by=contract.Party(e.given_by.value),
            reason_code=contract.TerminationReason(e.reason_code.value),
            notice_given_on=e.notice_given_on,
            last_day=e.last_day,
            text=e.reason,
        )
        command = contract.RecordNotice(**acting.stamp, contract_id=e.contract_id, notice=notice)
        state = (await self.recorder.load(agg.CONTRACTS, e.contract_id, uow)).state
        if state is None or state.tenant_id != e.provider_id:
            log.warning("notice_without_contract", contract_id=str(e.contract_id))
            return
        await self._run(uow, acting, agg.CONTRACTS, e.contract_id, command)
        data = {
            "contract_id": str(e.contract_id),
            "given_by": e.given_by.value,
            "reason_code": e.reason_code.value,
            "notice_given_on": str(e.notice_given_on),
            "last_day": str(e.last_day),
        }
        await self._notify(uow, env, e.provider_id, "contract.terminated", data)
        if e.immediate:
            await self._ended(uow, env, e.provider_id, e.contract_id, e.last_day)

    async def contract_ends(self, uow: UnitOfWork, env: Envelope, e: DeadlineReached) -> None:
        """The scheduler's ``contract_ends`` fired: the last day under notice has passed."""
        if e.contract_id is None or e.provider_id is None:
            return
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = contract.RecordEnded(**acting.stamp, contract_id=e.contract_id)
        if ended := await self._run(uow, acting, agg.CONTRACTS, e.contract_id, command):
            await self._ended(uow, env, e.provider_id, e.contract_id, ended[0].ended_on)

    async def expired(self, uow: UnitOfWork, env: Envelope, e: ContractExpired) -> None:
        """The contract reached its expected end without an extension: no longer in force."""
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = contract.RecordEnded(
            **acting.stamp, contract_id=e.contract_id, expired_on=e.expired_on
        )
        if await self._run(uow, acting, agg.CONTRACTS, e.contract_id, command):
            await self._ended(uow, env, e.provider_id, e.contract_id, e.expired_on)

    async def _ended(
        self, uow: UnitOfWork, env: Envelope, tenant: UUID, contract_id: UUID, on: date
    ) -> None:
        data = {"contract_id": str(contract_id), "ended_on": str(on)}
        await self._notify(uow, env, tenant, "contract.ended", data)

    async def deadline(self, uow: UnitOfWork, env: Envelope, e: DeadlineReached) -> None:
        if e.kind is DeadlineKind.CONTRACT_ENDS:
            await self.contract_ends(uow, env, e)
            return
        if e.provider_id is None or e.kind not in REMINDER_KINDS:
            return  # not a provider's deadline
        row = {
            "deadline_id": e.deadline_id,
            "phase": e.phase.value,
            "kind": e.kind.value,
            "order_id": e.order_id,
            "contract_id": e.contract_id,
            "due_at": e.due_at,
            "fired_at": e.fired_at,
        }
        await self.documents.add_reminder(uow.connection, e.provider_id, row)
        kind = e.kind.value.replace("_due", ".due")
        data = {k: str(v) for k, v in row.items() if v is not None}
        if e.kind is DeadlineKind.STATUS_REPORT_DUE and e.contract_id is not None:
            # What the receiver needs to submit the report: the follow-up it prepares.
            ref = await self.documents.follow_up_after(
                uow.connection, e.provider_id, e.contract_id, e.due_at
            )
            if ref is not None:
                data["followup_ref"] = str(ref)
        await self._notify(uow, env, e.provider_id, kind, data)

    async def follow_up_deadline(
        self, uow: UnitOfWork, env: Envelope, e: DeadlineScheduled
    ) -> None:
        """A follow-up (its id is the ``followup_ref`` a report names) or the status report
        before it, set or moved by the scheduler for this tenant's contract."""
        if e.kind not in FOLLOW_UP_KINDS or e.contract_id is None or e.provider_id is None:
            return  # another kind, or a v1 announcement naming no contract or provider
        row = {
            "deadline_id": e.deadline_id,
            "contract_id": e.contract_id,
            "kind": e.kind.value,
            "due_at": e.due_at,
        }
        await self.documents.set_follow_up_deadline(uow.connection, e.provider_id, row)

    async def follow_up_closed(self, uow: UnitOfWork, env: Envelope, e: DeadlineClosed) -> None:
        if e.kind in FOLLOW_UP_KINDS:
            outcome = e.outcome.value
            await self.documents.close_follow_up_deadline(uow.connection, e.deadline_id, outcome)
