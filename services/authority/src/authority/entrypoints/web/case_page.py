"""The case page: persons (masked unless revealed), timeline, every step and its form;
with ``as_of`` the case as it stood then (read only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError
from servicekit.auth import Principal
from servicekit.inputs import within

from authority.app.deadline_list import change_answers
from authority.app.queries import CaseQueries, render_case
from authority.app.services import Services
from authority.domain import DomainError, GoalArea, MeasureCode
from authority.domain.case import CaseState, DecisionStatus, parties
from authority.domain.case.awareness import limit
from authority.domain.casefile import NoteCategory
from authority.domain.followup import Progress
from authority.entrypoints.http.common import Mutation, acting, does_casework, services
from authority.entrypoints.web.i18n import error_text, language, translator
from authority.entrypoints.web.render import LOCAL, page, reads
from authority.entrypoints.web.session import User


def as_of_instant(as_of: str | None) -> datetime | None:
    """A moment (local Danish time unless it carries an offset); a bare date means the end of
    that day. The case is shown as it stood then."""
    if not as_of:
        return None
    if len(as_of) == 10:
        return within(datetime.combine(date.fromisoformat(as_of), time.max, tzinfo=LOCAL))
    moment = datetime.fromisoformat(as_of)
    return within(moment if moment.tzinfo else moment.replace(tzinfo=LOCAL))


def contract_view(c: dict[str, Any]) -> dict[str, Any]:
    """The latest version with its signatures; the version in force stays so while a newer
    one waits for both to sign it."""
    version = len(c["versions"])
    signed = c["authority_signed"] == version, c["provider_signed"] == version
    in_force = c.get("in_force_version")
    return c | {
        "version": version,
        "terms": c["versions"][-1],
        "signed_by_authority": signed[0],
        "signed_by_provider": signed[1],
        "in_force": in_force is not None
        and not (c["termination"] or {}).get("ended")
        and not c.get("expired_on"),
        "in_force_terms": c["versions"][in_force - 1] if in_force else None,
        "pending_version": None if version == in_force else version,
    }


async def case_context(
    s: Services, case_id: UUID, at: datetime | None, revealed: Any = None
) -> dict[str, Any]:
    queries = CaseQueries(s.kit)
    case = await queries.case(case_id, at)
    if revealed is not None:
        clear = render_case(revealed, 0, clear=True)
        case |= {k: clear[k] for k in ("child", "parents", "custody")}
    timeline = [
        e
        for e in await queries.timeline(case_id)
        if at is None or datetime.fromisoformat(e["recorded_at"]) <= at
    ]
    registry = list(await s.kit.views.rows("providers"))
    state, _ = await s.cases.load(case_id, at)
    goals = {g["goal_id"]: g for plan in case["action_plans"] for g in plan["goals"]}
    return {
        "case": case,
        "timeline": timeline,
        "providers": {str(p["provider_id"]): p for p in registry},
        "contracts": [contract_view(c) for c in case["contracts"]],
        "goals": goals,
        "measures": list(MeasureCode),
        "areas": list(GoalArea),
        "progress_levels": list(Progress),
        "revealed": revealed is not None,
        **case_file_context(state, at),
    }


def case_file_context(state: CaseState, at: datetime | None) -> dict[str, Any]:
    """The § 20, stk. 3 limit, and the parties each approved decision must reach (§ 3)."""
    on = (at or datetime.now(LOCAL)).astimezone(LOCAL).date()
    investigation = state.investigation
    due = limit(investigation) if investigation is not None else None
    approved = [d for d in state.decisions if d.status is DecisionStatus.APPROVED]
    aware = investigation.aware_since if investigation else None
    return {  # the law counts in Danish days
        "limit": due.astimezone(LOCAL).date() if due else None,
        "aware_since": aware.astimezone(LOCAL).date() if aware else None,
        "parties": [p.recipient.value for p in parties(state, on)] if approved else [],
        # § 32, stk. 2: who must consent to a decision (the custody holders)
        "consenters": sorted(state.custody.required_recipients(child_is_party=False)),
        # § 92: the plan's goals are made with the child and the custody holders
        "plan_participants": sorted(state.custody.required_recipients(child_is_party=True)),
        "note_categories": list(NoteCategory),
    }


async def show(
    request: Request,
    user: Principal,
    case_id: UUID,
    as_of: str | None = None,
    errors: dict[str, str] | None = None,
    revealed: Any = None,
    status: int = 200,
    posted: dict[str, str] | None = None,
) -> Response:
    s = services(request)
    t = translator(language(request))
    try:
        at = as_of_instant(as_of)
        context = await case_context(s, case_id, at, revealed)
    except DomainError as exc:
        message = error_text(t, exc.code, exc.message)
        return page(request, "missing.html", user, status=404, message=message)
    except ValueError:
        return await show(request, user, case_id, errors={"as_of": t("error.bad_date")})
    await s.cases.record_access(case_id, acting(user, Mutation()), "case_file")
    if does_casework(user):  # the providers' narratives and concern details, logged
        await s.texts.in_case(context["case"], acting(user, Mutation()))
    # The deadlines are today's (the read model is not historical): none in an as-of view.
    deadlines = [] if at is not None else await reads(request).work.case_deadlines(case_id)
    # Each open change request with its answer deadline (the scheduler's), shown beside it.
    dues = change_answers(deadlines)
    for request_view in context["case"].get("change_requests", []):
        request_view.update(dues.get(str(request_view["request_id"]), {"answer_due_at": None}))
    return page(
        request,
        "case.html",
        user,
        status=status,
        deadlines=deadlines,
        # The scheduler's answer deadline of each order awaiting an answer (the one deadline).
        answer_due={
            str(d["order_id"]): d["due_at"] for d in deadlines if d["kind"] == "order_answer_due"
        },
        now=datetime.now(UTC),
        as_of=as_of,
        read_only=at is not None,
        errors=errors or {},
        posted=posted or {},
        **context,
    )


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/cases/{case_id}")
    async def case(request: Request, case_id: UUID, user: User, as_of: str = "") -> Response:
        return await show(request, user, case_id, as_of or None)

    @ui.post("/cases/{case_id}/reveal")
    async def reveal(request: Request, case_id: UUID, user: User) -> Response:
        """Show the persons in clear; the app logs who looked and why."""
        form = await request.form()
        t = translator(language(request))
        try:
            body = Mutation(reason=str(form.get("reason", "")))
            state = await services(request).cases.reveal(case_id, acting(user, body))
        except DomainError as exc:
            errors = {"reveal": error_text(t, exc.code, exc.message)}
            return await show(request, user, case_id, errors=errors, status=422)
        except ValidationError:  # a reason longer than the log keeps
            errors = {"reveal": t("error.invalid_input")}
            return await show(request, user, case_id, errors=errors, status=422)
        return await show(request, user, case_id, revealed=state)

    return ui
