"""A lean HTTP/1.1 client for the load generator: keep-alive connections, JSON in and out.

The benchmarks run the load generator on the same two cores as the stack it measures, so
its cost is taken from the stack. httpx spent about 6 ms of CPU per request at 100
requests/s open loop (against a server that answers at once): a third of a core at 50/s,
more than half at 100/s. Here a request is bytes written on an idle connection and the
answer is parsed by ``httptools`` (uvicorn's C parser), for a fraction of that.

Connections idle longer than ``IDLE_SECONDS`` are closed rather than reused: a POST sent on
a connection the server is just closing (uvicorn's keep-alive is 5 s) cannot be retried
safely, because the server may have acted on it.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httptools

IDLE_SECONDS = 2.0


class _Answer:
    """httptools callbacks: collects one response."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.done = False

    def on_body(self, body: bytes) -> None:
        self.body += body

    def on_message_complete(self) -> None:
        self.done = True


class LeanClient:
    def __init__(self, url: str, headers: dict[str, str], max_connections: int = 64) -> None:
        self._gate = asyncio.Semaphore(max_connections)  # as httpx's pool limit: beyond it, wait
        host_port = url.removeprefix("http://").rstrip("/")
        self._host, _, port = host_port.partition(":")
        self._port = int(port or 80)
        self._head = "".join(f"{k}: {v}\r\n" for k, v in {"Host": host_port, **headers}.items())
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []

    async def post_json(self, path: str, body: Any) -> tuple[int, Any]:
        """(status, decoded JSON body or None) of ``POST path`` with ``body`` as JSON."""
        async with self._gate:
            return await self._post(path, json.dumps(body).encode())

    async def _post(self, path: str, payload: bytes) -> tuple[int, Any]:
        request = (
            f"POST {path} HTTP/1.1\r\n{self._head}Content-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode() + payload
        reader, writer = await self._connection()
        writer.write(request)
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        while not answer.done:
            chunk = await reader.read(65536)
            if not chunk:
                writer.close()
                raise ConnectionError("the server closed the connection mid-answer")
            parser.feed_data(chunk)
        status = parser.get_status_code()
        if parser.should_keep_alive():
            self._idle.append((reader, writer, time.monotonic()))
        else:
            writer.close()
        return status, json.loads(answer.body) if answer.body else None

    async def aclose(self) -> None:
        for _, writer, _ in self._idle:
            writer.close()
        self._idle.clear()

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        while self._idle:
            reader, writer, since = self._idle.pop()
            if time.monotonic() - since < IDLE_SECONDS and not reader.at_eof():
                return reader, writer
            writer.close()
        return await asyncio.open_connection(self._host, self._port)
