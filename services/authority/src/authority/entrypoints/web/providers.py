"""The provider registry: each provider's latest published material, prices and places."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import Response

from authority.entrypoints.http.common import services
from authority.entrypoints.web.readside import ReadSide, providers
from authority.entrypoints.web.render import page
from authority.entrypoints.web.session import User


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/providers")
    async def registry(request: Request, user: User, p: int = 1) -> Response:
        read = ReadSide(services(request).kit.store.engine)
        found = await read.page(sa.select(providers).order_by(providers.c.name), p)
        return page(request, "providers.html", user, registry=found)

    return ui
