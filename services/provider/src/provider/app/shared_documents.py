"""Documents the authority shared with this provider on a contract (a child's case file).

They arrive sealed with the child's key, are kept as received, and are opened only when the
tenant reads one (with the key the authority granted for the child). Once the child is
erased nothing opens them. The tenant's systems hear of a new document by a
``document.shared`` webhook (ids only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from eventkit import UnitOfWork
from samspil_contracts import DocumentShared, Envelope
from servicekit.crypto import unseal
from sqlalchemy.ext.asyncio import AsyncConnection

from provider.app.ports import ChildKeys, WebhookQueue
from provider.app.sealing import TransportKeys, child_of
from provider.domain import DomainError


class SharedStore(Protocol):
    async def save(self, conn: AsyncConnection, row: dict[str, Any]) -> None: ...

    async def of_contract(self, tenant_id: UUID, contract_id: UUID) -> list[dict[str, Any]]: ...

    async def one(
        self, tenant_id: UUID, contract_id: UUID, document_id: UUID
    ) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class Opened:
    filename: str
    media_type: str
    content: bytes


class SharedDocuments:
    def __init__(
        self,
        store: SharedStore,
        child_keys: ChildKeys,
        transport: TransportKeys,
        webhooks: WebhookQueue,
    ) -> None:
        self.store, self.child_keys, self.transport = store, child_keys, transport
        self.webhooks = webhooks

    async def received(self, uow: UnitOfWork, env: Envelope, e: DocumentShared) -> None:
        row = e.model_dump(include={"document_id", "contract_id", "media_type", "size", "sha256"})
        row |= {
            "tenant_id": e.provider_id,
            "filename": e.filename.model_dump(),
            "content": e.content.model_dump(),
            "shared_at": e.shared_at,
        }
        await self.store.save(uow.connection, row)
        data = {"contract_id": str(e.contract_id), "document_id": str(e.document_id)}
        await self.webhooks.enqueue(
            uow.connection, str(e.provider_id), env.event_id, "document.shared", data
        )

    async def listed(self, tenant_id: UUID, contract_id: UUID) -> list[dict[str, Any]]:
        """The contract's documents with their names (``[erased]`` once the child is)."""
        rows = await self.store.of_contract(tenant_id, contract_id)
        return [await self._listed_row(tenant_id, r) for r in rows]

    async def _listed_row(self, tenant_id: UUID, row: dict[str, Any]) -> dict[str, Any]:
        key = await self._key(tenant_id, row["filename"])
        name = "[erased]" if key is None else self._open(key, row["filename"], row).decode()
        return {k: v for k, v in row.items() if k != "filename"} | {"filename": name}

    async def open(self, tenant_id: UUID, contract_id: UUID, document_id: UUID) -> Opened:
        row = await self.store.one(tenant_id, contract_id, document_id)
        if row is None:
            raise DomainError("not_found", "No such document on the contract.")
        key = await self._key(tenant_id, row["content"])
        if key is None:
            raise DomainError("child_erased", "The child's data was erased.")
        return Opened(
            self._open(key, row["filename"], row).decode(),
            str(row["media_type"]),
            self._open(key, row["content"], row),
        )

    async def _key(self, tenant_id: UUID, sealed: dict[str, str]) -> bytes | None:
        child_id = child_of(sealed)
        if child_id is None or await self.child_keys.is_erased(child_id):
            return None
        wrapped = await self.child_keys.load(tenant_id, child_id)
        return None if wrapped is None else self.transport.unwrap(tenant_id, wrapped, child_id)

    @staticmethod
    def _open(key: bytes, sealed: dict[str, str], row: dict[str, Any]) -> bytes:
        aad = str(row["document_id"]).encode()
        return unseal({str(sealed["kid"]): key}, sealed, aad)
