"""The provider organisation gives notice (opsigelse) of an individual contract.

The last day is counted here, from today in Copenhagen; the notice goes to the authority
as ``ProviderGaveNotice`` in the same transaction (the outbox). The authority records it and
announces it to all as ``ContractTerminated``, which the provider then records as the same
notice (nothing new) and tells the tenant's webhook about (``inbound_agreements``).
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from samspil_contracts import ProviderGaveNotice
from samspil_contracts import TerminationReason as WireReason

from provider.app import aggregates as agg
from provider.app.contracts import Contracts
from provider.app.recording import Acting
from provider.domain import contract

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEFAULT_NOTICE_DAYS = 30  # the standard contract states its terms as text, not a number


async def give_notice(
    contracts: Contracts,
    acting: Acting,
    contract_id: UUID,
    reason_code: contract.TerminationReason,
    notice_days: int,
    text: str | None,
    expected_revision: int | None = None,
) -> tuple[contract.Notice, int]:
    found = await contracts.facts(acting, contract_id)  # not_found for another tenant's
    given_on = acting.at.astimezone(COPENHAGEN).date()
    notice = contract.Notice(
        given_by=contract.Party.PROVIDER,
        reason_code=reason_code,
        notice_given_on=given_on,
        last_day=given_on + timedelta(days=notice_days),
        text=text,
    )
    command = contract.GiveNotice(**acting.stamp, contract_id=contract_id, notice=notice)
    async with contracts.store.unit_of_work() as uow:
        _, loaded = await contracts.recorder.execute(
            uow, agg.CONTRACTS, contract_id, command, acting, expected_revision
        )
        wire = ProviderGaveNotice(
            contract_id=contract_id,
            provider_id=acting.tenant_id,
            order_id=found.order_id,
            reason_code=WireReason(reason_code.value),
            reason=text,
            notice_given_on=notice.notice_given_on,
            last_day=notice.last_day,
        )
        await contracts.publish(uow, acting, wire, contract_id, loaded.revision)
    in_force = loaded.state.notice if loaded.state is not None else None
    return in_force or notice, loaded.revision  # the earlier of the two parties' last days
