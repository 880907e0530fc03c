"""One FastAPI application per service: API, problems, health and workers in one lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI

from servicekit import observability, problem_pages, problems, telemetry
from servicekit.auth import DevIssuer, OidcVerifier, Verifier
from servicekit.guard import RequestLimits
from servicekit.headers import SecurityHeaders
from servicekit.idempotency import IdempotencyKeys, IdempotencyStore
from servicekit.runtime import Workers
from servicekit.settings import ServiceSettings
from servicekit.unhandled import Unhandled

DEVELOPMENT_BANNER = (
    "DEVELOPMENT MODE: /dev/token hands out tokens for any role and development keys may be "
    "in use; never expose this process (production: SAMSPIL_ENV=production, the default)"
)


def verifier_for(settings: ServiceSettings) -> Verifier:
    if settings.oidc_jwks_url and settings.oidc_issuer:
        return OidcVerifier(settings.oidc_jwks_url, settings.oidc_issuer, settings.oidc_audience)
    return DevIssuer(settings.jwt_secret)


def uvicorn_options(settings: ServiceSettings) -> dict[str, Any]:
    """How a service is served: the forwarded headers (X-Forwarded-Proto/-For) are believed
    only from ``FORWARDED_ALLOW_IPS`` (the ingress), so behind a TLS-terminating ingress the
    service knows it is spoken to over https (Secure cookies, https URLs) and a client cannot
    claim so itself. On SIGTERM open requests get the shutdown grace to finish, then the
    workers get it again (``servicekit.runtime``): both within the pod's 30 s."""
    return {
        "host": settings.host,
        "port": settings.port,
        "log_config": None,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
        "timeout_graceful_shutdown": round(settings.shutdown_grace_seconds),
    }


def create_app(
    *,
    title: str,
    settings: ServiceSettings,
    workers: Workers | None,
    routers: Sequence[APIRouter],
    domain_error: type[Exception],
    checks: Mapping[str, Callable[[], Awaitable[None]]],
    on_startup: Sequence[Callable[[], Awaitable[None]]] = (),
    not_found_codes: frozenset[str] = frozenset({"not_found"}),
    cacheable_prefixes: tuple[str, ...] = (),
    error_texts: problems.ErrorTexts | None = None,
    conflict_codes: frozenset[str] = frozenset(),
    idempotency: IdempotencyStore | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.env == "development":
            structlog.get_logger("servicekit.app").warning(DEVELOPMENT_BANNER, host=settings.host)
        for step in on_startup:
            await step()
        if workers is None:
            yield
            return
        async with workers.running():
            yield

    app = FastAPI(title=title, version="1.0", lifespan=lifespan)
    app.state.verifier = verifier_for(settings)
    app.state.revocations = None  # a service with a deny-list of signed-out tokens sets it
    app.state.production = settings.env == "production"
    app.state.public_base_url = settings.public_base_url
    problems.install(app, domain_error, set(not_found_codes), error_texts, conflict_codes)
    # Innermost first: idempotency keys (on a body already bounded), limits, the catch-all,
    # headers on every answer (the catch-all's too), the request context (correlation id).
    if idempotency is not None:
        app.add_middleware(IdempotencyKeys, store=idempotency)
    app.add_middleware(
        RequestLimits,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(Unhandled)
    app.add_middleware(SecurityHeaders, cacheable_prefixes=cacheable_prefixes)
    telemetry.install(app)
    app.include_router(observability.router(checks, settings.metrics_token))
    app.include_router(problem_pages.router(error_texts))
    for router in routers:
        app.include_router(router)
    return app
