"""The caseworker's answer to a provider's change request, from the case page: grant (an
extension or changed scope drafts and signs the amended version) or refuse with a coded
reason. The same use cases as the JSON API."""

from __future__ import annotations

from uuid import UUID

from starlette.datastructures import FormData

from authority.app.services import Services
from authority.domain.change import RefusalReason
from authority.entrypoints.web.forms import FieldInvalid, actor, text
from authority.entrypoints.web.session import User


async def grant(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    note = text(f, "answer_text", required=False) or None
    await s.changes.grant(UUID(p["item_id"]), UUID(p["request_id"]), note, a)


async def refuse(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    code = text(f, "reason_code")
    if code not in set(RefusalReason):
        raise FieldInvalid("reason_code")
    why = text(f, "refusal_text")
    await s.changes.refuse(UUID(p["item_id"]), UUID(p["request_id"]), RefusalReason(code), why, a)


ROUTES = {
    "contracts/{item_id}/change-requests/{request_id}/grant": ("contracts", grant),
    "contracts/{item_id}/change-requests/{request_id}/refuse": ("contracts", refuse),
}
