"""A change that would make an event Kafka refuses is a 413 problem, not a 500."""

from __future__ import annotations

from uuid import uuid4

import httpx
from fastapi import APIRouter, FastAPI
from samspil_contracts import ProviderMaterialPublished, encode
from samspil_contracts.testing import AT, example_event
from servicekit import problems


class Refused(Exception):
    pass


def app_publishing(method_text: str) -> FastAPI:
    app = FastAPI()
    problems.install(app, Refused, {"not_found"})
    router = APIRouter()

    @router.put("/material")
    async def publish() -> dict[str, int]:
        material = example_event(ProviderMaterialPublished).model_copy(
            update={"method": method_text}
        )
        wire = encode(material, subject="p", revision=1, correlation_id=uuid4(),
                      producer="/samspil/provider", occurred_at=AT)  # fmt: skip
        return {"bytes": len(wire.value)}

    app.include_router(router)
    return app


async def test_an_event_too_large_for_kafka_answers_413_with_a_problem() -> None:
    # Given a route whose change makes an event of just over a megabyte
    app = app_publishing("x" * 1_000_000)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://t") as c:
        # When it is called
        response = await c.put("/material")
    # Then the answer is a 413 problem that says how large, in Danish and English
    assert response.status_code == 413
    assert response.headers["content-type"] == problems.PROBLEM_JSON
    body = response.json()
    assert body["type"].endswith("/change_too_large")
    assert body["limit"] == 1_000_000
    assert body["size"] > body["limit"]
    assert "for stor" in body["detail"]
    assert "too large" in body["detail"]
