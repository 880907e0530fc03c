"""The compliance dashboard (``/ui/dashboard``): key figures for a period, as SVG charts."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.domain.followup import Progress
from authority.entrypoints.http.common import services
from authority.entrypoints.web import metrics
from authority.entrypoints.web.charts import bar_chart
from authority.entrypoints.web.i18n import language, translator
from authority.entrypoints.web.readside import ReadSide, providers
from authority.entrypoints.web.render import kroner, page
from authority.entrypoints.web.session import User


def period_of(start: str, end: str, today: date) -> metrics.Period:
    try:
        first = date.fromisoformat(start) if start else today - timedelta(days=365)
        last = date.fromisoformat(end) if end else today
    except ValueError:
        first, last = today - timedelta(days=365), today
    return metrics.Period(first, last)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/dashboard")
    async def dashboard(request: Request, user: User, start: str = "", end: str = "") -> Response:
        t = translator(language(request))
        today = date.today()
        period = period_of(start, end, today)
        read = ReadSide(services(request).kit.store.engine)
        names = {
            r["provider_id"]: r["name"]
            for r in await read.all(sa.select(providers.c.provider_id, providers.c.name))
        }
        held, due = await metrics.followups_on_time(read, period, today)
        within, judged = await metrics.investigations_in_time(read, period, today)
        answers = await metrics.answer_days(read, period, names)
        progress = await metrics.goal_progress(read, period)
        costs = await metrics.cost_per_measure(read, period)
        charts = {
            "answers": bar_chart(
                t("dash.answer_days"),
                [(n, d, t("dash.days", n=f"{d:.1f}")) for n, d in answers.items()],
            ),
            "progress": bar_chart(
                t("dash.goal_attainment"),
                [
                    (t(f"progress.{p.value}"), progress[p.value], str(progress[p.value]))
                    for p in Progress
                ],
            ),
            "costs": bar_chart(
                t("dash.cost_per_measure"),
                [(t(f"measure.{m}"), v, kroner(v)) for m, v in costs.items()],
            ),
        }
        figures = {
            "followups": (share(held, due), held, due),
            "investigations": (share(within, judged), within, judged),
        }
        return page(request, "dashboard.html", user, period=period, charts=charts, figures=figures)

    return ui
