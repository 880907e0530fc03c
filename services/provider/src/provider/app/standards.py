"""Standard contracts on the provider side: received from the authority, countersigned here.

The authority offers a standard contract (kind ``standard``, no order) on the same topic as
individual ones; an individual offer still goes to :class:`provider.app.inbound.Inbound`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventkit import UnitOfWork
from samspil_contracts import (
    ContractCountersigned,
    ContractKind,
    ContractOffered,
    Envelope,
    Party,
    Signature,
    canonical_form,
    terms_sha256,
)

from provider.app import aggregates as agg
from provider.app.offered_terms import standard_terms
from provider.app.ports import WebhookQueue
from provider.app.recording import Acting, Recorder, system
from provider.app.service import Service
from provider.domain import DomainError, standard
from provider.domain.signing import HashCheck
from provider.domain.values import PriceUnit


def terms(e: ContractOffered) -> standard.StandardTerms:
    shown = e.standard_terms  # checked against terms_sha256 by the contract itself
    return standard.StandardTerms(
        measure_code=e.measure.value,
        title=e.title,
        price_oere=e.price.amount_ore,
        price_unit=PriceUnit(e.price.per.value),
        start=e.start,
        end=e.end,
        payment_terms_days=e.payment_terms_days,
        terms_sha256=e.terms_sha256,
        shown_terms=None if shown is None else canonical_form(shown).decode(),
    )


class StandardOffers:
    """The ``ContractOffered`` handler: standard offers here, individual ones to ``other``."""

    def __init__(self, recorder: Recorder, webhooks: WebhookQueue, other: Any) -> None:
        self.recorder, self.webhooks, self.other = recorder, webhooks, other

    async def __call__(self, uow: UnitOfWork, env: Envelope, e: ContractOffered) -> None:
        if e.kind is not ContractKind.STANDARD:
            await self.other(uow, env, e)
            return
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = standard.ReceiveStandardOffer(
            **acting.stamp,
            contract_id=e.contract_id,
            version=e.version,
            terms=terms(e),
            authority_signed_at=e.authority_signature.signed_at,
        )
        try:
            events, _ = await self.recorder.execute(
                uow, agg.STANDARDS, e.contract_id, command, acting
            )
        except DomainError:
            return  # another tenant's contract id: refused, as for any inbound fact
        if events:
            data = {"contract_id": str(e.contract_id), "version": e.version, "kind": "standard"}
            await self.webhooks.enqueue(
                uow.connection, str(e.provider_id), env.event_id, "contract.offered", data
            )


async def countersign(
    service: Service,
    uow: UnitOfWork,
    acting: Acting,
    contract_id: UUID,
    version: int,
    expected_revision: int | None,
    shown_sha256: str | None = None,
) -> int:
    """Countersign a standard contract inside ``uow``: only the hash of the terms held (and
    of those the coordinator read, if sent); the authority checks it again."""
    found = (await service.recorder.load(agg.STANDARDS, contract_id, uow)).state
    shown = None if found is None else standard_terms(found)
    hashes = HashCheck(held=None if shown is None else terms_sha256(shown), shown=shown_sha256)
    command = standard.CountersignStandard(
        **acting.stamp, contract_id=contract_id, version=version, hashes=hashes
    )
    events, loaded = await service.recorder.execute(
        uow, agg.STANDARDS, contract_id, command, acting, expected_revision
    )
    signed: standard.StandardCountersigned = events[0]
    event = countersigned(acting, contract_id, signed.version, signed.terms_sha256)
    await service.publish(uow, acting, event, contract_id, loaded.revision)
    return loaded.revision


def countersigned(
    acting: Acting, contract_id: UUID, version: int, terms_sha256: str
) -> ContractCountersigned:
    """The integration event for a provider's countersignature (standard or individual)."""
    return ContractCountersigned(
        contract_id=contract_id,
        version=version,
        provider_id=acting.tenant_id,
        terms_sha256=terms_sha256,
        provider_signature=Signature(
            party=Party.PROVIDER, signed_by=acting.actor.user_id[:200], signed_at=acting.at
        ),
    )
