"""Change requests (ændringsanmodning): the coordinator asks the authority to extend a
contract in force, change its scope or frequency, or end it early; the caseworker's answer
comes back on the authority's contracts topic (``ChangeAnswers``).

The reason is text about the child's measure: sealed with the child's key (aad the request
id) before it is stored or published, and opened only for the tenant that wrote it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import samspil_contracts as wire
from eventkit import UnitOfWork

from provider.app import aggregates as agg
from provider.app.child_text import ChildText
from provider.app.contracts import Contracts
from provider.app.inbound_base import Handling
from provider.app.recording import Acting, system
from provider.domain import Frequency, Scope, change


@dataclass(frozen=True)
class ChangeInput:
    request_id: UUID
    kind: change.ChangeKind
    proposal: change.Proposal
    reason: str


class ChangeRequests:
    def __init__(self, contracts: Contracts, texts: ChildText) -> None:
        self.contracts, self.texts = contracts, texts

    async def request(self, acting: Acting, contract_id: UUID, r: ChangeInput) -> UUID:
        found = await self.contracts.facts(acting, contract_id)
        case_id = await self.contracts.case_of(found.order_id)
        terms = found.terms_in_force or found.terms
        basis = change.ChangeBasis(
            tenant_id=found.tenant_id,
            contract_id=contract_id,
            in_force=found.in_force,
            version_in_force=found.countersigned_version,
            start=terms.start,
            end=terms.end,
            scope=terms.scope,
            frequency=terms.frequency,
        )
        sealed = await self.texts.seal(acting.tenant_id, found.order_id, r.reason, r.request_id)
        command = change.RequestChange(
            **acting.stamp,
            request_id=r.request_id,
            contract=basis,
            kind=r.kind,
            proposal=r.proposal,
            reason=json.dumps(sealed.model_dump()),
        )
        store, recorder = self.contracts.store, self.contracts.recorder
        async with store.unit_of_work() as uow:
            events, loaded = await recorder.execute(uow, agg.CHANGES, contract_id, command, acting)
            requested: change.ChangeRequested = events[0]
            event = wire.ChangeRequested(
                request_id=r.request_id,
                contract_id=contract_id,
                order_id=found.order_id,
                case_id=case_id,
                provider_id=acting.tenant_id,
                kind=wire.ChangeKind(r.kind.value),
                version_in_force=requested.version_in_force,
                new_end=r.proposal.new_end,
                expected_duration_months=r.proposal.duration_months,
                scope=_wire_scope(r.proposal.scope),
                frequency=_wire_frequency(r.proposal.frequency),
                last_day=r.proposal.last_day,
                reason=sealed,
            )
            await self.contracts.publish(uow, acting, event, contract_id, loaded.revision)
        return r.request_id

    async def of_contract(self, acting: Acting, contract_id: UUID) -> list[dict[str, Any]]:
        """The contract's requests, oldest first, each reason opened for its writer."""
        found = await self.contracts.facts(acting, contract_id)
        state = (await self.contracts.recorder.load(agg.CHANGES, contract_id)).state
        if state is None:
            return []
        views = []
        for r in state.requests:
            reason = await self.texts.open(
                acting.tenant_id, found.order_id, json.loads(r.reason), r.request_id
            )
            views.append(_view(contract_id, r, reason))
        return views


def _view(contract_id: UUID, r: change.ChangeRequest, reason: str) -> dict[str, Any]:
    answer = None
    if r.status is not change.ChangeStatus.OPEN:
        answer = {
            "granted": r.status is change.ChangeStatus.GRANTED,
            "reason_code": r.reason_code,
            "text": r.answer_text,
            "amended_version": r.amended_version,
            "answered_at": r.answered_at,
        }
    p = r.proposal
    return {
        "request_id": r.request_id,
        "contract_id": contract_id,
        "kind": r.kind.value,
        "status": r.status.value,
        "version_in_force": r.version_in_force,
        "new_end": p.new_end,
        "expected_duration_months": p.duration_months,
        "scope": None if p.scope is None else {"hours": p.scope.hours, "per": p.scope.per.value},
        "frequency": None
        if p.frequency is None
        else {"times": p.frequency.times, "per": p.frequency.per.value},
        "last_day": p.last_day,
        "reason": reason,
        "requested_at": r.requested_at,
        "answer": answer,
    }


def _wire_scope(scope: Scope | None) -> wire.Scope | None:
    return None if scope is None else wire.Scope(hours=scope.hours, per=wire.Period(scope.per))


def _wire_frequency(f: Frequency | None) -> wire.Frequency | None:
    return None if f is None else wire.Frequency(times=f.times, per=wire.Period(f.per))


class ChangeAnswers(Handling):
    """The caseworker's grant or refusal, recorded once and told to the tenant's webhook
    (``change_request.answered``)."""

    async def answered(
        self,
        uow: UnitOfWork,
        env: wire.Envelope,
        e: wire.ChangeRequestGranted | wire.ChangeRequestRefused,
    ) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        if isinstance(e, wire.ChangeRequestGranted):
            code, version, status = None, e.amended_version, "granted"
        else:
            code, version, status = e.reason_code.value, None, "refused"
        command = change.RecordChangeAnswer(
            **acting.stamp,
            contract_id=e.contract_id,
            request_id=e.request_id,
            granted=status == "granted",
            reason_code=code,
            text=e.text,
            amended_version=version,
        )
        if not await self._run(uow, acting, agg.CHANGES, e.contract_id, command):
            return
        # Ids and codes only: the caseworker's text stays behind the API.
        data: dict[str, Any] = {
            "contract_id": str(e.contract_id),
            "request_id": str(e.request_id),
            "kind": e.kind.value,
            "status": status,
        }
        if version is not None:
            data["amended_version"] = version
        if code is not None:
            data["reason_code"] = code
        await self._notify(uow, env, e.provider_id, "change_request.answered", data)
