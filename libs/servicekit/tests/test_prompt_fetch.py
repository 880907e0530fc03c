"""An idle consumer fetches again at once: no nap between an empty fetch and the next."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from faststream.kafka import KafkaBroker
from servicekit import kafka
from servicekit.kafka import PromptBatchSubscriber, subscribe

TIMEOUT_MS = 60_000  # long enough that a nap of it would trip the test's guard


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Consumer:
    """``getmany`` answers from a script: (seconds it takes, what it returns) per call."""

    def __init__(self, clock: Clock, *script: tuple[float, dict[str, list[str]]]) -> None:
        self.clock, self.script = clock, list(script)

    async def getmany(self, timeout_ms: int, max_records: int) -> dict[str, list[str]]:
        took, fetched = self.script.pop(0)
        self.clock.now += took
        return fetched


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    made = Clock()
    monkeypatch.setattr(kafka, "_now", made)
    return made


@pytest.fixture
def naps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    taken: list[float] = []

    async def nap(seconds: float) -> None:
        taken.append(seconds)

    monkeypatch.setattr(kafka, "_nap", nap)
    return taken


async def next_batch(consumer: Consumer) -> tuple[Any, ...]:
    made = object.__new__(PromptBatchSubscriber)
    made.batch_timeout_ms, made.max_records = TIMEOUT_MS, 10
    # The guard: FastStream's own subscriber would sleep another TIMEOUT_MS here.
    return await asyncio.wait_for(made.get_msg(consumer), 5)


async def test_an_empty_fetch_that_waited_its_time_is_followed_by_no_nap(
    clock: Clock, naps: list[float]
) -> None:
    # Given a fetch that waited its whole timeout and found nothing
    consumer = Consumer(clock, (TIMEOUT_MS / 1000, {}))
    # When the subscriber asks for the next batch
    got = await next_batch(consumer)
    # Then it returns nothing at once, so the next fetch starts without a pause
    assert got == ()
    assert naps == []


async def test_an_empty_fetch_that_came_back_early_sleeps_only_the_rest(
    clock: Clock, naps: list[float]
) -> None:
    # Given a fetch that returned empty after 10 s (no partitions assigned yet)
    consumer = Consumer(clock, (10.0, {}))
    # When the subscriber asks for the next batch
    await next_batch(consumer)
    # Then it sleeps what is left of the timeout, so the loop does not spin
    assert naps == [TIMEOUT_MS / 1000 - 10.0]


async def test_records_from_every_partition_come_back_in_one_batch(
    clock: Clock, naps: list[float]
) -> None:
    consumer = Consumer(clock, (0.0, {"p0": ["a", "b"], "p1": ["c"]}))
    assert await next_batch(consumer) == ("a", "b", "c")
    assert naps == []


def test_subscribe_installs_the_prompt_subscriber() -> None:
    # Given a broker, when a pipeline subscribes
    broker = KafkaBroker("127.0.0.1:9")
    pipeline: Any = type("Pipeline", (), {"consumer": "test", "handle": None})()
    subscribe(broker, ["some.topic"], "group", pipeline)
    # Then its subscriber is the one that does not nap after an empty fetch
    assert [type(s) for s in broker.subscribers] == [PromptBatchSubscriber]
