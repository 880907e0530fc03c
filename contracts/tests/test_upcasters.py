"""OrderPlaced v1 (free-text measure, no legal basis) is read as v2."""

import json
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest
from samspil_contracts import (
    ClaimApproved,
    ClaimRejected,
    ClaimSubmitted,
    ContractTerminated,
    DeadlineClosed,
    DeadlineReached,
    DeadlineScheduled,
    DecisionApproved,
    DeliveryStopped,
    DeliveryStopReason,
    Envelope,
    InvestigationStarted,
    LineKind,
    LineRejection,
    MeasureCode,
    OrderAccepted,
    OrderChanged,
    OrderDeclined,
    OrderPlaced,
    Party,
    PlanKind,
    StatusReportSubmitted,
    TerminationReason,
    UndecodableEvent,
    decode,
)
from samspil_contracts.testing import example_event
from samspil_contracts.upcasters import UPCASTERS, measure_from_text


def _v1_record(measure_text: str) -> tuple[list[tuple[str, bytes]], bytes]:
    """A record as a v1 producer wrote it."""
    v2 = json.loads(example_event(OrderPlaced).model_dump_json())
    v1 = {k: v for k, v in v2.items() if k != "legal_basis"} | {"measure": measure_text}
    envelope = Envelope(
        event_id=uuid4(),
        type=OrderPlaced.type_name,
        schema_version=1,
        subject=v1["order_id"],
        revision=1,
        occurred_at=datetime(2024, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/authority",
    )
    return envelope.to_headers(), json.dumps(v1).encode()


def test_a_v1_order_is_decoded_as_the_current_model() -> None:
    # Given an order written by a v1 producer
    headers, value = _v1_record("Praktisk pædagogisk støtte i hjemmet")

    # When decoded
    envelope, event = decode(headers, value)

    # Then it is a v2 OrderPlaced with a measure code and a legal basis
    assert envelope.schema_version == 1  # the envelope tells what was on the wire
    assert isinstance(event, OrderPlaced)
    assert event.measure is MeasureCode.SUPPORT_IN_HOME
    # cited under the law in force (barnets lov § 32, stk. 1, nr. 2), as a v2 producer would
    assert event.legal_basis == "Barnets lov § 32, stk. 1, nr. 2"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Aflastning i weekender", MeasureCode.RESPITE_CARE),
        ("Familiebehandling", MeasureCode.FAMILY_TREATMENT),
        ("Fast kontaktperson", MeasureCode.CONTACT_PERSON),
        ("Døgnophold for hele familien", MeasureCode.FAMILY_RESIDENTIAL_STAY),
        ("Indsats efter § 52, stk. 3, nr. 7", MeasureCode.PLACEMENT),
        ("SEL 52 stk 3 nr 10", MeasureCode.OTHER_SUPPORT),
    ],
)
def test_free_text_names_a_measure(text: str, code: MeasureCode) -> None:
    assert measure_from_text(text) is code


def test_a_v1_order_whose_measure_cannot_be_recognised_is_dead_lettered() -> None:
    # Given a v1 order whose measure text names no § 52 measure
    headers, value = _v1_record("Noget godt for barnet")

    # When decoded, then it is undecodable rather than guessed
    with pytest.raises(UndecodableEvent) as caught:
        decode(headers, value)
    assert caught.value.reason == "dk.samspil.order.placed v1: measure text names no § 52 measure"


def test_a_v1_order_without_measure_text_is_dead_lettered() -> None:
    headers, value = _v1_record("x")
    payload = json.loads(value) | {"measure": None}

    with pytest.raises(UndecodableEvent, match="measure is not text"):
        decode(headers, json.dumps(payload).encode())


def test_an_old_version_whose_upcaster_is_gone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a v1 record and no v1 upcaster any more
    headers, value = _v1_record("Familiebehandling")
    monkeypatch.delitem(UPCASTERS, (OrderPlaced.type_name, 1))

    with pytest.raises(UndecodableEvent) as caught:
        decode(headers, value)
    assert caught.value.reason == "no upcaster for dk.samspil.order.placed v1"


def test_version_zero_is_refused() -> None:
    headers, value = _v1_record("Familiebehandling")
    headers = [(k, b"0") if k == "ce_schemaversion" else (k, v) for k, v in headers]

    with pytest.raises(UndecodableEvent, match="invalid header ce_schemaversion"):
        decode(headers, value)


def _old_record(cls: type, version: int, drop: str | None = None) -> tuple[list[Any], bytes]:
    current = json.loads(example_event(cls).model_dump_json())
    old = {k: v for k, v in current.items() if k != drop}
    envelope = Envelope(
        event_id=uuid4(),
        type=cls.type_name,
        schema_version=version,
        subject=str(uuid4()),
        revision=1,
        occurred_at=datetime(2024, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/authority",
    )
    return envelope.to_headers(), json.dumps(old).encode()


def test_a_v1_investigation_start_counts_its_limit_from_the_start() -> None:
    # Given an InvestigationStarted written before barnets lov § 20, stk. 3's awareness
    headers, value = _old_record(InvestigationStarted, 1, drop="aware_on")

    # When decoded
    _, event = decode(headers, value)

    # Then the municipality is taken to have become aware on the day it started
    assert isinstance(event, InvestigationStarted)
    assert event.aware_on == event.started_on


def test_a_v1_deadline_reached_reads_as_v2_unchanged() -> None:
    headers, value = _old_record(DeadlineReached, 1)
    _, event = decode(headers, value)
    assert event == example_event(DeadlineReached)


@pytest.mark.parametrize(
    ("cls", "version"), [(DeadlineReached, 2), (DeadlineScheduled, 2), (DeadlineClosed, 1)]
)
def test_a_deadline_fact_from_before_the_change_request_kind_reads_unchanged(
    cls: type, version: int
) -> None:
    headers, value = _old_record(cls, version)
    _, event = decode(headers, value)
    assert event == example_event(cls)


def test_a_v1_deadline_scheduled_reads_as_v2_without_the_extra_ids() -> None:
    # Given a DeadlineScheduled v1 (notification deadlines only: no order, contract, provider)
    v1 = {
        k: v
        for k, v in json.loads(example_event(DeadlineScheduled).model_dump_json()).items()
        if k not in ("order_id", "contract_id", "provider_id")
    }
    headers, _ = _old_record(DeadlineScheduled, 1)

    # When decoded
    _, event = decode(headers, json.dumps(v1).encode())

    # Then it is a v2 event about the same deadline, with none of the new ids
    assert isinstance(event, DeadlineScheduled)
    assert str(event.deadline_id) == v1["deadline_id"]
    assert (event.order_id, event.contract_id, event.provider_id) == (None, None, None)


def test_a_v1_delivery_stop_is_read_as_v2_with_its_text_coded_other() -> None:
    # Given a DeliveryStopped written by a v1 producer (free-text reason only)
    v2 = json.loads(example_event(DeliveryStopped).model_dump_json())
    v1 = {k: v for k, v in v2.items() if k != "reason_code"} | {"reason": "Familien flyttede"}
    envelope = Envelope(
        event_id=uuid4(),
        type=DeliveryStopped.type_name,
        schema_version=1,
        subject=v1["contract_id"],
        revision=1,
        occurred_at=datetime(2025, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/provider",
    )
    # When decoded
    _, event = decode(envelope.to_headers(), json.dumps(v1).encode())
    # Then the text is kept and coded as "other"
    assert isinstance(event, DeliveryStopped)
    assert (event.reason_code, event.reason) == (DeliveryStopReason.OTHER, "Familien flyttede")


@pytest.mark.parametrize("cls", [OrderAccepted, OrderDeclined])
def test_a_v1_answer_is_read_as_v2_to_no_particular_version(cls: Any) -> None:
    # Given an answer written by a v1 producer (no order_version)
    v2 = json.loads(example_event(cls).model_dump_json())
    v1 = {k: v for k, v in v2.items() if k != "order_version"}
    envelope = Envelope(
        event_id=uuid4(),
        type=cls.type_name,
        schema_version=1,
        subject=v1["order_id"],
        revision=1,
        occurred_at=datetime(2025, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/provider",
    )
    # When decoded, then it is the current model answering no particular version
    _, event = decode(envelope.to_headers(), json.dumps(v1).encode())
    assert isinstance(event, cls)
    assert event.order_version is None


@pytest.mark.parametrize(("cls", "version"), [(OrderPlaced, 2), (OrderChanged, 1)])
def test_an_order_with_its_own_answer_deadline_is_read_without_it(cls: Any, version: int) -> None:
    # Given an order written while the authority set its own answer deadline (+14 days)
    current = json.loads(example_event(cls).model_dump_json())
    old = current | {"answer_deadline": "2025-03-14"}
    headers, _ = _old_record(cls, version)

    # When decoded
    _, event = decode(headers, json.dumps(old).encode())

    # Then it is the current order, the deadline left to the scheduler's DeadlineScheduled
    assert isinstance(event, cls)
    assert event == example_event(cls)
    assert "answer_deadline" not in event.model_dump()


def test_barnets_lov_91_a_v1_decision_reads_as_a_plan_made() -> None:
    # Given a decision approved by a v1 producer, before the plan choice was recorded
    v2 = json.loads(example_event(DecisionApproved).model_dump_json())
    v1 = {k: v for k, v in v2.items() if k not in {"plan_made", "plan_kind"}}
    envelope = Envelope(
        event_id=uuid4(),
        type=DecisionApproved.type_name,
        schema_version=1,
        subject=v1["case_id"],
        revision=1,
        occurred_at=datetime(2024, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/authority",
    )

    # When decoded
    _, event = decode(envelope.to_headers(), json.dumps(v1).encode())

    # Then every decision of that time called for a barnets plan (§ 91), as it was scheduled
    assert isinstance(event, DecisionApproved)
    assert event.plan_made is True
    assert event.plan_kind is PlanKind.CHILDS_PLAN


def test_a_v1_status_report_is_read_as_v2_naming_no_follow_up() -> None:
    # Given a status report written by a v1 producer (no followup_ref)
    v1 = json.loads(example_event(StatusReportSubmitted).model_dump_json())
    v1.pop("followup_ref", None)
    envelope = Envelope(
        event_id=uuid4(),
        type=StatusReportSubmitted.type_name,
        schema_version=1,
        subject=v1["contract_id"],
        revision=1,
        occurred_at=datetime(2025, 6, 1, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/provider",
    )
    # When decoded, then it is the current model preparing no particular follow-up
    _, event = decode(envelope.to_headers(), json.dumps(v1).encode())
    assert isinstance(event, StatusReportSubmitted)
    assert event.followup_ref is None


def test_a_v1_termination_reads_as_v2_notice_without_a_period() -> None:
    # Given a ContractTerminated v1 (termination at once, free-text reason, no order)
    v1 = {
        "contract_id": str(uuid4()),
        "provider_id": str(uuid4()),
        "initiated_by": "provider",
        "reason": "Foranstaltningen ophører",
        "effective_on": "2025-09-30",
    }
    headers, _ = _old_record(ContractTerminated, 1)

    # When decoded
    _, event = decode(headers, json.dumps(v1).encode())

    # Then it is notice by the same party that ended the contract that very day
    assert isinstance(event, ContractTerminated)
    assert event.given_by is Party.PROVIDER
    assert event.reason_code is TerminationReason.OTHER
    assert event.reason == "Foranstaltningen ophører"
    assert event.notice_given_on == event.last_day == date(2025, 9, 30)
    assert event.immediate
    assert event.order_id is None


def test_a_v2_deadline_reached_reads_as_v3_unchanged() -> None:
    headers, value = _old_record(DeadlineReached, 2)
    _, event = decode(headers, value)
    assert event == example_event(DeadlineReached)


def test_v1_claim_events_are_read_as_v2_services_a_whole_claim_and_other() -> None:
    # Given a claim, its approval and a rejection as v1 producers wrote them
    submitted = json.loads(example_event(ClaimSubmitted).model_dump_json())
    submitted["lines"] = [{k: v for k, v in x.items() if k != "kind"} for x in submitted["lines"]]
    rejected = {
        k: v
        for k, v in json.loads(example_event(ClaimRejected).model_dump_json()).items()
        if k not in ("reason_code", "lines")
    }
    approved_headers, approved_value = _old_record(ClaimApproved, 1, drop="lines")
    for cls, payload in ((ClaimSubmitted, submitted), (ClaimRejected, rejected)):
        headers, _ = _old_record(cls, 1)
        # When decoded, then they are the current version with the defaults of old
        _, event = decode(headers, json.dumps(payload).encode())
        if isinstance(event, ClaimSubmitted):
            assert {line.kind for line in event.lines} == {LineKind.SERVICE}
        else:
            assert isinstance(event, ClaimRejected)
            assert (event.reason_code, event.lines) == (LineRejection.OTHER, ())
    _, approval = decode(approved_headers, approved_value)
    assert isinstance(approval, ClaimApproved)
    assert approval.lines == ()  # a whole-claim approval: every line approved
