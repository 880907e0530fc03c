"""Set-up through the services' own APIs: a provider organisation, and enough approved
decisions that every order of the run rests on a decision of its own (``tests/casework.py``,
shared with the long fault run)."""

from __future__ import annotations

from bench.e2e_rig import Stack
from tests.casework import Slot, ok, order_body
from tests.casework import slots as approved_slots

__all__ = ["Slot", "new_tenant", "order_body", "slots"]


async def new_tenant(stack: Stack) -> tuple[str, str]:
    """(tenant id, API key) of a new provider organisation."""
    async with stack.client("provider", "ops", "bench-ops") as ops:
        issued = ok(
            await ops.post("/admin/tenants", json={"name": "Bench", "kind": "private"}), 201
        )
    return str(issued["tenant_id"]), str(issued["api_key"])


async def slots(stack: Stack, count: int) -> list[Slot]:
    """``count`` approved decisions, ten to a case."""
    async with (
        stack.client("authority", "caseworker", "bench-cw") as cw,
        stack.client("authority", "team_leader", "bench-tl") as tl,
    ):
        return await approved_slots(cw, tl, count)
