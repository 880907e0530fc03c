"""The case file: journal notes and documents, kept sealed with the child's key.

A document's bytes are scanned, checked by their signature (a PDF, PNG or JPEG, whatever
the name says), sealed (AES-256-GCM under the child's key, bound to the document id) and
stored beside the event that records them, in the same transaction. Each opening of a
document is a row in the access log (``what=document``).
"""

from __future__ import annotations

import hashlib
import os
from uuid import UUID, uuid4

import structlog
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventkit import UnitOfWork
from servicekit.crypto import KeyMissing

from authority.app.acting import Acting
from authority.app.aggregates import Kit, Ran
from authority.app.cases import Cases
from authority.app.keyring import kid_for
from authority.app.outbound import BlobStore, VirusScanner
from authority.domain import DomainError
from authority.domain.casefile import (
    MAX_DOCUMENT_BYTES,
    AddDocument,
    CaseFileState,
    Document,
    DocumentKind,
    WriteNote,
    media_type_of,
)

log = structlog.get_logger(__name__)
NONCE = 12


class CaseFiles:
    def __init__(self, kit: Kit, cases: Cases, blobs: BlobStore, scanner: VirusScanner) -> None:
        self.kit, self.cases, self.blobs, self.scanner = kit, cases, blobs, scanner
        self.aggregate = kit.aggregates.casefile

    async def state(self, case_id: UUID) -> CaseFileState:
        await self.cases.load(case_id)  # refuses a case that does not exist
        loaded = await self.kit.load(self.aggregate, case_id)
        return loaded.state or CaseFileState()

    async def write_note(self, case_id: UUID, command: WriteNote, a: Acting) -> int:
        await self._live(case_id)
        async with self.kit.store.unit_of_work() as uow:
            _, ran = await self.kit.run(uow, self.aggregate, case_id, command, a)
            return ran.revision

    async def add_document(
        self,
        case_id: UUID,
        filename: str,
        data: bytes,
        a: Acting,
        description: str | None = None,
    ) -> UUID:
        """An uploaded document: refused if too large, not a PDF or image, or infected."""
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DomainError("document_too_large", "a document is at most 10 MiB")
        media_type = media_type_of(data[:8])
        if media_type is None:
            raise DomainError("unsupported_media_type", "a document is a PDF, PNG or JPEG file")
        scan = await self.scanner.scan(data)
        if not scan.clean:
            log.warning("document_refused", finding=scan.finding, case_id=str(case_id))
        await self._live(case_id)
        document_id = uuid4()
        async with self.kit.store.unit_of_work() as uow:
            await self.keep(
                uow,
                case_id,
                document_id,
                DocumentKind.ATTACHMENT,
                filename,
                data,
                a,
                clean=scan.clean,
                description=description,
                media_type=media_type,
            )
        return document_id

    async def keep(
        self,
        uow: UnitOfWork,
        case_id: UUID,
        document_id: UUID,
        kind: DocumentKind,
        filename: str,
        data: bytes,
        a: Acting,
        *,
        clean: bool = True,
        description: str | None = None,
        media_type: str = "application/pdf",
    ) -> Ran:
        """Record the document and keep its sealed bytes, in ``uow``'s transaction."""
        command = AddDocument(
            **a.stamp(),
            case_id=case_id,
            document_id=document_id,
            kind=kind,
            filename=filename,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            clean=clean,
            description=description,
        )
        _, ran = await self.kit.run(uow, self.aggregate, case_id, command, a.without_revision())
        kid, sealed = await self._seal(case_id, document_id, data)
        await self.blobs.put(uow.connection, document_id, kid, sealed)
        return ran

    async def document(self, case_id: UUID, document_id: UUID, a: Acting) -> tuple[Document, bytes]:
        """The document and its bytes in clear; the opening is logged."""
        found = await self.read(case_id, document_id)
        await self.cases.record_access(case_id, a, "document")
        return found

    async def read(self, case_id: UUID, document_id: UUID) -> tuple[Document, bytes]:
        """The document and its bytes, for the app's own use (sharing)."""
        state = await self.state(case_id)
        document = state.document(document_id)
        found = await self.blobs.get(document_id) if document else None
        if document is None or found is None:
            raise DomainError("document_not_found", "no such document on the case")
        try:
            data = await self._open(case_id, document_id, found[1])
        except KeyMissing:
            raise DomainError(
                "case_erased", "the child's data on this case has been erased"
            ) from None
        return document, data

    async def _live(self, case_id: UUID) -> None:
        case, _ = await self.cases.load(case_id)
        if case.erased:
            raise DomainError("case_erased", "the child's data on this case has been erased")

    async def _seal(self, case_id: UUID, document_id: UUID, data: bytes) -> tuple[str, bytes]:
        key = await self.kit.keyring.key_for(case_id)
        nonce = os.urandom(NONCE)
        sealed = AESGCM(key.value()).encrypt(nonce, data, _aad(document_id))
        return kid_for(key.child_id), nonce + sealed

    async def _open(self, case_id: UUID, document_id: UUID, sealed: bytes) -> bytes:
        key = (await self.kit.keyring.key_for(case_id)).value()
        return AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], _aad(document_id))


def _aad(document_id: UUID) -> bytes:
    return f"document-{document_id}".encode()
