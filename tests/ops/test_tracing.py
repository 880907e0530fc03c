"""One trace follows an order from the caseworker through Kafka to the provider and back.

Each service runs as its own process and writes its spans to its own file; only the W3C
``traceparent`` header on the Kafka records can tie them together.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from servicekit.spanfile import read_spans

from tests.e2e.flows import (
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.harness import wait_for
from tests.ops.conftest import TracedStack

pytestmark = pytest.mark.e2e
Span = dict[str, Any]


def one_span(stack: TracedStack, service: str, kind: str, name: str, **attrs: str) -> Span:
    """Wait for the single finished span of ``service`` matching ``name`` (a regex)."""

    def find() -> list[Span]:
        return [
            s for s in read_spans(stack.trace_files[service])
            if s["kind"] == kind and re.fullmatch(name, s["name"])
            and all(s["attributes"].get(k) == v for k, v in attrs.items())
        ]  # fmt: skip

    (span,) = wait_for(find, timeout=30, what=f"{service} {kind} span {name}")
    return span


def assert_child(child: Span, parent: Span) -> None:
    assert child["trace_id"] == parent["trace_id"], "one trace across the services"
    assert child["parent_span_id"] == parent["span_id"], "the producer's span is the parent"


def test_an_order_round_trip_is_one_trace_across_kafka(traced_stack: TracedStack) -> None:
    stack = traced_stack
    tenant = new_tenant(stack, "Familiehuset Sporet")
    with stack.client("authority", "caseworker", user="karen") as cw, \
         stack.client("authority", "team_leader", user="lars") as tl:  # fmt: skip
        # Given a caseworker places an order, and the provider accepts it
        order_id = place_order(cw, decided_case(cw, tl), tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        ok(tenant.client.post(f"/orders/{order_id}/accept", json={
            "expected_start": str(date.today() + timedelta(days=14)),
            "contact": {"name": "Pia Holm", "email": "pia@familiehuset.example"},
        }))  # fmt: skip
        authority_order_status(cw, order_id, "accepted")
    # Then the caseworker's request is the parent of the provider's handling of OrderPlaced
    placed = one_span(stack, "authority", "SERVER", "POST /orders")
    received = one_span(
        stack, "provider", "CONSUMER", ".*",
        **{"cloudevents.event_type": "dk.samspil.order.placed"},
    )  # fmt: skip
    assert_child(received, placed)
    # And the provider's accept request is the parent of the authority's handling of it
    accepted = one_span(stack, "provider", "SERVER", r"POST /orders/\{order_id\}/accept")
    answered = one_span(
        stack, "authority", "CONSUMER", ".*",
        **{"cloudevents.event_type": "dk.samspil.order.accepted"},
    )  # fmt: skip
    assert_child(answered, accepted)
    assert answered["attributes"]["samspil.outcome"] == "handled"


def metric_lines(url: str, name: str) -> list[str]:
    text = httpx.get(f"{url}/metrics", timeout=10).text
    return [line for line in text.splitlines() if line.startswith(name)]


def test_the_round_trip_shows_in_the_metrics(traced_stack: TracedStack) -> None:
    # Given the round trip above ran (or runs now, if this test runs alone)
    stack = traced_stack
    provider, authority = stack.url("provider"), stack.url("authority")
    wait_for(lambda: metric_lines(provider, "samspil_inbound_records_total"), what="counters")
    # Then the provider counted handled records by topic, and knows its lag per partition
    handled = metric_lines(provider, "samspil_inbound_records_total")
    assert any('outcome="handled"' in line and "authority.orders" in line for line in handled)
    lag = metric_lines(provider, "samspil_consumer_lag_records")
    assert lag
    assert all('partition="' in line for line in lag)
    # And request latency is labelled by route template, never by id
    latency = metric_lines(authority, "samspil_http_request_duration_seconds_count")
    assert any('route="/orders"' in line and 'status="201"' in line for line in latency)
    assert not any(re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", line) for line in latency)
    # And the outbox gauges are refreshed by the relay
    assert metric_lines(authority, "eventkit_outbox_backlog ")
