"""The three services as real processes (``tests/harness.py``), each on its own fresh
database, sharing the broker under a topic prefix of their own; and the wait until the
stack is idle, so a measurement does not start while set-up traffic is still flowing."""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from bench.infra import Database, fresh_database, kafka
from tests.harness import ServiceProcess

SERVICES = ("authority", "provider", "scheduler")
SETTLE_LIMIT = 120.0  # seconds: a stack that never goes quiet is measured anyway
START_LIMIT = 300.0  # seconds a service may take to answer /readyz (a loaded machine)
_BACKLOG = re.compile(r"^eventkit_outbox_backlog (\S+)$", re.M)
_LAG = re.compile(r"^samspil_consumer_lag_records\{[^}]*\} (\S+)$", re.M)


@dataclass
class Stack:
    processes: dict[str, ServiceProcess]
    databases: dict[str, Database]
    issuer: DevIssuer
    topic_prefix: str

    def url(self, service: str) -> str:
        return self.processes[service].url

    def client(self, service: str, role: str, user: str, **kw: object) -> httpx.AsyncClient:
        token = self.issuer.issue(user, [role])
        return httpx.AsyncClient(
            base_url=self.url(service),
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
            # Idle connections are dropped before uvicorn's 5 s keep-alive closes them: a
            # request sent on one the server is closing just then fails with ReadError.
            limits=httpx.Limits(
                max_connections=64, max_keepalive_connections=64, keepalive_expiry=2.0
            ),
            **kw,  # type: ignore[arg-type]
        )


def service_env(bootstrap: str, prefix: str, database_url: str) -> dict[str, str]:
    return {
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "KAFKA_TOPIC_PREFIX": prefix,
        "DATABASE_URL": database_url,
        "SAMSPIL_ENV": "test",
        "JWT_SECRET": DEV_JWT_SECRET,
        "LOG_LEVEL": "INFO",  # as deployed: one JSON line per handled record
        "TOPIC_PARTITIONS": "2",  # as the e2e tests: spare the shared broker 4 in 6 partitions
    }


@asynccontextmanager
async def running_stack() -> AsyncIterator[Stack]:
    bootstrap, prefix = kafka(), f"bench{uuid.uuid4().hex[:8]}."
    async with AsyncExitStack() as stack:
        dbs = {name: await stack.enter_async_context(fresh_database(name)) for name in SERVICES}
        processes = {
            name: ServiceProcess(name, service_env(bootstrap, prefix, dbs[name].url))
            for name in SERVICES
        }
        try:
            await asyncio.gather(
                *(asyncio.to_thread(p.start, START_LIMIT) for p in processes.values())
            )
            yield Stack(processes, dbs, DevIssuer(DEV_JWT_SECRET), prefix)
        finally:
            for process in processes.values():
                await asyncio.to_thread(process.stop)


async def backlog(stack: Stack) -> float:
    """Outbox rows not yet relayed plus consumer lag, summed over the three services."""
    total = 0.0
    async with httpx.AsyncClient(timeout=10) as http:
        for name in SERVICES:
            text = (await http.get(f"{stack.url(name)}/metrics")).text
            total += sum(float(v) for v in _BACKLOG.findall(text) + _LAG.findall(text))
    return total


async def settle(stack: Stack) -> float:
    """Wait until nothing is queued anywhere for two checks in a row; the seconds waited.
    The relay refreshes its backlog gauge once a second, hence the pause between checks."""
    started, quiet = time.monotonic(), 0
    while quiet < 2 and time.monotonic() - started < SETTLE_LIMIT:
        await asyncio.sleep(1.2)
        quiet = quiet + 1 if await backlog(stack) == 0 else 0
    return time.monotonic() - started


async def profile(stack: Stack, seconds: float) -> None:
    """With ``BENCH_PROFILE=DIR``: py-spy samples each service for ``seconds`` (collapsed
    stacks, ``DIR/<service>.txt``); otherwise nothing. Await it after the load."""
    out = os.environ.get("BENCH_PROFILE")
    if not out:
        return
    os.makedirs(out, exist_ok=True)
    spy = Path(sys.executable).with_name("py-spy")
    spies = [
        await asyncio.create_subprocess_exec(
            str(spy),
            "record",
            "--pid",
            str(p.process.pid),
            "--duration",
            str(int(seconds)),
            "--rate",
            "50",
            "--format",
            "raw",
            "--output",
            f"{out}/{name}.txt",
            "--nonblocking",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for name, p in stack.processes.items()
        if p.process is not None
    ]
    await asyncio.gather(*(s.wait() for s in spies))
