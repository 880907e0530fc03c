"""The Danish working calendar of one municipality.

Public holidays come from the `holidays` package; that is data (a table of dates), not I/O,
and it is reached only through `danish_public_holidays` so the rest of the domain is plain
date arithmetic. The package follows the law: Great Prayer Day (store bededag) is a holiday
up to 2023 and was abolished from 2024.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays

from scheduler.domain.errors import DomainError
from scheduler.domain.local_time import COPENHAGEN, at_local, to_local_date

__all__ = [
    "COPENHAGEN",
    "Roll",
    "WorkingCalendar",
    "add_months",
    "at_local",
    "danish_public_holidays",
    "to_local_date",
]

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5
# No office closes longer than this in a row (Easter closes five days, a week's summer
# closure with its weekends nine). A search for a working day gives up after it, and rules
# closing longer are refused: a calendar with no working day left would make every
# deadline search run off the dates.
MAX_CLOSED_DAYS = 31
CONSTITUTION_DAY = (6, 5)  # Grundlovsdag: not a public holiday, but most offices close
CHRISTMAS_EVE_AND_NEW_YEARS_EVE = frozenset({(12, 24), (12, 31)})


@lru_cache(maxsize=256)
def danish_public_holidays(year: int) -> frozenset[date]:
    """The statutory Danish public holidays (helligdage) of one year."""
    return frozenset(holidays.country_holidays("DK", years=year).keys())


def add_months(d: date, n: int) -> date:
    """`d` plus `n` calendar months, clamped to the month's end (30 Nov + 3 = 28/29 Feb)."""
    months = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last_day))


class Roll(StrEnum):
    """Where a date that falls on a non-working day moves to."""

    BACKWARD = "backward"  # the previous working day: our own duty is met in time
    FORWARD = "forward"  # the next working day: the other party keeps the full period
    NONE = "none"  # keep the date as computed


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Which days the municipality's offices work.

    `closing_days` are one-off dates (e.g. the Friday after Ascension Day in a given year);
    `annual_closing_days` recur every year as (month, day), by default 24 and 31 December.
    """

    closing_days: frozenset[date] = frozenset()
    grundlovsdag_closed: bool = True
    annual_closing_days: frozenset[tuple[int, int]] = field(default=CHRISTMAS_EVE_AND_NEW_YEARS_EVE)

    def is_working_day(self, d: date) -> bool:
        if d.weekday() >= _SATURDAY or d in danish_public_holidays(d.year):
            return False
        month_day = (d.month, d.day)
        if self.grundlovsdag_closed and month_day == CONSTITUTION_DAY:
            return False
        return month_day not in self.annual_closing_days and d not in self.closing_days

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        return self._nearest_working_day(d, _ONE_DAY)

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before `d`."""
        return self._nearest_working_day(d, -_ONE_DAY)

    def _nearest_working_day(self, d: date, step: timedelta) -> date:
        start = d
        for _ in range(MAX_CLOSED_DAYS + 1):
            try:
                d += step
            except OverflowError:
                break  # off the calendar (year 1 or 9999)
            if self.is_working_day(d):
                return d
        raise DomainError(
            "no_working_day",
            f"no working day within {MAX_CLOSED_DAYS} days of {start.isoformat()}",
        )

    def longest_closure(self, year: int) -> int:
        """The most days in a row without a working day that start in `year`."""
        longest = run = 0
        first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        for ordinal in range(first, min(last + MAX_CLOSED_DAYS + 1, date.max.toordinal()) + 1):
            run = 0 if self.is_working_day(date.fromordinal(ordinal)) else run + 1
            longest = max(longest, run)
        return longest

    def refuse_long_closures(self, years: Iterable[int]) -> None:
        """DomainError if the calendar closes more than MAX_CLOSED_DAYS in a row in any of
        `years` (each year's closing days, the annual ones and the public holidays)."""
        for year in sorted(set(years)):
            closed = self.longest_closure(year)
            if closed > MAX_CLOSED_DAYS:
                raise DomainError(
                    "calendar_closed_too_long",
                    f"the calendar closes {closed} days in a row in {year}; "
                    f"at most {MAX_CLOSED_DAYS} are allowed",
                )

    def add_working_days(self, d: date, n: int) -> date:
        """The `n`-th working day after `d` (`d` itself never counts; n=0 gives `d`)."""
        if n < 0:
            raise ValueError("n must be >= 0; use working_days_before")
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_before(self, d: date, n: int) -> date:
        """The `n`-th working day before `d` (`d` itself never counts; n=0 gives `d`)."""
        if n < 0:
            raise ValueError("n must be >= 0; use add_working_days")
        for _ in range(n):
            d = self.previous_working_day(d)
        return d

    def roll(self, d: date, direction: Roll) -> date:
        """`d` if it is a working day, else the nearest working day in `direction`."""
        if direction is Roll.NONE or self.is_working_day(d):
            return d
        if direction is Roll.BACKWARD:
            return self.previous_working_day(d)
        return self.next_working_day(d)

    @staticmethod
    def add_months(d: date, n: int) -> date:
        return add_months(d, n)
