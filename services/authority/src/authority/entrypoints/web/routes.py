"""The UI's routers and what the app needs to serve them (static files, login redirects,
the CSRF check on every form)."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from servicekit.problems import problem_response

from authority.entrypoints.web import (
    access_log,
    case_forms,
    case_page,
    casefile_forms,
    dashboard,
    erasure_forms,
    intake,
    login,
    providers,
    standard_forms,
    work,
)
from authority.entrypoints.web.csrf import CsrfRefused, verify
from authority.entrypoints.web.i18n import language, translator
from authority.entrypoints.web.render import HERE, page
from authority.entrypoints.web.session import LoginRequired, login_url, principal


def routers() -> list[APIRouter]:
    ui = APIRouter(dependencies=[Depends(verify)])
    for child in (
        login.router(),
        work.router(),
        case_forms.router(),  # before the case page: /ui/cases/new is not a case id
        casefile_forms.router(),
        case_page.router(),
        erasure_forms.router(),
        intake.router(),
        providers.router(),
        standard_forms.router(),
        access_log.router(),
        dashboard.router(),
    ):
        ui.include_router(child)
    return [ui]


def install(app: FastAPI, secret: str) -> None:
    """Static assets, the CSRF key, and the answers to a missing session or a forged form."""
    app.mount("/ui/static", StaticFiles(directory=HERE / "static"), name="ui-static")
    app.state.csrf_key = hashlib.sha256(f"samspil-csrf|{secret}".encode()).digest()

    async def to_login(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        return RedirectResponse(login_url(exc.back_to), status_code=303)

    async def refused(request: Request, exc: Exception) -> Response:
        """403: a page for people, problem+json for anything else."""
        t = translator(language(request))
        if "text/html" in request.headers.get("accept", ""):
            user = await principal(request)
            return page(
                request, "missing.html", user, 403, title=t("csrf.title"), message=t("error.csrf")
            )
        return problem_response(
            403, "csrf_failed", "csrf failed", t("error.csrf"), request.url.path
        )

    app.add_exception_handler(LoginRequired, to_login)
    app.add_exception_handler(CsrfRefused, refused)
