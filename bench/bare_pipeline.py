"""The bare pipeline: the order path's fixed architecture with no framework, as a baseline.

The raw aiokafka round trip is one hop through the broker. An order goes through more than
that by design: HTTP, a PostgreSQL commit with the event and its outbox row, the relay, the
broker with ``acks=all``, and a second PostgreSQL commit with the provider's inbox row,
while a third process (the scheduler's place) consumes the same record into its own
database. ``bench.bare_services`` does exactly that much and nothing more, as three
processes on the same cores, broker and cluster, driven by the same load generator and
observer as the stack (``bench.e2e_drive``). Its latency is what this machine gives the
architecture itself; the stack's figures divided by it are what Samspil's own code adds.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import date

from devstack._paths import var_dir
from devstack.ports import free_port

from bench.authority_cpu import cpu_seconds
from bench.core import percentile
from bench.e2e_drive import drive
from bench.e2e_figures import Run
from bench.infra import Database, fresh_database, kafka, new_topic
from bench.lean_http import LeanClient

PARTITIONS = 6  # as the services' topics (samspil_contracts.topics.DEFAULT_PARTITIONS)
READY_SECONDS = 60.0
_LOGS = var_dir() / "log"


async def bare_runs(
    bootstrap: str, loads: list[tuple[int, int]], cpu: dict[str, float] | None = None
) -> list[Run]:
    """One run per (count, rate) in ``loads``, in order, against one bare pipeline; with
    ``cpu``, each process's CPU seconds over the loads go in it (by role)."""
    topic = await new_topic(bootstrap, "bare", PARTITIONS)
    async with (
        fresh_database("bare_authority") as authority,
        fresh_database("bare_provider") as provider,
        fresh_database("bare_scheduler") as scheduler,
    ):
        port = free_port()
        roles = [
            ("authority", "authority", str(port), authority),
            # Groups named after the run's topic: two runs on one broker never share one.
            ("provider", "consumer", f"{topic}-provider", provider),
            ("scheduler", "consumer", f"{topic}-scheduler", scheduler),
        ]
        async with _processes(bootstrap, topic, roles) as pids:
            url = f"http://127.0.0.1:{port}"
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            runs = [
                await drive(LeanClient(url, {}), provider.dsn, _bodies(count), rate)
                for count, rate in loads
            ]
            if cpu is not None:
                cpu.update({name: cpu_seconds(pid) - before[name] for name, pid in pids.items()})
            return runs


@contextlib.asynccontextmanager
async def _processes(
    bootstrap: str, topic: str, roles: list[tuple[str, str, str, Database]]
) -> AsyncIterator[dict[str, int]]:
    started: list[asyncio.subprocess.Process] = []
    try:
        for name, role, first, db in roles:
            process = await asyncio.create_subprocess_exec(
                *(sys.executable, "-m", "bench.bare_services", role, first, db.dsn),
                *(bootstrap, topic),
                stdout=subprocess.PIPE,
                stderr=(_LOGS / f"bench-bare-{name}.log").open("wb"),
            )
            started.append(process)
            assert process.stdout is not None
            line = await asyncio.wait_for(process.stdout.readline(), READY_SECONDS)
            if line.strip() != b"ready":
                raise RuntimeError(f"bare {role} did not start (exit {process.returncode})")
        yield {name: p.pid for (name, *_), p in zip(roles, started, strict=True)}
    finally:
        for process in started:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


def _bodies(count: int) -> list[dict[str, object]]:
    """Order bodies of the stack's shape and size (``tests.casework.order_body``)."""
    start = str(date.today())
    return [
        {
            "case_id": str(uuid.uuid4()),
            "decision_id": str(uuid.uuid4()),
            "provider_id": str(uuid.uuid4()),
            "scope": {"hours": 6, "per": "week"},
            "frequency": {"times": 2, "per": "week"},
            "start": start,
            "expected_duration_months": 12,
        }
        for _ in range(count)
    ]


async def _main() -> None:
    """``python -m bench.bare_pipeline [RATE [SECONDS]]``: the bare pipeline alone."""
    rate = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    cpu: dict[str, float] = {}
    (run,) = await bare_runs(kafka(), [(int(rate * seconds), rate)], cpu)
    lat = run.latencies()
    print(
        f"bare pipeline at {rate}/s: {len(lat)} of {len(run.placed)} seen, "
        + ", ".join(f"p{p} {percentile(lat, p) * 1000:.1f} ms" for p in (50, 95, 99, 100))
    )
    count = len(run.placed)
    print("CPU per order: " + ", ".join(f"{n} {s / count * 1000:.2f} ms" for n, s in cpu.items()))


if __name__ == "__main__":
    asyncio.run(_main())
