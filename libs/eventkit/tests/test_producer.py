"""A producer whose start fails or is cancelled is closed again, not left for the collector
(aiokafka says so with a ResourceWarning when an unclosed producer is collected)."""

from __future__ import annotations

import asyncio
import gc
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaConnectionError
from eventkit import started_producer


async def _raw_start(**config: object) -> AIOKafkaProducer:
    producer = AIOKafkaProducer(**config)
    await producer.start()
    return producer


async def _unclosed_after(start: Callable[[], Awaitable[object]]) -> list[str]:
    """The 'Unclosed AIOKafkaProducer' warnings once a failed ``start`` is collected."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        try:
            await start()
        except (KafkaConnectionError, asyncio.CancelledError):
            pass  # expected; the handler drops the traceback that holds the producer
        else:
            pytest.fail("start succeeded")
        for _ in range(3):  # the loop drops its references to the finished task
            await asyncio.sleep(0)
        gc.collect()
    return [str(w.message) for w in caught if "Unclosed AIOKafkaProducer" in str(w.message)]


@pytest.fixture
async def silent_broker() -> AsyncIterator[str]:
    """A port that accepts connections and never answers: a start hangs until cancelled."""

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await reader.read(4096):
            pass
        writer.close()

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    yield f"127.0.0.1:{server.sockets[0].getsockname()[1]}"
    server.close()


async def _cancelled_after(seconds: float, start: Awaitable[object]) -> None:
    task = asyncio.ensure_future(start)
    await asyncio.sleep(seconds)
    task.cancel()
    await task


async def test_a_producer_whose_broker_is_unreachable_is_closed_again() -> None:
    # Given no broker on port 1
    config = {"bootstrap_servers": "127.0.0.1:1", "request_timeout_ms": 1000}
    # When a plain aiokafka start fails, it leaves an open producer behind (the control)
    assert await _unclosed_after(lambda: _raw_start(**config))
    # Then started_producer's failed start leaves none
    assert await _unclosed_after(lambda: started_producer(**config)) == []


async def test_a_producer_start_cancelled_while_connecting_is_closed(silent_broker: str) -> None:
    # Given a broker address that accepts and never answers, and starts cancelled after 0.2 s
    config = {"bootstrap_servers": silent_broker, "request_timeout_ms": 30_000}
    # When a plain aiokafka start is cancelled, it leaves an open producer behind (the control)
    assert await _unclosed_after(lambda: _cancelled_after(0.2, _raw_start(**config)))
    # Then started_producer, cancelled the same way, leaves none
    assert await _unclosed_after(lambda: _cancelled_after(0.2, started_producer(**config))) == []
