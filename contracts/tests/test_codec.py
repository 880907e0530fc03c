"""Encoding puts an event on its topic with its key and CloudEvents headers; decode undoes it."""

import json
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import pytest
from samspil_contracts import (
    EVENT_TYPES,
    MAX_PAYLOAD_BYTES,
    MAX_RECORD_BYTES,
    IntegrationEvent,
    OrderPlaced,
    ProviderMaterialPublished,
    RecordTooLarge,
    WireMessage,
    decode,
    encode,
)
from samspil_contracts.codec import record_bytes
from samspil_contracts.testing import ORDER_ID, example_event

CORRELATION = UUID("11111111-1111-4111-8111-111111111111")
CAUSATION = UUID("22222222-2222-4222-8222-222222222222")
EVENT_ID = UUID("33333333-3333-4333-8333-333333333333")
AT = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def _encode(event: IntegrationEvent, **overrides: Any) -> WireMessage:
    fields: dict[str, Any] = {
        "event_id": EVENT_ID,
        "subject": event.partition_key(),
        "revision": 3,
        "correlation_id": CORRELATION,
        "causation_id": CAUSATION,
        "producer": "/samspil/authority",
        "occurred_at": AT,
        "traceparent": TRACE,
    }
    return encode(event, **{**fields, **overrides})


@pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda c: c.__name__)
def test_every_event_type_round_trips(cls: type[IntegrationEvent]) -> None:
    # Given an example of the type
    event = example_event(cls)

    # When encoded and decoded
    message = _encode(event)
    envelope, decoded = decode(message.headers, message.value)

    # Then the event and its envelope come back whole
    assert decoded == event
    assert message.topic == cls.topic
    assert envelope.type == cls.type_name
    assert envelope.schema_version == cls.schema_version
    assert (envelope.event_id, envelope.revision, envelope.traceparent) == (EVENT_ID, 3, TRACE)
    assert (envelope.correlation_id, envelope.causation_id) == (CORRELATION, CAUSATION)
    assert envelope.occurred_at == AT


def test_encode_writes_cloudevents_binary_headers() -> None:
    # Given an order
    event = example_event(OrderPlaced)

    # When encoded
    message = _encode(event)
    headers = dict(message.headers)

    # Then the key is the order id and the headers are CloudEvents attributes
    assert message.topic == "samspil.authority.orders.v1"
    assert message.key == str(ORDER_ID).encode()
    assert message.event_id == EVENT_ID
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == str(EVENT_ID).encode()
    assert headers["ce_type"] == b"dk.samspil.order.placed"
    assert headers["ce_source"] == b"/samspil/authority"
    assert headers["ce_subject"] == str(ORDER_ID).encode()
    assert headers["ce_time"] == b"2025-03-03T10:00:00+00:00"
    assert headers["content-type"] == b"application/json"
    assert headers["ce_schemaversion"] == b"3"
    assert headers["ce_revision"] == b"3"
    assert headers["ce_correlationid"] == str(CORRELATION).encode()
    assert headers["ce_causationid"] == str(CAUSATION).encode()
    assert headers["traceparent"] == TRACE.encode()
    assert headers["ce_dataschema"].endswith(b"/dk.samspil.order.placed.v3.json")


def test_value_is_compact_json_of_the_model() -> None:
    event = example_event(OrderPlaced)

    message = _encode(event)

    compact = json.dumps(json.loads(message.value), separators=(",", ":"), ensure_ascii=False)
    assert message.value == compact.encode()
    assert OrderPlaced.model_validate_json(message.value) == event


def test_optional_envelope_fields_are_left_out_when_absent() -> None:
    # Given an event with no cause and no trace
    message = _encode(example_event(OrderPlaced), causation_id=None, traceparent=None)

    # When decoded
    envelope, _ = decode(message.headers, message.value)

    # Then the headers carry neither and the envelope says so
    names = {name for name, _ in message.headers}
    assert "ce_causationid" not in names
    assert "traceparent" not in names
    assert envelope.causation_id is None
    assert envelope.traceparent is None


def test_a_fresh_event_id_is_made_when_none_is_given() -> None:
    event = example_event(OrderPlaced)

    first, second = _encode(event, event_id=None), _encode(event, event_id=None)

    assert first.event_id != second.event_id


def test_encode_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="timezone"):
        _encode(example_event(OrderPlaced), occurred_at=datetime(2025, 3, 3, 10, 0))


def test_an_event_is_refused_where_it_is_made_if_its_whole_record_is_over_the_limit() -> None:
    # Given material whose payload alone is under 1 MiB, but not with its key and headers
    material = example_event(ProviderMaterialPublished)
    padding = MAX_RECORD_BYTES - len(material.model_dump_json().encode())
    big = material.model_copy(update={"method": material.method + "x" * padding})
    assert len(big.model_dump_json().encode()) == MAX_RECORD_BYTES < MAX_PAYLOAD_BYTES
    # When it is encoded, then it is refused with its size
    with pytest.raises(RecordTooLarge) as refused:
        _encode(big)
    assert refused.value.size > MAX_RECORD_BYTES
    assert refused.value.type_name == ProviderMaterialPublished.type_name
    # And one just under the limit, headers and key included, is not
    fits = material.model_copy(update={"method": material.method + "x" * (padding - 1000)})
    wire = _encode(fits)
    assert record_bytes(wire.key, wire.value, wire.headers) <= MAX_RECORD_BYTES
