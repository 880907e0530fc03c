"""Direct Kafka for providers' own systems, on the real broker: each tenant's topics."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from provider.bootstrap import ProviderSettings
from samspil_contracts import ContactPerson, DeclineReason, OrderAccepted, topics
from samspil_contracts.tenant import commands_topic
from samspil_contracts.tenant_codec import encode_tenant
from samspil_contracts.tenant_messages import (
    AcceptOrder,
    CommandAccepted,
    CommandRejected,
    DeclineOrder,
    TenantNotification,
)

from .tenant_kafka_tools import answer, dead_letters, everything, notifications, send_command

pytestmark = pytest.mark.integration
CONTACT = ContactPerson(name="Pia Holm", email="pia@a.example")


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> ProviderSettings:
    return ProviderSettings(
        env="test",
        database_url=new_database_url("provider"),
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=f"prk{uuid.uuid4().hex[:8]}.",
        topic_partitions=1,
        log_json=False,
        webhook_poll_seconds=0.2,
        tenant_metadata_max_age_ms=500,  # pick up each new tenant's topic at once
    )


def accept(order_id: uuid.UUID) -> AcceptOrder:
    return AcceptOrder(order_id=order_id, expected_start=date(2025, 4, 1), contact=CONTACT)


async def test_an_order_for_a_tenant_is_mirrored_to_its_own_topic_only(stack, tenant_a, tenant_b):
    # Given an order placed with tenant A
    order = await stack.placed(tenant_a)
    # Then A's notifications topic carries the webhook's type and data
    found = await notifications(
        stack.kafka, tenant_a.tenant_id, lambda m: isinstance(m, TenantNotification)
    )
    assert [(n.type, n.data["order_id"]) for n in found] == [("order.placed", str(order.order_id))]
    # And B's topic carries nothing about it
    on_b = await everything(stack.kafka, tenant_b.tenant_id, accept(uuid.uuid4()))
    assert str(order.order_id).encode() not in on_b


async def test_a_command_on_the_tenants_topic_accepts_its_order_like_rest(stack, tenant_a):
    # Given an order in A's inbox
    order = await stack.placed(tenant_a)
    # When A's system sends AcceptOrder on A's commands topic
    command_id = await send_command(stack.kafka, tenant_a.tenant_id, accept(order.order_id))
    # Then it is answered accepted, the order is accepted, and the authority hears it
    result = await answer(stack.kafka, tenant_a.tenant_id, command_id)
    assert isinstance(result, CommandAccepted), result
    assert result.result["status"] == "accepted"
    rest = (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()
    assert rest["status"] == "accepted"
    # with the same types as REST: the revision is an integer on both
    assert isinstance(result.result["revision"], int)
    _, accepted = await stack.kafka.event(
        topics.PROVIDER_ANSWERS, lambda e: getattr(e, "order_id", None) == order.order_id
    )
    assert isinstance(accepted, OrderAccepted)
    assert accepted.provider_id == tenant_a.tenant_id


async def test_a_redelivered_command_has_one_effect_and_one_answer(stack, tenant_a):
    # Given an order, and the same command id sent twice
    order = await stack.placed(tenant_a)
    command_id = uuid.uuid4()
    for _ in range(2):
        await send_command(stack.kafka, tenant_a.tenant_id, accept(order.order_id), command_id)
    # When a later command is answered (so both copies have been consumed)
    decline = DeclineOrder(order_id=order.order_id, reason=DeclineReason.NO_CAPACITY)
    later = await send_command(stack.kafka, tenant_a.tenant_id, decline)
    assert isinstance(await answer(stack.kafka, tenant_a.tenant_id, later), CommandRejected)
    # Then the repeated command was answered once, accepted
    answers = await notifications(
        stack.kafka, tenant_a.tenant_id, lambda m: getattr(m, "command_id", None) == command_id
    )
    assert [type(a) for a in answers] == [CommandAccepted]


async def test_a_command_for_another_tenants_order_is_not_found_and_changes_nothing(
    stack, tenant_a, tenant_b
):
    # Given an order of tenant A
    order = await stack.placed(tenant_a)
    # When tenant B's system sends AcceptOrder with A's real order id on B's own topic
    command_id = await send_command(stack.kafka, tenant_b.tenant_id, accept(order.order_id))
    # Then B gets a rejection, as REST's 404, and A's order is untouched
    result = await answer(stack.kafka, tenant_b.tenant_id, command_id)
    assert isinstance(result, CommandRejected)
    assert result.code == "not_found"
    assert (await stack.get(f"/orders/{order.order_id}", tenant_a)).json()["status"] == "received"
    # And nothing of it reached A's topic
    on_a = await everything(stack.kafka, tenant_a.tenant_id, accept(uuid.uuid4()))
    assert str(command_id).encode() not in on_a


@pytest.mark.parametrize(
    ("value", "headers", "reason"),
    [
        (b"not json", None, "invalid JSON"),
        (b"{}", [("ce_type", b"dk.samspil.tenant.order.erase")], "unknown command type"),
        (b'{"order_id": 1}', None, "schema mismatch"),
    ],
)
async def test_a_malformed_command_goes_to_the_tenants_dead_letters_with_the_reason(
    stack, tenant_b, value, headers, reason
):
    # Given a valid command's headers, with the value or type spoiled
    marker = str(uuid.uuid4()).encode()
    valid = await _headers(accept(uuid.uuid4()))
    spoiled = dict(valid) | dict(headers or ()) | {"ce_id": marker}
    # When it arrives on B's commands topic
    await stack.kafka.send_raw(commands_topic(tenant_b.tenant_id), value, list(spoiled.items()))
    # Then it is parked on B's own DLQ topic with why
    parked = await dead_letters(
        stack.kafka, tenant_b.tenant_id, lambda r: ("ce_id", marker) in {*(r.headers or ())}
    )
    reasons = [dict(r.headers)["x-dlq-reason"].decode() for r in parked]
    assert reasons
    assert reason in reasons[0], reasons


async def _headers(command: AcceptOrder) -> list[tuple[str, bytes]]:
    wire = encode_tenant(
        command,
        topic="any",
        event_id=uuid.uuid4(),
        subject="any",
        correlation_id=uuid.uuid4(),
        producer="/acme",
        occurred_at=datetime.now(UTC),
    )
    return list(wire.headers)
