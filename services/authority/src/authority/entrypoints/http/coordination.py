"""The family coordinator (familiekoordinator, seed 002): record the start meeting, the
follow-up meetings and the contacts with the family on an approved decision. The deadlines
they meet and set are the scheduler's (start meeting 2 months after the decision, follow-up
meetings every 8 weeks after it, contact weekly); they show on My work and the case page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field
from servicekit.inputs import Day

from authority.domain.case import (
    CoordinationMeeting,
    EndCoordination,
    RecordCoordinationMeeting,
    RecordFamilyContact,
)
from authority.entrypoints.http.common import Caseworker, IfMatch, Mutation, Svc, acting


class MeetingIn(Mutation):
    meeting: CoordinationMeeting
    held_on: Day


class ContactIn(Mutation):
    contacted_on: Day


class EndIn(Mutation):
    ended_on: Day
    because: str = Field(
        min_length=1, max_length=4000, description="Why it ends (kept on the case)"
    )


def router() -> APIRouter:
    api = APIRouter(tags=["cases"])
    base = "/cases/{case_id}/decisions/{decision_id}/coordination"

    @api.post(f"{base}/meetings", status_code=201)
    async def meeting(
        case_id: UUID,
        decision_id: UUID,
        body: MeetingIn,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        """The start meeting (meets the start-meeting deadline and starts the follow-up
        meetings) or a follow-up meeting (the next one is due 8 weeks after it)."""
        a = acting(who, body, if_match)
        command = RecordCoordinationMeeting(
            **a.stamp(), decision_id=decision_id, meeting=body.meeting, held_on=body.held_on
        )
        _, revision = await s.cases.execute(case_id, command, a)
        return {"case_id": case_id, "revision": revision}

    @api.post(f"{base}/contacts", status_code=201)
    async def contact(
        case_id: UUID,
        decision_id: UUID,
        body: ContactIn,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        """A contact with the family: meets this week's contact, the next is due a week on."""
        a = acting(who, body, if_match)
        command = RecordFamilyContact(
            **a.stamp(), decision_id=decision_id, contacted_on=body.contacted_on
        )
        _, revision = await s.cases.execute(case_id, command, a)
        return {"case_id": case_id, "revision": revision}

    @api.post(f"{base}/end", status_code=200)
    async def end_coordination(
        case_id: UUID,
        decision_id: UUID,
        body: EndIn,
        who: Caseworker,
        s: Svc,
        if_match: IfMatch = None,
    ) -> dict[str, Any]:
        """The coordinator's work ends: the scheduler cancels the start meeting, follow-up
        meetings and contacts still due; later meetings and contacts are refused."""
        a = acting(who, body, if_match)
        command = EndCoordination(
            **a.stamp(), decision_id=decision_id, ended_on=body.ended_on, because=body.because
        )
        _, revision = await s.cases.execute(case_id, command, a)
        return {"case_id": case_id, "revision": revision}

    return api
