"""Change requests at the provider (issue 19): asked over the tenant's Kafka commands topic
or REST, only on a contract in force and only by the tenant holding it; the reason leaves
sealed; the caseworker's refusal is recorded and told on the tenant's notifications."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from provider.bootstrap import ProviderSettings
from samspil_contracts import (
    ChangeKind,
    ChangeRefusalReason,
    ChangeRequested,
    ChangeRequestRefused,
    topics,
)
from samspil_contracts.tenant_messages import (
    CommandAccepted,
    CommandRejected,
    RequestContractChange,
    TenantNotification,
)

from .contract_tools import contract_for
from .tenant_kafka_tools import answer, notifications, send_command

pytestmark = pytest.mark.integration
REASON = "Barnet har brug for længere tid"


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> ProviderSettings:
    return ProviderSettings(
        env="test",
        database_url=new_database_url("provider"),
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=f"prc{uuid.uuid4().hex[:8]}.",
        topic_partitions=1,
        log_json=False,
        webhook_poll_seconds=0.2,
        tenant_metadata_max_age_ms=500,
    )


def extend(contract_id: uuid.UUID) -> RequestContractChange:
    return RequestContractChange(
        contract_id=contract_id,
        request_id=uuid.uuid4(),
        kind=ChangeKind.EXTEND,
        new_end="2027-12-31",  # type: ignore[arg-type]
        reason=REASON,
    )


async def test_a_change_request_over_kafka_is_sealed_and_its_refusal_reaches_the_tenant(
    stack, tenant_a, tenant_b
):
    # Given a contract offered to tenant A and not yet countersigned
    contract = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    path = f"/contracts/{contract.contract_id}/change-requests"

    # When A's system asks to extend it on its commands topic, then it is rejected
    early = await send_command(stack.kafka, tenant_a.tenant_id, extend(contract.contract_id))
    rejected = await answer(stack.kafka, tenant_a.tenant_id, early)
    assert isinstance(rejected, CommandRejected)
    assert rejected.code == "contract_not_in_force"

    # When the contract is in force and the command is sent again (a new request)
    signed = await stack.http.post(
        f"/contracts/{contract.contract_id}/countersign",
        json={"version": 1},
        headers=tenant_a.headers,
    )
    assert signed.status_code == 200, signed.text
    command = extend(contract.contract_id)
    accepted = await answer(
        stack.kafka,
        tenant_a.tenant_id,
        await send_command(stack.kafka, tenant_a.tenant_id, command),
    )
    assert isinstance(accepted, CommandAccepted), accepted

    # Then the authority is told, with the reason sealed (never in clear on Kafka)
    _, asked = await stack.kafka.event(
        topics.PROVIDER_CONTRACTS, lambda e: getattr(e, "request_id", None) == command.request_id
    )
    assert isinstance(asked, ChangeRequested)
    assert (asked.kind, asked.version_in_force, asked.provider_id) == (
        ChangeKind.EXTEND,
        1,
        tenant_a.tenant_id,
    )
    assert REASON not in asked.model_dump_json()

    # And A lists it open with its reason; B does not see the contract at all
    [listed] = (await stack.get(path, tenant_a)).json()
    assert (listed["status"], listed["reason"], listed["answer"]) == ("open", REASON, None)
    assert (await stack.http.get(path, headers=tenant_b.headers)).status_code == 404
    foreign = await stack.http.post(
        path, json={"kind": "end_early", "last_day": "2026-01-01", "reason": "x"},
        headers=tenant_b.headers,
    )  # fmt: skip
    assert foreign.status_code == 404

    # When the caseworker refuses it
    refusal = ChangeRequestRefused(
        request_id=command.request_id,
        contract_id=contract.contract_id,
        provider_id=tenant_a.tenant_id,
        kind=ChangeKind.EXTEND,
        reason_code=ChangeRefusalReason.NEEDS_NEW_DECISION,
        text="Kræver en ny afgørelse",
    )
    await stack.kafka.send(refusal)

    # Then A sees the refusal with its code, and its notifications say it was answered
    async def refused() -> dict | None:
        [found] = (await stack.get(path, tenant_a)).json()
        return found if found["status"] == "refused" else None

    found = await stack.eventually(refused)
    assert found["answer"]["reason_code"] == "needs_new_decision"
    told = await notifications(
        stack.kafka,
        tenant_a.tenant_id,
        lambda m: isinstance(m, TenantNotification) and m.type == "change_request.answered",
    )
    assert told[0].data["status"] == "refused"
    assert told[0].data["request_id"] == str(command.request_id)
