"""Liveness, readiness and Prometheus metrics endpoints."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Mapping

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

Check = Callable[[], Awaitable[None]]


def router(checks: Mapping[str, Check], metrics_token: str | None = None) -> APIRouter:
    """``/healthz`` says the process runs; ``/readyz`` that its dependencies answer;
    ``/metrics`` needs ``Authorization: Bearer <metrics_token>`` when a token is set."""
    api = APIRouter(tags=["operations"])

    @api.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/readyz")
    async def readyz() -> JSONResponse:
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                await check()
                results[name] = "ok"
            except Exception as exc:  # a readiness probe reports, it does not raise
                results[name] = f"failing: {type(exc).__name__}"
        ready = all(v == "ok" for v in results.values())
        body = {"status": "ready" if ready else "not_ready", "checks": results}
        return JSONResponse(body, status_code=200 if ready else 503)

    @api.get("/metrics")
    async def metrics(request: Request) -> Response:
        if metrics_token is not None:
            given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not hmac.compare_digest(given.encode(), metrics_token.encode()):
                raise HTTPException(
                    401, "metrics need the scrape token", {"WWW-Authenticate": "Bearer"}
                )
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return api
