"""Notifications of concern in the UI: the intake list, registering one (a call, a letter),
and one notification's page: its assessment (§ 135), its case, its receipt (§ 136)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID, uuid4

from eventkit import ConcurrencyError
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from servicekit.auth import Principal
from starlette.datastructures import FormData

from authority.app.queries import render_notification
from authority.domain import DomainError
from authority.domain.case import Cpr, Custody, CustodyHolder, OpenCase, Person, Relation
from authority.domain.notification import (
    AssessNotification,
    Channel,
    ReceiptChannel,
    ReceiveNotification,
    Reporter,
    ReporterKind,
)
from authority.entrypoints.http.common import Mutation, acting, services
from authority.entrypoints.web.case_forms import HOLDERS
from authority.entrypoints.web.forms import FieldMissing, actor, text
from authority.entrypoints.web.i18n import error_text, language, translator
from authority.entrypoints.web.render import page, reads
from authority.entrypoints.web.session import User

Action = Callable[[FormData, Principal, UUID, Request], Awaitable[str]]


def _reporter(form: FormData) -> Reporter:
    kind = ReporterKind(text(form, "reporter_kind"))
    fields = ("reporter_name", "organisation", "contact", "cvr")
    name, organisation, contact, cvr = (text(form, f, required=False) or None for f in fields)
    return Reporter(kind, name, organisation, contact, cvr)


def _yes(form: FormData, name: str) -> bool:
    return text(form, name) == "yes"


async def _assess(form: FormData, user: Principal, nid: UUID, request: Request) -> str:
    a = actor(user, form)
    command = AssessNotification(
        **a.stamp(),
        in_danger=_yes(form, "in_danger"),
        acute_action_needed=_yes(form, "acute"),
        assessment=text(form, "assessment"),
    )
    await services(request).notifications.assess(nid, command, a)
    return f"/ui/notifications/{nid}"


async def _open_case(form: FormData, user: Principal, nid: UUID, request: Request) -> str:
    s, a = services(request), actor(user, form)
    state, _ = await s.notifications.state(nid)
    if state.child is None:
        raise DomainError("notification_attached", "already on a case")
    holder = CustodyHolder(text(form, "custody"))
    parents = tuple(
        Person(text(form, f"{p}_name"), Cpr(text(form, f"{p}_cpr")), Relation(p))
        for p in ("mother", "father")
        if form.get(f"{p}_name")
    )
    guardian = (
        Person(text(form, "guardian_name"), Cpr(text(form, "guardian_cpr")))
        if holder is CustodyHolder.GUARDIAN
        else None
    )
    command = OpenCase(
        **a.stamp(),
        case_id=uuid4(),
        child=state.child,
        parents=parents,
        custody=Custody(holder, guardian),
        contact_person=text(form, "contact_person"),
        caseworker_id=user.user_id,
    )
    await s.notifications.open_case(nid, command, a)
    return f"/ui/cases/{command.case_id}"


async def _attach(form: FormData, user: Principal, nid: UUID, request: Request) -> str:
    case_id = UUID(text(form, "case_id"))
    await services(request).notifications.attach(nid, case_id, actor(user, form))
    return f"/ui/cases/{case_id}"


async def _receipt(form: FormData, user: Principal, nid: UUID, request: Request) -> str:
    s, a = services(request), actor(user, form)
    channel = ReceiptChannel(text(form, "channel"))
    if channel is ReceiptChannel.DIGITAL_POST:
        state, _ = await s.notifications.state(nid)
        await s.letters.receipt(state, a)
    else:
        await s.notifications.send_receipt(nid, channel, a)
    return f"/ui/notifications/{nid}"


ACTIONS: dict[str, Action] = {
    "assessment": _assess,
    "case": _open_case,
    "attach": _attach,
    "receipt": _receipt,
}


async def show(
    request: Request, user: Principal, nid: UUID, error: str | None = None, status: int = 200
) -> Response:
    s, t = services(request), translator(language(request))
    try:
        state, revision = await s.notifications.state(nid)
    except DomainError as exc:
        message = error_text(t, exc.code, exc.message)
        return page(request, "missing.html", user, status=404, message=message)
    await s.cases.record_access(state.case_id or nid, acting(user, Mutation()), "notification")
    view = render_notification(state, clear=True) | {"revision": revision}
    return page(
        request,
        "notification.html",
        user,
        status,
        n=view,
        error=error,
        holders=HOLDERS,
        late=state.assessment is None and datetime.now(UTC) > state.assessment_limit,
        now=datetime.now(UTC).isoformat(),
    )


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/notifications")
    async def intake_list(request: Request, user: User, p: int = 1) -> Response:
        found = await reads(request).work.notifications(p)
        now = datetime.now(UTC)
        return page(request, "intake.html", user, rows=found, now=now)

    @ui.get("/notifications/new")
    async def new(request: Request, user: User) -> Response:
        return page(request, "notification_new.html", user, kinds=list(ReporterKind), values={})

    @ui.post("/notifications")
    async def register(request: Request, user: User) -> Response:
        form = await request.form()
        t = translator(language(request))
        try:
            a = actor(user, form)
            child = Person(text(form, "child_name"), Cpr(text(form, "child_cpr")))
            command = ReceiveNotification(
                **a.stamp(),
                notification_id=uuid4(),
                channel=Channel.CASEWORKER,
                reporter=_reporter(form),
                child=child,
                text=text(form, "text"),
            )
            await services(request).notifications.receive(command, a)
        except DomainError as exc:
            message = error_text(t, exc.code, exc.message)
        except FieldMissing as exc:
            message = t("error.field_missing", field=t(f"intake.{exc.name}"))
        except (ValidationError, ValueError):
            message = t("error.invalid_input")
        else:
            url = f"/ui/notifications/{command.notification_id}"
            return RedirectResponse(url, status_code=303)
        values = {k: str(v) for k, v in form.items() if k != "child_cpr"}
        kinds = list(ReporterKind)
        return page(
            request, "notification_new.html", user, 422, kinds=kinds, values=values, error=message
        )

    @ui.get("/notifications/{nid}")
    async def one(request: Request, nid: UUID, user: User) -> Response:
        return await show(request, user, nid)

    @ui.post("/notifications/{nid}/{action}")
    async def act(request: Request, nid: UUID, action: str, user: User) -> Response:
        handle = ACTIONS.get(action)
        if handle is None:
            return await show(request, user, nid, status=404)
        form = await request.form()
        t = translator(language(request))
        try:
            target = await handle(form, user, nid, request)
        except DomainError as exc:
            message = error_text(t, exc.code, exc.message)
        except ConcurrencyError:
            message = t("error.stale")
        except FieldMissing as exc:
            message = t("error.field_missing", field=exc.name)
        except (ValidationError, ValueError):
            message = t("error.invalid_input")
        else:
            return RedirectResponse(target, status_code=303)
        return await show(request, user, nid, error=message, status=422)

    return ui
