"""The authority app on a real PostgreSQL database and a real Kafka broker."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from authority.app.services import Services
from authority.bootstrap import AuthoritySettings, build
from samspil_contracts import Envelope, IntegrationEvent, decode, encode


class Stack:
    def __init__(
        self,
        client: httpx.AsyncClient,
        bootstrap: str,
        prefix: str,
        db_url: str,
        services: Services,
        digital_post: Path,
    ) -> None:
        self.client, self.bootstrap, self.prefix, self.db_url = client, bootstrap, prefix, db_url
        self.services = services  # the app's own, for what HTTP does not show
        self.digital_post = digital_post  # the local Digital Post's deliveries

    async def token(self, user_id: str, *roles: str) -> dict[str, str]:
        resp = await self.client.post("/dev/token", json={"user_id": user_id, "roles": list(roles)})
        return {"Authorization": f"Bearer {resp.json()['access_token']}"}

    async def erase(self, case_id: object, reason: str = "Erasure request") -> httpx.Response:
        """Four eyes: one team leader requests the erasure, another approves it."""
        asks = await self.token("tl-asks", "team_leader")
        approves = await self.token("tl-approves", "team_leader")
        body = {"reason": reason}
        path = f"/cases/{case_id}"
        requested = await self.client.post(f"{path}/erasure-request", json=body, headers=asks)
        assert requested.status_code == 200, requested.text
        return await self.client.post(f"{path}/erase", json=body, headers=approves)

    async def produce(self, event: IntegrationEvent, producer: str = "/samspil/provider") -> None:
        wire = encode(
            event,
            subject=event.partition_key(),
            revision=1,
            correlation_id=uuid.uuid4(),
            producer=producer,
            occurred_at=datetime.now(UTC),
        )
        kafka = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        await kafka.start()
        try:
            await kafka.send_and_wait(
                self.prefix + wire.topic, wire.value, key=wire.key, headers=list(wire.headers)
            )
        finally:
            await kafka.stop()

    async def records(
        self, topic: str, until: Callable[[list[Any]], bool], seconds: float = 20.0
    ) -> list[tuple[bytes, Envelope, IntegrationEvent]]:
        """Raw value and decoded event of each record on ``topic``, until ``until`` holds."""
        consumer = AIOKafkaConsumer(
            self.prefix + topic,
            bootstrap_servers=self.bootstrap,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            group_id=None,
        )
        await consumer.start()
        found: list[tuple[bytes, Envelope, IntegrationEvent]] = []
        try:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not until(found):
                batch = await consumer.getmany(timeout_ms=300)
                for records in batch.values():
                    for r in records:
                        if r.value is None:
                            continue  # a tombstone on a compacted topic
                        env, event = decode(tuple(r.headers or ()), r.value or b"")
                        found.append((r.value or b"", env, event))
        finally:
            await consumer.stop()
        return found


async def eventually(check: Callable[[], Any], seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        result = await check()
        if result or time.monotonic() > deadline:
            return result
        await asyncio.sleep(0.3)


@pytest.fixture(scope="module")
async def stack(
    new_database_url: Callable[[str], str],
    kafka_bootstrap: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stack]:
    prefix = f"t{uuid.uuid4().hex[:8]}."
    db_url = new_database_url("authority")
    settings = AuthoritySettings(
        SAMSPIL_ENV="test",
        database_url=db_url,
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=prefix,
        topic_partitions=1,
        log_json=False,
        digital_post_dir=tmp_path_factory.mktemp("digital-post"),
    )
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://authority") as client:
            yield Stack(
                client,
                kafka_bootstrap,
                prefix,
                db_url,
                app.state.services,
                settings.digital_post_dir,
            )
