"""Notifications of concern (underretninger, barnets lov §§ 133-137): anyone may report (a
reporter's system with the ``reporter`` role, or a caseworker registering a call); case work
assesses within 24 hours, opens a case or attaches to one, and sends the receipt."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID, uuid4

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from servicekit.auth import Principal, require

from authority.app.queries import render_notification
from authority.domain import DomainError, Role
from authority.domain.case import Custody, CustodyHolder, OpenCase
from authority.domain.notification import (
    AssessNotification,
    Channel,
    ReceiptChannel,
    ReceiveNotification,
    Reporter,
    ReporterKind,
)
from authority.entrypoints.http.cases import CustodyIn, ParentIn, PersonIn
from authority.entrypoints.http.common import Caseworker, Mutation, Svc, acting

Reporting = Annotated[
    Principal, Depends(require(Role.REPORTER.value, Role.CASEWORKER.value, Role.TEAM_LEADER.value))
]
Short = Annotated[str | None, Field(None, min_length=1, max_length=200)]


class ReporterIn(BaseModel):
    kind: ReporterKind
    name: Short = None
    organisation: Short = None
    contact: Short = None
    cvr: Annotated[str | None, Field(None, pattern=r"^\d{8}$")] = None

    def domain(self) -> Reporter:
        return Reporter(self.kind, self.name, self.organisation, self.contact, self.cvr)


class NotificationIn(Mutation):
    reporter: ReporterIn
    child: PersonIn
    text: str = Field(min_length=1, max_length=20_000)


class AssessmentIn(Mutation):
    in_danger: bool
    acute_action_needed: bool
    assessment: str = Field(min_length=1, max_length=4000)


class OpenCaseIn(Mutation):
    parents: list[ParentIn] = []
    custody: CustodyIn
    contact_person: str = Field(min_length=1, max_length=200)


class AttachIn(Mutation):
    case_id: UUID


class ReceiptIn(Mutation):
    channel: Literal["digital_post", "provider", "other"]


def router() -> APIRouter:
    api = APIRouter(tags=["notifications of concern"])

    @api.post("/notifications", status_code=201)
    async def report(body: NotificationIn, who: Reporting, s: Svc) -> dict[str, Any]:
        """Report a concern for a child (underretning). The 24 hours of § 135 run from the
        answer's ``received_at``."""
        a = acting(who, body, prefer=Role.REPORTER)
        reporting = a.actor.role is Role.REPORTER
        channel = Channel.API if reporting else Channel.CASEWORKER
        command = ReceiveNotification(
            **a.stamp(),
            notification_id=uuid4(),
            channel=channel,
            reporter=body.reporter.domain(),
            child=body.child.domain(),
            text=body.text,
        )
        revision = await s.notifications.receive(command, a)
        return {
            "notification_id": command.notification_id,
            "received_at": a.at,
            "revision": revision,
        }

    @api.get("/notifications")
    async def intake(_: Caseworker, s: Svc, case_id: UUID | None = None) -> list[dict[str, Any]]:
        """The intake list: every notification, the soonest assessment deadline first."""
        rows = await s.kit.views.rows("notifications", case_id=case_id)
        return sorted(rows, key=lambda r: (r["assessed_at"] is not None, r["assessment_due_at"]))

    async def opened(notification_id: UUID, a: Any, s: Svc) -> dict[str, Any]:
        state, revision = await s.notifications.state(notification_id)
        await s.cases.record_access(state.case_id or notification_id, a, "notification")
        return render_notification(state, clear=True) | {"revision": revision}

    @api.get("/notifications/{notification_id}")
    async def read(notification_id: UUID, who: Caseworker, s: Svc) -> dict[str, Any]:
        """The notification with the child and the reporter in clear; the reading is logged."""
        return await opened(notification_id, acting(who), s)

    @api.post("/notifications/{notification_id}/read")
    async def read_with_reason(
        notification_id: UUID, body: Mutation, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """As GET, with the reason for reading it in the access log (never in a URL)."""
        return await opened(notification_id, acting(who, body), s)

    @api.post("/notifications/{notification_id}/assessment")
    async def assess(
        notification_id: UUID, body: AssessmentIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """The assessment of § 135: is the child's health or development in danger, and is
        acute action needed."""
        a = acting(who, body)
        command = AssessNotification(
            **a.stamp(),
            in_danger=body.in_danger,
            acute_action_needed=body.acute_action_needed,
            assessment=body.assessment,
        )
        return {"revision": await s.notifications.assess(notification_id, command, a)}

    @api.post("/notifications/{notification_id}/case", status_code=201)
    async def open_case(
        notification_id: UUID, body: OpenCaseIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """Open a case for the notification's child, with the notification on it."""
        a = acting(who, body)
        state, _ = await s.notifications.state(notification_id)
        if state.case_id is not None or state.child is None:
            # Only a notification on no case names its child: one on a case is there already.
            raise DomainError("notification_attached", "the notification is already on a case")
        guardian = body.custody.guardian.domain() if body.custody.guardian else None
        command = OpenCase(
            **a.stamp(),
            case_id=uuid4(),
            child=state.child,
            parents=tuple(p.domain() for p in body.parents),
            custody=Custody(CustodyHolder(body.custody.kind), guardian),
            contact_person=body.contact_person,
            caseworker_id=who.user_id,
        )
        revision = await s.notifications.open_case(notification_id, command, a)
        return {"case_id": command.case_id, "revision": revision}

    @api.post("/notifications/{notification_id}/attach")
    async def attach(
        notification_id: UUID, body: AttachIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        a = acting(who, body)
        revision = await s.notifications.attach(notification_id, body.case_id, a)
        return {"case_id": body.case_id, "revision": revision}

    @api.post("/notifications/{notification_id}/receipt")
    async def receipt(
        notification_id: UUID, body: ReceiptIn, who: Caseworker, s: Svc
    ) -> dict[str, Any]:
        """The receipt to the reporter (§ 136)."""
        a = acting(who, body)
        channel = ReceiptChannel(body.channel)
        if channel is ReceiptChannel.DIGITAL_POST:  # a letter to the organisation's CVR
            state, _ = await s.notifications.state(notification_id)
            return {"revision": await s.letters.receipt(state, a)}
        return {"revision": await s.notifications.send_receipt(notification_id, channel, a)}

    return api
