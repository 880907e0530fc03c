"""Problem types resolve: ``GET /problems/{code}`` says what a refusal means, in Danish and
English, as a page for people (``Accept: text/html``) or JSON for programs. A code the
service never answers with is a 404."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from servicekit.idempotency import TEXTS as IDEMPOTENCY_TEXTS
from servicekit.problems import ErrorTexts, type_base

# What every service can answer, whatever its domain: (Danish, English).
GENERIC: dict[str, tuple[str, str]] = {
    "invalid_request": (
        "Forespørgslen er ugyldig; `errors` siger hvilke felter og hvorfor.",
        "The request is invalid; `errors` says which fields and why.",
    ),
    "stale_revision": (
        "Nogen har ændret det siden du læste det; læs det igen (`current_revision`).",
        "It changed since you read it; read it again (`current_revision`).",
    ),
    "unauthenticated": ("Ingen eller en ukendt nøgle.", "No or an unknown credential."),
    "forbidden": ("Nøglen må ikke dette.", "The credential may not do this."),
    "not_found": (
        "Findes ikke for dig (heller ikke hvis det er en andens).",
        "Not found for you (nor if it is someone else's).",
    ),
    "method_not_allowed": ("Metoden findes ikke her.", "The method is not allowed here."),
    "payload_too_large": ("Forespørgslen er for stor.", "The request body is too large."),
    "change_too_large": (
        "Ændringen er for stor til at blive sendt videre; gør den mindre.",
        "The change is too large to pass on; make it smaller.",
    ),
    "internal_error": (
        "En uventet fejl; oplys `correlation_id` når du melder den.",
        "An unexpected error; quote the `correlation_id` when you report it.",
    ),
    **IDEMPOTENCY_TEXTS,
}


def describe(code: str, error_texts: ErrorTexts | None) -> dict[str, str] | None:
    """The code's texts by language, or None for a code this service never answers."""
    if code in GENERIC:
        da, en = GENERIC[code]
        return {"da": da, "en": en}
    found = {lang: texts[code] for lang, texts in (error_texts or {}).items() if code in texts}
    return found or None


def router(error_texts: ErrorTexts | None) -> APIRouter:
    api = APIRouter(tags=["problems"])

    @api.get("/problems/{code}", include_in_schema=False)
    async def problem_type(code: str, request: Request) -> Response:
        texts = describe(code, error_texts)
        if texts is None:
            raise HTTPException(404, f"no problem type {code!r}")
        uri = type_base(request.scope) + code
        if "text/html" in request.headers.get("accept", ""):
            return HTMLResponse(_page(uri, code, texts))
        title = code.replace("_", " ")
        return JSONResponse({"type": uri, "code": code, "title": title, "texts": texts})

    return api


def _page(type_uri: str, code: str, texts: dict[str, str]) -> str:
    rows = "".join(
        f'<p lang="{escape(lang)}">{escape(text)}</p>' for lang, text in sorted(texts.items())
    )
    return (
        f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{escape(code)}'
        f"</title></head><body><main><h1><code>{escape(code)}</code></h1>{rows}"
        f"<p><code>{escape(type_uri)}</code></p></main></body></html>"
    )
