"""The provider's two consumers under fuzz: integration events (child keys granted) and a
tenant's own commands topic (pattern subscription), valid records among spoilt ones."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from samspil_contracts import ChildKeyGranted, ContactPerson
from samspil_contracts.tenant import commands_topic
from samspil_contracts.tenant_codec import encode_tenant
from samspil_contracts.tenant_messages import AcceptOrder
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.fuzz.conftest import FUZZ
from tests.fuzz.genuine import events
from tests.fuzz.records import Record, batches, poison_of, spoilt
from tests.fuzz.run import Target, check, produce

pytestmark = pytest.mark.integration
OPS = {"Authorization": f"Bearer {DevIssuer(DEV_JWT_SECRET).issue('fuzz-ops', ['ops'])}"}
CONTACT = ContactPerson(name="Pia Holm", email="pia@fuzz.example")


@pytest.fixture(scope="module")
def provider(start_target: Callable[[str, str, str], Target]) -> Target:
    return start_target("provider", "provider", "provider")


@pytest.fixture(scope="module")
def tenant_commands(start_target: Callable[[str, str, str], Target]) -> Target:
    return start_target("provider", "provider.tenant-commands", "provider.tenant-commands")


def test_integration_events_valid_applied_once_and_bad_dead_lettered_once(
    provider: Target,
) -> None:
    prefix = provider.process.env["KAFKA_TOPIC_PREFIX"]
    valid = events(ChildKeyGranted, prefix, provider_id=st.uuids(version=4),
                   child_id=st.uuids(version=4))  # fmt: skip

    @FUZZ
    @given(records=batches(valid, poison_of(valid)))
    def run(records: list[Record]) -> None:
        produce(provider, records)
        check(provider, records)

    run()


def command(
    tenant_id: uuid.UUID, prefix: str, order_id: uuid.UUID, command_id: uuid.UUID
) -> Record:
    """AcceptOrder for an order the tenant does not have: it is answered (rejected)."""
    wire = encode_tenant(
        AcceptOrder(order_id=order_id, expected_start=date(2027, 5, 3), contact=CONTACT),
        topic=commands_topic(tenant_id, prefix), event_id=command_id,
        subject=str(order_id), correlation_id=command_id, producer="/fuzz/case-system",
        occurred_at=datetime.now(UTC),
    )  # fmt: skip
    return Record(wire.topic, wire.key, wire.value, list(wire.headers), event_id=str(command_id))


def test_tenant_commands_valid_applied_once_and_bad_dead_lettered_once(
    tenant_commands: Target,
) -> None:
    # Given a tenant with its own topics (the pattern subscription finds them)
    response = httpx.post(
        f"{tenant_commands.process.url}/admin/tenants",
        json={"name": "Fuzz Family Support", "kind": "private"}, headers=OPS, timeout=30,
    )  # fmt: skip
    assert response.status_code == 201, response.text
    tenant_id = uuid.UUID(response.json()["tenant_id"])
    prefix = tenant_commands.process.env["KAFKA_TOPIC_PREFIX"]
    valid = st.builds(command, st.just(tenant_id), st.just(prefix), st.uuids(), st.uuids())
    # (once its new topics have leaders and the consumer group has them: a minute at most)
    warm_up = [command(tenant_id, prefix, uuid.uuid4(), uuid.uuid4()) for _ in range(2)]
    warm_up[1] = spoilt(warm_up[1], "no headers", b"x")
    produce(tenant_commands, warm_up)
    check(tenant_commands, warm_up, settle=120)

    @FUZZ
    @given(records=batches(valid, poison_of(valid)))
    def run(records: list[Record]) -> None:
        produce(tenant_commands, records)
        check(tenant_commands, records)

    run()
