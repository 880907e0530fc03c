"""The notification codec: who reported, which child and what they wrote are sealed.

A notification of concern (underretning) is sealed with its child's key like the child's
cases (``kid`` ``child:<id>``; the notification's id is linked to the child in the key
store), so erasing the child erases it too. Only the reporter's kind stays in clear, for the
deadlines and the lists. Without the key (erased) the fields load as placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from eventkit import RecordedEvent
from servicekit.aggregates import EventCodec
from servicekit.crypto import KeyMissing

from authority.app.keyring import Keyring
from authority.app.personal import ERASED_NAME, ERASED_PERSON
from authority.domain.notification import NotificationReceived

SEALED_FIELD = "personal"
_IDENTITY = ("name", "organisation", "contact", "cvr")


def notification_of(stream_id: str) -> UUID:
    return UUID(stream_id.split("-", 1)[1])


class NotificationCodec(EventCodec[Any]):
    def __init__(self, event_types: Iterable[type[Any]], keyring: Keyring) -> None:
        super().__init__(event_types)
        self.keyring = keyring

    def dump(self, event: Any) -> dict[str, Any]:
        data = super().dump(event)
        if not isinstance(event, NotificationReceived):
            return data
        reporter = dict(data["reporter"])
        personal = {
            "child": data.pop("child"),
            "text": data.pop("text"),
            "reporter": {k: reporter.pop(k, None) for k in _IDENTITY},
        }
        data["reporter"] = reporter
        aad = f"notification-{event.notification_id}"
        data[SEALED_FIELD] = self.keyring.seal_json(event.notification_id, personal, aad)
        return data

    def load(self, recorded: RecordedEvent) -> Any:
        if recorded.type != NotificationReceived.__name__ or SEALED_FIELD not in recorded.data:
            return super().load(recorded)
        data = dict(recorded.data)
        sealed = data.pop(SEALED_FIELD)
        subject = notification_of(recorded.stream_id)
        try:
            personal = self.keyring.open_json(subject, sealed, recorded.stream_id)
        except KeyMissing:
            personal = {
                "child": ERASED_PERSON if data.get("case_id") is None else None,
                "text": ERASED_NAME,
                "reporter": {"name": ERASED_NAME},
            }
        reporter = {**data["reporter"], **personal["reporter"]}
        data |= {"child": personal["child"], "text": personal["text"], "reporter": reporter}
        return super().load(recorded._replace(data=data))
