"""End to end: an order placed by HTTP at the authority until it is visible in the
provider's inbox, at a steady open-loop rate, beside the raw aiokafka round trip measured
in the same run on the same broker.

*Placed* is the moment before ``POST /orders`` goes out. *Visible* is the first moment a
look finds the order's row in the provider's ``orders_inbox``: the table its REST inbox
serves (``GET /orders``, ``GET /orders/{id}``), written in the same transaction as the
provider's inbox row, so the row is visible exactly when the REST inbox would show it.
The observer looks when that transaction's commit notifies it (``bench.e2e_drive``);
looking at the table (one indexed query for the orders in flight) keeps it off the
provider's CPU, where REST polling of every order in flight would load the very process
being measured. Afterwards every order is fetched once through the REST inbox: an order
not found there counts as lost.

The orders are sent by ``bench.lean_http``, not httpx: the load generator shares the two
cores with the stack, and httpx cost more CPU per request than the authority's own work.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import httpx

from bench.bare_pipeline import bare_runs
from bench.core import Outcome, Sizes
from bench.e2e_drive import drive
from bench.e2e_figures import (
    FLOOR_RATE,
    Run,
    bare_figures,
    figures,
    floor_figures,
    stage_figures,
)
from bench.e2e_rig import Stack, profile, running_stack, settle
from bench.e2e_setup import Slot, new_tenant, order_body, slots
from bench.infra import kafka
from bench.kafka_latency import raw_round_trip
from bench.lean_http import LeanClient

FLOOR_SECONDS = 30.0


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("e2e")
    count = int(sizes.e2e_rate * sizes.e2e_seconds)
    floor_count = int(FLOOR_RATE * min(FLOOR_SECONDS, sizes.e2e_seconds))
    bare = await bare_runs(kafka(), [(floor_count, FLOOR_RATE), (count, sizes.e2e_rate)])
    async with running_stack() as stack:
        tenant, api_key = await new_tenant(stack)
        began = time.perf_counter()
        prepared = await slots(stack, count + floor_count)
        outcome.notes.append(
            f"e2e: {count + floor_count} decided cases set up in "
            f"{time.perf_counter() - began:.0f} s"
        )
        await settle(stack)
        raw_sizes = replace(sizes, kafka_rate=sizes.e2e_rate, kafka_seconds=sizes.e2e_seconds)
        raw = await raw_round_trip(kafka(), raw_sizes)
        await settle(stack)
        floor = await _load(stack, tenant, prepared[count:], FLOOR_RATE)
        await settle(stack)
        result = await _load(stack, tenant, prepared[:count], sizes.e2e_rate)
        confirmed = await _confirm(stack, api_key, list(result.seen))
        await settle(stack)  # the outbox rows are marked sent: the stage marks are complete
        outcome.figures += figures(result, raw, confirmed, count)
        outcome.figures += await stage_figures(stack, result, f"{sizes.e2e_rate}/s")
        outcome.figures += floor_figures(floor, raw)
        outcome.figures += await stage_figures(stack, floor, f"{FLOOR_RATE}/s")
        outcome.figures += bare_figures(bare[1], result, raw, sizes.e2e_rate)
        outcome.figures += bare_figures(bare[0], floor, raw, FLOOR_RATE)
    outcome.notes.append(
        f"e2e: {count} orders at {sizes.e2e_rate}/s; visible = row in the provider's inbox "
        "table (looked at on each provider commit), lost = not found via provider REST afterwards"
    )
    outcome.notes.append(
        f"e2e: before it, {floor_count} orders at {FLOOR_RATE}/s, well within what the stack "
        "carries: the latency floor. Stages: request (POST -> outbox row), relay (-> handed to "
        "Kafka), delivery (-> provider inbox row), provider (-> visible); see bench.e2e_stages"
    )
    outcome.notes.append(
        "e2e: the bare pipeline (bench.bare_pipeline) ran the same loads first, before the "
        "stack started: the architecture (HTTP, commit with outbox, relay, acks=all, inbox "
        "commit, a second consumer) with no framework, same broker, cluster and load generator"
    )
    return outcome


async def _load(stack: Stack, tenant: str, prepared: list[Slot], rate: int) -> Run:
    token = stack.issuer.issue("bench-cw", ["caseworker"])
    cw = LeanClient(stack.url("authority"), {"Authorization": f"Bearer {token}"})
    bodies = [order_body(slot, tenant) for slot in prepared]
    profiling = profile(stack, len(prepared) / rate)
    return await drive(cw, stack.databases["provider"].dsn, bodies, rate, profiling)


async def _confirm(stack: Stack, api_key: str, order_ids: list[str]) -> int:
    """How many of ``order_ids`` the provider's REST inbox serves (``GET /orders/{id}``)."""
    gate = asyncio.Semaphore(16)
    headers = {"X-Api-Key": api_key}
    async with httpx.AsyncClient(base_url=stack.url("provider"), headers=headers, timeout=30) as p:

        async def found(order_id: str) -> bool:
            async with gate:
                response = await p.get(f"/orders/{order_id}")
            return response.status_code == 200 and response.json()["status"] == "received"

        return sum(await asyncio.gather(*(found(o) for o in order_ids)))
