"""The provider over SASL_SSL, as production runs it: every Kafka client of the service
(FastStream consumers, relay, admin, tenant command consumer, ACL grants) logs in with SCRAM
over TLS, and a provider organisation's principal is refused outside its own prefix.

An isolated broker (devstack) with a SASL_SSL listener (SCRAM-SHA-512, a CA and certificate
generated for the test) and the StandardAuthorizer; the service's user ``provider`` is a super
user (its KafkaUser in production has the ACLs of deploy/k8s/kafka/users.yaml).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError, TopicAuthorizationFailedError
from aiokafka.helpers import create_ssl_context
from devstack.isolated_kafka import IsolatedKafka, start_isolated
from eventkit import security
from provider.adapters.tenant_acls import grant, tenant_bindings
from provider.bootstrap import ProviderSettings
from samspil_contracts import ContactPerson, topics
from samspil_contracts.tenant import commands_topic, notifications_topic
from samspil_contracts.tenant_messages import AcceptOrder

from .conftest import Kafka, Stack, Tenant
from .tenant_clients import error_describing, read, write
from .test_tenant_kafka_acls import notification_about

pytestmark = pytest.mark.integration
TOPIC_AUTHORIZATION_FAILED = TopicAuthorizationFailedError.errno
USERS = {name: secrets.token_urlsafe(24) for name in ("provider", "acme", "beta")}


@pytest.fixture(scope="module")
def broker() -> Iterator[IsolatedKafka]:
    started = start_isolated(
        f"sslacl-{uuid.uuid4().hex[:6]}", sasl_users=USERS, tls=True, super_users=["provider"]
    )
    yield started
    started.destroy()


@pytest.fixture(scope="module")
def settings(
    broker: IsolatedKafka, new_database_url: Callable[[str], str]
) -> Iterator[ProviderSettings]:
    yield ProviderSettings(
        env="test",
        database_url=new_database_url("provider_sasl"),
        kafka_bootstrap_servers=broker.sasl_bootstrap,  # the service's only way in
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="provider",
        kafka_sasl_password=USERS["provider"],
        kafka_ssl_cafile=str(broker.ca_file),
        topic_partitions=1,
        log_json=False,
        tenant_metadata_max_age_ms=500,
    )
    security.use({})  # later tests in this process connect in the clear again


@pytest.fixture(scope="module")
async def kafka(broker: IsolatedKafka, client: Any) -> AsyncIterator[Kafka]:
    """The authority's side of the test, on the broker's internal listener."""
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")
    await producer.start()
    yield Kafka(broker.bootstrap, "", producer)
    await producer.stop()


@pytest.fixture(scope="module")
async def fenced(broker: IsolatedKafka, tenant_a: Tenant, tenant_b: Tenant) -> None:
    # Granted as the service would, through its own SASL_SSL login (client_options).
    bindings = tenant_bindings(tenant_a.tenant_id, "User:acme")
    await grant(broker.sasl_bootstrap, bindings + tenant_bindings(tenant_b.tenant_id, "User:beta"))


def login(broker: IsolatedKafka, user: str, password: str | None = None) -> dict[str, Any]:
    return {
        "bootstrap_servers": broker.sasl_bootstrap,
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": user,
        "sasl_plain_password": USERS[user] if password is None else password,
        "ssl_context": create_ssl_context(cafile=str(broker.ca_file)),
    }


async def test_the_service_works_over_sasl_ssl_and_a_tenant_reads_only_its_own_prefix(
    stack: Stack, broker: IsolatedKafka, tenant_a: Tenant, tenant_b: Tenant, fenced: None
) -> None:
    # Given an order for tenant A, consumed and announced by the service over SASL_SSL
    order = await stack.placed(tenant_a)
    a_topic, b_topic = (notifications_topic(t.tenant_id) for t in (tenant_a, tenant_b))
    # Then acme (A's system) reads it, logged in with SCRAM over TLS
    assert await read(login(broker, "acme"), a_topic, notification_about(order.order_id))
    # And acme is refused B's prefix and the shared topics
    for topic in (b_topic, topics.AUTHORITY_ORDERS):
        assert await error_describing(login(broker, "acme"), topic) == TOPIC_AUTHORIZATION_FAILED
        assert await read(login(broker, "acme"), topic, lambda r: True, polls=4) == []


async def test_a_tenant_command_over_sasl_ssl_is_applied(
    stack: Stack, broker: IsolatedKafka, tenant_a: Tenant, tenant_b: Tenant, fenced: None
) -> None:
    order = await stack.placed(tenant_a)
    accept = AcceptOrder(
        order_id=order.order_id,
        expected_start=date(2025, 4, 1),
        contact=ContactPerson(name="Pia Holm", email="pia@a.example"),
    )
    # When acme writes to B's commands topic, the broker refuses it
    with pytest.raises(TopicAuthorizationFailedError):
        await write(login(broker, "acme"), commands_topic(tenant_b.tenant_id), accept)
    # When acme writes its command to its own topic over SASL_SSL
    await write(login(broker, "acme"), commands_topic(tenant_a.tenant_id), accept)

    # Then the service (consuming tenants' commands over SASL_SSL) applies it
    async def accepted() -> bool:
        return (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()[
            "status"
        ] == "accepted"

    assert await stack.eventually(accepted, seconds=30)


async def test_a_wrong_password_is_not_let_in(broker: IsolatedKafka) -> None:
    consumer = AIOKafkaConsumer(**login(broker, "acme", password="wrong"), group_id=None)
    try:
        with pytest.raises(KafkaError):
            await consumer.start()
    finally:
        await consumer.stop()
