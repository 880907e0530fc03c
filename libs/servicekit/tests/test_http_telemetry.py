"""Every request gets a server span, a latency sample by route template, and ids."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi import APIRouter
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY
from servicekit import logging
from servicekit.app import create_app
from servicekit.settings import ServiceSettings
from servicekit.telemetry import request_correlation_id
from servicekit.tracing import current_traceparent


class Refused(Exception):
    pass


def app_with_a_route() -> httpx.AsyncClient:
    router = APIRouter()

    @router.get("/things/{thing_id}")
    async def thing(thing_id: str) -> dict[str, str | None]:
        # What a command handler would stamp on the events it publishes.
        return {"traceparent": current_traceparent(), "correlation": str(request_correlation_id())}

    app = create_app(
        title="t", settings=ServiceSettings(), workers=None, routers=[router],
        domain_error=Refused, checks={},
    )  # fmt: skip
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


def latency_count(route: str, status: str) -> float:
    labels = {"method": "GET", "route": route, "status": status}
    value = REGISTRY.get_sample_value("samspil_http_request_duration_seconds_count", labels)
    return value or 0.0


async def test_a_request_is_one_server_span_whose_context_events_would_carry(
    spans: InMemorySpanExporter,
) -> None:
    # Given a service app
    async with app_with_a_route() as client:
        # When a client calls a templated route with its correlation id
        correlation = "6f1c9a52-52a4-4b0e-9d3c-2f2a6c8e1d11"
        response = await client.get("/things/42", headers={"x-correlation-id": correlation})
    # Then there is one server span named after the template, not the path
    (server,) = [s for s in spans.get_finished_spans() if s.kind is SpanKind.SERVER]
    assert server.name == "GET /things/{thing_id}"
    # And the traceparent seen in the handler is that span's context
    context = server.get_span_context()
    seen = response.json()
    assert seen["traceparent"].startswith(f"00-{context.trace_id:032x}-{context.span_id:016x}-")
    assert seen["correlation"] == correlation
    assert response.headers["x-correlation-id"] == correlation


async def test_latency_is_recorded_by_route_template_and_status() -> None:
    # Given the counts so far
    before_ok, before_missing = (
        latency_count("/things/{thing_id}", "200"),
        latency_count("unmatched", "404"),
    )
    async with app_with_a_route() as client:
        # When one request matches a route and one matches nothing
        await client.get("/things/7")
        missing = await client.get("/no/such/path")
    # Then each is counted once, under a bounded label
    assert missing.status_code == 404
    assert latency_count("/things/{thing_id}", "200") == before_ok + 1
    assert latency_count("unmatched", "404") == before_missing + 1


async def test_a_caller_cannot_smuggle_text_in_as_a_correlation_id() -> None:
    async with app_with_a_route() as client:
        response = await client.get("/things/1", headers={"x-correlation-id": "Emil 0103151234"})
    assert "Emil" not in response.headers["x-correlation-id"]
    assert len(response.headers["x-correlation-id"]) == 36


async def test_a_request_is_logged_with_its_ids_and_without_its_query(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a service app with its logging
    logging.configure("authority")
    async with app_with_a_route() as client:
        # When a client sends personal data in a query string, and a probe asks /healthz
        correlation = "6f1c9a52-52a4-4b0e-9d3c-2f2a6c8e1d12"
        await client.get(
            "/things/7?cpr=0103151234&name=Emil", headers={"x-correlation-id": correlation}
        )
        await client.get("/healthz")
    # Then one access line: route, path without the query, status and the request's ids
    out = capsys.readouterr().out
    lines = [json.loads(line) for line in out.splitlines() if '"http_request"' in line]
    (line,) = lines
    assert (line["route"], line["path"], line["status"]) == ("/things/{thing_id}", "/things/7", 200)
    assert line["correlation_id"] == correlation
    assert "0103151234" not in out
    assert "Emil" not in out
