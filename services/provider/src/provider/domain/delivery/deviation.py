"""Delivered versus agreed hours, week by week, so deviations from the contract are visible."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from provider.domain.delivery.model import SessionLog
from provider.domain.values import Per, Scope

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


@dataclass(frozen=True, slots=True)
class DateRange:
    """Both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a date range cannot end before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class WeekDeviation:
    """One calendar week (Monday to Sunday), cut to the reported period."""

    week: DateRange
    agreed_minutes: int
    delivered_minutes: int

    @property
    def deviation_minutes(self) -> int:
        return self.delivered_minutes - self.agreed_minutes


@dataclass(frozen=True, slots=True)
class DeviationReport:
    period: DateRange
    weeks: tuple[WeekDeviation, ...]

    @property
    def agreed_minutes(self) -> int:
        return sum(week.agreed_minutes for week in self.weeks)

    @property
    def delivered_minutes(self) -> int:
        return sum(week.delivered_minutes for week in self.weeks)

    @property
    def deviation_minutes(self) -> int:
        return self.delivered_minutes - self.agreed_minutes


def hours_per_week(scope: Scope) -> Decimal:
    """The contract's scope as hours per week (a month counts as 52/12 weeks)."""
    match scope.per:
        case Per.DAY:
            return Decimal(scope.hours * 7)
        case Per.WEEK:
            return Decimal(scope.hours)
        case Per.MONTH:
            return Decimal(scope.hours) / WEEKS_PER_MONTH


def deviation(
    scope_hours_per_week: Decimal, logs: Iterable[SessionLog], period: DateRange
) -> DeviationReport:
    """Agreed and delivered minutes per week of `period`; a partial week is agreed pro rata."""
    sessions = [log for log in logs if log.on in period]
    weeks = tuple(
        WeekDeviation(
            week=week,
            agreed_minutes=_agreed_minutes(scope_hours_per_week, week.days),
            delivered_minutes=sum(log.minutes for log in sessions if log.on in week),
        )
        for week in _weeks(period)
    )
    return DeviationReport(period=period, weeks=weeks)


def _agreed_minutes(hours_per_week: Decimal, days: int) -> int:
    minutes = hours_per_week * 60 * days / 7
    return int(minutes.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _weeks(period: DateRange) -> Iterable[DateRange]:
    start = period.start
    while start <= period.end:
        sunday = start + timedelta(days=6 - start.weekday())
        yield DateRange(start, min(sunday, period.end))
        start = sunday + timedelta(days=1)
