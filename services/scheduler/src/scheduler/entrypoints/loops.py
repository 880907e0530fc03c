"""The firing loop: fire due deadlines continuously, sooner when woken (clock moved)."""

from __future__ import annotations

import asyncio
import contextlib

from scheduler.app.firing import Firing


def firing_loop(firing: Firing, wake: asyncio.Event, interval: float) -> object:
    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            fired = await firing.fire_due()
            if fired:
                continue  # more may be due: drain before sleeping
            wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), interval)

    return run
