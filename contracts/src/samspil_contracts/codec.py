"""From event to Kafka record and back, with upcasting and strict validation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import ValidationError

from samspil_contracts.base import IntegrationEvent
from samspil_contracts.envelope import Envelope, Headers
from samspil_contracts.errors import RecordTooLarge, UndecodableEvent
from samspil_contracts.registry import REGISTRY
from samspil_contracts.upcasters import UPCASTERS

MAX_PAYLOAD_BYTES = 1024 * 1024  # Kafka's default max message size; bigger means a bug
# A whole record (key, value, header names and values) made here stays under the producer's
# max_request_size and the broker's message.max.bytes (both 1 MiB by default), with room
# for the record's and its batch's framing and the topic prefix.
MAX_RECORD_BYTES = 1_000_000
_MAX_ERRORS = 3


@dataclass(frozen=True, slots=True)
class WireMessage:
    topic: str
    key: bytes
    value: bytes
    headers: tuple[tuple[str, bytes], ...]
    event_id: UUID


def encode(
    event: IntegrationEvent,
    *,
    event_id: UUID | None = None,
    subject: str,
    revision: int,
    correlation_id: UUID,
    causation_id: UUID | None = None,
    producer: str,
    occurred_at: datetime,
    traceparent: str | None = None,
) -> WireMessage:
    """The record to publish; raises ``ValueError`` for an envelope that is wrong and
    ``RecordTooLarge`` (a ``ValueError``) for a record Kafka would refuse."""
    envelope = Envelope(
        event_id=event_id or uuid4(),
        type=event.type_name,
        schema_version=event.schema_version,
        subject=subject,
        revision=revision,
        occurred_at=occurred_at,
        correlation_id=correlation_id,
        causation_id=causation_id,
        producer=producer,
        traceparent=traceparent,
    )
    wire = WireMessage(
        topic=event.topic,
        key=event.partition_key().encode(),
        value=event.model_dump_json().encode(),
        headers=tuple(envelope.to_headers()),
        event_id=envelope.event_id,
    )
    return fitting(wire, event.type_name)


def record_bytes(key: bytes | None, value: bytes, headers: Headers) -> int:
    """What a record weighs against Kafka's limits: key, value, header names and values."""
    named = sum(len(name.encode()) + len(raw or b"") for name, raw in headers)
    return len(key or b"") + len(value) + named


def fitting(wire: WireMessage, type_name: str) -> WireMessage:
    """``wire``, if Kafka will take it; else ``RecordTooLarge``."""
    size = record_bytes(wire.key, wire.value, wire.headers)
    if size > MAX_RECORD_BYTES:
        raise RecordTooLarge(type_name, size, MAX_RECORD_BYTES)
    return wire


def decode(headers: Headers, value: bytes) -> tuple[Envelope, IntegrationEvent]:
    """The envelope and the current-version event of a record, or ``UndecodableEvent``."""
    if len(value) > MAX_PAYLOAD_BYTES:
        raise UndecodableEvent(f"payload of {len(value)} bytes is over 1 MiB")
    envelope = Envelope.from_headers(headers)
    cls = REGISTRY.get(envelope.type)
    if cls is None:
        raise UndecodableEvent(f"unknown event type {envelope.type}")
    if envelope.schema_version > cls.schema_version:
        raise UndecodableEvent(
            f"unknown schema version {envelope.type} v{envelope.schema_version}"
            f" (newest known v{cls.schema_version})"
        )
    payload = _upcast(envelope.type, envelope.schema_version, cls.schema_version, _parse(value))
    try:
        return envelope, cls.model_validate(payload)
    except ValidationError as exc:
        raise UndecodableEvent(f"schema mismatch {envelope.type}: {_summary(exc)}") from None


def _parse(value: bytes) -> dict[str, Any]:
    """The JSON object of ``value``. Whatever the parser gives up on is poison, never an
    error to retry: a retry of the same bytes fails the same way."""
    try:
        payload = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UndecodableEvent(f"invalid JSON: {type(exc).__name__}") from None
    except RecursionError:
        raise UndecodableEvent("invalid JSON: nested too deeply") from None
    except ValueError:  # e.g. an integer beyond Python's limit on digits
        raise UndecodableEvent("invalid JSON: number too long") from None
    if not isinstance(payload, dict):
        raise UndecodableEvent("payload is not a JSON object")
    return payload


def _upcast(type_name: str, version: int, current: int, payload: dict[str, Any]) -> Any:
    for step in range(version, current):
        upcaster = UPCASTERS.get((type_name, step))
        if upcaster is None:
            raise UndecodableEvent(f"no upcaster for {type_name} v{step}")
        payload = upcaster(payload)
    return payload


def _summary(exc: ValidationError) -> str:
    # Locations and messages only: the input values may be personal data.
    errors = exc.errors(include_input=False, include_url=False)
    parts = [f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in errors]
    more = f" (+{len(parts) - _MAX_ERRORS} more)" if len(parts) > _MAX_ERRORS else ""
    return "; ".join(parts[:_MAX_ERRORS]) + more
