"""RFC 9457 problem details for every error a service returns.

Clients (the caseworker UI, providers' own systems) get one machine-readable shape:
``application/problem+json`` with a stable ``type`` they can switch on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from eventkit import ConcurrencyError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from samspil_contracts import RecordTooLarge
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://samspil.dk/problems/"
HTTP_CODES = {
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


class CodedError(Protocol):
    """What every service's ``DomainError`` looks like."""

    code: str
    message: str


class Problem(Exception):
    """An error the API answers with as it is."""

    def __init__(self, status: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.extra = status, code, detail, extra


def type_base(scope: Scope) -> str:
    """Where this service's problem types resolve: its configured public base, else its own
    address as the caller reached it (``/problems/{code}`` answers there)."""
    app = scope.get("app")
    configured = getattr(getattr(app, "state", None), "public_base_url", None)
    if isinstance(configured, str):
        return f"{configured}problems/"
    if scope.get("type") in ("http", "websocket") and scope.get("server"):
        return f"{Request(scope).base_url}problems/"
    return TYPE_BASE


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    instance: str,
    *,
    scope: Scope | None = None,
    **extra: Any,
) -> JSONResponse:
    """``scope``: the request's, so the ``type`` resolves where it was asked."""
    base = TYPE_BASE if scope is None else type_base(scope)
    body = {"type": base + code, "title": title, "status": status, "detail": detail}
    body |= {"instance": instance, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


ErrorTexts = Mapping[str, Mapping[str, str]]  # language → code → text for people


def install(
    app: FastAPI,
    domain_error: type[Exception],
    not_found_codes: set[str],
    error_texts: ErrorTexts | None = None,
    conflict_codes: frozenset[str] = frozenset(),
) -> None:
    """Map framework, domain and concurrency errors to problem+json. A domain refusal is a
    422, a 404 for ``not_found_codes``, a 409 for ``conflict_codes`` (a state that refuses
    it); one whose code ``error_texts`` knows also carries ``texts`` (e.g. Danish and
    English) for people."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        title = exc.code.replace("_", " ")
        return problem_response(
            exc.status, exc.code, title, exc.detail, request.url.path,
            scope=request.scope, **exc.extra,
        )  # fmt: skip

    @app.exception_handler(domain_error)
    async def _domain(request: Request, exc: Exception) -> JSONResponse:
        code, message = getattr(exc, "code", "refused"), getattr(exc, "message", str(exc))
        status = 404 if code in not_found_codes else 409 if code in conflict_codes else 422
        texts = {lang: found[code] for lang, found in (error_texts or {}).items() if code in found}
        extra = {"texts": texts} if texts else {}
        return problem_response(
            status,
            code,
            code.replace("_", " "),
            message,
            request.url.path,
            scope=request.scope,
            **extra,
        )

    @app.exception_handler(ConcurrencyError)
    async def _conflict(request: Request, exc: ConcurrencyError) -> JSONResponse:
        detail = (
            f"{exc.stream_id} is at revision {exc.actual}, not {exc.expected}; reload and retry"
        )
        return problem_response(
            409,
            "stale_revision",
            "stale revision",
            detail,
            request.url.path,
            scope=request.scope,
            current_revision=exc.actual,
        )

    @app.exception_handler(RecordTooLarge)
    async def _too_large(request: Request, exc: RecordTooLarge) -> JSONResponse:
        # The change itself is fine but would make an event Kafka refuses: nothing stored.
        detail = (
            f"Ændringen er for stor til at blive sendt videre ({exc.size} bytes, højst "
            f"{exc.limit}). / The change is too large to pass on ({exc.size} bytes, at most "
            f"{exc.limit}); make it smaller."
        )
        return problem_response(
            413, "change_too_large", "change too large", detail, request.url.path,
            scope=request.scope, event_type=exc.type_name, size=exc.size, limit=exc.limit,
        )  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem_response(
            422,
            "invalid_request",
            "invalid request",
            detail,
            request.url.path,
            scope=request.scope,
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "http_error")
        resp = problem_response(
            exc.status_code,
            code,
            code.replace("_", " "),
            str(exc.detail),
            request.url.path,
            scope=request.scope,
        )
        for name, value in (exc.headers or {}).items():
            resp.headers[name] = value
        return resp
