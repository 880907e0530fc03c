"""Behind the ingress: its X-Forwarded-Proto is believed (so cookies get Secure), a client's
own is not."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from devstack.ports import free_port
from fastapi import FastAPI, Request
from servicekit.app import uvicorn_options
from servicekit.settings import ServiceSettings


@contextmanager
def serving(forwarded_allow_ips: str) -> Iterator[str]:
    app = FastAPI()

    @app.get("/scheme")
    async def scheme(request: Request) -> dict[str, str]:
        return {"scheme": request.url.scheme}

    settings = ServiceSettings(port=free_port(), forwarded_allow_ips=forwarded_allow_ips)
    server = uvicorn.Server(uvicorn.Config(app, **uvicorn_options(settings)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{settings.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize(("trusted", "seen"), [("127.0.0.1", "https"), ("10.20.30.40", "http")])
def test_forwarded_proto_is_believed_only_from_the_configured_ingress(
    trusted: str, seen: str
) -> None:
    with serving(trusted) as url:
        answer = httpx.get(f"{url}/scheme", headers={"X-Forwarded-Proto": "https"}, timeout=5)
    assert answer.json()["scheme"] == seen
