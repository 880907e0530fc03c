"""Bounded types for what HTTP clients send: dates, moments and periods the services can
compute with.

A date in year 9999 plus a contract's months, or a moment whose offset pushes it past year
1 or 9999, used to overflow deep inside a handler (a 500, sometimes only at signing). Every
date and moment an API accepts lies in [FIRST_DAY, LAST_DAY], which leaves room for any
duration the contracts allow, and is refused with 422 otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field

FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2199, 12, 31)
MAX_PERIOD = timedelta(days=366)  # reports over a period: one year (a leap year) at most

Day = Annotated[
    date, Field(ge=FIRST_DAY, le=LAST_DAY, description=f"A date from {FIRST_DAY} to {LAST_DAY}")
]


def within(moment: datetime) -> datetime:
    """``moment`` if it lies from FIRST_DAY to LAST_DAY, else ValueError."""
    try:
        utc = moment.astimezone(UTC) if moment.tzinfo else moment
    except OverflowError as exc:  # an offset past year 1 or 9999
        raise ValueError("the moment is out of range") from exc
    if not FIRST_DAY <= utc.date() <= LAST_DAY:
        raise ValueError(f"the moment must lie from {FIRST_DAY} to {LAST_DAY}")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(within)]
"""A moment with its UTC offset, from FIRST_DAY to LAST_DAY."""
AsOf = Annotated[datetime, AfterValidator(within)]
"""A moment to read history at; without an offset it is UTC."""


def period_error(start: date, end: date) -> str | None:
    """Why ``start``..``end`` is not a period to report on, or None."""
    if end < start:
        return "The period ends before it starts."
    if end - start > MAX_PERIOD:
        return f"The period is longer than {MAX_PERIOD.days} days; ask for it in parts."
    return None
