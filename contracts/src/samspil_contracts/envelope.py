"""The envelope: who, what, when, and why of an event, as CloudEvents Kafka headers.

Binary content mode: the payload is the Kafka value, the attributes are ``ce_*`` headers,
so a consumer can route and dead-letter without parsing the payload.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from samspil_contracts.errors import UndecodableEvent
from samspil_contracts.schema_ids import schema_id

Headers = Iterable[tuple[str, bytes | None]]

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
TRACEPARENT = r"^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"

# Envelope field -> header; the order is the order they are written in.
_FIELDS = {
    "event_id": "ce_id",
    "type": "ce_type",
    "producer": "ce_source",
    "subject": "ce_subject",
    "occurred_at": "ce_time",
    "schema_version": "ce_schemaversion",
    "revision": "ce_revision",
    "correlation_id": "ce_correlationid",
    "causation_id": "ce_causationid",
    "traceparent": "traceparent",
}
_OPTIONAL = {"causation_id", "traceparent"}
_KNOWN = {*_FIELDS.values(), "ce_specversion", "content-type"}


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: UUID
    type: str = Field(min_length=1)
    schema_version: int = Field(ge=1)
    subject: str = Field(min_length=1, description="Id of the aggregate the event is about")
    revision: int = Field(ge=0, description="Revision of the subject's stream after the event")
    occurred_at: AwareDatetime
    correlation_id: UUID
    causation_id: UUID | None = None
    producer: str = Field(min_length=1, description="CloudEvents source, e.g. /samspil/authority")
    traceparent: str | None = Field(default=None, pattern=TRACEPARENT)

    def to_headers(self) -> list[tuple[str, bytes]]:
        headers = [("ce_specversion", SPEC_VERSION), ("content-type", CONTENT_TYPE)]
        for field, header in _FIELDS.items():
            value = getattr(self, field)
            if value is not None:
                headers.append((header, _text(value)))
        headers.append(("ce_dataschema", schema_id(self.type, self.schema_version)))
        return [(name, value.encode()) for name, value in headers]

    @classmethod
    def from_headers(cls, headers: Headers) -> Envelope:
        found = _header_map(headers)
        if found.get("ce_specversion") != SPEC_VERSION:
            raise UndecodableEvent(f"unsupported ce_specversion {found.get('ce_specversion')!r}")
        content_type = found.get("content-type", "")
        if content_type.split(";")[0].strip() != CONTENT_TYPE:
            raise UndecodableEvent(f"unsupported content-type {content_type!r}")
        values: dict[str, str] = {}
        for field, header in _FIELDS.items():
            if header in found:
                values[field] = found[header]
            elif field not in _OPTIONAL:
                raise UndecodableEvent(f"missing header {header}")
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            raise UndecodableEvent(f"invalid header {_first_bad_header(exc)}") from None


def _text(value: object) -> str:
    # RFC 3339 as the CloudEvents spec wants; isoformat of an aware datetime is that.
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _header_map(headers: Headers) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, raw in headers:
        if name not in _KNOWN:
            continue  # other headers (baggage, broker tooling) are not ours to judge
        if name in found:
            raise UndecodableEvent(f"duplicate header {name}")
        try:
            found[name] = (raw or b"").decode("utf-8")
        except UnicodeDecodeError:
            raise UndecodableEvent(f"header {name} is not UTF-8") from None
    return found


def _first_bad_header(exc: ValidationError) -> str:
    error = exc.errors(include_input=False)[0]
    field = str(error["loc"][0]) if error["loc"] else "?"
    return f"{_FIELDS.get(field, field)}: {error['msg']}"
