"""The reference webhook receiver: what a provider's own receiver must do, in 60 lines.

Run it: ``samspil-reference-receiver --secret S``
(serves ``POST http://127.0.0.1:9000/webhooks``), then check it with the conformance kit:
``samspil-conformance --receiver-url
http://127.0.0.1:9000/webhooks --secret S --report-url http://127.0.0.1:9000/webhooks/report``.

Building your own receiver, in any language:

1. Read the **raw** request body; verify before parsing (re-serialised JSON differs).
2. Compute HMAC-SHA256 over ``f"{Samspil-Webhook-Timestamp}.{raw body}"`` with your webhook
   secret, hex encoded. ``Samspil-Signature`` holds one or more ``v1=<hex>`` values
   (comma separated; several while Samspil rotates your secret): accept if any matches,
   comparing in constant time (``hmac.compare_digest``). While *you* rotate, try each of
   your secrets.
3. Refuse (401) a timestamp more than 300 seconds from your clock: that stops replays.
4. Remember ``Samspil-Webhook-Id`` of what you processed: Samspil delivers at least once
   and retries with the same id, so answer a repeat with 2xx and do nothing again.
5. Answer 2xx quickly (queue slow work); anything else, or no answer within 10 seconds,
   is retried with exponential backoff for about 3 days and then shown as dead in
   your delivery log, from where it can be redelivered (docs/providers/webhooks.md).
6. Order is not guaranteed: keep the highest ``version`` per resource and skip an older
   one (or fetch the resource by REST and act on what it says).

``GET /webhooks/report`` is for the conformance kit only (``report.py``): what was applied.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, OrderedDict
from collections.abc import Sequence
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from samspil_provider_kit.signing import DEFAULT_TOLERANCE, WebhookVerificationError, verify


class SeenDeliveries:
    """The delivery ids processed lately (bounded, oldest forgotten first)."""

    def __init__(self, capacity: int) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity

    def __contains__(self, delivery_id: object) -> bool:
        return delivery_id in self._ids

    def add(self, delivery_id: str) -> None:
        self._ids[delivery_id] = None
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)


class Processing:
    """Stands in for the provider's own processing: what was applied, the versions held."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.applied: Counter[str] = Counter()
        self.versions: dict[str, int] = {}

    def apply(self, delivery_id: str, message: dict[str, Any]) -> None:
        self.received.append(message)
        self.applied[delivery_id] += 1
        data = message.get("data") or {}
        resource = data.get("order_id") or data.get("contract_id")
        version = data.get("version")
        if isinstance(resource, str) and isinstance(version, int):
            self.versions[resource] = max(version, self.versions.get(resource, 0))

    def report(self) -> dict[str, Any]:
        return {"applied": dict(self.applied), "versions": self.versions}


def create_app(
    secrets: Sequence[str], tolerance: int = DEFAULT_TOLERANCE, remember: int = 10_000
) -> Starlette:
    seen, processing = SeenDeliveries(remember), Processing()

    async def receive(request: Request) -> JSONResponse:
        body = await request.body()
        try:
            webhook = verify(secrets, request.headers, body, tolerance=tolerance)
        except WebhookVerificationError as exc:
            return JSONResponse({"error": exc.reason}, status_code=401)
        if webhook.delivery_id in seen:
            return JSONResponse({"status": "duplicate"})
        processing.apply(webhook.delivery_id, json.loads(body))
        seen.add(webhook.delivery_id)  # only after processing, so a failure is retried
        return JSONResponse({"status": "accepted"})

    async def report(_: Request) -> JSONResponse:
        return JSONResponse(processing.report())

    app = Starlette(
        routes=[
            Route("/webhooks", receive, methods=["POST"]),
            Route("/webhooks/report", report, methods=["GET"]),
        ]
    )
    app.state.received = processing.received
    return app


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--secret", action="append", help="repeat while rotating")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args(argv)
    secrets = args.secret or [os.environ["SAMSPIL_WEBHOOK_SECRET"]]
    uvicorn.run(create_app(secrets), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
