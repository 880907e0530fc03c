"""Tenant topics and records: the tenant comes from the topic, records round-trip."""

import json
import uuid
from datetime import UTC, date, datetime

import pytest
from samspil_contracts import ContactPerson, UndecodableEvent
from samspil_contracts.tenant import commands_topic, notifications_topic, provider_of, tenant_prefix
from samspil_contracts.tenant_codec import decode_tenant, encode_tenant
from samspil_contracts.tenant_messages import (
    AcceptOrder,
    CommandAccepted,
    CommandRejected,
    TenantNotification,
)

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


def _as_version(wire, version: int, payload: dict) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    """The record as a producer of ``version`` wrote it."""
    v = str(version).encode()
    headers = [(k, v if k == "ce_schemaversion" else old) for k, old in wire.headers]
    return headers, json.dumps(payload).encode()


def test_a_v1_notification_reads_with_the_webhooks_name_type() -> None:
    # Given a notification a v1 provider service wrote (the webhook type as "kind")
    current = TenantNotification(type="order.placed", data={"order_id": "o-1"})
    wire = _wire(current, notifications_topic(TENANT))
    headers, value = _as_version(wire, 1, {"kind": "order.placed", "data": {"order_id": "o-1"}})
    # When a provider's system decodes it, then it is the current notification
    _, decoded = decode_tenant(headers, value, direction="event")
    assert decoded == current


def test_a_v1_command_answer_reads_with_its_revision_an_integer() -> None:
    command_id = uuid.uuid4()
    v1 = {"command_id": str(command_id), "command_type": "t",
          "result": {"order_id": "o-1", "revision": "3", "status": "accepted"}}  # fmt: skip
    current = CommandAccepted(command_id=command_id, command_type="t", result={})
    headers, value = _as_version(_wire(current, notifications_topic(TENANT)), 1, v1)
    _, decoded = decode_tenant(headers, value, direction="event")
    assert isinstance(decoded, CommandAccepted)
    assert decoded.result == {"order_id": "o-1", "revision": 3, "status": "accepted"}


def test_a_version_newer_than_known_is_undecodable() -> None:
    current = TenantNotification(type="order.placed", data={})
    headers, value = _as_version(_wire(current, notifications_topic(TENANT)), 3, {})
    with pytest.raises(UndecodableEvent, match="unknown schema version"):
        decode_tenant(headers, value, direction="event")
