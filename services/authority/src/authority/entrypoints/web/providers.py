"""The provider registry: each provider's published material, prices and places, and the
standard contracts (rammeaftaler) the municipality has with it, drafted and signed here."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.entrypoints.web.session import User
from authority.entrypoints.web.standard_forms import registry_page


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/providers")
    async def registry(request: Request, user: User) -> Response:
        return await registry_page(request, user)

    return ui
