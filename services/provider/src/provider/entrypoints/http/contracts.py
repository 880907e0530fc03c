"""Contracts (individual and standard): list, read, countersign the version read."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_REVISION
from servicekit.problems import Problem
from servicekit.revisions import Revision, revision_from

from provider.app import aggregates as agg
from provider.app.notice import DEFAULT_NOTICE_DAYS, give_notice
from provider.domain.contract import TerminationReason
from provider.entrypoints.deps import Coordinator, Principal, Svc, etag
from provider.entrypoints.http.views import ContractSummary


class Countersign(BaseModel):
    version: int = Field(ge=1, le=MAX_REVISION)
    expected_revision: Revision | None = None
    terms_sha256: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{64}$",
        description="The hash of the terms you read (``offer.terms_sha256``, or recomputed "
        "from ``offer.terms`` as docs/contract-hash.md says): refused as "
        "``terms_hash_mismatch`` unless it is the hash of the terms held for this version",
    )


VIEW = ("contract_id", "kind", "order_id", "version", "countersigned_version", "terms", "revision")


class Terminate(BaseModel):
    """Notice (opsigelse) for the provider: a coded reason and the notice period in days,
    counted from today in Copenhagen (0: at once, only for a serious breach)."""

    reason_code: TerminationReason
    notice_days: int = Field(DEFAULT_NOTICE_DAYS, ge=0, le=365)
    text: str | None = Field(None, min_length=1, max_length=4000)
    expected_revision: Revision | None = None


def _view(row: dict[str, Any]) -> dict[str, Any]:
    """In force once both signed a version; a newer offer is pending until countersigned.
    Under notice it stays in force through the last day; after it, it has ended."""
    signed, latest = row["countersigned_version"], row["version"]
    return {name: row[name] for name in VIEW} | {
        "in_force": signed is not None and not row["ended"],
        "notice": row["notice"],
        "ended": row["ended"],
        "in_force_version": signed,
        "pending_version": None if signed == latest else latest,
    }


def router() -> APIRouter:
    api = APIRouter(tags=["contracts"])

    @api.get("/contracts", response_model=list[ContractSummary])
    async def list_contracts(p: Principal, svc: Svc) -> list[dict[str, Any]]:
        rows = await svc.queries.contracts(p.tenant_id)
        return [_view(row) for row in rows]

    @api.get("/contracts/{contract_id}")
    async def read_contract(
        contract_id: UUID, p: Principal, svc: Svc, response: Response
    ) -> dict[str, Any]:
        """The contract, and under ``offer`` every term of the latest version offered with
        the hash you countersign: SHA-256 of the terms' canonical form (sorted-key compact
        JSON, UTF-8; docs/contract-hash.md), so you can recompute it from ``offer.terms``. An
        individual contract's ``offer.framework`` shows the standard contract's terms."""
        row = await svc.queries.contract(p.tenant_id, contract_id)
        if row is None:
            raise Problem(404, "not_found", "No such contract.")
        response.headers.update(etag(row["revision"]))
        found = (await svc.contracts.recorder.load(agg.DELIVERIES, contract_id)).state
        offer = await svc.offered.view(p.tenant_id, contract_id)
        return _view(row) | {"delivery": _delivery(found), "offer": offer}

    @api.post("/contracts/{contract_id}/countersign")
    async def countersign_contract(
        contract_id: UUID,
        body: Countersign,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        expected = revision_from(if_match, body.expected_revision)
        revision = await svc.contracts.countersign(
            p.acting(), contract_id, body.version, expected, body.terms_sha256
        )
        return {
            "contract_id": contract_id,
            "countersigned_version": body.version,
            "revision": revision,
        }

    @api.post("/contracts/{contract_id}/terminate")
    async def terminate_contract(
        contract_id: UUID,
        body: Terminate,
        p: Coordinator,
        svc: Svc,
        if_match: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        """Give notice: the contract stays in force through ``last_day`` and then ends
        (``contract.terminated`` now, ``contract.ended`` then). 404 for a contract not yours;
        409 ``contract_already_terminated``; 422 ``contract_not_in_force``,
        ``notice_period_required``, ``termination_text_required``."""
        expected = revision_from(if_match, body.expected_revision)
        args = (body.reason_code, body.notice_days, body.text, expected)
        notice, revision = await give_notice(svc.contracts, p.acting(), contract_id, *args)
        return {
            "contract_id": contract_id,
            "notice": asdict(notice),
            "in_force": not notice.immediate,
            "revision": revision,
        }

    return api


def _delivery(state: Any) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "plan_version": state.plan_version,
        "started_on": state.started_on,
        "stopped_on": state.stopped_on,
        "sessions": len(state.sessions),
    }
