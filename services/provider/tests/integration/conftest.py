"""One provider app per test module on the real broker and a fresh PostgreSQL database.

Each module gets its own topic prefix, so runs never read each other's records.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from provider.app.sealing import TransportKeys
from provider.bootstrap import ProviderSettings, build
from samspil_contracts import (
    ChildKeyGranted,
    Envelope,
    IntegrationEvent,
    OrderPlaced,
    Sealed,
    decode,
    encode,
)
from samspil_contracts.testing import example_event
from servicekit.auth import DevIssuer
from servicekit.crypto import new_key, seal
from servicekit.settings import DEV_JWT_SECRET

T = TypeVar("T")
OPS_TOKEN = DevIssuer(DEV_JWT_SECRET).issue("ops-test", ["ops"])
OPS = {"Authorization": f"Bearer {OPS_TOKEN}"}


@dataclass
class Kafka:
    bootstrap: str
    prefix: str
    producer: AIOKafkaProducer

    async def send(
        self, event: IntegrationEvent, *, revision: int = 1, event_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        wire = encode(
            event,
            event_id=event_id,
            subject=event.partition_key(),
            revision=revision,
            correlation_id=uuid.uuid4(),
            producer="/samspil/authority",
            occurred_at=datetime.now(UTC),
        )
        await self.send_raw(wire.topic, wire.value, list(wire.headers), wire.key)
        return wire.event_id

    async def send_raw(
        self, topic: str, value: bytes, headers: list[tuple[str, bytes]], key: bytes = b"k"
    ) -> None:
        await self.producer.send_and_wait(self.prefix + topic, value, key=key, headers=headers)

    async def records(
        self, topic: str, match: Callable[[Any], bool], *, seconds: float = 20.0
    ) -> list[Any]:
        """Raw records of ``topic`` (from the beginning) that ``match``, once one does."""
        consumer = AIOKafkaConsumer(
            self.prefix + topic,
            bootstrap_servers=self.bootstrap,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            group_id=None,
        )
        await consumer.start()
        found: list[Any] = []
        try:
            end = time.monotonic() + seconds
            while time.monotonic() < end and not found:
                for batch in (await consumer.getmany(timeout_ms=300)).values():
                    found += [r for r in batch if match(r)]
        finally:
            await consumer.stop()
        return found

    async def event(
        self, topic: str, match: Callable[[IntegrationEvent], bool]
    ) -> tuple[Envelope, Any]:
        def decoded(record: Any) -> tuple[Envelope, IntegrationEvent]:
            return decode(tuple(record.headers or ()), record.value or b"")

        records = await self.records(topic, lambda r: match(decoded(r)[1]))
        assert records, f"no matching event on {topic}"
        return decoded(records[0])


@dataclass
class Tenant:
    tenant_id: uuid.UUID
    key_id: uuid.UUID
    headers: dict[str, str]


async def eventually(probe: Callable[[], Awaitable[T | None]], seconds: float = 20.0) -> T:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        result = await probe()
        if result:
            return result
        await asyncio.sleep(0.2)
    raise AssertionError("condition not met in time")


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> ProviderSettings:
    return ProviderSettings(
        env="test",
        database_url=new_database_url("provider"),
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=f"prv{uuid.uuid4().hex[:8]}.",
        topic_partitions=1,
        log_json=False,
        webhook_poll_seconds=0.2,
        webhook_allow_networks="127.0.0.0/8",  # the tests' receivers
    )


@pytest.fixture(scope="module")
async def client(settings: ProviderSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = build(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://provider") as http:
            yield http


@pytest.fixture(scope="module")
async def kafka(settings: ProviderSettings, client: httpx.AsyncClient) -> AsyncIterator[Kafka]:
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers, acks="all")
    await producer.start()
    yield Kafka(settings.kafka_bootstrap_servers, settings.kafka_topic_prefix, producer)
    await producer.stop()


async def new_tenant(client: httpx.AsyncClient, name: str) -> Tenant:
    response = await client.post(
        "/admin/tenants", json={"name": name, "kind": "private"}, headers=OPS
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Tenant(
        uuid.UUID(body["tenant_id"]), uuid.UUID(body["key_id"]), {"X-Api-Key": body["api_key"]}
    )


@pytest.fixture(scope="module")
async def tenant_a(client: httpx.AsyncClient) -> Tenant:
    return await new_tenant(client, "Tenant A Family Support")


@pytest.fixture(scope="module")
async def tenant_b(client: httpx.AsyncClient) -> Tenant:
    return await new_tenant(client, "Tenant B Youth Care")


CHILD = '{"name": "Test Barn", "cpr": "010101-0000"}'  # invented


@dataclass
class Stack:
    """What a test drives: the API, the broker, and the authority's side of the sealing."""

    http: httpx.AsyncClient
    kafka: Kafka
    keys: TransportKeys
    child_keys: dict[uuid.UUID, bytes] = field(default_factory=dict)

    eventually = staticmethod(eventually)

    def order(
        self, tenant: Tenant, child_id: uuid.UUID | None = None, case_id: uuid.UUID | None = None
    ) -> OrderPlaced:
        """As the authority sends it: the child sealed with the child's own data key."""
        order_id, child_id = uuid.uuid4(), child_id or uuid.uuid4()
        key = self.child_key(child_id)
        box = seal(key, f"child:{child_id}", CHILD.encode(), str(order_id).encode())
        update = {
            "order_id": order_id,
            "case_id": case_id or uuid.uuid4(),
            "provider_id": tenant.tenant_id,
            "child": Sealed.model_validate(box),
        }
        return example_event(OrderPlaced).model_copy(update=update)

    def child_key(self, child_id: uuid.UUID) -> bytes:
        return self.child_keys.setdefault(child_id, new_key())

    def grant(self, tenant: Tenant, child_id: uuid.UUID) -> ChildKeyGranted:
        """The child's key for the tenant, wrapped with its transport key (as the authority)."""
        kid, transport = self.keys.key_for(tenant.tenant_id)
        aad = f"child-key:{child_id}".encode()
        wrapped = Sealed.model_validate(seal(transport, kid, self.child_key(child_id), aad))
        return ChildKeyGranted(provider_id=tenant.tenant_id, child_id=child_id, wrapped_key=wrapped)

    async def placed(self, tenant: Tenant, child_id: uuid.UUID | None = None) -> OrderPlaced:
        """An order sent by the authority (the key granted first) and seen in the inbox."""
        order = self.order(tenant, child_id)
        child = uuid.UUID(order.child.kid.removeprefix("child:"))
        await self.kafka.send(self.grant(tenant, child))
        await self.kafka.send(order)
        await self.eventually(lambda: self.get(f"/orders/{order.order_id}", tenant, ok=True))
        return order

    async def get(self, path: str, tenant: Tenant, ok: bool = False) -> Any:
        response = await self.http.get(path, headers=tenant.headers)
        if ok:
            return response.json() if response.status_code == 200 else None
        return response


@pytest.fixture(scope="module")
def ops() -> dict[str, str]:
    return OPS


@pytest.fixture(scope="module")
def stack(client: httpx.AsyncClient, kafka: Kafka, settings: ProviderSettings) -> Stack:
    return Stack(client, kafka, TransportKeys(settings.transport_master_key))
