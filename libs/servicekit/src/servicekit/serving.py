"""``python -m <service> serve``: the app built from settings, refused or served by uvicorn."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import uvicorn
from fastapi import FastAPI

from servicekit.app import uvicorn_options
from servicekit.settings import InsecureConfiguration, ServiceSettings

S = TypeVar("S", bound=ServiceSettings)


def serve(service: str, build: Callable[[S], FastAPI], settings: S) -> None:
    """Build and serve; a configuration the start-up guard refuses exits with one line that
    names the setting, not a traceback. uvicorn logs through the service's logging (no
    config of its own) and writes no access log: the service logs its requests itself,
    with their ids and without query strings (``servicekit.telemetry``). Forwarded headers
    are believed only from the ingress (``uvicorn_options``)."""
    try:
        app = build(settings)
    except InsecureConfiguration as refused:
        raise SystemExit(f"{service}: {refused}") from None
    uvicorn.run(app, **uvicorn_options(settings), access_log=False)
