"""Fixtures: the webhook tables on both databases, a controllable clock, real receivers.

PostgreSQL comes from the devstack pytest plugin (``new_database_url``, a real server);
without that plugin those parametrisations are skipped, SQLite always runs.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI, Request, Response
from provider.adapters.webhooks import TargetPolicy, WebhookOutbox
from samspil_provider_kit.local_server import serving
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

SECRETS_KEY = bytes(range(32))
LOCAL = TargetPolicy.of(https_only=False, allow="127.0.0.0/8")  # the receivers below
SECRET = "whsec_test_0123456789abcdefghijkl"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class ScriptedReceiver:
    """A real HTTP receiver answering the scripted statuses in turn (then 200); records all."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.app = FastAPI()
        self.app.post("/hook")(self.receive)
        self.url = ""

    async def receive(self, request: Request) -> Response:
        self.requests.append((dict(request.headers), await request.body()))
        status = self.statuses.pop(0) if self.statuses else 200
        return Response(status_code=status)


async def database_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'webhooks.db'}"
    try:
        factory = request.getfixturevalue("new_database_url")
    except pytest.FixtureLookupError:
        pytest.skip("devstack pytest plugin (PostgreSQL) not available")
    url = factory("webhooks")
    return str(await url if inspect.isawaitable(url) else url)


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(await database_url(request, request.param, tmp_path))
    yield engine
    await engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def outbox(engine: AsyncEngine, clock: FakeClock) -> WebhookOutbox:
    outbox = WebhookOutbox(engine, secrets_key=SECRETS_KEY, clock=clock, targets=LOCAL)
    await outbox.create_schema()
    return outbox


@pytest.fixture
def scripted() -> Iterator[ScriptedReceiver]:
    """Set ``.statuses`` in the test before dispatching."""
    receiver = ScriptedReceiver([])
    with serving(receiver.app) as base_url:
        receiver.url = f"{base_url}/hook"
        yield receiver
