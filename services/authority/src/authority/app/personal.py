"""The case codec: the citizens' names and CPR numbers are sealed before they are stored.

Only ``CaseOpened`` carries persons. Its ``child``, ``parents`` and the guardian are replaced
by one sealed box under the case's data key (bound to the stream id), so the events table
never holds them in clear. Without the key (erased) the persons load as placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventkit import RecordedEvent
from servicekit.aggregates import EventCodec
from servicekit.crypto import KeyMissing

from authority.app.keyring import Keyring
from authority.domain.case import CaseOpened, CaseState

ERASED_NAME = "[erased]"
ERASED_PERSON = {"name": ERASED_NAME, "cpr": {"digits": "0101000000"}}
SEALED_FIELD = "personal"


def case_of(stream_id: str) -> UUID:
    return UUID(stream_id.split("-", 1)[1])


class PersonalCodec(EventCodec[Any]):
    def __init__(self, event_types: Iterable[type[Any]], keyring: Keyring) -> None:
        super().__init__(event_types)
        self.keyring = keyring

    def dump(self, event: Any) -> dict[str, Any]:
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
        data[SEALED_FIELD] = self.keyring.seal_json(event.case_id, persons, f"case-{event.case_id}")
        return data

    def load(self, recorded: RecordedEvent) -> Any:
        if recorded.type != CaseOpened.__name__ or SEALED_FIELD not in recorded.data:
            return super().load(recorded)
        data = dict(recorded.data)
        sealed = data.pop(SEALED_FIELD)
        try:
            persons = self.keyring.open_json(
                case_of(recorded.stream_id), sealed, recorded.stream_id
            )
        except KeyMissing:
            persons = _placeholders(data["custody"]["holder"])
        custody = {**data["custody"], "guardian": persons["guardian"]}
        data |= {"child": persons["child"], "parents": persons["parents"], "custody": custody}
        return super().load(recorded._replace(data=data))


def _placeholders(holder: str) -> dict[str, Any]:
    guardian = ERASED_PERSON if holder == "guardian" else None
    return {"child": ERASED_PERSON, "parents": [], "guardian": guardian}


def persons_in_clear(state: CaseState) -> bool:
    """A case is cached only as read with its key: an erased one, or one read without its
    key (placeholders), is read afresh every time, so the cache neither serves an erased
    child nor keeps a placeholder a primed read would not show."""
    return not state.erased and state.child.name != ERASED_NAME
