"""Every way a record can be poison ends in UndecodableEvent with a short, useful reason."""

import json
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from samspil_contracts import (
    MAX_PAYLOAD_BYTES,
    OrderDeclined,
    OrderPlaced,
    UndecodableEvent,
    decode,
)
from samspil_contracts import encode as encode_event
from samspil_contracts.codec import WireMessage
from samspil_contracts.testing import example_event

Headers = list[tuple[str, bytes]]


def _message() -> WireMessage:
    return encode_event(
        example_event(OrderPlaced),
        subject="s",
        revision=1,
        correlation_id=uuid4(),
        producer="/samspil/authority",
        occurred_at=datetime(2025, 3, 3, tzinfo=UTC),
    )


def _with(headers: tuple[tuple[str, bytes], ...], name: str, value: bytes | None) -> Headers:
    kept = [(k, v) for k, v in headers if k != name]
    return kept if value is None else [*kept, (name, value)]


def _reason(headers: Headers | tuple[tuple[str, bytes], ...], value: bytes) -> str:
    with pytest.raises(UndecodableEvent) as caught:
        decode(headers, value)
    return caught.value.reason


@pytest.mark.parametrize(
    "header",
    ["ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_schemaversion",
     "ce_revision", "ce_correlationid"],
)  # fmt: skip
def test_a_missing_required_header_is_named(header: str) -> None:
    message = _message()

    reason = _reason(_with(message.headers, header, None), message.value)

    assert reason == f"missing header {header}"


@pytest.mark.parametrize(
    ("header", "value"),
    [("ce_id", b"not-a-uuid"), ("ce_time", b"2025-03-03T10:00:00"), ("ce_revision", b"-1"),
     ("ce_schemaversion", b"two"), ("traceparent", b"garbage")],
)  # fmt: skip
def test_an_invalid_header_is_named(header: str, value: bytes) -> None:
    message = _message()

    reason = _reason(_with(message.headers, header, value), message.value)

    assert reason.startswith(f"invalid header {header}: ")


def test_a_non_cloudevents_record_is_refused() -> None:
    message = _message()

    assert _reason(_with(message.headers, "ce_specversion", None), message.value) == (
        "unsupported ce_specversion None"
    )
    assert _reason(_with(message.headers, "ce_specversion", b"0.3"), message.value) == (
        "unsupported ce_specversion '0.3'"
    )


def test_a_non_json_content_type_is_refused() -> None:
    message = _message()

    reason = _reason(_with(message.headers, "content-type", b"application/avro"), message.value)

    assert reason == "unsupported content-type 'application/avro'"


def test_a_duplicated_header_is_refused_but_foreign_headers_are_ignored() -> None:
    message = _message()
    headers = [*message.headers, ("baggage", b"a=1"), ("baggage", b"b=2")]

    decode(headers, message.value)  # foreign duplicates are fine
    reason = _reason([*headers, ("ce_type", b"dk.samspil.order.placed")], message.value)

    assert reason == "duplicate header ce_type"


def test_a_header_that_is_not_utf8_is_refused() -> None:
    message = _message()

    assert _reason(_with(message.headers, "ce_subject", b"\xff\xfe"), message.value) == (
        "header ce_subject is not UTF-8"
    )


def test_an_unknown_type_is_refused() -> None:
    message = _message()

    reason = _reason(_with(message.headers, "ce_type", b"dk.samspil.nope"), message.value)

    assert reason == "unknown event type dk.samspil.nope"


def test_a_version_from_the_future_is_refused() -> None:
    message = _message()

    reason = _reason(_with(message.headers, "ce_schemaversion", b"4"), message.value)

    assert reason == "unknown schema version dk.samspil.order.placed v4 (newest known v3)"


@pytest.mark.parametrize("value", [b"{not json", b"", b"\xff\xfe"])
def test_bad_json_is_refused(value: bytes) -> None:
    assert _reason(_message().headers, value).startswith("invalid JSON: ")


def test_json_that_is_not_an_object_is_refused() -> None:
    assert _reason(_message().headers, b"[1, 2]") == "payload is not a JSON object"


def test_a_payload_over_one_mebibyte_is_refused_before_parsing() -> None:
    value = b" " * (MAX_PAYLOAD_BYTES + 1)

    assert _reason(_message().headers, value) == f"payload of {len(value)} bytes is over 1 MiB"


def test_a_schema_mismatch_names_fields_but_not_values() -> None:
    # Given an order whose payload lost a field and gained a wrong value
    message = _message()
    payload = json.loads(message.value)
    del payload["case_id"]
    payload["expected_duration_months"] = "Jens Jensen 010101-1234"

    # When decoded
    reason = _reason(message.headers, json.dumps(payload).encode())

    # Then the reason says which fields, and leaks no input
    assert reason.startswith("schema mismatch dk.samspil.order.placed: ")
    assert "case_id: Field required" in reason
    assert "expected_duration_months" in reason
    assert "Jens" not in reason
    assert "010101" not in reason


def test_an_extra_field_is_a_schema_mismatch() -> None:
    message = _message()
    payload = {**json.loads(message.value), "cpr": "0101011234"}

    reason = _reason(message.headers, json.dumps(payload).encode())

    assert "cpr: Extra inputs are not permitted" in reason
    assert "0101011234" not in reason


def test_a_broken_business_rule_is_a_schema_mismatch() -> None:
    # Given a decline for "other" reasons with no text, forged past the model
    declined = example_event(OrderDeclined)
    message = encode_event(
        declined,
        subject="s",
        revision=1,
        correlation_id=uuid4(),
        producer="/samspil/provider",
        occurred_at=datetime(2025, 3, 3, tzinfo=UTC),
    )
    value = json.dumps({**json.loads(message.value), "reason": "other", "text": None}).encode()

    reason = _reason(message.headers, value)

    assert "text is required when reason is 'other'" in reason


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"order_id": ' + b"9" * 5_000 + b"}", "number too long"),
    ],
)
def test_json_that_the_parser_gives_up_on_is_refused_not_raised(value: bytes, why: str) -> None:
    # Given a payload json.loads raises RecursionError or ValueError on (not JSONDecodeError)
    # When it is decoded, then it is poison with a reason (a retry would fail the same way)
    assert _reason(_message().headers, value) == f"invalid JSON: {why}"
