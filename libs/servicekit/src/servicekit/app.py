"""One FastAPI application per service: API, problems, health and workers in one lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager

import structlog
from fastapi import APIRouter, FastAPI

from servicekit import observability, problems, telemetry
from servicekit.auth import DevIssuer, OidcVerifier, Verifier
from servicekit.runtime import Workers
from servicekit.settings import ServiceSettings

DEVELOPMENT_BANNER = (
    "DEVELOPMENT MODE: /dev/token hands out tokens for any role and development keys may be "
    "in use; never expose this process (production: SAMSPIL_ENV=production, the default)"
)


def verifier_for(settings: ServiceSettings) -> Verifier:
    if settings.oidc_jwks_url and settings.oidc_issuer:
        return OidcVerifier(settings.oidc_jwks_url, settings.oidc_issuer, settings.oidc_audience)
    return DevIssuer(settings.jwt_secret)


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
    problems.install(app, domain_error, set(not_found_codes))
    telemetry.install(app)
    app.include_router(observability.router(checks))
    for router in routers:
        app.include_router(router)
    return app
