"""Security headers on every answer, and no caching of what an answer may hold.

Pages and JSON show personal data (a revealed CPR number, a case file): nothing may be kept
by a browser or a shared cache, so every answer is ``Cache-Control: no-store`` unless a
route chose otherwise (static assets, which hold nothing personal). The content security
policy allows only this origin's scripts, styles and forms, and no framing (clickjacking);
the interactive API docs load their script from a CDN, so they get only the framing rule.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_CSP = "frame-ancestors 'none'"
DOCS = ("/docs", "/redoc")
COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """Pure ASGI: adds the headers a route did not set itself."""

    def __init__(self, app: ASGIApp, cacheable_prefixes: tuple[str, ...] = ()) -> None:
        self.app, self.cacheable = app, cacheable_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        policy = DOCS_CSP if path.startswith(DOCS) else CSP
        added = [*COMMON, (b"content-security-policy", policy.encode())]
        if not path.startswith(self.cacheable):
            added.append((b"cache-control", b"no-store"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in added if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
