"""Local time in Denmark: every deadline is a wall-clock moment in Europe/Copenhagen.

Deadlines are stored as aware datetimes so that the instant is unambiguous, but they are
*computed* from local dates, because the law and the municipality count in Danish days.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def at_local(d: date, t: time) -> datetime:
    """The aware instant at wall-clock time `t` on date `d` in Copenhagen.

    The offset is the one in force on that day (+01:00 winter, +02:00 summer), so 09:00
    stays 09:00 local across the DST changes. Times that the clock skips or repeats follow
    PEP 495 with ``fold=0``:

    * nonexistent (e.g. 02:30 on the last Sunday of March): read with the offset from before
      the jump, which is the instant the wall clock shows as 03:30; the result is normalised
      so it reads 03:30+02:00.
    * ambiguous (e.g. 02:30 on the last Sunday of October): the first occurrence, still on
      summer time (+02:00), i.e. the earlier instant, so a deadline is never late.
    """
    if t.tzinfo is not None:
        raise ValueError("at_local takes a naive wall-clock time")
    wall = datetime.combine(d, t).replace(tzinfo=COPENHAGEN, fold=0)
    # Round-trip through UTC so a time in the spring gap reads as the real wall clock.
    return wall.astimezone(UTC).astimezone(COPENHAGEN)


def to_local_date(instant: datetime) -> date:
    """The Danish calendar date of an aware instant (23:30 UTC in summer is the next day)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("to_local_date needs an aware datetime")
    return instant.astimezone(COPENHAGEN).date()
