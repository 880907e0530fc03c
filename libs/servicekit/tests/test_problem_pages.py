"""A problem's ``type`` resolves to a page saying what it means, in Danish and English."""

from __future__ import annotations

import httpx
from fastapi import APIRouter, FastAPI
from servicekit import problem_pages, problems

TEXTS = {
    "da": {"order_not_open": "Bestillingen er ikke åben for svar."},
    "en": {"order_not_open": "The order is not open for an answer."},
}


class Refused(Exception):
    def __init__(self, code: str) -> None:
        self.code, self.message = code, code


def service(base: str | None = None) -> FastAPI:
    app = FastAPI()
    app.state.public_base_url = base
    problems.install(app, Refused, {"not_found"}, TEXTS)
    app.include_router(problem_pages.router(TEXTS))
    router = APIRouter()

    @router.post("/orders/{order_id}/accept")
    async def accept(order_id: str) -> None:
        raise Refused("order_not_open")

    app.include_router(router)
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://api.test")


async def test_a_refusals_type_resolves_to_what_it_means() -> None:
    async with client(service()) as c:
        # Given a refusal
        refused = (await c.post("/orders/o-1/accept")).json()
        # When its type is fetched
        assert refused["type"] == "http://api.test/problems/order_not_open"
        page = await c.get(refused["type"])
        # Then it says what the code means, in Danish and English
        assert page.status_code == 200
        assert page.json()["texts"] == {
            "da": "Bestillingen er ikke åben for svar.",
            "en": "The order is not open for an answer.",
        }
        # And a person's browser gets a page
        html = await c.get(refused["type"], headers={"Accept": "text/html"})
        assert html.headers["content-type"].startswith("text/html")
        assert "Bestillingen er ikke åben for svar." in html.text


async def test_every_generic_refusal_resolves_and_an_unknown_code_is_not_found() -> None:
    async with client(service()) as c:
        missing = (await c.get("/nowhere")).json()
        assert (await c.get(missing["type"])).json()["code"] == "not_found"
        invented = await c.get("/problems/no_such_code")
        assert invented.status_code == 404
        assert invented.headers["content-type"] == problems.PROBLEM_JSON


async def test_a_configured_public_base_names_every_type() -> None:
    async with client(service("https://providers.samspil.example/")) as c:
        refused = (await c.post("/orders/o-1/accept")).json()
        assert refused["type"] == "https://providers.samspil.example/problems/order_not_open"
