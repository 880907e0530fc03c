"""The decider specification passes what holds and fails, saying why, on what does not."""

from __future__ import annotations

import pytest
from servicekit.decider import Decider
from testkit import DeciderSpec


class Refused(Exception):
    code = "already_open"


def decide(opener: str, opened_by: str | None) -> list[str]:
    """A door: the command and the event are the opener's name."""
    if opened_by == opener:
        return []  # the same opener again: nothing new
    if opened_by is not None:
        raise Refused(f"opened by {opened_by}")
    return [opener]


SPEC = DeciderSpec(Decider(None, decide, lambda _, opener: opener), refusal=Refused)


def test_then_returns_the_state_the_events_lead_to() -> None:
    assert SPEC.given().when("ann").then("ann") == "ann"


def test_then_with_no_events_is_an_idempotent_repeat() -> None:
    assert SPEC.given("ann").when("ann").then() == "ann"


def test_then_fails_on_other_events() -> None:
    with pytest.raises(AssertionError, match="expected"):
        SPEC.given().when("ann").then("bob")


def test_then_refused_returns_the_refusal_with_its_code() -> None:
    refusal = SPEC.given("ann").when("bob").then_refused("already_open")
    assert "ann" in str(refusal)


def test_then_refused_fails_on_another_code_or_on_events() -> None:
    with pytest.raises(AssertionError, match="already_open"):
        SPEC.given("ann").when("bob").then_refused("locked")
    with pytest.raises(AssertionError, match="expected refusal"):
        SPEC.given().when("ann").then_refused("already_open")


def test_after_folds_what_each_command_decides() -> None:
    assert SPEC.after("ann", "ann") == "ann"


def test_events_are_what_the_command_decides_without_asserting_them() -> None:
    assert SPEC.given().when("ann").events() == ["ann"]
    assert SPEC.given("ann").when("ann").events() == []


def test_a_given_history_goes_on_with_more_events() -> None:
    SPEC.given().given("ann").when("bob").then_refused("already_open")
