"""Properties of working-day arithmetic that must hold for any date and any calendar."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from scheduler.domain import Roll, WorkingCalendar, add_months

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
calendars = st.builds(
    WorkingCalendar,
    closing_days=st.frozensets(dates, max_size=20),
    grundlovsdag_closed=st.booleans(),
    annual_closing_days=st.frozensets(
        st.sampled_from([(12, 24), (12, 31), (5, 1), (6, 5)]), max_size=4
    ),
)
counts = st.integers(min_value=1, max_value=40)


@settings(max_examples=200)
@given(cal=calendars, d=dates, n=counts)
def test_add_working_days_lands_on_a_working_day_strictly_after(
    cal: WorkingCalendar, d: date, n: int
) -> None:
    result = cal.add_working_days(d, n)
    assert cal.is_working_day(result)
    assert result > d


@settings(max_examples=200)
@given(cal=calendars, d=dates, n=counts)
def test_add_working_days_is_strictly_monotonic_in_n(cal: WorkingCalendar, d: date, n: int) -> None:
    assert cal.add_working_days(d, n - 1) < cal.add_working_days(d, n)


@settings(max_examples=200)
@given(cal=calendars, d=dates, n=counts)
def test_working_days_before_undoes_add_working_days_from_a_working_day(
    cal: WorkingCalendar, d: date, n: int
) -> None:
    start = cal.roll(d, Roll.FORWARD)
    assert cal.working_days_before(cal.add_working_days(start, n), n) == start


@given(cal=calendars, d=dates)
def test_roll_lands_on_a_working_day_on_the_right_side(cal: WorkingCalendar, d: date) -> None:
    back, forward = cal.roll(d, Roll.BACKWARD), cal.roll(d, Roll.FORWARD)
    assert cal.is_working_day(back)
    assert cal.is_working_day(forward)
    assert back <= d <= forward


@given(d=dates, n=st.integers(min_value=-60, max_value=60))
def test_add_months_moves_whole_months_and_never_overflows(d: date, n: int) -> None:
    result = add_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    assert result.day <= d.day
    # a shorter day only when clamped, i.e. the result is its month's last day
    assert result.day == d.day or (result + timedelta(days=1)).day == 1
