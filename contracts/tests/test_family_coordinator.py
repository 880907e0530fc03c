"""Issue 20 item 8: the family coordinator on the wire (seed 002).

A decision can be on the family coordinator, which is never ordered from a provider; the
scheduler's deadline events widened their kinds for its rhythm. Older versions still decode.
"""

import json
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from samspil_contracts import (
    DeadlineClosed,
    DeadlineKind,
    DeadlineReached,
    DeadlineScheduled,
    DecidedMeasure,
    DecisionApproved,
    Envelope,
    IntegrationEvent,
    MeasureCode,
    decode,
)
from samspil_contracts.testing import example_event


def _decoded(cls: type[IntegrationEvent], version: int, payload: dict[str, Any]) -> Any:
    envelope = Envelope(
        event_id=uuid4(),
        type=cls.type_name,
        schema_version=version,
        subject=str(uuid4()),
        revision=1,
        occurred_at=datetime(2026, 3, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/test",
    )
    return decode(envelope.to_headers(), json.dumps(payload).encode())[1]


def test_every_ordered_measure_can_be_decided_and_so_can_the_family_coordinator() -> None:
    assert {m.value for m in MeasureCode} < {m.value for m in DecidedMeasure}
    assert DecidedMeasure.FAMILY_COORDINATOR.value == "family_coordinator"
    assert "family_coordinator" not in {m.value for m in MeasureCode}


def test_a_v2_decision_reads_as_v3() -> None:
    # Given a decision as a v2 producer wrote it
    v2 = json.loads(example_event(DecisionApproved).model_dump_json())

    # When decoded
    event = _decoded(DecisionApproved, 2, v2)

    # Then it is the current decision, on the same measure
    assert event == example_event(DecisionApproved)


@pytest.mark.parametrize(
    ("cls", "old"), [(DeadlineReached, 2), (DeadlineScheduled, 2), (DeadlineClosed, 1)]
)
def test_older_deadline_events_read_as_the_current_version(
    cls: type[IntegrationEvent], old: int
) -> None:
    payload = json.loads(example_event(cls).model_dump_json())

    assert _decoded(cls, old, payload) == example_event(cls)


def test_the_coordinator_kinds_are_on_the_wire() -> None:
    event = example_event(DeadlineScheduled).model_copy(
        update={"kind": DeadlineKind.START_MEETING_DUE}
    )
    assert DeadlineScheduled.model_validate_json(event.model_dump_json()).kind == (
        DeadlineKind.START_MEETING_DUE
    )
    assert {k.value for k in DeadlineKind} >= {
        "start_meeting_due",
        "coordination_meeting_due",
        "contact_due",
    }
