"""The case file codec: a note's text and a document's name and description are sealed with
the child's key (the stream is ``casefile-<case id>``); erased, they read as ``[erased]``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventkit import RecordedEvent
from servicekit.aggregates import EventCodec
from servicekit.crypto import KeyMissing

from authority.app.keyring import Keyring
from authority.app.personal import ERASED_NAME, case_of
from authority.domain.casefile import DocumentAdded, NoteWritten

SEALED_FIELD = "personal"
SEALED = {NoteWritten.__name__: ("text",), DocumentAdded.__name__: ("filename", "description")}


class CaseFileCodec(EventCodec[Any]):
    def __init__(self, event_types: Iterable[type[Any]], keyring: Keyring) -> None:
        super().__init__(event_types)
        self.keyring = keyring

    def dump(self, event: Any) -> dict[str, Any]:
        data = super().dump(event)
        fields = SEALED.get(type(event).__name__, ())
        if fields:
            case_id = event.case_id
            personal = {f: data.pop(f) for f in fields}
            data[SEALED_FIELD] = self.keyring.seal_json(case_id, personal, f"casefile-{case_id}")
        return data

    def load(self, recorded: RecordedEvent) -> Any:
        if SEALED_FIELD not in recorded.data:
            return super().load(recorded)
        data = dict(recorded.data)
        sealed = data.pop(SEALED_FIELD)
        try:
            personal = self.keyring.open_json(
                case_of(recorded.stream_id), sealed, recorded.stream_id
            )
        except KeyMissing:
            personal = dict.fromkeys(SEALED[recorded.type], ERASED_NAME)
        return super().load(recorded._replace(data=data | personal))
