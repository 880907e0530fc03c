"""The case file: journal notes (notatpligt), documents and the decision letters."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID, uuid4

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response
from pydantic import Field

from authority.domain import Role
from authority.domain.casefile import MAX_DOCUMENT_BYTES, NoteCategory, WriteNote
from authority.entrypoints.http.common import Caseworker, Mutation, Svc, acting


class ShareIn(Mutation):
    contract_id: UUID


class NoteIn(Mutation):
    category: NoteCategory
    text: str = Field(min_length=1, max_length=20_000)
    happened_on: date | None = Field(None, description="When the contact took place")
    corrects: UUID | None = Field(None, description="The earlier note this one corrects")


def router() -> APIRouter:
    api = APIRouter(tags=["case file"])

    @api.post("/cases/{case_id}/notes", status_code=201)
    async def note(case_id: UUID, body: NoteIn, who: Caseworker, s: Svc) -> dict[str, Any]:
        """A journal note: the author and the time are the caller and now."""
        a = acting(who, body)
        command = WriteNote(
            **a.stamp(),
            case_id=case_id,
            note_id=uuid4(),
            category=body.category,
            text=body.text,
            happened_on=body.happened_on,
            corrects=body.corrects,
        )
        revision = await s.casefiles.write_note(case_id, command, a)
        return {"note_id": command.note_id, "revision": revision}

    @api.post("/cases/{case_id}/documents", status_code=201)
    async def upload(
        case_id: UUID,
        who: Caseworker,
        s: Svc,
        file: Annotated[UploadFile, File(description="A PDF, PNG or JPEG file, at most 10 MiB")],
        description: Annotated[str | None, Form(max_length=500)] = None,
    ) -> dict[str, Any]:
        data = await file.read(MAX_DOCUMENT_BYTES + 1)
        a = acting(who)
        name = file.filename or "dokument"
        document_id = await s.casefiles.add_document(case_id, name, data, a, description)
        return {"document_id": document_id}

    async def opened(case_id: UUID, document_id: UUID, a: Any, s: Svc) -> Response:
        document, data = await s.casefiles.document(case_id, document_id, a)
        disposition = f'inline; filename="{document_id}{_suffix(document.media_type)}"'
        headers = {"content-disposition": disposition, "cache-control": "no-store"}
        return Response(data, media_type=document.media_type, headers=headers)

    @api.get("/cases/{case_id}/documents/{document_id}")
    async def download(case_id: UUID, document_id: UUID, who: Caseworker, s: Svc) -> Response:
        """The document's bytes; each opening is in the access log."""
        return await opened(case_id, document_id, acting(who), s)

    @api.post("/cases/{case_id}/documents/{document_id}/read")
    async def read_document(
        case_id: UUID, document_id: UUID, body: Mutation, who: Caseworker, s: Svc
    ) -> Response:
        """As GET, with the reason for opening it in the access log (a reason is never put
        in a URL, where proxies and browsers keep it)."""
        return await opened(case_id, document_id, acting(who, body), s)

    @api.post("/cases/{case_id}/documents/{document_id}/share")
    async def share(
        case_id: UUID, document_id: UUID, body: ShareIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """Share the document with the provider of a contract on the case: it travels
        sealed with the child's key. Nothing leaves the case file otherwise."""
        a = acting(who, body)
        revision = await s.sharing.share(case_id, document_id, body.contract_id, a)
        return {"revision": revision}

    @api.post("/cases/{case_id}/decisions/{decision_id}/letters")
    async def letters(
        case_id: UUID, decision_id: UUID, who: Caseworker, s: Svc
    ) -> list[dict[str, Any]]:
        """Send the decision letter to each party who has not had it (barnets lov § 3);
        the team leader's approval does this at once, this sends what a failure left."""
        a = acting(who, prefer=Role.CASEWORKER)
        sent = await s.letters.decision_letters(case_id, decision_id, a)
        return [
            {
                "recipient": x.recipient,
                "document_id": x.document_id,
                "message_id": x.message_id,
                "sent_at": x.sent_at,
            }
            for x in sent
        ]

    return api


def _suffix(media_type: str) -> str:
    return {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}[media_type]
