"""Receivers with one flaw each, as providers have written them: the kit must name it.

Each is the reference receiver's logic with one rule broken; the flaw's name says which.
The tests get the factory as the fixture ``flawed`` (a test directory here is no package).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

FLAWS = (
    "no_signature_check",
    "unsigned_accepted",
    "no_timestamp_window",
    "first_signature_only",
    "reserialised_json",
    "no_dedupe",
    "refuses_repeats",
    "last_write_wins",
)


def _signed_ok(flaw: str, secrets: list[str], headers: dict[str, str], body: bytes) -> bool:
    if flaw == "no_signature_check":
        return True
    raw = headers.get("samspil-signature")
    if raw is None:
        return flaw == "unsigned_accepted"
    stamp = headers.get("samspil-webhook-timestamp", "0")
    if flaw != "no_timestamp_window" and abs(time.time() - int(stamp)) > 300:
        return False
    if flaw == "reserialised_json":
        body = json.dumps(json.loads(body), separators=(",", ":")).encode()
    offered = [part.strip()[3:] for part in raw.split(",") if part.strip().startswith("v1=")]
    if flaw == "first_signature_only":
        offered = offered[:1]
    signed = f"{stamp}.".encode() + body
    expected = [hmac.new(s.encode(), signed, hashlib.sha256).hexdigest() for s in secrets]
    return any(hmac.compare_digest(o, e) for o in offered for e in expected)


def flawed_receiver(flaw: str, secrets: list[str]) -> Starlette:
    assert flaw in FLAWS, flaw
    applied: Counter[str] = Counter()
    versions: dict[str, int] = {}

    async def receive(request: Request) -> Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        body = await request.body()
        if not _signed_ok(flaw, secrets, headers, body):
            return JSONResponse({"error": "refused"}, status_code=401)
        delivery = headers.get("samspil-webhook-id", "")
        if applied[delivery] and flaw == "refuses_repeats":
            return Response(status_code=409)
        if applied[delivery] and flaw != "no_dedupe":
            return JSONResponse({"status": "duplicate"})
        applied[delivery] += 1
        _hold(flaw, versions, json.loads(body).get("data", {}))
        return JSONResponse({"status": "accepted"})

    async def report(_: Request) -> Response:
        return JSONResponse({"applied": dict(applied), "versions": versions})

    return Starlette(
        routes=[Route("/webhooks", receive, methods=["POST"]), Route("/report", report)]
    )


def _hold(flaw: str, versions: dict[str, int], data: dict[str, Any]) -> None:
    order_id, version = data.get("order_id"), data.get("version")
    if not isinstance(order_id, str) or not isinstance(version, int):
        return
    if flaw == "last_write_wins":
        versions[order_id] = version
    else:
        versions[order_id] = max(version, versions.get(order_id, 0))


@pytest.fixture
def flawed() -> Callable[[str, list[str]], Starlette]:
    return flawed_receiver
