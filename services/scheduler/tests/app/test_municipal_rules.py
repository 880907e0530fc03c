"""A municipality's rule settings ⇄ the domain's rules, and the law's outer limits."""

import asyncio
from datetime import date, timedelta

import pytest
from scheduler.app.municipal_rules import (
    DEFAULT_SETTINGS,
    MunicipalRules,
    RuleSettings,
    RulesVersion,
)
from scheduler.domain import DEFAULT_RULES, DomainError


def test_the_defaults_are_the_seeds_and_the_law() -> None:
    settings = DEFAULT_SETTINGS
    assert (settings.first_follow_up_months, settings.follow_up_interval_months) == (3, 6)
    assert settings.investigation_limit_months == 4
    assert settings.grundlovsdag_closed is True
    assert settings.annual_closing_days == ("12-24", "12-31")
    assert settings.to_rules() == DEFAULT_RULES


def test_closing_days_and_grundlovsdag_reach_the_calendar() -> None:
    settings = DEFAULT_SETTINGS.model_copy(
        update={"grundlovsdag_closed": False, "closing_days": (date(2027, 5, 7),)}
    )
    calendar = settings.to_rules().calendar
    assert calendar.is_working_day(date(2027, 6, 4)) is True  # a Friday, no closing day
    assert calendar.is_working_day(date(2027, 5, 7)) is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("follow_up_interval_months", 7),
        ("first_follow_up_months", 4),
        ("investigation_limit_months", 5),
        ("order_receipt_working_days", 6),
    ],
)
def test_rules_that_relax_the_law_or_contradict_themselves_are_refused(
    field: str, value: int
) -> None:
    settings = RuleSettings.model_validate({**DEFAULT_SETTINGS.model_dump(), field: value})
    with pytest.raises(DomainError):
        settings.to_rules()


def test_a_calendar_closed_for_over_a_month_is_refused_before_it_is_stored() -> None:
    # Given rules that close the offices every day of the year (all 366 month-days)
    every_day = tuple(
        f"{d.month:02d}-{d.day:02d}" for d in (date(2024, 1, 1) + timedelta(n) for n in range(366))
    )
    settings = DEFAULT_SETTINGS.model_copy(update={"annual_closing_days": every_day})
    version = RulesVersion(municipality="101", version=1, settings=settings, reason="test")
    rules = MunicipalRules(Unused())
    # When they are to be stored, then they are refused before the store is asked
    with pytest.raises(DomainError) as refused:
        asyncio.run(rules.change(None, 0, version))  # type: ignore[arg-type]
    assert refused.value.code == "calendar_closed_too_long"


class Unused:
    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the store was asked ({name})")
