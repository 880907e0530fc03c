"""The compliance dashboard (``/ui/dashboard``): for a period and team, each deadline kind's
on-time share with the open ones at risk or overdue (each figure a link to its cases), key
figures as SVG charts with the same figures in tables beside them, and the deadline table as
CSV or XLSX. A reversed or malformed period is refused next to its field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from authority.app.readmodels import DEADLINE_STATES, Figures, KindFigure
from authority.domain.followup import Progress
from authority.entrypoints.web import dashboard_export as export
from authority.entrypoints.web.charts import Bar, bar_chart
from authority.entrypoints.web.dashboard_figures import (
    KINDS,
    Asked,
    answer_bars,
    kind_rows,
    period_of,
    share,
    verdict,
)
from authority.entrypoints.web.i18n import Translate, language, translator
from authority.entrypoints.web.render import kroner, page, reads
from authority.entrypoints.web.session import User


def charts(t: Translate, figures: Figures) -> dict[str, tuple[str, list[Bar]]]:
    """Each chart's title and bars (label, value, value as text)."""
    progress = figures.goal_progress
    levels = [(t(f"progress.{p.value}"), progress.get(p.value, 0)) for p in Progress]
    return {
        "answers": (t("dash.answer_days"), answer_bars(t, figures.answer_days)),
        "progress": (
            t("dash.goal_attainment"),
            [(label, n, str(n)) for label, n in levels] if any(progress.values()) else [],
        ),
        "costs": (
            t("dash.cost_per_measure"),
            [(t(f"measure.{m}"), v, kroner(v)) for m, v in figures.cost_per_measure.items()],
        ),
    }


def query_of(asked: Asked, team: str | None) -> str:
    return urlencode({"start": asked.start, "end": asked.end, "team": team or ""})


async def _scope(request: Request, team: str) -> tuple[list[str], str | None]:
    teams = await reads(request).teams.names()
    return teams, (team if team in teams else None)


async def _kinds(request: Request, asked: Asked, team: str | None) -> list[KindFigure]:
    now = datetime.now(UTC)
    return kind_rows(await reads(request).compliance.deadline_kinds(asked.period, team, now))


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/dashboard")
    async def dashboard(
        request: Request, user: User, start: str = "", end: str = "", team: str = ""
    ) -> Response:
        t = translator(language(request))
        asked = period_of(start, end, date.today(), t)
        teams, chosen = await _scope(request, team)
        shown: dict[str, Any] = dict(asked=asked, teams=teams, team=chosen)
        shown["query"] = query_of(asked, chosen)
        if asked.errors:
            return page(request, "dashboard.html", user, 422, errors=asked.errors, **shown)
        figures = await reads(request).compliance.figures(asked.period, chosen, date.today())
        drawn = {
            key: (title, bars, bar_chart(title, bars))
            for key, (title, bars) in charts(t, figures).items()
        }
        return page(
            request, "dashboard.html", user, errors={}, charts=drawn, figures=figures,
            kinds=await _kinds(request, asked, chosen), share=share, verdict=verdict, **shown,
        )  # fmt: skip

    @ui.get("/dashboard/deadlines")
    async def drill_down(
        request: Request, user: User, kind: str, state: str, start: str = "", end: str = "",
        team: str = "", p: int = 1,
    ) -> Response:  # fmt: skip
        t = translator(language(request))
        asked = period_of(start, end, date.today(), t)
        if kind not in KINDS or state not in DEADLINE_STATES or asked.errors:
            raise HTTPException(404)
        _, chosen = await _scope(request, team)
        found = await reads(request).compliance.deadline_cases(
            kind, state, asked.period, chosen, datetime.now(UTC), p
        )
        return page(
            request, "dashboard_cases.html", user, kind=kind, state=state, asked=asked,
            team=chosen, rows=found, query=query_of(asked, chosen), now=datetime.now(UTC),
        )  # fmt: skip

    @ui.get("/dashboard/export.{fmt}")
    async def download(
        request: Request, user: User, fmt: str, start: str = "", end: str = "", team: str = ""
    ) -> Response:
        t = translator(language(request))
        asked = period_of(start, end, date.today(), t)
        if fmt not in export.MEDIA or asked.errors:
            raise HTTPException(404 if fmt not in export.MEDIA else 422)
        _, chosen = await _scope(request, team)
        scope = chosen or t("dash.all_teams")
        rows = export.table(t, asked, scope, await _kinds(request, asked, chosen))
        body = export.as_csv(rows) if fmt == "csv" else export.as_xlsx(rows, t("dash.title"))
        name = f"samspil-{asked.period.start}-{asked.period.end}.{fmt}"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(body, media_type=export.MEDIA[fmt], headers=headers)

    return ui
