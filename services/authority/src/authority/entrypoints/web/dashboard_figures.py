"""What the dashboard says about the figures: the period asked for (or why it is refused),
each deadline kind's row with a verdict in words as well as colour, and the answer-time bars
with a provider's name (or its reference, before it has published any) and no "0.0 days"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from samspil_contracts import DeadlineKind

from authority.app.readmodels import KindFigure, Period
from authority.entrypoints.web.charts import Bar
from authority.entrypoints.web.i18n import Translate

# The deadlines the law sets (barnets lov §§ 20, 91, 95, 135, 136): always shown, even empty.
STATUTORY = (
    DeadlineKind.INVESTIGATION_LIMIT,
    DeadlineKind.ACTION_PLAN_DUE,
    DeadlineKind.FOLLOW_UP_DUE,
    DeadlineKind.NOTIFICATION_ASSESSMENT_DUE,
    DeadlineKind.NOTIFICATION_RECEIPT_DUE,
)
KINDS = {k.value for k in DeadlineKind}
ALERT_BELOW, WATCH_BELOW = 0.75, 0.95


@dataclass(frozen=True)
class Asked:
    """The period as typed, the one used and the refusals by field (start, end)."""

    period: Period
    start: str
    end: str
    errors: dict[str, str]


def period_of(start: str, end: str, today: date, t: Translate) -> Asked:
    errors: dict[str, str] = {}
    first = _day(start, today - timedelta(days=365), "start", errors, t)
    last = _day(end, today, "end", errors, t)
    if not errors and first > last:
        errors["end"] = t("dash.reversed")
    return Asked(Period(first, last), start or first.isoformat(), end or last.isoformat(), errors)


# The years a period may span: the figures' date arithmetic (a day either side) and any
# real history fit, 0001-01-01 or 9999-12-31 (an overflow, a 500) do not.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _day(text: str, default: date, field: str, errors: dict[str, str], t: Translate) -> date:
    try:
        day = date.fromisoformat(text) if text else default
    except ValueError:
        errors[field] = t("dash.bad_date")
        return default
    if not EARLIEST <= day <= LATEST:
        errors[field] = t("dash.out_of_range")
        return default
    return day


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def verdict(k: KindFigure) -> str:
    """alert (overdue, or under 75 % on time), watch (at risk, or under 95 %), ok, or none."""
    on_time = share(k.on_time, k.met)
    if k.overdue or (on_time is not None and on_time < ALERT_BELOW):
        return "alert"
    if k.at_risk or (on_time is not None and on_time < WATCH_BELOW):
        return "watch"
    return "ok" if k.met or k.open else "none"


def kind_rows(found: Sequence[KindFigure]) -> list[KindFigure]:
    """The statutory kinds first (empty ones too), then any other kind with figures."""
    by_kind = {k.kind: k for k in found}
    rows = [by_kind.pop(k.value, KindFigure(k.value)) for k in STATUTORY]
    return rows + [by_kind[k] for k in sorted(by_kind)]


def answer_bars(t: Translate, days: dict[str, float]) -> list[Bar]:
    return [(provider_label(t, n), d, answer_text(t, d)) for n, d in days.items()]


def provider_label(t: Translate, name: str) -> str:
    return t("dash.unnamed_provider", ref=name[1:]) if name.startswith("#") else name


def answer_text(t: Translate, days: float) -> str:
    return t("dash.same_day") if days < 0.5 else t("dash.days", n=f"{days:.1f}")
