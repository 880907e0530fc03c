"""Tenant topics and records: the tenant comes from the topic, records round-trip."""

import uuid
from datetime import UTC, date, datetime

import pytest
from samspil_contracts import ContactPerson, UndecodableEvent
from samspil_contracts.tenant import commands_topic, notifications_topic, provider_of, tenant_prefix
from samspil_contracts.tenant_codec import decode_tenant, encode_tenant
from samspil_contracts.tenant_messages import AcceptOrder, CommandRejected

TENANT = uuid.uuid4()
ACCEPT = AcceptOrder(
    order_id=uuid.uuid4(),
    expected_start=date(2025, 4, 1),
    contact=ContactPerson(name="Pia", email="pia@example.invalid"),
)


def _wire(message, topic):  # type: ignore[no-untyped-def]
    return encode_tenant(
        message,
        topic=topic,
        event_id=uuid.uuid4(),
        subject="s",
        correlation_id=uuid.uuid4(),
        producer="/acme",
        occurred_at=datetime.now(UTC),
    )


def test_every_tenant_topic_lies_under_its_own_prefix() -> None:
    for topic in (commands_topic(TENANT, "p."), notifications_topic(TENANT, "p.")):
        assert topic.startswith(tenant_prefix(TENANT, "p."))
    assert not commands_topic(uuid.uuid4()).startswith(tenant_prefix(TENANT))


def test_the_tenant_is_read_from_a_commands_topic_only() -> None:
    assert provider_of(commands_topic(TENANT, "p."), "p.") == TENANT
    assert provider_of(notifications_topic(TENANT, "p."), "p.") is None
    assert provider_of(commands_topic(TENANT), "p.") is None  # another deployment's prefix
    assert provider_of("samspil.authority.orders.v1") is None


def test_a_command_round_trips_and_an_event_is_not_a_command() -> None:
    wire = _wire(ACCEPT, commands_topic(TENANT))
    envelope, decoded = decode_tenant(wire.headers, wire.value)
    assert (envelope.type, decoded) == (AcceptOrder.type_name, ACCEPT)
    rejected = CommandRejected(command_id=uuid.uuid4(), command_type="t", code="c", message="m")
    event = _wire(rejected, notifications_topic(TENANT))
    with pytest.raises(UndecodableEvent, match="unknown command type"):
        decode_tenant(event.headers, event.value)
