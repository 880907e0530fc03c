"""The bare pipeline's processes: the order path's fixed architecture with no framework.

``python -m bench.bare_services authority PORT DSN BOOTSTRAP TOPIC`` and
``python -m bench.bare_services consumer GROUP DSN BOOTSTRAP TOPIC``. What each does is what
the architecture asks of the service it stands in for, and nothing more: no auth, no
validation, no envelope, no encryption, no tracing, no metrics, no logs.

- *authority*: an HTTP/1.1 server (``httptools``, keep-alive). ``POST`` → one transaction:
  read the stream, append at the expected revision (the primary key is the optimistic
  check), insert the outbox row and ``NOTIFY``; commit; answer 201. A relay in the same
  process, woken by the ``NOTIFY``: claim unsent rows (``SKIP LOCKED``), produce with the
  idempotent producer and ``acks=all``, mark them sent, commit.
- *consumer* (the provider, and the scheduler beside it): take one fetch as a batch; in one
  transaction insert the inbox rows (dedupe by event id) and a row per new order, and
  ``NOTIFY``; commit; then commit the offsets.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

import asyncpg
import uvloop
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from eventkit.wakeup import OUTBOX_CHANNEL

from bench.bare_http import BareHttp

AUTHORITY_SCHEMA = """
create table if not exists events (stream uuid, version int, type text, data jsonb,
  primary key (stream, version));
create table if not exists outbox (id bigserial primary key, message_id uuid, topic text,
  key bytea, value bytea, created_at timestamptz default now(), sent_at timestamptz);
create index if not exists outbox_unsent on outbox (id) where sent_at is null;
"""
CONSUMER_SCHEMA = """
create table if not exists inbox (event_id uuid primary key, processed_at timestamptz);
create table if not exists orders_inbox (order_id uuid primary key, body jsonb);
"""
_READ = "select version from events where stream = $1 order by version desc limit 1"
_APPEND = "insert into events values ($1, $2, 'OrderPlaced', $3::jsonb)"
_OUTBOX = (
    "with o as (insert into outbox (message_id, topic, key, value) values ($1, $2, $3, $4) "
    "returning 1) select pg_notify('relay', '') from o"
)
_CLAIM = (
    "select id, message_id, topic, key, value from outbox where sent_at is null "
    "order by id limit 500 for update skip locked"
)
_MARK = "update outbox set sent_at = now() where id = any($1::bigint[])"
_INBOX = (
    "insert into inbox select unnest($1::uuid[]), now() on conflict do nothing returning event_id"
)
_ROWS = "insert into orders_inbox select * from unnest($1::uuid[], $2::jsonb[])"
_NOTIFY = f"select pg_notify('{OUTBOX_CHANNEL}', '')"


async def authority(port: int, dsn: str, bootstrap: str, topic: str) -> None:
    pool = await asyncpg.create_pool(dsn, min_size=4, max_size=10)
    await pool.execute(AUTHORITY_SCHEMA)

    async def place(body: bytes) -> dict[str, str]:
        order_id = uuid.uuid4()
        async with pool.acquire() as conn, conn.transaction():
            version = await conn.fetchval(_READ, order_id) or 0
            await conn.execute(_APPEND, order_id, version + 1, body.decode())
            await conn.execute(_OUTBOX, uuid.uuid4(), topic, order_id.bytes, body)
        return {"order_id": str(order_id)}

    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: BareHttp(place), "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await _relay(pool, bootstrap)


async def _relay(pool: asyncpg.Pool, bootstrap: str) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, max_batch_size=512 * 1024
    )
    await producer.start()
    listener, woken = await pool.acquire(), asyncio.Event()
    await listener.add_listener("relay", lambda *_: woken.set())
    while True:
        woken.clear()
        async with pool.acquire() as conn, conn.transaction():
            rows = await conn.fetch(_CLAIM)
            sends = [await _send(producer, r) for r in rows]
            await asyncio.gather(*sends)
            await conn.execute(_MARK, [r["id"] for r in rows])
        if len(rows) < 500:
            await woken.wait()


async def _send(producer: AIOKafkaProducer, row: asyncpg.Record) -> asyncio.Future[Any]:
    headers = [("ce_id", row["message_id"].bytes)]  # the event id, as the envelope carries it
    sent: asyncio.Future[Any] = await producer.send(
        row["topic"], row["value"], key=row["key"], headers=headers
    )
    return sent


async def consumer(group: str, dsn: str, bootstrap: str, topic: str) -> None:
    conn = await asyncpg.connect(dsn)
    await conn.execute(CONSUMER_SCHEMA)
    kafka = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await kafka.start()
    while not kafka.assignment():
        await kafka.getmany(timeout_ms=100)
    print("ready", flush=True)
    while True:
        batches = await kafka.getmany(timeout_ms=500)
        records = [r for batch in batches.values() for r in batch]
        if not records:
            continue
        # The record's key is the order id; an event id per record, as the envelope carries one.
        ids = [
            uuid.uuid5(uuid.NAMESPACE_OID, f"{r.topic}/{r.partition}/{r.offset}") for r in records
        ]
        async with conn.transaction():
            new = {row[0] for row in await conn.fetch(_INBOX, ids)}
            fresh = [r for i, r in zip(ids, records, strict=True) if i in new]
            keys = [uuid.UUID(bytes=r.key) for r in fresh if r.key is not None]
            await conn.execute(_ROWS, keys, [(r.value or b"{}").decode() for r in fresh])
            await conn.execute(_NOTIFY)
        await kafka.commit()


def main(argv: list[str]) -> None:
    role, first, dsn, bootstrap, topic = argv
    if role == "authority":
        uvloop.run(authority(int(first), dsn, bootstrap, topic))  # as uvicorn runs the services
    else:
        uvloop.run(consumer(first, dsn, bootstrap, topic))


if __name__ == "__main__":
    main(sys.argv[1:])
