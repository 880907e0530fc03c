"""What every route shares: the services, the acting principal, revisions and reasons."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import uuid4

from fastapi import Depends, Header, Request
from pydantic import BaseModel, Field
from servicekit.auth import Principal, require
from servicekit.revisions import Revision, revision_from

from authority.app.acting import Acting
from authority.app.services import Services
from authority.domain import Actor, Goal, GoalArea, Role

CASEWORK = require(Role.CASEWORKER.value, Role.TEAM_LEADER.value)
LEADER = require(Role.TEAM_LEADER.value)
FINANCE = require(Role.FINANCE.value)
READERS = require(Role.CASEWORKER.value, Role.TEAM_LEADER.value, Role.FINANCE.value)
Caseworker = Annotated[Principal, Depends(CASEWORK)]
Leader = Annotated[Principal, Depends(LEADER)]
Finance = Annotated[Principal, Depends(FINANCE)]
Reader = Annotated[Principal, Depends(READERS)]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


class Mutation(BaseModel):
    """Fields every command body may carry."""

    reason: str | None = Field(None, max_length=4000, description="Why (kept in the audit)")
    expected_revision: Revision | None = None


class GoalIn(BaseModel):
    area: GoalArea
    text: str = Field(min_length=1, max_length=4000)


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


async def _services(request: Request) -> Services:
    """Async on purpose: FastAPI runs a plain ``def`` dependency in a worker thread."""
    return services(request)


Svc = Annotated[Services, Depends(_services)]


def acting(
    principal: Principal,
    body: Mutation | None = None,
    if_match: str | None = None,
    prefer: Role = Role.CASEWORKER,
) -> Acting:
    """The actor's role is the one the route needs, if they hold it (team leader, finance)."""
    role = prefer if prefer.value in principal.roles else _first_role(principal)
    revision = revision_from(if_match or None, body.expected_revision if body else None)
    return Acting(
        actor=Actor(principal.user_id, role),
        at=datetime.now(UTC),
        reason=body.reason if body else None,
        expected_revision=revision,
    )


def does_casework(principal: Principal) -> bool:
    """Case work may read what providers wrote about the child; finance sees it sealed."""
    return bool({Role.CASEWORKER.value, Role.TEAM_LEADER.value} & set(principal.roles))


def _first_role(principal: Principal) -> Role:
    for role in (Role.CASEWORKER, Role.TEAM_LEADER, Role.FINANCE):
        if role.value in principal.roles:
            return role
    return Role.CASEWORKER


def goal(g: GoalIn) -> Goal:
    return Goal(goal_id=uuid4(), area=g.area, text=g.text)
