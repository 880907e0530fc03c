"""The published webhook protocol is true: the docs' worked example verifies, the OpenAPI
document describes the headers and every event type, and no undocumented type is sent."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from provider.adapters.webhooks import WebhookEventType, WebhookOutbox, verify
from provider.app.inbound_agreements import REMINDER_KINDS
from provider.bootstrap import ProviderSettings, build
from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).parents[4]
DOC = (ROOT / "docs" / "providers" / "webhooks.md").read_text()
APP_SOURCES = ROOT / "services" / "provider" / "src" / "provider" / "app"


def openapi(tmp_path: Path) -> dict[str, Any]:
    settings = ProviderSettings(env="test", database_url=f"sqlite+aiosqlite:///{tmp_path}/p.db")
    return build(settings).openapi()


def test_the_worked_example_in_the_docs_verifies_with_the_documented_inputs() -> None:
    # Given the secret, timestamp, body and header the docs print
    secret = re.search(r"Secret `(whsec_[^`]+)`", DOC)
    timestamp = re.search(r"Samspil-Webhook-Timestamp: (\d+)", DOC)
    signature = re.search(r"Samspil-Signature: (v1=[0-9a-f]{64})", DOC)
    body = re.search(r"^(\{\"id\".*\})$", DOC, re.MULTILINE)
    assert secret
    assert timestamp
    assert signature
    assert body
    headers = {
        "Samspil-Webhook-Id": str(uuid.uuid4()),
        "Samspil-Webhook-Timestamp": timestamp[1],
        "Samspil-Signature": signature[1],
    }
    at = datetime.fromtimestamp(int(timestamp[1]), UTC)

    # When a receiver verifies them as the docs say, then the signature matches
    verify(secret[1], headers, body[1].encode(), now=at)


def test_the_openapi_document_describes_the_protocol_and_every_event_type(
    tmp_path: Path,
) -> None:
    spec = openapi(tmp_path)

    for needed in ("Samspil-Webhook-Id", "Samspil-Webhook-Timestamp", "`v1=<hex>`", "HMAC-SHA256"):
        assert needed in spec["info"]["description"]
    assert "300 s" in spec["info"]["description"]
    assert set(spec["webhooks"]) == {t.value for t in WebhookEventType}
    order_placed = spec["webhooks"]["order.placed"]["post"]
    ref = order_placed["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    data = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]["data"]
    placed = spec["components"]["schemas"][data["$ref"].rsplit("/", 1)[1]]
    assert set(placed["required"]) == {"order_id", "version"}
    assert "GET /orders/{order_id}" in order_placed["description"]


def test_every_event_type_the_app_sends_is_in_the_catalogue_and_the_docs() -> None:
    literal = re.compile(
        r'"((?:order|contract|claim|child|document|status_report|change_request)\.[a-z_]+)"'
    )
    sent = {m for f in APP_SOURCES.glob("*.py") for m in literal.findall(f.read_text())}
    sent |= {kind.value.replace("_due", ".due") for kind in REMINDER_KINDS}

    assert len(sent) >= 10
    catalogued = {t.value for t in WebhookEventType}
    assert sent <= catalogued
    for event_type in catalogued - {"webhook.test"}:
        assert f"| `{event_type}` |" in DOC


async def test_an_undocumented_event_type_is_refused_and_nothing_is_queued(
    engine: AsyncEngine, outbox: WebhookOutbox
) -> None:
    await outbox.register_endpoint("provider-a", "https://a.example/hooks", "x" * 24)

    with pytest.raises(ValueError, match=r"order\.exploded"):
        async with engine.begin() as conn:
            await outbox.enqueue(conn, "provider-a", uuid.uuid4(), "order.exploded", {})

    assert await outbox.deliveries("provider-a") == []
