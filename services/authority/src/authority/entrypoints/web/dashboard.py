"""The compliance dashboard (``/ui/dashboard``): key figures for a period and team, as SVG
charts with the same figures in tables beside them."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.app.readmodels import Figures, Period
from authority.domain.followup import Progress
from authority.entrypoints.web.charts import Bar, bar_chart
from authority.entrypoints.web.i18n import Translate, language, translator
from authority.entrypoints.web.render import kroner, page, reads
from authority.entrypoints.web.session import User


def period_of(start: str, end: str, today: date) -> Period:
    try:
        first = date.fromisoformat(start) if start else today - timedelta(days=365)
        last = date.fromisoformat(end) if end else today
    except ValueError:
        first, last = today - timedelta(days=365), today
    return Period(first, last)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def charts(t: Translate, figures: Figures) -> dict[str, tuple[str, list[Bar]]]:
    """Each chart's title and bars (label, value, value as text)."""
    progress = figures.goal_progress
    return {
        "answers": (
            t("dash.answer_days"),
            [(n, d, t("dash.days", n=f"{d:.1f}")) for n, d in figures.answer_days.items()],
        ),
        "progress": (
            t("dash.goal_attainment"),
            [
                (t(f"progress.{p.value}"), progress.get(p.value, 0), str(progress.get(p.value, 0)))
                for p in Progress
            ],
        ),
        "costs": (
            t("dash.cost_per_measure"),
            [(t(f"measure.{m}"), v, kroner(v)) for m, v in figures.cost_per_measure.items()],
        ),
    }


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/dashboard")
    async def dashboard(
        request: Request, user: User, start: str = "", end: str = "", team: str = ""
    ) -> Response:
        t = translator(language(request))
        today = date.today()
        period = period_of(start, end, today)
        teams = await reads(request).teams.names()
        chosen = team if team in teams else None
        figures = await reads(request).compliance.figures(period, chosen, today)
        drawn = {
            key: (title, bars, bar_chart(title, bars))
            for key, (title, bars) in charts(t, figures).items()
        }
        shares = {
            "followups": (
                share(figures.followups_held, figures.followups_due),
                figures.followups_held,
                figures.followups_due,
            ),
            "investigations": (
                share(figures.investigations_within, figures.investigations_judged),
                figures.investigations_within,
                figures.investigations_judged,
            ),
        }
        return page(
            request,
            "dashboard.html",
            user,
            period=period,
            charts=drawn,
            figures=shares,
            teams=teams,
            team=chosen,
        )

    return ui
