"""A municipality's rules on the in-memory store: versions appended, stale edits refused."""

from __future__ import annotations

import pytest
from scheduler.app.municipal_rules import DEFAULT_SETTINGS, RulesVersion
from scheduler.domain import DEFAULT_RULES, DomainError

from .memory import Scheduler


def version(n: int, payment_days: int) -> RulesVersion:
    settings = DEFAULT_SETTINGS.model_copy(update={"payment_days": payment_days})
    return RulesVersion(municipality="751", version=n, settings=settings, reason="test")


async def test_a_change_is_a_new_version_and_one_made_from_an_old_version_is_refused() -> None:
    scheduler = Scheduler()
    async with scheduler.store.unit_of_work() as tx:
        first = await scheduler.rules.change(tx, 0, version(1, 20))
    # When two edits are made from version 1, then the second is stale
    async with scheduler.store.unit_of_work() as tx:
        second = await scheduler.rules.change(tx, 1, version(2, 25))
    with pytest.raises(DomainError) as refused:
        async with scheduler.store.unit_of_work() as tx:
            await scheduler.rules.change(tx, 1, version(2, 30))
    assert refused.value.code == "stale_rules_version"
    # And the rules in force are the latest; each version keeps its own; none is the default
    async with scheduler.store.unit_of_work() as tx:
        history = await scheduler.rules.history(tx, "751")
        in_force = await scheduler.rules.rules_for(tx, "751")
        of_first = await scheduler.rules.rules_for(tx, "751", 1)
        unknown = await scheduler.rules.rules_for(tx, None)
    assert [v.version for v in history] == [first.version, second.version] == [1, 2]
    assert (in_force.payment_days, of_first.payment_days) == (25, 20)
    assert unknown == DEFAULT_RULES


async def test_a_change_in_a_unit_of_work_that_fails_is_not_kept() -> None:
    scheduler = Scheduler()

    async def change_then_fail() -> None:
        async with scheduler.store.unit_of_work() as tx:
            await scheduler.rules.change(tx, 0, version(1, 20))
            raise RuntimeError("a later step failed")

    with pytest.raises(RuntimeError):
        await change_then_fail()
    async with scheduler.store.unit_of_work() as tx:
        assert (await scheduler.rules.current(tx, "751")).version == 0
