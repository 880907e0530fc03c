"""Contracts (individual and standard): list, read, countersign the version read."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Response
from pydantic import BaseModel, Field
from samspil_contracts.common import MAX_REVISION
from servicekit.problems import Problem
from servicekit.revisions import Revision, revision_from

from provider.app import aggregates as agg
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


def _view(row: dict[str, Any]) -> dict[str, Any]:
    """In force once both signed a version; a newer offer is pending until countersigned."""
    signed, latest = row["countersigned_version"], row["version"]
    return {name: row[name] for name in VIEW} | {
        "in_force": signed is not None,
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
