"""N orders through authority → provider (accepted by a robot, ``robot.py``) → authority.

Set-up costs about two requests per order (``tests/casework.py``); orders are placed several
at a time; the wait for answers asks only about orders still unanswered.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
from devstack._proc import run_sync

from tests.casework import Slot, order_body, slots
from tests.e2e.flows import Tenant, ok
from tests.reliability.conftest import FaultStack

TRANSIENT = (httpx.TransportError,)
PLACERS = 8  # orders in flight at once while placing


def query(url: str, sql: str, *args: object) -> list[Any]:
    async def run() -> list[Any]:
        conn = await asyncpg.connect(url, timeout=10)
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()

    return run_sync(run)


def retrying(call: Callable[[], httpx.Response], seconds: float = 60.0) -> httpx.Response:
    """Outages are expected in fault tests: retry transport errors and 5xx (safe GET/idempotent)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            response = call()
            if response.status_code < 500 or time.monotonic() > deadline:
                return response
        except TRANSIENT:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


_ACCEPTED = """
select e.stream_id from unnest($1::text[]) as s(id) join events e on e.stream_id = s.id
where e.type = 'OrderAccepted'
"""


@dataclass
class Workload:
    stack: FaultStack
    tenant: Tenant
    slots: list[Slot] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)

    def prepare(self, n: int) -> None:
        """N approved decisions, ten to a case (an order rests on its own approved decision)."""

        async def make() -> list[Slot]:
            async with self._client("caseworker") as cw, self._client("team_leader") as tl:
                return await slots(cw, tl, n)

        began = time.monotonic()
        self.slots = run_sync(make)
        print(f"\n[prepare] {n} approved decisions in {time.monotonic() - began:.0f}s", flush=True)

    def place(self, count: int) -> list[str]:
        """Place the next ``count`` orders, PLACERS at a time; no fault may be in progress."""
        todo = self.slots[len(self.order_ids) : len(self.order_ids) + count]

        async def place_all() -> list[str]:
            gate = asyncio.Semaphore(PLACERS)
            async with self._client("caseworker") as cw:

                async def one(slot: Slot) -> str:
                    async with gate:
                        body = order_body(slot, self.tenant.tenant_id)
                        return str(ok(await cw.post("/orders", json=body), 201)["order_id"])

                return list(await asyncio.gather(*(one(s) for s in todo)))

        began = time.monotonic()
        placed = run_sync(place_all)
        print(f"[place] {count} orders in {time.monotonic() - began:.0f}s", flush=True)
        self.order_ids += placed
        return placed

    def _client(self, role: str) -> httpx.AsyncClient:
        token = self.stack.issuer.issue(f"rel-{role}", [role])
        return httpx.AsyncClient(
            base_url=self.stack.url("authority"),
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
            # below uvicorn's 5 s keep-alive, so a connection it is closing is never reused
            limits=httpx.Limits(keepalive_expiry=1.0),
        )

    def wait_all_accepted(self, stall: float = 180.0) -> float:
        """Seconds until the authority has every answer; fails after ``stall`` s without one."""
        started = progressed = time.monotonic()
        pending = {f"order-{o}" for o in self.order_ids}
        while pending:
            rows = query(self.stack.database_urls["authority"], _ACCEPTED, list(pending))
            if rows:
                pending -= {row["stream_id"] for row in rows}
                progressed = time.monotonic()
            elif time.monotonic() - progressed > stall:
                raise AssertionError(f"{len(pending)} orders never answered: {sorted(pending)[:5]}")
            time.sleep(0.5)
        return time.monotonic() - started
