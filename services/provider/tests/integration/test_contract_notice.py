"""Issue 19: the provider gives notice of a contract by its own Kafka command; the contract
stays in force through the last day, and ends when the scheduler says it has passed. The
tenant hears both (webhook, mirrored on its notifications topic); the authority gets the
notice. Real broker and database; the authority and the scheduler are played by records."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from provider.bootstrap import ProviderSettings
from samspil_contracts import (
    ContractTerminated,
    DeadlineKind,
    DeadlinePhase,
    DeadlineReached,
    Party,
    ProviderGaveNotice,
    TerminationReason,
    topics,
)
from samspil_contracts.tenant_messages import (
    CommandAccepted,
    TenantNotification,
    TerminateContract,
)

from .contract_tools import contract_for
from .tenant_kafka_tools import answer, notifications, send_command

pytestmark = pytest.mark.integration
TODAY = datetime.now(ZoneInfo("Europe/Copenhagen")).date()


@pytest.fixture(scope="module")
def settings(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> ProviderSettings:
    return ProviderSettings(
        env="test",
        database_url=new_database_url("provider"),
        kafka_bootstrap_servers=kafka_bootstrap,
        kafka_topic_prefix=f"prn{uuid.uuid4().hex[:8]}.",
        topic_partitions=1,
        log_json=False,
        webhook_poll_seconds=0.2,
        tenant_metadata_max_age_ms=500,  # pick up each new tenant's topic at once
    )


async def test_notice_by_kafka_command_keeps_it_in_force_until_the_scheduler_ends_it(
    stack, tenant_a
):
    # Given a contract in force at tenant A
    offer = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    path = f"/contracts/{offer.contract_id}"
    signed = await stack.http.post(
        f"{path}/countersign", json={"version": 1}, headers=tenant_a.headers
    )
    assert signed.status_code == 200, signed.text

    # When A's system gives 14 days' notice on its commands topic
    command = TerminateContract(
        contract_id=offer.contract_id,
        reason_code=TerminationReason.CHILD_MOVED,
        notice_days=14,
    )
    command_id = await send_command(stack.kafka, tenant_a.tenant_id, command)

    # Then it is accepted with the last day counted from today in Copenhagen
    last_day = TODAY + timedelta(days=14)
    result = await answer(stack.kafka, tenant_a.tenant_id, command_id)
    assert isinstance(result, CommandAccepted), result
    assert result.result["last_day"] == str(last_day)
    # And the authority is told, with the order and the dates
    _, told = await stack.kafka.event(
        topics.PROVIDER_CONTRACTS,
        lambda e: isinstance(e, ProviderGaveNotice) and e.contract_id == offer.contract_id,
    )
    assert (told.order_id, told.notice_given_on, told.last_day) == (
        offer.order_id,
        TODAY,
        last_day,
    )
    # And the contract is still in force, under notice: delivery starts
    shown = (await stack.get(path, tenant_a)).json()
    assert shown["in_force"] is True
    assert shown["notice"]["last_day"] == str(last_day)
    assert shown["notice"]["given_by"] == "provider"
    started = await stack.http.post(
        f"{path}/delivery/start", json={"on": str(TODAY)}, headers=tenant_a.headers
    )
    assert started.status_code == 200, started.text

    # When the authority announces the notice it recorded
    await stack.kafka.send(
        ContractTerminated(
            contract_id=offer.contract_id,
            provider_id=tenant_a.tenant_id,
            order_id=offer.order_id,
            given_by=Party.PROVIDER,
            reason_code=TerminationReason.CHILD_MOVED,
            notice_given_on=TODAY,
            last_day=last_day,
        )
    )
    # Then the tenant hears contract.terminated, and the contract is still in force
    [heard] = await notifications(
        stack.kafka, tenant_a.tenant_id, lambda m: _kind(m, "contract.terminated")
    )
    assert heard.data["last_day"] == str(last_day)
    assert (await stack.get(path, tenant_a)).json()["in_force"] is True

    # When a second notice is given, then it is refused as a conflict
    again = await stack.http.post(
        f"{path}/terminate", json={"reason_code": "goals_met"}, headers=tenant_a.headers
    )
    assert again.status_code == 409, again.text
    assert again.json()["type"].endswith("/contract_already_terminated")

    # When the scheduler says the contract's last day has passed
    midnight = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), UTC)
    await stack.kafka.send(
        DeadlineReached(
            deadline_id=uuid.uuid4(),
            kind=DeadlineKind.CONTRACT_ENDS,
            phase=DeadlinePhase.DUE,
            subject=str(offer.contract_id),
            contract_id=offer.contract_id,
            provider_id=tenant_a.tenant_id,
            order_id=offer.order_id,
            due_at=midnight,
            fired_at=midnight,
        )
    )
    # Then the tenant hears contract.ended, and the contract is out of force
    [ended] = await notifications(
        stack.kafka, tenant_a.tenant_id, lambda m: _kind(m, "contract.ended")
    )
    assert ended.data == {"contract_id": str(offer.contract_id), "ended_on": str(last_day)}
    shown = (await stack.get(path, tenant_a)).json()
    assert (shown["in_force"], shown["ended"]) == (False, True)
    session = {"session_id": str(uuid.uuid4()), "on": str(TODAY), "minutes": 60}
    logged = await stack.http.post(f"{path}/sessions", json=session, headers=tenant_a.headers)
    assert logged.status_code == 422, logged.text
    assert logged.json()["type"].endswith("/contract_not_in_force")


def _kind(message: object, kind: str) -> bool:
    return isinstance(message, TenantNotification) and message.type == kind
