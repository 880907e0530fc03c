"""Running a form's command: success redirects back to the case (post/redirect/get); a refusal
by the domain, a stale revision or a bad field re-renders the case with the message at the form.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
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
from authority.entrypoints.web.i18n import Translate, error_text, language, translator

TEXT, LONG_TEXT = 4000, 20000  # as the API bounds them (a conclusion, an assessment: long)
# The field a refusal is about (the first of these the form has), so its text stands there.
CODE_FIELDS: dict[str, tuple[str, ...]] = {
    "cadence_out_of_range": ("months", "arrangement_months"),
    "invalid_cadence": ("months", "arrangement_months"),
    "recipients_incomplete": ("recipients",),
    "invalid_price": ("price_kr",),
    "invalid_duration": ("duration_months", "months"),
    "invalid_places": ("places",),
    "invalid_cpr": ("cpr",),
    "reason_required": ("reason",),
    "amendment_changes_nothing": ("price_kr",),
    "notice_period_required": ("notice_days",),
    "termination_text_required": ("termination_text",),
    "refusal_text_required": ("refusal_text",),
}


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


class FieldInvalid(FieldMissing):
    message_key = "error.field_invalid"


def number(form: FormData, name: str, low: int | None = None, high: int | None = None) -> int:
    raw = text(form, name)
    try:
        value = int(raw)
    except ValueError as exc:
        raise FieldInvalid(name) from exc
    if (low is not None and value < low) or (high is not None and value > high):
        raise FieldInvalid(name)
    return value


def day(form: FormData, name: str, required: bool = True) -> date | None:
    raw = text(form, name, required)
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError as exc:
        raise FieldInvalid(name) from exc


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
    try:
        await action(form)
    except (DomainError, ConcurrencyError, FieldMissing, ValidationError, ValueError) as exc:
        errors = refusal(translator(language(request)), form, form_key, exc)
    except OverflowError:
        errors = {form_key: translator(language(request))("error.invalid_input")}
    else:
        return RedirectResponse(f"/ui/cases/{case_id}#{form_key}", status_code=303)
    return await case_page.show(
        request, user, case_id, errors=errors, posted=kept(form), status=422
    )


def refusal(t: Translate, form: FormData, form_key: str, exc: Exception) -> dict[str, str]:
    """The message for ``exc``: next to its field when it names one the form has (the form
    is told by its hidden ``form`` input), else at the head of the form's section."""
    field: str | None = None
    if isinstance(exc, DomainError):
        message = error_text(t, exc.code, exc.message)
        field = next((f for f in CODE_FIELDS.get(exc.code, ()) if f in form), None)
    elif isinstance(exc, ConcurrencyError):
        message = t("error.stale")
    elif isinstance(exc, FieldMissing):
        message, field = t(exc.message_key, field=t(f"field.{exc.name}")), exc.name
    elif isinstance(exc, ValidationError) and (field := _named(exc, form)):
        message = t("error.field_invalid", field=t(f"field.{field}"))
    else:
        message = t("error.invalid_input")
    form_id = str(form.get("form") or "")
    if field and form_id:  # said at the head of the section too (an error summary), so a
        # refusal of a form the page no longer offers is not lost
        return {form_key: message, f"{form_id}.{field}": message}
    return {form_key: message}


def _named(exc: ValidationError, form: FormData) -> str | None:
    """The form field a request model's first error is about, if the form has it."""
    loc = [str(part) for part in exc.errors()[0]["loc"]]
    return next((f for f in ("_".join(loc[-2:]), loc[-1]) if f in form), None)


def kept(form: FormData) -> dict[str, str]:
    """What the user typed, to fill the refused form in again (never a CPR number)."""
    names = [k for k in form if k != "csrf_token" and "cpr" not in k]
    return {k: ",".join(str(v) for v in form.getlist(k)) for k in names}
