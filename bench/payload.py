"""Event bodies of a realistic size (~300 bytes of JSON), the same for every contender."""

from __future__ import annotations

import json
import uuid
from typing import Any

EVENT_TYPE = "BenchHappened"


def body(n: int) -> dict[str, Any]:
    """A JSON object of about 300 bytes once serialised (checked by the smoke test)."""
    return {
        "case_id": str(uuid.UUID(int=n)),
        "order_id": str(uuid.UUID(int=n * 7919)),
        "provider_id": str(uuid.UUID(int=n % 97)),
        "sequence": n,
        "kind": "order_answer_due",
        "occurred_at": "2025-03-14T09:00:00+00:00",
        "note": "x" * 50,
    }


def body_bytes(n: int) -> bytes:
    return json.dumps(body(n), separators=(",", ":")).encode()


def metadata() -> dict[str, Any]:
    return {"actor": "bench", "occurred_at": "2025-03-14T09:00:00+00:00"}


def stored_bytes(n: int) -> bytes:
    """What eventkit stores for event ``n`` (body and metadata), as one byte string: the
    state handed to a library that stores one opaque blob per event, so both write the
    same number of bytes."""
    document = {"data": body(n), "metadata": metadata()}
    return json.dumps(document, separators=(",", ":")).encode()
