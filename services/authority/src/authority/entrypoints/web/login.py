"""Sign in and out. In development and test a user and role are picked and the development
issuer signs the token; in production sign-in goes through the municipality's OIDC provider,
which is configured outside this service (the page says so and offers no form)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from authority.entrypoints.web import i18n, session
from authority.entrypoints.web.render import page, reads

ROLES = ("caseworker", "team_leader", "finance")


def router() -> APIRouter:
    ui = APIRouter(prefix="/ui", include_in_schema=False)

    @ui.get("/login")
    async def login_form(request: Request, next: str = "/ui/") -> Response:
        dev = request.app.state.dev_issuer is not None
        return page(
            request, "login.html", None, dev=dev, roles_offered=ROLES, next=session.safe_next(next)
        )

    @ui.post("/login")
    async def login(request: Request) -> Response:
        issuer = request.app.state.dev_issuer
        form = await request.form()
        user_id = str(form.get("user_id", "")).strip()
        role = str(form.get("role", ""))
        target = session.safe_next(str(form.get("next", "/ui/")))
        if issuer is None or not user_id or len(user_id) > 200 or role not in ROLES:
            return page(
                request,
                "login.html",
                None,
                status=422 if issuer else 404,
                dev=issuer is not None,
                roles_offered=ROLES,
                next=target,
                error="login.invalid",
            )
        team = str(form.get("team", "")).strip()[:200]
        if team:  # in production the directory sets teams (PUT /caseworkers/{id}/team)
            await reads(request).teams.join(user_id, team)
        response = RedirectResponse(target, status_code=303)
        name, title = (
            str(form.get(k, "")).strip()[:200] or None for k in ("display_name", "title")
        )
        token = issuer.issue(user_id, [role], name=name, title=title)
        session.set_session(response, token, session.secure_cookies(request))
        return response

    @ui.get("/lang")
    async def switch_language(to: str, next: str = "/ui/") -> Response:
        """The language toggle: remember the choice, then back to the page the user was on."""
        response = RedirectResponse(session.safe_next(next), status_code=303)
        if to in i18n.CATALOGUES:
            response.set_cookie(i18n.COOKIE, to, samesite="lax", max_age=365 * 24 * 3600)
        return response

    @ui.post("/logout")
    async def logout(request: Request) -> Response:
        await session.sign_out(request)
        response = RedirectResponse(session.LOGIN, status_code=303)
        session.clear_session(response)
        return response

    return ui
