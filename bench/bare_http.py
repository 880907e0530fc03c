"""The bare authority's HTTP/1.1 server: ``httptools`` on a protocol, keep-alive, no framework.

Every request is taken as an order: its body goes to the handler, whose answer is sent back
as JSON with 201. Enough for the bare pipeline (``bench.bare_services``), nothing more.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, cast

import httptools

_HEAD = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n"


class _Request:
    def __init__(self, server: BareHttp) -> None:
        self.server, self.body = server, bytearray()

    def on_body(self, body: bytes) -> None:
        self.body += body

    def on_message_complete(self) -> None:
        self.server.received(bytes(self.body))
        self.body = bytearray()


class BareHttp(asyncio.Protocol):
    def __init__(self, handle: Callable[[bytes], Awaitable[Any]]) -> None:
        self.handle, self.parser = handle, httptools.HttpRequestParser(_Request(self))
        self.transport: asyncio.Transport | None = None
        self.answering: set[asyncio.Task[None]] = set()  # held: the loop keeps only weak refs

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        self.parser.feed_data(data)

    def received(self, body: bytes) -> None:
        task = asyncio.get_running_loop().create_task(self._answer(body))
        self.answering.add(task)
        task.add_done_callback(self.answering.discard)

    async def _answer(self, body: bytes) -> None:
        answer = json.dumps(await self.handle(body)).encode()
        head = _HEAD.format(len(answer))
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(head.encode() + answer)
