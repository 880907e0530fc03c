"""The case file codec: a note's text and a document's name and description are sealed with
the child's key (the stream is ``casefile-<case id>``); erased, they read as ``[erased]``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from authority.app.keyring import ChildKey
from authority.app.personal import ERASED_NAME
from authority.app.sealing import SEALED_FIELD, SealingCodec
from authority.domain.casefile import DocumentAdded, NoteWritten

SEALED = {NoteWritten.__name__: ("text",), DocumentAdded.__name__: ("filename", "description")}


class CaseFileCodec(SealingCodec[Any]):
    def seals(self, event: Any) -> bool:
        return type(event).__name__ in SEALED

    def subject_of(self, event: Any) -> UUID:
        case_id: UUID = event.case_id
        return case_id

    def aad(self, event: Any) -> str:
        return f"casefile-{event.case_id}"

    def seal(self, event: Any, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        personal = {f: data.pop(f) for f in SEALED[type(event).__name__]}
        return data | {SEALED_FIELD: key.seal_json(personal, aad)}

    def open(self, kind: str, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        sealed = data.pop(SEALED_FIELD)
        if key.erased:
            return data | dict.fromkeys(SEALED[kind], ERASED_NAME)
        opened: dict[str, Any] = key.open_json(sealed, aad)
        return data | opened
