"""The case codec: the citizens' names and CPR numbers are sealed before they are stored.

Only ``CaseOpened`` carries persons. Its ``child``, ``parents`` and the guardian are replaced
by one sealed box under the child's data key (bound to the stream id), so the events table
never holds them in clear. The codec fetches the keys itself when it reads or writes a
stream (``decode`` / ``encode``), so no caller has to fetch them first; its synchronous
``dump`` / ``load`` refuse a ``CaseOpened`` rather than guess. A child whose data was
erased (the key is gone) loads with placeholders; a key that is missing for any other
reason raises ``KeyMissing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from eventkit import NewEvent, RecordedEvent
from servicekit.codec import EventCodec

from authority.app.keyring import ChildKey, Keyring
from authority.domain.case import CaseEvent, CaseOpened, CaseState

ERASED_NAME = "[erased]"
ERASED_PERSON = {"name": ERASED_NAME, "cpr": {"digits": "0101000000"}}
SEALED_FIELD = "personal"
UNKEYED = "personal data is sealed and opened with a fetched key: use encode / decode"


def case_of(stream_id: str) -> UUID:
    return UUID(stream_id.split("-", 1)[1])


def _sealed(recorded: RecordedEvent) -> bool:
    return recorded.type == CaseOpened.__name__ and SEALED_FIELD in recorded.data


class PersonalCodec(EventCodec[CaseEvent]):
    def __init__(self, event_types: Iterable[type[CaseEvent]], keyring: Keyring) -> None:
        super().__init__(event_types)
        self.keyring = keyring

    def dump(self, event: CaseEvent) -> dict[str, Any]:
        if isinstance(event, CaseOpened):
            raise TypeError(UNKEYED)
        return super().dump(event)

    def load(self, recorded: RecordedEvent) -> CaseEvent:
        if _sealed(recorded):
            raise TypeError(UNKEYED)
        return super().load(recorded)

    async def encode(
        self, events: Sequence[CaseEvent], metadata: Mapping[str, object]
    ) -> list[NewEvent]:
        return [
            NewEvent(type=type(e).__name__, data=await self._dump(e), metadata=metadata)
            for e in events
        ]

    async def decode(self, recorded: Sequence[RecordedEvent]) -> list[CaseEvent]:
        return [await self._load(r) if _sealed(r) else EventCodec.load(self, r) for r in recorded]

    async def _dump(self, event: CaseEvent) -> dict[str, Any]:
        data = super().dump(event)
        if not isinstance(event, CaseOpened):
            return data
        custody = dict(data["custody"])
        persons = {
            "child": data.pop("child"),
            "parents": data.pop("parents"),
            "guardian": custody.pop("guardian", None),
        }
        data["custody"] = custody
        key = await self.keyring.key_for(event.case_id)
        data[SEALED_FIELD] = key.seal_json(persons, f"case-{event.case_id}")
        return data

    async def _load(self, recorded: RecordedEvent) -> CaseEvent:
        data = dict(recorded.data)
        sealed = data.pop(SEALED_FIELD)
        key: ChildKey = await self.keyring.key_for(case_of(recorded.stream_id))
        if key.erased:
            persons = _placeholders(data["custody"]["holder"])
        else:
            persons = key.open_json(sealed, recorded.stream_id)
        custody = {**data["custody"], "guardian": persons["guardian"]}
        data |= {"child": persons["child"], "parents": persons["parents"], "custody": custody}
        return super().load(recorded._replace(data=data))


def _placeholders(holder: str) -> dict[str, Any]:
    guardian = ERASED_PERSON if holder == "guardian" else None
    return {"child": ERASED_PERSON, "parents": [], "guardian": guardian}


def persons_in_clear(state: CaseState) -> bool:
    """A case is cached only as read with its key: an erased one, or one read without its
    key (placeholders), is read afresh every time, so the cache neither serves an erased
    child nor keeps a placeholder a read with the key would not show."""
    return not state.erased and state.child.name != ERASED_NAME
