"""Idempotency-Key: a retried POST gets the first answer, never a second effect."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from servicekit import db, problems
from servicekit.idempotency import IdempotencyKeys
from servicekit.idempotency_sql import SqlIdempotencyStore, metadata

API_KEY = {"X-API-Key": "spk_test_one"}


class Refused(Exception):
    pass


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(
    request: pytest.FixtureRequest, tmp_path: Path, new_database_url: Callable[[str], str]
) -> AsyncIterator[SqlIdempotencyStore]:
    url = (
        f"sqlite+aiosqlite:///{tmp_path / 'keys.db'}"
        if request.param == "sqlite"
        else new_database_url("keys")
    )
    engine = db.engine_for(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield SqlIdempotencyStore(engine)
    await engine.dispose()


def counting_app(store: SqlIdempotencyStore, effects: list[str]) -> FastAPI:
    app = FastAPI()
    problems.install(app, Refused, {"not_found"})
    app.add_middleware(IdempotencyKeys, store=store)
    router = APIRouter()

    @router.post("/orders/{order}/accept")
    async def accept(order: str, body: dict[str, str]) -> dict[str, object]:
        effects.append(order)
        if body.get("slow"):
            await asyncio.sleep(0.3)
        if body.get("fail"):
            raise RuntimeError("the database went away")
        return {"order": order, "effect": len(effects)}

    app.include_router(router)
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://t")


async def test_the_same_key_and_request_get_the_first_answer(store: SqlIdempotencyStore) -> None:
    # Given a POST made once with a key
    effects: list[str] = []
    headers = {**API_KEY, "Idempotency-Key": "k-1"}
    async with client(counting_app(store, effects)) as c:
        first = await c.post("/orders/a/accept", json={"x": "1"}, headers=headers)
        # When the very same request is sent again
        again = await c.post("/orders/a/accept", json={"x": "1"}, headers=headers)
        # Then it answers as the first time, marked as replayed, and had no second effect
        assert (first.status_code, again.status_code) == (200, 200)
        assert again.json() == first.json() == {"order": "a", "effect": 1}
        assert again.headers["idempotent-replayed"] == "true"
        assert effects == ["a"]
        # And another caller's same key is its own
        other = {"X-API-Key": "spk_test_two", "Idempotency-Key": "k-1"}
        assert (await c.post("/orders/a/accept", json={"x": "1"}, headers=other)).json() == {
            "order": "a",
            "effect": 2,
        }


async def test_the_same_key_with_another_request_is_a_422(store: SqlIdempotencyStore) -> None:
    effects: list[str] = []
    headers = {**API_KEY, "Idempotency-Key": "k-2"}
    async with client(counting_app(store, effects)) as c:
        await c.post("/orders/a/accept", json={"x": "1"}, headers=headers)
        # When the key is used for another body, then it is refused, nothing done
        reused = await c.post("/orders/a/accept", json={"x": "2"}, headers=headers)
        assert reused.status_code == 422
        assert reused.headers["content-type"] == problems.PROBLEM_JSON
        assert reused.json()["type"].endswith("/idempotency_key_reused")
        assert set(reused.json()["texts"]) == {"da", "en"}
        assert effects == ["a"]


async def test_a_request_still_running_makes_a_retry_wait_409(store: SqlIdempotencyStore) -> None:
    effects: list[str] = []
    headers = {**API_KEY, "Idempotency-Key": "k-3"}
    async with client(counting_app(store, effects)) as c:
        slow = asyncio.create_task(c.post("/orders/a/accept", json={"slow": "1"}, headers=headers))
        await asyncio.sleep(0.1)
        # When the same request comes while the first runs, then it is told to retry
        racing = await c.post("/orders/a/accept", json={"slow": "1"}, headers=headers)
        assert racing.status_code == 409
        assert racing.json()["type"].endswith("/idempotency_key_in_progress")
        assert (await slow).status_code == 200
        assert effects == ["a"]


async def test_a_failed_request_runs_again_with_the_same_key(store: SqlIdempotencyStore) -> None:
    effects: list[str] = []
    headers = {**API_KEY, "Idempotency-Key": "k-4"}
    async with client(counting_app(store, effects)) as c:
        failed = await c.post("/orders/a/accept", json={"fail": "1"}, headers=headers)
        assert failed.status_code == 500
        # When retried with the same key, then it runs again (a 5xx settles nothing)
        again = await c.post("/orders/a/accept", json={"fail": "1"}, headers=headers)
        assert again.status_code == 500
        assert effects == ["a", "a"]


@pytest.mark.parametrize("key", [b"", b"x" * 256, "nøgle".encode(), b"two words"])
async def test_an_invalid_key_is_refused(store: SqlIdempotencyStore, key: bytes) -> None:
    effects: list[str] = []
    async with client(counting_app(store, effects)) as c:
        headers = {b"X-API-Key": b"spk_test_one", b"Idempotency-Key": key}
        response = await c.post("/orders/a/accept", json={}, headers=headers)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/invalid_idempotency_key")
        assert effects == []
