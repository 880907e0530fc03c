"""Webhooks go to public addresses only (SSRF): checked at registration, and resolved,
checked and pinned at every delivery, so a DNS answer cannot point a delivery inward."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from prometheus_client import REGISTRY
from provider.adapters.webhooks import (
    DeliveryStatus,
    TargetPolicy,
    TargetRefused,
    WebhookDispatcher,
    WebhookOutbox,
)
from provider.adapters.webhooks.targets import STRICT
from samspil_provider_kit.local_server import serving
from sqlalchemy.ext.asyncio import AsyncEngine

TENANT = "provider-ssrf"
SECRET = "whsec_test_0123456789abcdefghijkl"
SECRETS_KEY = bytes(range(32))
INWARD = [
    "https://localhost/hook",
    "https://api.localhost/hook",
    "https://2130706433/hook",
    "https://0x7f.0.0.1/hook",
    "https://127.1/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::1]/hook",
    "https://0.0.0.0/hook",
    "https://10.1.2.3/hook",
    "https://172.16.0.9/hook",
    "https://192.168.1.1/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/hook",
    "https://[fd00:ec2::254]/hook",
    "https://[2002:7f00:1::]/hook",
    "https://user:pass@provider.example/hook",
    "http://provider.example/hook",
    "ftp://provider.example/hook",
]


@pytest.mark.parametrize("url", INWARD)
def test_a_url_pointing_inward_or_in_the_clear_is_refused_at_registration(url: str) -> None:
    with pytest.raises(TargetRefused):
        STRICT.check_url(url)


def test_a_public_https_url_is_accepted() -> None:
    assert STRICT.check_url("https://hooks.provider.example:8443/samspil").hostname


async def test_a_name_is_resolved_and_every_address_must_be_public() -> None:
    async def rebinding(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "127.0.0.1"]  # one public, one inward: refused

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.215.14"]

    with pytest.raises(TargetRefused):
        await TargetPolicy.of(True, "", rebinding).pin("https://hooks.provider.example/x")
    pinned = await TargetPolicy.of(True, "", public).pin("https://hooks.provider.example/x?a=1")
    # The request goes to the address checked; the name travels as Host and TLS SNI
    assert pinned.url == "https://93.184.215.14/x?a=1"
    assert pinned.host == "hooks.provider.example"
    assert pinned.extensions == {"sni_hostname": "hooks.provider.example"}


class Receiver:
    def __init__(self) -> None:
        self.hosts: list[str] = []
        self.app = FastAPI()
        self.app.post("/hook")(self.receive)

    async def receive(self, request: Request) -> Response:
        self.hosts.append(request.headers["host"])
        return Response(status_code=204)


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, int]]:
    found = Receiver()
    with serving(found.app) as base_url:
        yield found, int(base_url.rsplit(":", 1)[1])


async def to_loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]  # what an attacker's DNS answers at delivery time


async def deliver_once(engine: AsyncEngine, clock: Any, policy: TargetPolicy, url: str) -> Any:
    outbox = WebhookOutbox(engine, secrets_key=SECRETS_KEY, clock=clock, targets=policy)
    await outbox.create_schema()
    await outbox.register_endpoint(TENANT, url, SECRET)
    async with engine.begin() as conn:
        await outbox.enqueue(conn, TENANT, uuid.uuid4(), "order.placed", {})
    async with httpx.AsyncClient() as http:
        dispatcher = WebhookDispatcher(
            engine, http, secrets_key=SECRETS_KEY, clock=clock, targets=policy
        )
        await dispatcher.run_once()
    [delivery] = await outbox.deliveries(TENANT)
    return delivery


async def test_a_name_that_resolves_inward_at_delivery_is_not_called(
    engine: AsyncEngine, clock: Any, receiver: tuple[Receiver, int]
) -> None:
    # Given an endpoint whose name passed registration but resolves to loopback now
    found, port = receiver
    policy = TargetPolicy.of(False, "", to_loopback)
    delivery = await deliver_once(engine, clock, policy, f"http://hooks.example:{port}/hook")
    # Then nothing is sent, and the tenant is told only that the address was refused
    assert found.hosts == []
    assert delivery.status is DeliveryStatus.PENDING
    assert delivery.outcome == "address_refused"


async def test_an_allowed_network_is_called_at_the_pinned_address_with_the_name_as_host(
    engine: AsyncEngine, clock: Any, receiver: tuple[Receiver, int]
) -> None:
    found, port = receiver
    policy = TargetPolicy.of(False, "127.0.0.0/8", to_loopback)  # development's allow-list
    delivery = await deliver_once(engine, clock, policy, f"http://hooks.example:{port}/hook")
    assert found.hosts == [f"hooks.example:{port}"]
    assert (delivery.status, delivery.outcome) == (DeliveryStatus.DELIVERED, "delivered")


async def test_webhook_metrics_name_no_tenant(
    engine: AsyncEngine, clock: Any, receiver: tuple[Receiver, int]
) -> None:
    # Given a delivery (which counts)
    _, port = receiver
    policy = TargetPolicy.of(False, "127.0.0.0/8", to_loopback)
    await deliver_once(engine, clock, policy, f"http://hooks.example:{port}/hook")
    # Then a scrape shows how many webhooks went, not which tenants the service has
    labels = {
        name
        for metric in REGISTRY.collect()
        if metric.name.startswith("provider_webhook")
        for sample in metric.samples
        for name in sample.labels
    }
    assert "tenant" not in labels
    assert REGISTRY.get_sample_value("provider_webhooks_delivered_total")
