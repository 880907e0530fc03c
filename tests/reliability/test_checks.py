"""The fault scenarios' checks can fail: they see a lost order and a second effect."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.flows import new_tenant
from tests.reliability.checks import assert_answered_exactly_once
from tests.reliability.conftest import FaultStack
from tests.reliability.robot import AutoAcceptor
from tests.reliability.workload import Workload, query

pytestmark = pytest.mark.integration

_SECOND_EFFECT = """
insert into events (stream_id, revision, event_id, type, schema_version, data, metadata,
                    recorded_at)
select stream_id, revision + 1, gen_random_uuid(), type, schema_version, data, metadata,
       recorded_at
from events where stream_id = $1 and type = 'OrderAccepted' returning position
"""


@pytest.fixture(scope="module")
def settled(fault_stack: FaultStack) -> Workload:
    work = Workload(fault_stack, new_tenant(fault_stack, "Checks"))
    work.prepare(3)
    with AutoAcceptor(work.tenant):
        work.place(3)
        work.wait_all_accepted()
    assert_answered_exactly_once(work)
    return work


def test_an_order_that_never_arrived_fails_the_check(settled: Workload) -> None:
    # Given the settled orders and one the services never saw
    lost = Workload(
        settled.stack, settled.tenant, order_ids=[*settled.order_ids, str(uuid.uuid4())]
    )
    # Then the check fails
    with pytest.raises(AssertionError):
        assert_answered_exactly_once(lost)


def test_an_order_accepted_twice_at_the_provider_fails_the_check(settled: Workload) -> None:
    # Given one order whose provider stream gets a second OrderAccepted
    victim = settled.order_ids[0]
    assert query(settled.stack.database_urls["provider"], _SECOND_EFFECT, f"order-{victim}")
    # Then the check fails, naming that order
    with pytest.raises(AssertionError, match=victim):
        assert_answered_exactly_once(settled)
