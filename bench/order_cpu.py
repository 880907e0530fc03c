"""CPU per order in each service: ``uv run python -m bench.order_cpu [N] [RATE]``.

The three services run as processes (``bench.e2e_rig``); N orders (default 200) are placed
by ``POST /orders`` at RATE per second (default 20, low enough that no service saturates),
and the run waits until each is in the provider's inbox table and the stack is quiet again.
Each process's CPU time (utime + stime from ``/proc``) over that span, minus what the same
process burns idle over an equal span measured just before, divided by N, is the CPU one
order costs it: the authority's HTTP path and relay, the provider's and the scheduler's
consumers, and the authority consuming their answers. Kafka and PostgreSQL are counted the
same way when devstack runs them here (PostgreSQL: the postmaster and all its backends).
``BENCH_PROFILE=DIR`` records each service with py-spy meanwhile (see ``bench.e2e_rig.profile``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time

from devstack._paths import var_dir

from bench.authority_cpu import TICKS, cpu_seconds, proc_stat
from bench.e2e_orders import _load
from bench.e2e_rig import Stack, running_stack, settle
from bench.e2e_setup import new_tenant, slots


def postgres_cpu_seconds(postmaster: int) -> float:
    """The cluster's CPU: the postmaster, its reaped children and its live backends."""
    own = proc_stat(postmaster)
    total = sum(int(v) for v in own[11:15])  # utime, stime, cutime, cstime
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = proc_stat(int(entry.name))
                if int(fields[1]) == postmaster:
                    total += int(fields[11]) + int(fields[12])
    return total / TICKS


def infra_pids() -> dict[str, int]:
    """Kafka's and PostgreSQL's pids when devstack runs them on this machine (else none)."""
    pid_files = {
        "kafka": var_dir("kafka") / "kafka.pid",
        "postgres": var_dir("pg") / "postmaster.pid",
    }
    found = {}
    for name, pid_file in pid_files.items():
        with contextlib.suppress(OSError, ValueError, IndexError):
            pid = int(pid_file.read_text().split()[0])
            if os.path.exists(f"/proc/{pid}"):
                found[name] = pid
    return found


def cpu_of(stack: Stack, infra: dict[str, int]) -> dict[str, float]:
    out = {
        name: cpu_seconds(p.process.pid)
        for name, p in stack.processes.items()
        if p.process is not None
    }
    if "kafka" in infra:
        out["kafka"] = cpu_seconds(infra["kafka"])
    if "postgres" in infra:
        out["postgres"] = postgres_cpu_seconds(infra["postgres"])
    return out


async def measure(count: int, rate: int) -> dict[str, float]:
    """Milliseconds of CPU per order, by service."""
    async with running_stack() as stack:
        tenant, _ = await new_tenant(stack)
        prepared = await slots(stack, count)
        await settle(stack)
        infra = infra_pids()
        idle_from, began = cpu_of(stack, infra), time.perf_counter()
        await asyncio.sleep(10)
        idle_to, idle_span = cpu_of(stack, infra), time.perf_counter() - began
        began = time.perf_counter()
        result = await _load(stack, tenant, prepared, rate)
        await settle(stack)
        busy_to, span = cpu_of(stack, infra), time.perf_counter() - began
    print(
        f"seen {len(result.seen)} of {count} ({result.failed} POSTs failed); "
        f"load + settle {span:.1f} s",
        file=sys.stderr,
    )
    out = {}
    for name in busy_to:
        idle_rate = (idle_to[name] - idle_from[name]) / idle_span
        busy = busy_to[name] - idle_to[name] - idle_rate * span
        out[name] = busy / count * 1000
        print(f"{name}: {out[name]:.1f} ms/order (idle {idle_rate * 1000:.0f} ms/s)")
    print(f"all: {sum(out.values()):.1f} ms/order (the load generator not included)")
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    r = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    asyncio.run(measure(n, r))
