"""The authority with its web UI served by uvicorn in a thread (real PostgreSQL and Kafka),
and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from aiokafka import AIOKafkaProducer
from authority.bootstrap import AuthoritySettings, build
from playwright.async_api import Browser, async_playwright
from samspil_contracts import IntegrationEvent, encode

ROOT = Path(__file__).resolve().parents[4]
AXE = ROOT / ".cache" / "axe" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Authority:
    def __init__(self, url: str, bootstrap: str, prefix: str) -> None:
        self.url, self.bootstrap, self.prefix = url, bootstrap, prefix

    async def produce(self, event: IntegrationEvent) -> None:
        """A fact from another service, sent over the real broker as that service would."""
        wire = encode(
            event,
            subject=event.partition_key(),
            revision=1,
            correlation_id=uuid.uuid4(),
            producer="/samspil/provider",
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def authority(
    new_database_url: Callable[[str], str],
    kafka_bootstrap: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Authority]:
    prefix = f"t{uuid.uuid4().hex[:8]}."
    settings = AuthoritySettings(
        SAMSPIL_ENV="test",
        database_url=new_database_url("authority"),
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=prefix,
        topic_partitions=1,
        log_json=False,
        digital_post_dir=tmp_path_factory.mktemp("digital-post"),
    )
    port = free_port()
    config = uvicorn.Config(build(settings), host="127.0.0.1", port=port, log_config=None)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the authority did not start")
        time.sleep(0.1)
    yield Authority(url, kafka_bootstrap, prefix)
    server.should_exit = True
    thread.join(timeout=30)


def require_browser() -> None:
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("run deploy/scripts/install-browser.sh first (Chromium and axe-core)")


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    require_browser()
    async with async_playwright() as pw:
        found = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield found
        await found.close()


async def eventually_has(url: str, text: str, cookies: dict[str, str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(cookies=cookies) as client:
        while time.monotonic() < deadline:
            if text in (await client.get(url)).text:
                return
            await asyncio.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")
