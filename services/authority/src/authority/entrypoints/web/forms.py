"""Running a form's command: success redirects back to the case (post/redirect/get); a refusal
by the domain, a stale revision or a bad field re-renders the case with the message at the form.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from eventkit import ConcurrencyError
from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from servicekit.auth import Principal
from starlette.datastructures import FormData

from authority.app.acting import Acting
from authority.domain import DomainError, Role
from authority.entrypoints.http.common import Mutation, acting
from authority.entrypoints.web import case_page
from authority.entrypoints.web.i18n import error_text, language, translator

TEXT, LONG_TEXT = 4000, 20000  # as the API bounds them (a conclusion, an assessment: long)


class FieldMissing(Exception):
    message_key = "error.field_missing"

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class FieldTooLong(FieldMissing):
    message_key = "error.field_too_long"


def text(form: FormData, name: str, required: bool = True, limit: int = TEXT) -> str:
    value = str(form.get(name) or "").strip()
    if required and not value:
        raise FieldMissing(name)
    if len(value) > limit:
        raise FieldTooLong(name)
    return value


def number(form: FormData, name: str) -> int:
    raw = text(form, name)
    try:
        return int(raw)
    except ValueError as exc:
        raise FieldMissing(name) from exc


def actor(user: Principal, form: FormData, prefer: Role = Role.CASEWORKER) -> Acting:
    """The acting user; the form's hidden revision makes a stale page fail, not overwrite."""
    revision = str(form.get("revision") or "")
    body = Mutation(
        reason=text(form, "reason", required=False) or None,
        expected_revision=int(revision) if revision.isdigit() else None,
    )
    return acting(user, body, prefer=prefer)


async def attempt(
    request: Request,
    user: Principal,
    case_id: UUID,
    form_key: str,
    action: Callable[[FormData], Awaitable[Any]],
) -> Response:
    form = await request.form()
    t = translator(language(request))
    try:
        await action(form)
    except DomainError as exc:
        message = error_text(t, exc.code, exc.message)
    except ConcurrencyError:
        message = t("error.stale")
    except FieldMissing as exc:
        message = t(exc.message_key, field=t(f"field.{exc.name}"))
    except (ValidationError, ValueError, OverflowError):
        message = t("error.invalid_input")
    else:
        return RedirectResponse(f"/ui/cases/{case_id}#{form_key}", status_code=303)
    errors = {form_key: message}
    return await case_page.show(request, user, case_id, errors=errors, status=422)
