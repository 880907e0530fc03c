"""Stopping is bounded: a Kafka client that will not close does not keep the service from
exiting before the platform kills it (stop 28's CI: the provider outlived SIGTERM by 30 s)."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest
from servicekit.runtime import Workers
from structlog.testing import capture_logs


class Loop:
    """A worker loop that runs until the stop event (or is cancelled), like the relay."""

    def __init__(self) -> None:
        self.stopped = False

    async def run(self, stop: asyncio.Event) -> None:
        try:
            await stop.wait()
        finally:
            self.stopped = True


class StuckBroker:
    """A broker whose stop never returns (a consumer caught in a rebalance)."""

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        await asyncio.Event().wait()


class PlainBroker:
    def __init__(self) -> None:
        self.stopped = False

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        self.stopped = True


def workers(broker: Any, relay: Loop, grace: float) -> Workers:
    return Workers(relay=cast(Any, relay), projections=None, broker=broker, grace=grace)


async def test_a_broker_that_will_not_close_is_abandoned_after_the_grace() -> None:
    # Given running workers whose broker never finishes closing
    relay = Loop()
    running = workers(StuckBroker(), relay, grace=0.2)
    await running.start()
    await asyncio.sleep(0)  # the loops begin
    # When they are stopped
    with capture_logs() as logs:
        await asyncio.wait_for(running.stop(), timeout=5)
    # Then stop returns, the loops were told to stop, and the log names where it hung
    assert relay.stopped
    [timed_out] = [entry for entry in logs if entry["event"] == "workers_stop_timed_out"]
    assert timed_out["grace_seconds"] == pytest.approx(0.2)
    assert any("StuckBroker.stop" in place for place in timed_out["waiting"])


async def test_a_broker_that_closes_stops_cleanly_without_a_warning() -> None:
    # Given running workers whose broker closes at once
    relay, broker = Loop(), PlainBroker()
    running = workers(broker, relay, grace=5)
    await running.start()
    await asyncio.sleep(0)  # the loops begin
    # When they are stopped
    with capture_logs() as logs:
        await running.stop()
    # Then everything stopped and nothing was abandoned
    assert relay.stopped
    assert broker.stopped
    assert not [entry for entry in logs if entry["event"] == "workers_stop_timed_out"]
