"""After a flow with invented CPR numbers, none of them (nor the child's name) is in clear on
any Kafka topic of the run, in any service log of the run, or in any service database dump."""

from __future__ import annotations

import glob
import subprocess
from datetime import date, timedelta

import pytest
from aiokafka import AIOKafkaConsumer
from devstack._proc import run_sync

from tests.e2e.conftest import Stack
from tests.e2e.flows import (
    CHILD,
    MOTHER,
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.kafka_tools import read_raw

pytestmark = [pytest.mark.integration, pytest.mark.e2e]


def _needles(cprs: list[str], names: list[str]) -> list[bytes]:
    found = []
    for cpr in cprs:
        found += [cpr.encode(), f"{cpr[:6]}-{cpr[6:]}".encode()]
    return [*found, *(name.encode() for name in names)]


def _topics(bootstrap: str, prefix: str) -> list[str]:
    async def names() -> list[str]:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
        await consumer.start()
        try:
            return sorted(t for t in await consumer.topics() if t.startswith(prefix))
        finally:
            await consumer.stop()

    return run_sync(names)


def _dump(database_url: str) -> bytes:
    pg_dump = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))[-1]
    plain = database_url.replace("postgresql+asyncpg://", "postgresql://")
    return subprocess.run([pg_dump, "--data-only", plain], capture_output=True, check=True).stdout


def test_no_cpr_number_or_name_in_clear_anywhere(stack: Stack) -> None:
    # Given a case with invented CPR numbers whose order went to a provider and was accepted
    tenant = new_tenant(stack, "Skanneren")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        order_id = place_order(cw, decided_case(cw, tl), tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        ok(
            tenant.client.post(
                f"/orders/{order_id}/accept",
                json={
                    "expected_start": str(date.today() + timedelta(days=14)),
                    "contact": {"name": "Pia Holm", "email": "pia@skanner.example"},
                },
            )
        )
        authority_order_status(cw, order_id, "accepted")
    # When every topic, log and database dump of the run is searched
    leaks = leaks_in_run(stack, [CHILD["cpr"], MOTHER["cpr"]], [CHILD["name"], MOTHER["name"]])
    # Then none of them holds a CPR number (with or without dash) or a name in clear
    assert not leaks, "\n".join(leaks)


def leaks_in_run(stack: Stack, cprs: list[str], names: list[str]) -> list[str]:
    """Where any of the numbers or names is in clear: every topic of the run read as raw
    bytes (keys, values, headers; the key topic and dead letters included), every log file
    the run's processes wrote, and a data dump of each service's database."""
    needles = _needles(cprs, names)
    bootstrap = stack.processes["authority"].env["KAFKA_BOOTSTRAP_SERVERS"]
    leaks: list[str] = []
    topics = _topics(bootstrap, stack.topic_prefix)
    assert topics, "the run created no topics?"
    for topic in topics:
        for r in run_sync(lambda t=topic: read_raw(bootstrap, t, seconds=1.5)):  # type: ignore[misc]
            raw = (r.key or b"") + (r.value or b"") + b"".join(v for _, v in r.headers or ())
            leaks += [f"topic {topic}: {n!r}" for n in needles if n in raw]
    for process in stack.processes.values():
        text = process.log_path.read_bytes()
        leaks += [f"log {process.log_path.name}: {n!r}" for n in needles if n in text]
        dump = _dump(process.env["DATABASE_URL"])
        assert b"COPY" in dump
        leaks += [f"database of {process.name}: {n!r}" for n in needles if n in dump]
    return leaks
