"""Copenhagen local time: 09:00 stays 09:00 across daylight saving changes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from scheduler.domain import at_local, to_local_date

NINE = time(9, 0)
WINTER, SUMMER = timedelta(hours=1), timedelta(hours=2)


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        (date(2027, 3, 27), WINTER),  # Saturday before the last Sunday of March
        (date(2027, 3, 28), SUMMER),  # the change happens at 02:00 that Sunday
        (date(2027, 3, 29), SUMMER),
        (date(2027, 10, 30), SUMMER),  # Saturday before the last Sunday of October
        (date(2027, 10, 31), WINTER),  # the change happens at 03:00 that Sunday
        (date(2027, 11, 1), WINTER),
    ],
)
def test_nine_oclock_has_the_offset_of_its_day(day: date, offset: timedelta) -> None:
    # When a deadline is set at 09:00 local
    due = at_local(day, NINE)
    # Then it reads 09:00 locally and has that day's UTC offset
    assert (due.hour, due.minute) == (9, 0)
    assert due.utcoffset() == offset
    assert due.astimezone(UTC).hour == 9 - offset.seconds // 3600


def test_a_time_in_the_spring_gap_moves_one_hour_later() -> None:
    # Given 02:30 on 28 March 2027 does not exist (clocks jump 02:00 -> 03:00)
    instant = at_local(date(2027, 3, 28), time(2, 30))
    # Then it is the instant the wall clock shows as 03:30 summer time
    assert (instant.hour, instant.minute) == (3, 30)
    assert instant.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


def test_an_ambiguous_autumn_time_is_the_earlier_instant() -> None:
    # Given 02:30 on 31 October 2027 happens twice (clocks go 03:00 -> 02:00)
    instant = at_local(date(2027, 10, 31), time(2, 30))
    # Then the first occurrence, still on summer time, is chosen
    assert instant.utcoffset() == SUMMER
    assert instant.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_to_local_date_uses_the_danish_day() -> None:
    # Given 22:30 UTC on a summer evening, which is 00:30 the next day in Copenhagen
    late = datetime(2027, 6, 23, 22, 30, tzinfo=UTC)
    # Then the local date is the 24th
    assert to_local_date(late) == date(2027, 6, 24)
    assert to_local_date(datetime(2027, 1, 4, 22, 30, tzinfo=UTC)) == date(2027, 1, 4)


def test_naive_values_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        to_local_date(datetime(2027, 1, 4, 9, 0))
    with pytest.raises(ValueError, match="naive"):
        at_local(date(2027, 1, 4), time(9, 0, tzinfo=UTC))
