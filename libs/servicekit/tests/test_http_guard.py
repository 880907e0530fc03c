"""Every answer is problem+json, never a bare 500: limits, NUL text, unhandled errors, headers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Header
from pydantic import BaseModel
from servicekit.app import create_app
from servicekit.revisions import Revision, revision_from
from servicekit.settings import ServiceSettings

CORRELATION = "6f1c9a52-52a4-4b0e-9d3c-2f2a6c8e1d11"


class Refused(Exception):
    pass


class Note(BaseModel):
    text: str
    expected_revision: Revision | None = None


def client(**settings: Any) -> httpx.AsyncClient:
    router = APIRouter()

    @router.post("/notes/{name}")
    async def note(name: str, body: Note, if_match: str | None = Header(None)) -> dict[str, Any]:
        return {"text": body.text, "revision": revision_from(if_match, body.expected_revision)}

    @router.get("/boom")
    async def boom() -> None:
        raise ZeroDivisionError("0103151234 Emil Hansen")  # a message that must not be logged

    app = create_app(
        title="t", settings=ServiceSettings(**settings), workers=None, routers=[router],
        domain_error=Refused, checks={},
    )  # fmt: skip
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://t")


async def test_an_unhandled_error_is_a_problem_with_the_correlation_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a route that fails in a way no handler maps
    async with client() as c:
        # When it is called
        response = await c.get("/boom", headers={"x-correlation-id": CORRELATION})
    # Then the client gets problem+json 500 it can quote, not text/plain
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/internal_error")
    assert response.json()["correlation_id"] == CORRELATION
    # And the log names the error's type and place, not its message
    logged = capsys.readouterr().out
    assert "ZeroDivisionError" in logged
    assert "Emil" not in logged
    assert "0103151234" not in logged


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/notes/a%00b", b'{"text": "x"}'),
        ("/notes/a?q=%00", b'{"text": "x"}'),
        ("/notes/a", b'{"text": "x\\u0000y"}'),
        ("/notes/a", b'{"text": "x\\\\\\u0000y"}'),
    ],
)
async def test_a_nul_character_is_refused_before_any_database_sees_it(
    path: str, body: bytes
) -> None:
    async with client() as c:
        response = await c.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_an_escaped_backslash_before_u0000_is_text_and_accepted() -> None:
    async with client() as c:
        response = await c.post(
            "/notes/a",
            content=b'{"text": "C:\\\\u0000"}',
            headers={"content-type": "application/json"},
        )
    assert response.status_code == 200
    assert response.json()["text"] == "C:\\u0000"


async def test_a_body_over_the_limit_is_413_whether_declared_or_streamed() -> None:
    big = b'{"text": "' + b"x" * 5000 + b'"}'

    async def chunks() -> Any:
        for start in range(0, len(big), 1000):
            yield big[start : start + 1000]

    async with client(max_body_bytes=4096) as c:
        declared = await c.post("/notes/a", content=big)
        streamed = await c.post("/notes/a", content=chunks())
        small = await c.post("/notes/a", json={"text": "x"})
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["type"].endswith("/payload_too_large")
    assert small.status_code == 200


async def test_a_file_upload_may_be_larger_than_a_body_but_not_unbounded() -> None:
    # Given a service whose bodies are at most 4 KiB and whose uploads at most 16 KiB
    async with client(max_body_bytes=4096, max_upload_bytes=16384) as c:
        # When a 10 KiB file is uploaded, and a 20 KiB one
        files = {"file": ("a.pdf", b"x" * 10_000, "application/pdf")}
        upload = await c.post("/notes/a", files=files)
        huge = await c.post("/notes/a", files={"file": ("b.pdf", b"x" * 20_000)})
        # And a 10 KiB JSON body
        body = await c.post("/notes/a", json={"text": "x" * 10_000})
    # Then the upload reaches the route (which refuses it as no note: 422), the rest are 413
    assert upload.status_code == 422
    assert huge.status_code == 413
    assert body.status_code == 413


@pytest.mark.parametrize(
    "if_match", ['"²"'.encode("latin-1"), b'"99999999999"', b'"2147483648"', b"null", b'"-1"']
)
async def test_an_if_match_that_is_no_revision_is_a_client_error(if_match: bytes) -> None:
    async with client() as c:
        response = await c.post("/notes/a", json={"text": "x"}, headers={"If-Match": if_match})
    assert response.status_code == 400
    assert response.json()["type"].endswith("/invalid_if_match")


async def test_a_revision_beyond_32_bits_is_refused_and_one_within_taken() -> None:
    async with client() as c:
        too_big = await c.post("/notes/a", json={"text": "x", "expected_revision": 2**31})
        weak = await c.post("/notes/a", json={"text": "x"}, headers={"If-Match": 'W/"7"'})
    assert too_big.status_code == 422
    assert weak.json()["revision"] == 7


async def test_every_answer_forbids_caching_framing_and_sniffing() -> None:
    async with client() as c:
        answer = await c.post("/notes/a", json={"text": "x"})
        error = await c.get("/boom")
    for response in (answer, error):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


async def test_metrics_need_the_scrape_token_when_one_is_set() -> None:
    async with client(metrics_token="scrape-secret-1234") as c:
        anonymous = await c.get("/metrics")
        wrong = await c.get("/metrics", headers={"Authorization": "Bearer nope"})
        scraper = await c.get("/metrics", headers={"Authorization": "Bearer scrape-secret-1234"})
    assert anonymous.status_code == wrong.status_code == 401
    assert scraper.status_code == 200
    async with client() as c:
        assert (await c.get("/metrics")).status_code == 200  # no token set: as before
