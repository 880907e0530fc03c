"""Genuine records of types each consumer handles, with fresh ids (hypothesis draws them)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from hypothesis import strategies as st
from samspil_contracts import IntegrationEvent, encode
from samspil_contracts.testing import example_event

from tests.fuzz.records import Record


def record_of(event: IntegrationEvent, prefix: str, event_id: UUID) -> Record:
    wire = encode(
        event, event_id=event_id, subject=event.partition_key(), revision=1,
        correlation_id=event_id, producer="/samspil/fuzz", occurred_at=datetime.now(UTC),
    )  # fmt: skip
    return Record(prefix + wire.topic, wire.key, wire.value, list(wire.headers),
                  event_id=str(wire.event_id))  # fmt: skip


def events(
    cls: type[IntegrationEvent], prefix: str, **drawn: st.SearchStrategy[object]
) -> st.SearchStrategy[Record]:
    """Records of ``cls``: its example with the ``drawn`` fields, and a fresh event id."""

    def build(event_id: UUID, values: dict[str, object]) -> Record:
        event = example_event(cls).model_copy(update=values)
        return record_of(event, prefix, event_id)

    return st.builds(build, st.uuids(version=4), st.fixed_dictionaries(drawn))


DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
