"""Jinja2 pages: every template gets the translator, the language and the signed-in user."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from servicekit.auth import Principal

from authority.app.readmodels import ReadModels
from authority.domain.settlement import LineRejection
from authority.entrypoints.web import csrf, directory, i18n

HERE = Path(__file__).parent
LOCAL = ZoneInfo("Europe/Copenhagen")
CASE_PATH = re.compile(r"^/ui/cases/[0-9a-f-]{36}")
env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def day(value: Any) -> str:
    """Dates as the Danish write them (dd.mm.yyyy); ISO strings from JSON views too."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    if isinstance(value, datetime):
        local = value.astimezone(LOCAL) if value.tzinfo else value
        return local.strftime("%d.%m.%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _utc(moment: datetime) -> datetime:
    """The read models keep instants in UTC; SQLite hands them back without the offset."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def time_left(due_at: datetime, now: datetime) -> tuple[bool, int]:
    """(overdue, whole Danish calendar days to or past ``due_at``) as of ``now``."""
    due_at = _utc(due_at)
    due, today = due_at.astimezone(LOCAL).date(), now.astimezone(LOCAL).date()
    return (due_at < now, abs((due - today).days))


def minute(value: datetime) -> str:
    """A deadline's moment in Danish local time, to the minute."""
    return _utc(value).astimezone(LOCAL).strftime("%d.%m.%Y %H:%M")


def kroner(oere: Any) -> str:
    amount = (int(oere or 0)) / 100
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " kr."


def local_input(value: Any) -> str:
    """A moment as the value of a datetime-local input (Danish time, to the second)."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo:
        moment = moment.astimezone(LOCAL)
    return str(moment.strftime("%Y-%m-%dT%H:%M:%S"))


def fromjson(value: Any) -> Any:
    """Scope and frequency are stored as JSON text ({hours, per} / {times, per})."""
    return json.loads(value) if isinstance(value, str) else value


def cpr(value: str) -> str:
    """A revealed number as it is written (DDMMYY-SSSS); the mask passes through."""
    return f"{value[:6]}-{value[6:]}" if len(value) == 10 and value.isdigit() else value


def case_number(value: str | None) -> str:
    """The case number as people read it aloud: two groups of four."""
    return f"{value[:4]}-{value[4:]}" if value and len(value) == 8 else (value or "")


def localday(value: datetime | None) -> str:
    return _utc(value).astimezone(LOCAL).strftime("%d.%m.%Y") if value else ""


env.filters["case_number"] = case_number
env.filters["localday"] = localday
env.filters["cpr"] = cpr
env.filters["day"] = day
env.filters["fromjson"] = fromjson
env.filters["local_input"] = local_input
env.filters["kroner"] = kroner
env.filters["minute"] = minute
env.globals["time_left"] = time_left
env.globals["rejection_codes"] = [code.value for code in LineRejection]


def here(request: Request) -> str:
    """Where the language toggle returns to: this page, or for a form's answer its case."""
    if request.method == "GET":
        query = f"?{request.url.query}" if request.url.query else ""
        return request.url.path + query
    found = CASE_PATH.match(request.url.path)
    return found.group(0) if found else "/ui/"


def reads(request: Request) -> ReadModels:
    """The query ports, wired by the composition root."""
    found: ReadModels = request.app.state.reads
    return found


def page(
    request: Request,
    template: str,
    user: Principal | None,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    lang = i18n.language(request)
    t = i18n.translator(lang)
    people = getattr(request.state, "people", {})
    html = env.get_template(template).render(
        request=request,
        t=t,
        person=lambda uid: directory.name_of(people, t, uid),
        described=lambda uid, role="": directory.described(people, t, uid, role),
        lang=lang,
        other_lang="en" if lang == "da" else "da",
        user=user,
        roles=set(user.roles) if user else set(),
        path=request.url.path,
        here=here(request),
        csrf=csrf.token(request),
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    csrf.remember_seed(request, response)
    if request.query_params.get("lang") in i18n.CATALOGUES:
        response.set_cookie(i18n.COOKIE, lang, samesite="lax", max_age=365 * 24 * 3600)
    return response
