"""The UI's routers and what the app needs to serve them (static files, login redirects)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from authority.entrypoints.web import case_forms, case_page, dashboard, login, providers, work
from authority.entrypoints.web.render import HERE
from authority.entrypoints.web.session import LoginRequired, login_url


def routers() -> list[APIRouter]:
    return [
        login.router(),
        work.router(),
        case_forms.router(),  # before the case page: /ui/cases/new is not a case id
        case_page.router(),
        providers.router(),
        dashboard.router(),
    ]


def mount_static(app: FastAPI) -> None:
    """Static assets, and the redirect to sign-in for any page reached without a session."""
    app.mount("/ui/static", StaticFiles(directory=HERE / "static"), name="ui-static")

    async def to_login(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        return RedirectResponse(login_url(exc.back_to), status_code=303)

    app.add_exception_handler(LoginRequired, to_login)
