"""Old test topics go when devstack starts its broker; make run's and Kafka's never do."""

from __future__ import annotations

import os
import time
from pathlib import Path

from devstack.topic_pruning import stale

DAY = 24 * 3600


def partition(data: Path, topic: str, n: int, age: float, now: float) -> None:
    directory = data / f"{topic}-{n}"
    directory.mkdir()
    (directory / "00000000000000000000.log").write_bytes(b"")
    for path in (directory / "00000000000000000000.log", directory):
        os.utime(path, (now - age, now - age))


def test_only_prefixed_topics_idle_beyond_the_ttl_are_stale(tmp_path: Path) -> None:
    # Given topics of an old test run, a running test, make run and Kafka itself
    now = time.time()
    partition(tmp_path, "t1a2b3c4d.samspil.authority.orders.v1", 0, 3 * DAY, now)
    partition(tmp_path, "t1a2b3c4d.samspil.authority.orders.v1", 1, 3 * DAY, now)
    partition(tmp_path, "e2e0aa.samspil.provider.claims.v1", 0, 3 * DAY, now)
    partition(tmp_path, "e2e0aa.samspil.provider.claims.v1", 1, 60, now)  # written a minute ago
    partition(tmp_path, "tfresh.samspil.scheduler.deadlines.v1", 0, 3600, now)
    partition(tmp_path, "samspil.authority.orders.v1", 0, 30 * DAY, now)
    partition(tmp_path, "__consumer_offsets", 0, 30 * DAY, now)
    topics = [
        "t1a2b3c4d.samspil.authority.orders.v1",
        "e2e0aa.samspil.provider.claims.v1",
        "tfresh.samspil.scheduler.deadlines.v1",
        "samspil.authority.orders.v1",
        "__consumer_offsets",
        "t9.samspil.never.written.v1",  # no partition on disk: left alone
    ]
    # When the stale ones are chosen with a 24-hour TTL
    chosen = stale(topics, tmp_path, now, ttl_hours=24)
    # Then only the old test run's topic goes: any recent partition keeps a topic
    assert chosen == ["t1a2b3c4d.samspil.authority.orders.v1"]
