"""Property: whatever JSON-shaped events are appended come back unchanged, in order."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from eventkit import EventStore, NewEvent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# PostgreSQL text and JSONB cannot hold NUL characters, so neither can events.
texts = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=20)
json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
new_events = st.builds(
    NewEvent,
    type=texts.filter(bool),
    data=st.dictionaries(texts, json_values, max_size=4),
    schema_version=st.integers(1, 5),
    metadata=st.dictionaries(st.sampled_from(["actor", "reason", "occurred_at"]), texts),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batches=st.lists(st.lists(new_events, min_size=1, max_size=4), min_size=1, max_size=3))
async def test_appended_batches_load_back_unchanged(
    store: EventStore, batches: list[list[NewEvent]]
) -> None:
    # given a fresh stream appended to in several batches
    stream = f"prop-{uuid4()}"
    revision = 0
    for batch in batches:
        revision = await store.append(stream, revision, batch)

    # when it is loaded
    loaded = await store.load(stream)

    # then every event is there, unchanged and numbered 1..n
    appended = [event for batch in batches for event in batch]
    assert revision == len(appended)
    assert [e.revision for e in loaded] == list(range(1, len(appended) + 1))
    assert [as_tuple(e.event_id, e.type, e.schema_version, e.data, e.metadata) for e in loaded] == [
        as_tuple(e.event_id, e.type, e.schema_version, dict(e.data), dict(e.metadata))
        for e in appended
    ]


def as_tuple(*fields: Any) -> tuple[Any, ...]:
    return fields
