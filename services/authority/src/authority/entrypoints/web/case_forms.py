"""The forms of a case's own steps: open, investigate, decide (four eyes), plan."""

from __future__ import annotations

from uuid import UUID, uuid4

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from authority.domain import DomainError, Goal, GoalArea, Role
from authority.domain.case import (
    AdoptActionPlan,
    ApproveDecision,
    ConcludeInvestigation,
    Cpr,
    Custody,
    CustodyHolder,
    InvestigationKind,
    OpenCase,
    Person,
    RejectDecision,
    StartInvestigation,
)
from authority.entrypoints.http.common import services
from authority.entrypoints.web import delivery_forms
from authority.entrypoints.web.decision_form import participants, propose
from authority.entrypoints.web.forms import (
    LONG_TEXT,
    TEXT,
    FieldMissing,
    FieldTooLong,
    actor,
    attempt,
    text,
)
from authority.entrypoints.web.i18n import error_text, language, translator
from authority.entrypoints.web.render import page
from authority.entrypoints.web.session import User

HOLDERS = [h.value for h in CustodyHolder]
KIND = InvestigationKind.CHILD_INVESTIGATION.value


def person(form: FormData, prefix: str) -> Person:
    return Person(text(form, f"{prefix}_name", limit=200), Cpr(text(form, f"{prefix}_cpr")))


def open_command(form: FormData, user_id: str, stamp: dict[str, object]) -> OpenCase:
    holder = CustodyHolder(text(form, "custody"))
    parents = tuple(person(form, p) for p in ("mother", "father") if form.get(f"{p}_name"))
    guardian = person(form, "guardian") if holder is CustodyHolder.GUARDIAN else None
    return OpenCase(
        **stamp,  # type: ignore[arg-type]
        case_id=uuid4(),
        child=person(form, "child"),
        parents=parents,
        custody=Custody(holder, guardian),
        contact_person=text(form, "contact_person", limit=200),
        caseworker_id=user_id,
    )


def goals(form: FormData) -> tuple[Goal, ...]:
    """One goal per area the caseworker filled in; empty areas are left out."""
    found = [(area, str(form.get(f"goal_{area.value}") or "").strip()) for area in GoalArea]
    if any(len(words) > TEXT for _, words in found):
        raise FieldTooLong("goal")
    return tuple(Goal(uuid4(), area, words) for area, words in found if words)


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/cases/new")
    async def new_case(request: Request, user: User) -> Response:
        return page(request, "new_case.html", user, holders=HOLDERS, error=None, values={})

    @ui.post("/cases")
    async def open_case(request: Request, user: User) -> Response:
        form = await request.form()
        try:
            a = actor(user, form)
            command = open_command(form, user.user_id, dict(a.stamp()))
            await services(request).cases.open(command, a)
        except (DomainError, FieldMissing, ValueError) as exc:
            t = translator(language(request))
            message = (
                error_text(t, exc.code, exc.message)
                if isinstance(exc, DomainError)
                else t(exc.message_key, field=t(f"field.{exc.name}"))
                if isinstance(exc, FieldMissing)
                else t("error.invalid_input")
            )
            values = {k: str(v) for k, v in form.items() if not k.endswith("_cpr")}
            return page(
                request, "new_case.html", user, 422, holders=HOLDERS, error=message, values=values
            )
        return RedirectResponse(f"/ui/cases/{command.case_id}", status_code=303)

    def step(path: str, key: str, build: object, prefer: Role = Role.CASEWORKER) -> None:
        @ui.post(f"/cases/{{case_id}}/{path}", name=f"ui_{key}")
        async def run(request: Request, case_id: UUID, user: User) -> Response:
            async def action(form: FormData) -> None:
                a = actor(user, form, prefer)
                command = build(form, a.stamp(), request.path_params)  # type: ignore[operator]
                await services(request).cases.execute(case_id, command, a)

            return await attempt(request, user, case_id, key, action)

    step(
        "investigation/start",
        "investigation",
        lambda f, s, p: StartInvestigation(
            **s, investigation_id=uuid4(), kind=InvestigationKind(f.get("kind") or KIND)
        ),
    )
    step(
        "investigation/conclude",
        "investigation",
        lambda f, s, p: ConcludeInvestigation(**s, summary=text(f, "summary", limit=LONG_TEXT)),
    )
    step("decisions", "decision", propose)
    step(
        "decisions/{decision_id}/approve",
        "decision",
        lambda f, s, p: ApproveDecision(**s, decision_id=UUID(p["decision_id"])),
        Role.TEAM_LEADER,
    )
    step(
        "decisions/{decision_id}/reject",
        "decision",
        lambda f, s, p: RejectDecision(**s, decision_id=UUID(p["decision_id"])),
        Role.TEAM_LEADER,
    )
    step(
        "action-plan",
        "plan",
        lambda f, s, p: AdoptActionPlan(**s, goals=goals(f), participants=participants(f)),
    )
    delivery_forms.add_routes(ui)
    return ui
