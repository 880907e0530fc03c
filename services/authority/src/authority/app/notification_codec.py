"""The notification codec: who reported, which child and what they wrote are sealed.

A notification of concern (underretning) is sealed with its child's key like the child's
cases (``kid`` ``child:<id>``; the notification's id is linked to the child in the key
store), so erasing the child erases it too. Only the reporter's kind stays in clear, for the
deadlines and the lists. Erased, the fields load as placeholders.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from authority.app.keyring import ChildKey
from authority.app.personal import ERASED_NAME, ERASED_PERSON
from authority.app.sealing import SEALED_FIELD, SealingCodec, id_of
from authority.domain.notification import NotificationReceived

_IDENTITY = ("name", "organisation", "contact", "cvr")


def notification_of(stream_id: str) -> UUID:
    return id_of(stream_id)


class NotificationCodec(SealingCodec[Any]):
    def seals(self, event: Any) -> bool:
        return isinstance(event, NotificationReceived)

    def subject_of(self, event: Any) -> UUID:
        notification_id: UUID = event.notification_id
        return notification_id

    def aad(self, event: Any) -> str:
        return f"notification-{event.notification_id}"

    def seal(self, event: Any, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        reporter = dict(data["reporter"])
        personal = {
            "child": data.pop("child"),
            "text": data.pop("text"),
            "reporter": {k: reporter.pop(k, None) for k in _IDENTITY},
        }
        return data | {"reporter": reporter, SEALED_FIELD: key.seal_json(personal, aad)}

    def open(self, kind: str, data: dict[str, Any], key: ChildKey, aad: str) -> dict[str, Any]:
        sealed = data.pop(SEALED_FIELD)
        personal: dict[str, Any]
        if key.erased:
            personal = {
                "child": ERASED_PERSON if data.get("case_id") is None else None,
                "text": ERASED_NAME,
                "reporter": {"name": ERASED_NAME},
            }
        else:
            personal = key.open_json(sealed, aad)
        reporter = {**data["reporter"], **personal["reporter"]}
        return data | {"child": personal["child"], "text": personal["text"], "reporter": reporter}
