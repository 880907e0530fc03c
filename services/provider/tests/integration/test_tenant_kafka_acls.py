"""Tenant isolation at the broker: SASL principals per provider, prefixed ACLs, a real broker.

An isolated broker (devstack) with a SASL_PLAINTEXT listener and the StandardAuthorizer; the
provider service on its trusted listener; each provider's system logs in as its own user
with exactly the ACLs of :func:`provider.adapters.tenant_acls.tenant_bindings`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from aiokafka.errors import TopicAuthorizationFailedError
from devstack.isolated_kafka import IsolatedKafka, start_isolated
from provider.adapters.tenant_acls import grant, tenant_bindings
from provider.bootstrap import ProviderSettings
from samspil_contracts import ContactPerson, topics
from samspil_contracts.tenant import commands_topic, notifications_topic
from samspil_contracts.tenant_codec import decode_tenant
from samspil_contracts.tenant_messages import AcceptOrder, CommandAccepted

from . import tenant_clients as clients

pytestmark = pytest.mark.integration
TOPIC_AUTHORIZATION_FAILED = TopicAuthorizationFailedError.errno
USERS = {"acme": "acme-secret-0123", "beta": "beta-secret-0123"}


@pytest.fixture(scope="module")
def broker() -> Iterator[IsolatedKafka]:
    started = start_isolated(f"acl-{uuid.uuid4().hex[:6]}", sasl_users=USERS)
    yield started
    started.destroy()


@pytest.fixture(scope="module")
def settings(broker: IsolatedKafka, new_database_url: Callable[[str], str]) -> ProviderSettings:
    return ProviderSettings(
        env="test",
        database_url=new_database_url("provider_acl"),
        kafka_bootstrap_servers=broker.bootstrap,  # the service's trusted listener
        topic_partitions=1,
        log_json=False,
        tenant_metadata_max_age_ms=500,
    )


@pytest.fixture(scope="module")
async def fenced(broker, tenant_a, tenant_b) -> None:
    """acme is tenant A's system, beta tenant B's, each with its tenant's ACLs only."""
    bindings = tenant_bindings(tenant_a.tenant_id, "User:acme")
    await grant(broker.bootstrap, bindings + tenant_bindings(tenant_b.tenant_id, "User:beta"))


def login(broker: IsolatedKafka, user: str) -> dict[str, Any]:
    return {
        "bootstrap_servers": broker.sasl_bootstrap,
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": user,
        "sasl_plain_password": USERS[user],
    }


async def error_describing(broker: IsolatedKafka, user: str, topic: str) -> int:
    return await clients.error_describing(login(broker, user), topic)


async def read(
    broker: IsolatedKafka, user: str, topic: str, match: Any, polls: int = 60
) -> list[Any]:
    return await clients.read(login(broker, user), topic, match, polls)


async def write(broker: IsolatedKafka, user: str, topic: str, command: AcceptOrder) -> uuid.UUID:
    return await clients.write(login(broker, user), topic, command)


def notification_about(order_id: uuid.UUID) -> Any:
    return lambda r: str(order_id).encode() in (r.value or b"")


async def test_a_tenant_reads_its_own_notifications_and_not_another_tenants(
    stack, broker, tenant_a, tenant_b, fenced
):
    # Given orders placed with A and with B
    mine, theirs = await stack.placed(tenant_a), await stack.placed(tenant_b)
    a_topic, b_topic = (notifications_topic(t.tenant_id) for t in (tenant_a, tenant_b))
    # Then acme (A's system) sees and reads A's order notification on A's topic
    assert await error_describing(broker, "acme", a_topic) == 0
    assert await read(broker, "acme", a_topic, notification_about(mine.order_id))
    # And the broker refuses acme B's topics and the shared topics: no metadata, no records
    for topic in (b_topic, commands_topic(tenant_b.tenant_id), topics.AUTHORITY_ORDERS):
        assert await error_describing(broker, "acme", topic) == TOPIC_AUTHORIZATION_FAILED
        assert await read(broker, "acme", topic, lambda r: True, polls=4) == []
    # While beta reads B's
    assert await read(broker, "beta", b_topic, notification_about(theirs.order_id))


async def test_a_tenant_commands_on_its_own_topic_and_cannot_write_anothers(
    stack, broker, tenant_a, tenant_b, fenced
):
    order = await stack.placed(tenant_a)
    accept = AcceptOrder(
        order_id=order.order_id,
        expected_start=date(2025, 4, 1),
        contact=ContactPerson(name="Pia Holm", email="pia@a.example"),
    )
    # When acme writes to B's commands topic, the broker refuses it
    with pytest.raises(TopicAuthorizationFailedError):
        await write(broker, "acme", commands_topic(tenant_b.tenant_id), accept)
    # When acme writes to A's own commands topic, the order is accepted and acme reads the answer
    command_id = await write(broker, "acme", commands_topic(tenant_a.tenant_id), accept)
    answers = await read(
        broker, "acme", notifications_topic(tenant_a.tenant_id),
        lambda r: dict(r.headers or ()).get("ce_id") == str(command_id).encode(),
    )  # fmt: skip
    assert answers
    _, answer = decode_tenant(tuple(answers[0].headers), answers[0].value, direction="event")
    assert isinstance(answer, CommandAccepted)
    assert (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()["status"] == "accepted"
