"""CPU seconds the authority spends per ``POST /orders``, orders placed one at a time.

``uv run python -m bench.authority_cpu [N] [--profile FILE]``: starts the authority alone as a
process (fresh database, own topic prefix), sets up N approved decisions through its API
(as the e2e bench does), waits until its outbox is drained, then places N orders one
after another and reads the process's utime+stime from ``/proc`` around them. The idle
CPU of the same process over the same wall time (relay, consumers, metrics) is measured
right after and subtracted. ``--profile FILE`` records the ordering phase with py-spy
(collapsed stacks for flame graphs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import sys
import time
import uuid
from pathlib import Path

import httpx
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from bench.e2e_rig import Stack, service_env
from bench.e2e_setup import order_body, slots
from bench.infra import fresh_database, kafka
from tests.harness import ServiceProcess

TICKS = os.sysconf("SC_CLK_TCK")  # the unit of /proc's CPU times
_BACKLOG = re.compile(r"^eventkit_outbox_backlog (\S+)$", re.M)


def proc_stat(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name (which may hold spaces)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process (its threads included)."""
    fields = proc_stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICKS


async def drained(url: str) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        for _ in range(120):
            text = (await http.get(f"{url}/metrics")).text
            if sum(float(v) for v in _BACKLOG.findall(text)) == 0:
                await asyncio.sleep(1.5)
                return
            await asyncio.sleep(1.0)


async def measure(count: int, profile: str | None) -> None:
    prefix = f"cpu{uuid.uuid4().hex[:8]}."
    async with fresh_database("authority") as db:
        process = ServiceProcess("authority", service_env(kafka(), prefix, db.url))
        await asyncio.to_thread(process.start, 300.0)
        try:
            stack = Stack({"authority": process}, {"authority": db}, DevIssuer(DEV_JWT_SECRET), "")
            prepared = await slots(stack, count)
            await drained(process.url)
            assert process.process is not None
            pid = process.process.pid
            spy = await _spy(pid, profile)
            provider = str(uuid.uuid4())
            async with stack.client("authority", "caseworker", "bench-cw") as cw:
                await cw.get("/healthz")  # the connection is open before the clock starts
                cpu0, wall0 = cpu_seconds(pid), time.perf_counter()
                for slot in prepared:
                    response = await cw.post("/orders", json=order_body(slot, provider))
                    assert response.status_code == 201, response.text
                cpu1, wall1 = cpu_seconds(pid), time.perf_counter()
            if spy is not None:
                spy.send_signal(signal.SIGINT)  # py-spy writes its file on Ctrl-C
                await spy.wait()
            await drained(process.url)
            cpu2 = cpu_seconds(pid)
            await asyncio.sleep(wall1 - wall0)
            idle = (cpu_seconds(pid) - cpu2) / (wall1 - wall0)
        finally:
            await asyncio.to_thread(process.stop)
    busy = cpu1 - cpu0
    print(
        f"{count} orders in {wall1 - wall0:.2f} s wall: authority CPU {busy * 1000 / count:.1f} "
        f"ms/order (idle {idle * 1000:.0f} ms CPU/s; net "
        f"{(busy - idle * (wall1 - wall0)) * 1000 / count:.1f} ms/order); "
        f"wall {(wall1 - wall0) * 1000 / count:.1f} ms/order"
    )


async def _spy(pid: int, out: str | None) -> asyncio.subprocess.Process | None:
    if not out:
        return None
    spy = Path(sys.executable).with_name("py-spy")
    # --gil: only samples holding the GIL, i.e. CPU, not the event loop waiting for I/O.
    args = ["record", "--pid", str(pid), "--gil", "--rate", "250", "--format", "raw"]
    process = await asyncio.create_subprocess_exec(
        str(spy), *args, "--output", out, "--nonblocking"
    )
    await asyncio.sleep(1.0)  # py-spy attaches before the first order
    return process


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.authority_cpu", description=__doc__)
    parser.add_argument("count", type=int, nargs="?", default=200)
    parser.add_argument("--profile", help="py-spy collapsed stacks of the ordering phase")
    args = parser.parse_args()
    asyncio.run(measure(args.count, args.profile))


if __name__ == "__main__":
    main()
