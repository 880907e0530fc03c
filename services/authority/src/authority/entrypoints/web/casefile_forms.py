"""The case file's forms: journal notes, documents (upload and open), the preliminary
assessment of § 20, stk. 3, and sending a decision's missing letters."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from authority.domain import DomainError
from authority.domain.case import RecordPreliminaryAssessment
from authority.domain.casefile import MAX_DOCUMENT_BYTES, NoteCategory, WriteNote
from authority.entrypoints.http.common import Mutation, acting, services
from authority.entrypoints.web.forms import actor, attempt, text
from authority.entrypoints.web.i18n import error_text, language, translator
from authority.entrypoints.web.render import page
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.post("/cases/{case_id}/notes")
    async def note(request: Request, case_id: UUID, user: User) -> Response:
        async def write(form: FormData) -> None:
            a = actor(user, form)
            happened = text(form, "happened_on", required=False)
            command = WriteNote(
                **a.stamp(),
                case_id=case_id,
                note_id=uuid4(),
                category=NoteCategory(text(form, "category")),
                text=text(form, "text"),
                happened_on=date.fromisoformat(happened) if happened else None,
            )
            await services(request).casefiles.write_note(case_id, command, a)

        return await attempt(request, user, case_id, "journal", write)

    @ui.post("/cases/{case_id}/documents")
    async def upload(request: Request, case_id: UUID, user: User) -> Response:
        async def keep(form: FormData) -> None:
            file = form.get("file")
            if not isinstance(file, UploadFile):
                raise DomainError("unsupported_media_type", "choose a file")
            data = await file.read(MAX_DOCUMENT_BYTES + 1)
            description = text(form, "description", required=False) or None
            a = actor(user, form)
            name = file.filename or "dokument"
            await services(request).casefiles.add_document(case_id, name, data, a, description)

        return await attempt(request, user, case_id, "documents", keep)

    @ui.get("/cases/{case_id}/documents/{document_id}")
    async def document(request: Request, case_id: UUID, document_id: UUID, user: User) -> Response:
        try:
            found, data = await services(request).casefiles.document(
                case_id, document_id, acting(user, Mutation())
            )
        except DomainError as exc:
            t = translator(language(request))
            message = error_text(t, exc.code, exc.message)
            return page(request, "missing.html", user, status=404, message=message)
        headers = {"cache-control": "no-store", "content-disposition": "inline"}
        return Response(data, media_type=found.media_type, headers=headers)

    @ui.post("/cases/{case_id}/documents/{document_id}/share")
    async def share(request: Request, case_id: UUID, document_id: UUID, user: User) -> Response:
        async def send(form: FormData) -> None:
            contract_id = UUID(text(form, "contract_id"))
            a = actor(user, form)
            await services(request).sharing.share(case_id, document_id, contract_id, a)

        return await attempt(request, user, case_id, "documents", send)

    @ui.post("/cases/{case_id}/investigation/preliminary")
    async def preliminary(request: Request, case_id: UUID, user: User) -> Response:
        async def record(form: FormData) -> None:
            a = actor(user, form)
            command = RecordPreliminaryAssessment(**a.stamp(), assessment=text(form, "assessment"))
            await services(request).cases.execute(case_id, command, a)

        return await attempt(request, user, case_id, "investigation", record)

    @ui.post("/cases/{case_id}/decisions/{decision_id}/letters")
    async def letters(request: Request, case_id: UUID, decision_id: UUID, user: User) -> Response:
        async def send(form: FormData) -> None:
            a = actor(user, form).without_revision()
            await services(request).letters.decision_letters(case_id, decision_id, a)

        return await attempt(request, user, case_id, "decision", send)

    return ui
