"""Stale test topics are deleted when devstack starts its broker.

Every test stack names its topics under a random prefix (``t1a2b3c4d.samspil.…``) so runs
never meet; nothing deletes them afterwards. On a long-lived checkout they pile up: twenty
thousand partitions later the broker runs out of file handles ("Too many open files"), marks
its log directory failed and stops, under every test running at the time. So when devstack
starts the broker (nothing can be using it yet), topics under a prefix whose files have not
changed for ``SAMSPIL_TOPIC_TTL_HOURS`` (24) are deleted. ``make run``'s own topics
(``samspil.…``, no prefix) and Kafka's internal ones are never touched.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from devstack._proc import run_sync

UNPREFIXED = ("samspil.", "__")
BATCH = 500


def stale(topics: Iterable[str], data: Path, now: float, ttl_hours: float) -> list[str]:
    """The prefixed topics whose partition directories are all older than the TTL."""
    cutoff = now - ttl_hours * 3600
    found = []
    for topic in topics:
        if topic.startswith(UNPREFIXED):
            continue
        dirs = list(data.glob(f"{glob_escape(topic)}-[0-9]*"))
        if dirs and all(_last_change(d) < cutoff for d in dirs):
            found.append(topic)
    return found


def glob_escape(name: str) -> str:
    return name.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


def _last_change(directory: Path) -> float:
    times = [directory.stat().st_mtime] + [f.stat().st_mtime for f in directory.iterdir()]
    return max(times)


def prune(bootstrap: str, data: Path) -> int:
    """Delete the stale test topics; how many were deleted."""
    ttl = float(os.environ.get("SAMSPIL_TOPIC_TTL_HOURS", "24"))
    return run_sync(lambda: _prune(bootstrap, data, ttl))


async def _prune(bootstrap: str, data: Path, ttl: float) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=60_000)
    await admin.start()
    try:
        doomed = stale(await admin.list_topics(), data, time.time(), ttl)
        for start in range(0, len(doomed), BATCH):
            await admin.delete_topics(doomed[start : start + BATCH], timeout_ms=60_000)
        return len(doomed)
    finally:
        await admin.close()
