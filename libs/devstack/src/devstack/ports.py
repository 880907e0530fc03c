"""Free local ports for servers that tests and benchmarks start.

Chosen below the kernel's ephemeral range (32768 and up on Linux): a port taken from that
range can be handed to an outgoing connection (a readiness poll, a Kafka or PostgreSQL
client) between the check and the server binding it, or while a restarted server is down.
"""

from __future__ import annotations

import random
import socket

from devstack._proc import DevstackError

_LOW, _HIGH = 20_000, 32_000


def free_port() -> int:
    return free_port_run(1)


def free_port_run(count: int) -> int:
    """The first of ``count`` consecutive ports that are free now."""
    while True:
        base = random.randrange(_LOW, _HIGH - count)
        if all(_free(base + i) for i in range(count)):
            return base


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def taken(port: int) -> bool:
    """Whether a server (any, maybe not ours) already listens on ``port``."""
    return not _free(port)


class PortTaken(DevstackError):
    """A port devstack's own server needs is held by another process."""

    def __init__(self, what: str, port: int, use_it: str) -> None:
        super().__init__(
            f"{what} cannot start: 127.0.0.1:{port} is already in use (another checkout's "
            f"`make run`, or a server of yours). Stop it (`make down` in that checkout), or "
            f"use it: {use_it} make run"
        )
