"""Webhook bodies as Samspil sends them: one compact JSON envelope around ``data``."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

TENANT = "00000000-0000-4000-8000-00000000c0de"  # the kit's invented tenant id


def body(event_type: str, data: dict[str, Any], event_id: str | None = None) -> str:
    envelope = {
        "id": event_id or str(uuid.uuid4()),
        "type": event_type,
        "tenant_id": TENANT,
        "created_at": datetime.now(UTC).isoformat(),
        "data": data,
    }
    return json.dumps(envelope, separators=(",", ":"))


def order_body(order_id: str | None = None, version: int = 1, kind: str = "order.placed") -> str:
    """An order webhook with invented ids (no personal data)."""
    return body(kind, {"order_id": order_id or str(uuid.uuid4()), "version": version})


def unusual_body() -> str:
    """A valid envelope whose bytes no JSON serialiser reproduces (spacing, ``\\/`` and a
    ``\\u`` escape): a receiver that verifies a re-serialised body instead of the raw bytes
    cannot match its signature."""
    order_id = str(uuid.uuid4())
    return (
        '{ "id" : "' + str(uuid.uuid4()) + '", "type" : "order.placed", '
        '"tenant_id" : "'
        + TENANT
        + '", "created_at" : "'
        + datetime.now(UTC).isoformat()
        + '",\n  "data" : { "order_id" : "'
        + order_id
        + '", "version" : 1, '
        '"note" : "b\\u00f8rn\\/unge" } }'
    )
