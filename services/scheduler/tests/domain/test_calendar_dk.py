"""The Danish working calendar: holidays, closing days, working-day and month arithmetic."""

from datetime import date, timedelta

import pytest
from scheduler.domain import DomainError, Roll, WorkingCalendar, add_months, danish_public_holidays

CAL = WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2027, 3, 25), "Maundy Thursday"),
        (date(2027, 3, 26), "Good Friday"),
        (date(2027, 3, 29), "Easter Monday"),
        (date(2027, 5, 6), "Ascension Day"),
        (date(2027, 5, 17), "Whit Monday"),
        (date(2027, 1, 1), "New Year's Day"),
    ],
)
def test_public_holidays_of_2027(day: date, name: str) -> None:
    # Given a weekday that is a public holiday
    assert day.weekday() < 5
    # Then the offices are closed, and the package lists it as a holiday
    assert not CAL.is_working_day(day), name
    assert day in danish_public_holidays(day.year)


def test_great_prayer_day_is_a_holiday_until_2023_and_abolished_from_2024() -> None:
    # Given store bededag: 4th Friday after Easter (5 May 2023, 26 April 2024)
    # Then it closes the offices in 2023 and is an ordinary Friday from 2024
    assert not CAL.is_working_day(date(2023, 5, 5))
    assert CAL.is_working_day(date(2024, 4, 26))
    assert date(2024, 4, 26) not in danish_public_holidays(2024)


def test_grundlovsdag_is_closed_by_default_and_configurable() -> None:
    # Given 5 June 2026, a Friday (not a statutory holiday)
    constitution_day = date(2026, 6, 5)
    assert constitution_day not in danish_public_holidays(2026)
    # Then the default calendar is closed, a municipality that works that day is open
    assert not CAL.is_working_day(constitution_day)
    assert WorkingCalendar(grundlovsdag_closed=False).is_working_day(constitution_day)


def test_christmas_eve_and_new_years_eve_are_closing_days_by_default_and_configurable() -> None:
    # Given 24 and 31 December 2027, both Fridays
    eve, new_years_eve = date(2027, 12, 24), date(2027, 12, 31)
    # Then closed by default
    assert not CAL.is_working_day(eve)
    assert not CAL.is_working_day(new_years_eve)
    # When a municipality keeps only 24 December
    only_eve = WorkingCalendar(annual_closing_days=frozenset({(12, 24)}))
    # Then 31 December is a working day there
    assert not only_eve.is_working_day(eve)
    assert only_eve.is_working_day(new_years_eve)


def test_one_off_closing_day_is_closed() -> None:
    # Given the municipality closes the Friday after Ascension Day 2027
    friday = date(2027, 5, 7)
    cal = WorkingCalendar(closing_days=frozenset({friday}))
    # Then that Friday is closed, and the next working day after Ascension is Monday
    assert CAL.is_working_day(friday)
    assert not cal.is_working_day(friday)
    assert cal.next_working_day(date(2027, 5, 6)) == date(2027, 5, 10)


def test_five_working_days_across_easter_2027() -> None:
    # Given Wednesday 24 March 2027, the day before Maundy Thursday
    # When adding 5 working days (Thu, Fri, Mon of Easter do not count)
    # Then it is Monday 5 April: 30, 31 March, 1, 2, 5 April
    assert CAL.add_working_days(date(2027, 3, 24), 5) == date(2027, 4, 5)
    assert CAL.add_working_days(date(2027, 3, 24), 3) == date(2027, 4, 1)
    assert CAL.add_working_days(date(2027, 3, 24), 0) == date(2027, 3, 24)


def test_working_days_before_and_previous_working_day_skip_easter() -> None:
    # Given Tuesday after Easter 2027
    tuesday = date(2027, 3, 30)
    # Then the previous working day is the Wednesday before Maundy Thursday
    assert CAL.previous_working_day(tuesday) == date(2027, 3, 24)
    assert CAL.working_days_before(tuesday, 2) == date(2027, 3, 23)
    assert CAL.working_days_before(tuesday, 0) == tuesday


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="n must be >= 0"):
        CAL.add_working_days(date(2027, 1, 4), -1)
    with pytest.raises(ValueError, match="n must be >= 0"):
        CAL.working_days_before(date(2027, 1, 4), -1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 3, 24), 3, date(2027, 6, 24)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 10, 15), 6, date(2028, 4, 15)),  # across the year end
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected
    assert WorkingCalendar.add_months(start, months) == expected


def test_roll_moves_a_closed_day_in_the_chosen_direction() -> None:
    # Given Easter Monday 2027
    easter_monday = date(2027, 3, 29)
    # Then backward is the Wednesday before Maundy Thursday, forward the Tuesday after
    assert CAL.roll(easter_monday, Roll.BACKWARD) == date(2027, 3, 24)
    assert CAL.roll(easter_monday, Roll.FORWARD) == date(2027, 3, 30)
    assert CAL.roll(easter_monday, Roll.NONE) == easter_monday
    # And a working day never moves
    assert CAL.roll(date(2027, 3, 30), Roll.BACKWARD) == date(2027, 3, 30)


def test_a_calendar_without_working_days_gives_up_with_a_domain_error() -> None:
    # Given a calendar that closes every day of the year (366 annual closing days)
    every_day = frozenset(
        (d.month, d.day) for d in (date(2024, 1, 1) + timedelta(n) for n in range(366))
    )
    closed = WorkingCalendar(annual_closing_days=every_day)
    # When a deadline searches for a working day, then it stops with a clear refusal
    with pytest.raises(DomainError, match="no working day within 31 days"):
        closed.add_working_days(date(2027, 3, 1), 10)
    with pytest.raises(DomainError) as refused:
        closed.roll(date(2027, 3, 1), Roll.BACKWARD)
    assert refused.value.code == "no_working_day"


def test_the_search_stops_at_the_end_of_the_dates() -> None:
    with pytest.raises(DomainError):
        WorkingCalendar().next_working_day(date(9999, 12, 31))


def test_the_longest_closure_counts_weekends_holidays_and_closing_days_together() -> None:
    # Maundy Thursday to Easter Monday 2027: five days closed
    assert WorkingCalendar().longest_closure(2027) == 5
    closed_a_month = WorkingCalendar(
        closing_days=frozenset(date(2027, 7, 1) + timedelta(n) for n in range(40))
    )
    with pytest.raises(DomainError) as refused:
        closed_a_month.refuse_long_closures([2027])
    assert refused.value.code == "calendar_closed_too_long"
    WorkingCalendar().refuse_long_closures([2024, 2025, 9999])  # the usual calendar passes
