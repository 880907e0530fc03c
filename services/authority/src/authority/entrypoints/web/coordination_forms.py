"""The family coordinator's forms on the case page (seed 002): record the start meeting or a
follow-up meeting, and a contact with the family. The scheduler meets and sets the deadlines
from what they record."""

from __future__ import annotations

from uuid import UUID

from starlette.datastructures import FormData

from authority.app.services import Services
from authority.domain.case import (
    CoordinationMeeting,
    EndCoordination,
    RecordCoordinationMeeting,
    RecordFamilyContact,
)
from authority.entrypoints.web.forms import FieldInvalid, FieldMissing, actor, day, text
from authority.entrypoints.web.session import User


async def meeting(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    try:
        kind = CoordinationMeeting(text(f, "meeting"))
    except ValueError as exc:
        raise FieldInvalid("meeting") from exc
    held_on = day(f, "held_on")
    if held_on is None:
        raise FieldMissing("held_on")
    command = RecordCoordinationMeeting(
        **a.stamp(), decision_id=UUID(p["item_id"]), meeting=kind, held_on=held_on
    )
    await s.cases.execute(UUID(p["case_id"]), command, a)


async def contact(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    contacted_on = day(f, "contacted_on")
    if contacted_on is None:
        raise FieldMissing("contacted_on")
    command = RecordFamilyContact(
        **a.stamp(), decision_id=UUID(p["item_id"]), contacted_on=contacted_on
    )
    await s.cases.execute(UUID(p["case_id"]), command, a)


async def end(s: Services, f: FormData, user: User, p: dict[str, str]) -> None:
    a = actor(user, f)
    ended_on = day(f, "ended_on")
    if ended_on is None:
        raise FieldMissing("ended_on")
    because = text(f, "because")
    if not because:
        raise FieldMissing("because")
    command = EndCoordination(
        **a.stamp(), decision_id=UUID(p["item_id"]), ended_on=ended_on, because=because
    )
    await s.cases.execute(UUID(p["case_id"]), command, a)


ROUTES = {
    "decisions/{item_id}/coordination/meetings": ("decision", meeting),
    "decisions/{item_id}/coordination/contacts": ("decision", contact),
    "decisions/{item_id}/coordination/end": ("decision", end),
}
