"""N orders through authority → provider (accepted by a robot) → authority, and the checks.

The checks read each service's own event store: the order stream's event types tell whether
an order was answered exactly once on each side (a second effect would be a second event).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import asyncpg
import httpx
from devstack._proc import run_sync
from samspil_contracts import topics

from tests.e2e.flows import Tenant, decided_case, ok, place_order
from tests.reliability.conftest import FaultStack
from tests.reliability.kafka_checks import header, raw_records

ACCEPTED = "dk.samspil.order.accepted"
PLACED = "dk.samspil.order.placed"
TRANSIENT = (httpx.TransportError,)


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


@dataclass
class Workload:
    stack: FaultStack
    tenant: Tenant
    decisions: list[Any] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)

    def prepare(self, n: int) -> None:
        """One approved decision per order (an order rests on its own approved decision)."""

        def one(_: int) -> Any:
            with (
                self.stack.client("authority", "caseworker", user="karen") as cw,
                self.stack.client("authority", "team_leader", user="lars") as tl,
            ):
                return decided_case(cw, tl)

        with ThreadPoolExecutor(max_workers=4) as pool:
            self.decisions = list(pool.map(one, range(n)))

    def place(self, count: int) -> list[str]:
        """Place the next ``count`` orders; a fault must not be in progress at the call."""
        placed = []
        with self.stack.client("authority", "caseworker", user="karen") as cw:
            for case in self.decisions[len(self.order_ids) : len(self.order_ids) + count]:
                order_id = place_order(cw, case, self.tenant.tenant_id)
                self.order_ids.append(order_id)
                placed.append(order_id)
        return placed

    def accepted_at_authority(self) -> set[str]:
        rows = query(
            self.stack.database_urls["authority"],
            "select stream_id from events where type = 'OrderAccepted' and stream_id = any($1)",
            [f"order-{o}" for o in self.order_ids],
        )
        return {row["stream_id"].removeprefix("order-") for row in rows}

    def wait_all_accepted(self, timeout: float = 120.0) -> float:
        started = time.monotonic()
        while len(self.accepted_at_authority()) < len(self.order_ids):
            if time.monotonic() - started > timeout:
                missing = set(self.order_ids) - self.accepted_at_authority()
                raise AssertionError(f"{len(missing)} orders never answered: {sorted(missing)[:5]}")
            time.sleep(0.5)
        return time.monotonic() - started

    def streams(self, service: str) -> dict[str, list[str]]:
        rows = query(
            self.stack.database_urls[service],
            "select stream_id, array_agg(type order by revision) as types from events"
            " where stream_id = any($1) group by stream_id",
            [f"order-{o}" for o in self.order_ids],
        )
        return {row["stream_id"].removeprefix("order-"): list(row["types"]) for row in rows}


class AutoAcceptor(threading.Thread):
    """The provider's robot: accepts every received order, riding out outages."""

    def __init__(self, tenant: Tenant) -> None:
        super().__init__(daemon=True)
        self.tenant, self.stopping, self.answers = tenant, threading.Event(), Counter[str]()

    def run(self) -> None:
        body = {
            "expected_start": str(date.today() + timedelta(days=14)),
            "contact": {"name": "Pia Holm", "email": "pia@familiehuset.example"},
        }
        while not self.stopping.is_set():
            try:
                received = self.tenant.client.get(
                    "/orders", params={"status": "received", "limit": 500}
                )
                for order in received.json() if received.status_code == 200 else []:
                    answer = self.tenant.client.post(
                        f"/orders/{order['order_id']}/accept", json=body
                    )
                    self.answers[f"{answer.status_code}"] += 1
            except httpx.HTTPError:
                pass  # the provider or its database is down: try again shortly
            self.stopping.wait(0.3)

    def __enter__(self) -> AutoAcceptor:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.join(timeout=10)


@dataclass
class Figures:
    orders: int
    accepted_records: int
    distinct_accepted_ids: int
    placed_records: int
    distinct_placed_ids: int

    @property
    def duplicates_absorbed(self) -> int:
        return (self.accepted_records - self.distinct_accepted_ids) + (
            self.placed_records - self.distinct_placed_ids
        )


def assert_answered_exactly_once(work: Workload) -> Figures:
    """Every order: placed once and accepted once on both sides; at most duplicates of one id."""
    expected_authority = ["OrderPlaced", "OrderAccepted"]
    expected_provider = ["OrderReceived", "OrderAccepted"]
    authority, provider = work.streams("authority"), work.streams("provider")
    for order_id in work.order_ids:
        assert authority.get(order_id) == expected_authority, (order_id, authority.get(order_id))
        assert provider.get(order_id) == expected_provider, (order_id, provider.get(order_id))
    inbox = ok(work.tenant.client.get("/orders", params={"limit": 500}))
    listed = Counter(str(o["order_id"]) for o in inbox)
    assert all(listed[o] == 1 for o in work.order_ids[-500:]), "an order shows twice in the inbox"
    return Figures(
        len(work.order_ids),
        *_per_order(work, topics.PROVIDER_ANSWERS, ACCEPTED),
        *_per_order(work, topics.AUTHORITY_ORDERS, PLACED),
    )


def _per_order(work: Workload, topic: str, event_type: str) -> tuple[int, int]:
    """(records, distinct event ids) of ``event_type`` about our orders; one id per order."""
    mine = set(work.order_ids)
    records = [
        r
        for r in raw_records(work.stack.bootstrap, work.stack.topic_prefix + topic)
        if header(r, "ce_type") == event_type and header(r, "ce_subject") in mine
    ]
    ids_per_order: dict[str, set[str]] = {}
    for r in records:
        ids_per_order.setdefault(str(header(r, "ce_subject")), set()).add(str(header(r, "ce_id")))
    assert set(ids_per_order) == mine, f"{event_type}: missing {len(mine - set(ids_per_order))}"
    assert all(len(ids) == 1 for ids in ids_per_order.values()), f"{event_type} with two ids"
    return len(records), sum(len(ids) for ids in ids_per_order.values())
