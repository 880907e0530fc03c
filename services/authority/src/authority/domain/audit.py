"""Who did what, when and why: the fields every command and event carries."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypedDict

from authority.domain.errors import DomainError


class Role(StrEnum):
    CASEWORKER = "caseworker"  # sagsbehandler / socialrådgiver
    TEAM_LEADER = "team_leader"  # afdelingsleder: supervises decisions
    FINANCE = "finance"  # approves settlements (afregning)
    # Someone outside the unit who reports a concern for a child (underretning, barnets lov
    # §§ 133-134) through the API: a school's, a daycare's or the police's system.
    REPORTER = "reporter"
    # Facts reported by another service (a provider's answer, the scheduler's due date)
    # are recorded by the integration layer under this role, never by a person.
    SYSTEM = "system"


CASEWORK: frozenset[Role] = frozenset({Role.CASEWORKER, Role.TEAM_LEADER})


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: str
    role: Role


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    """Base of commands: the actor, the moment (no clock in the domain) and an optional reason."""

    actor: Actor
    at: datetime
    reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Base of events: the audit trail of who, when and why."""

    actor: Actor
    at: datetime
    reason: str | None = None


class Stamp(TypedDict):
    actor: Actor
    at: datetime
    reason: str | None


def stamp(command: Command) -> Stamp:
    """The audit fields an event copies from the command that caused it."""
    return Stamp(actor=command.actor, at=command.at, reason=command.reason)


def require_role(command: Command, allowed: frozenset[Role] | Role) -> None:
    roles = allowed if isinstance(allowed, frozenset) else frozenset({allowed})
    if command.actor.role not in roles:
        names = ", ".join(sorted(roles))
        raise DomainError("forbidden_role", f"{type(command).__name__} needs role: {names}")
