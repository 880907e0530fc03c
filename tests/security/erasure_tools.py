"""What remains after an erasure, gathered the way an attacker holding every secret would:
keys in both databases (unwrapped with the KEK or the transport keys) and every wrapped key
still in the key topic. And which sealed boxes those keys open."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterable
from typing import Any
from uuid import UUID

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from authority.adapters.keys import KEK_ID, derive_kek
from cryptography.exceptions import InvalidTag
from samspil_contracts import ChildKeyGranted, decode, topics
from servicekit.crypto import KeyMissing, derive_transport_key, unseal
from servicekit.settings import DEV_TRANSPORT_MASTER

MASTER = base64.urlsafe_b64decode(DEV_TRANSPORT_MASTER + "=" * (-len(DEV_TRANSPORT_MASTER) % 4))


def _transport(provider_id: UUID | str) -> dict[str, bytes]:
    kid, key = derive_transport_key(MASTER, str(provider_id))
    return {kid: key}


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def authority_keys(database_url: str) -> list[bytes]:
    kek = {KEK_ID: derive_kek(DEV_TRANSPORT_MASTER)}
    conn = await asyncpg.connect(_plain(database_url))
    try:
        rows = await conn.fetch("select child_id, wrapped from child_keys")
    finally:
        await conn.close()
    return [unseal(kek, json.loads(r["wrapped"]), str(r["child_id"]).encode()) for r in rows]


async def provider_keys(database_url: str, tenant_id: object = None) -> list[bytes]:
    """Every child key the provider holds (the stack is shared: other tests' too), or one
    tenant's."""
    conn = await asyncpg.connect(_plain(database_url))
    sql = "select tenant_id, child_id, wrapped from child_keys"
    try:
        if tenant_id is None:
            rows = await conn.fetch(sql)
        else:
            rows = await conn.fetch(sql + " where tenant_id = $1", uuid.UUID(str(tenant_id)))
    finally:
        await conn.close()
    aad = "child-key:{}".format
    return [
        unseal(_transport(r["tenant_id"]), json.loads(r["wrapped"]), aad(r["child_id"]).encode())
        for r in rows
    ]


async def raw_records(bootstrap: str, topic: str, seconds: float = 2.0) -> list[Any]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    try:
        found: list[Any] = []
        for _ in range(int(seconds / 0.5)):
            for records in (await consumer.getmany(timeout_ms=500)).values():
                found.extend(records)
        return found
    finally:
        await consumer.stop()


def topic_keys(records: Iterable[Any]) -> list[bytes]:
    """Every child key a wrapped grant still in the key topic opens to."""
    keys = []
    for r in records:
        if r.value is None:
            continue
        _, grant = decode(tuple(r.headers or ()), r.value)
        assert isinstance(grant, ChildKeyGranted)
        aad = f"child-key:{grant.child_id}".encode()
        keys.append(unseal(_transport(grant.provider_id), grant.wrapped_key.model_dump(), aad))
    return keys


def opens(box: dict[str, str], aad: str, keys: Iterable[bytes]) -> bool:
    for key in keys:
        try:
            unseal({box["kid"]: key}, box, aad.encode())
        except (InvalidTag, KeyMissing):
            continue
        return True
    return False


async def compact_promptly(bootstrap: str, topic: str) -> None:
    """Tests cannot wait an hour for a segment to roll: roll them at once (all configs are
    given, since altering replaces the topic's whole set)."""
    configs = {
        "cleanup.policy": "compact",
        "segment.ms": "100",
        "min.cleanable.dirty.ratio": "0.01",
        "max.compaction.lag.ms": "1000",
        "delete.retention.ms": str(24 * 3600 * 1000),
    }
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs)])
    finally:
        await admin.close()


async def roll_segment(bootstrap: str, topic: str, partition: int) -> None:
    """A tombstone for a key nobody uses, on the same partition, closes the segment holding
    the real tombstone: the active segment is never compacted."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, None, key=b"segment-roll", partition=partition)
    finally:
        await producer.stop()


KEY_TOPIC = topics.AUTHORITY_CHILD_KEYS
