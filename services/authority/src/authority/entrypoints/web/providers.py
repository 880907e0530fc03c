"""The provider registry: each provider's published material, prices and places, and the
standard contracts (rammeaftaler) the municipality has with it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.entrypoints.web.render import page, reads
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/providers")
    async def registry(request: Request, user: User, p: int = 1) -> Response:
        found = await reads(request).registry.providers(p)
        ids = [row["provider_id"] for row in found.rows]
        standards = await reads(request).registry.standard_contracts(ids)
        return page(request, "providers.html", user, registry=found, standards=standards)

    return ui
