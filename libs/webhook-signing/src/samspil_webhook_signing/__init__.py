"""Signing and verifying Samspil webhooks (HMAC-SHA256).

The provider service signs every delivery with this package and the provider kit
(``samspil_provider_kit.signing``) re-exports it for receivers: one implementation.

What a receiver gets with every delivery:

* ``Samspil-Webhook-Id``: the delivery id (a UUID); the same on every retry of one delivery,
  so a receiver drops duplicates by it;
* ``Samspil-Webhook-Timestamp``: when this attempt was signed, in unix seconds;
* ``Samspil-Signature``: ``v1=<hex>``, the HMAC-SHA256 of ``f"{timestamp}.{body}"`` under the
  tenant's webhook secret. While a secret is being rotated there is one ``v1=`` value per
  secret, separated by commas; a receiver accepts the request if any of them matches.

Signing the timestamp with the body is what lets a receiver refuse replays: an old request
captured on the way cannot be sent again once it is outside the tolerance window.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

ID_HEADER = "Samspil-Webhook-Id"
TIMESTAMP_HEADER = "Samspil-Webhook-Timestamp"
SIGNATURE_HEADER = "Samspil-Signature"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300  # seconds a signed request stays acceptable, either way of "now"


class WebhookVerificationError(ValueError):
    """The request is not a genuine, fresh Samspil webhook; ``reason`` says why (no secrets)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class VerifiedWebhook:
    delivery_id: str
    timestamp: int


def _as_bytes(body: bytes | str) -> bytes:
    return body.encode() if isinstance(body, str) else body


def sign(secret: str, timestamp: int, body: bytes | str) -> str:
    """The hex HMAC-SHA256 of ``f"{timestamp}.{body}"`` under ``secret``."""
    message = f"{timestamp}.".encode() + _as_bytes(body)
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets: Iterable[str], timestamp: int, body: bytes | str) -> str:
    """``v1=<hex>[,v1=<hex>...]``: one signature per active secret (rotation)."""
    return ",".join(f"{SCHEME}={sign(secret, timestamp, body)}" for secret in secrets)


def signed_headers(
    secrets: Iterable[str], delivery_id: UUID | str, timestamp: int, body: bytes | str
) -> dict[str, str]:
    """Every header a delivery carries, ready for an HTTP client."""
    return {
        ID_HEADER: str(delivery_id),
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature_header(secrets, timestamp, body),
        "Content-Type": "application/json",
    }


def verify(
    secrets: str | Iterable[str],
    headers: Mapping[str, str],
    body: bytes | str,
    now: datetime | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> VerifiedWebhook:
    """Check a received webhook; raises ``WebhookVerificationError`` unless it is genuine.

    ``secrets``: the receiver's current secret, or several while it rotates. ``body`` must be
    the raw request body exactly as received (parsing and re-serialising JSON changes it).
    """
    candidates = [secrets] if isinstance(secrets, str) else list(secrets)
    found = {name.lower(): value for name, value in headers.items()}
    delivery_id = found.get(ID_HEADER.lower(), "").strip()
    timestamp = _fresh_timestamp(found.get(TIMESTAMP_HEADER.lower(), ""), now, tolerance)
    if not delivery_id:
        raise WebhookVerificationError("missing delivery id")
    offered = _offered_signatures(found.get(SIGNATURE_HEADER.lower(), ""))
    expected = [sign(secret, timestamp, body).encode() for secret in candidates if secret]
    # Compare every pair without stopping early: constant time per pair, no timing oracle.
    matched = False
    for signature in offered:
        for good in expected:
            matched |= hmac.compare_digest(signature, good)
    if not matched:
        raise WebhookVerificationError("no matching signature")
    return VerifiedWebhook(delivery_id=delivery_id, timestamp=timestamp)


def _fresh_timestamp(raw: str, now: datetime | None, tolerance: int) -> int:
    try:
        timestamp = int(raw.strip())
    except ValueError:
        raise WebhookVerificationError("missing or malformed timestamp") from None
    current = (now or datetime.now(UTC)).timestamp()
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError("timestamp outside the tolerance window")
    return timestamp


def _offered_signatures(raw: str) -> list[bytes]:
    """The ``v1`` values of the header; unknown schemes are ignored (forward compatible)."""
    offered = []
    for part in raw.replace(" ", ",").split(","):
        scheme, _, value = part.strip().partition("=")
        if scheme == SCHEME and value:
            # bytes, because compare_digest refuses str with non-ASCII characters
            offered.append(value.strip().lower().encode("utf-8", "replace"))
    if not offered:
        raise WebhookVerificationError("missing signature")
    return offered
