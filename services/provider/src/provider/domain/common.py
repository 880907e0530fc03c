"""The shared kernel of the provider domain: actors, refusals, and the guards every aggregate uses.

Every command names the tenant (the provider organisation) it acts for. An aggregate belonging
to another tenant is answered exactly as a missing one (`not_found`), so a tenant can never
learn that another tenant's order, contract or claim exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NoReturn, Protocol, TypedDict, TypeVar
from uuid import UUID


class DomainError(Exception):
    """A command the domain refuses. `code` is stable snake_case (the problem+json type)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, {self.message!r})"


class Role(StrEnum):
    COORDINATOR = "coordinator"  # answers orders, signs contracts, claims payment
    STAFF = "staff"  # delivers: logs sessions, writes status reports and concerns
    SYSTEM = "system"  # inbound integration events from the authority


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: str
    role: Role


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    """What every command carries: who asks, for which tenant, and when."""

    actor: Actor
    tenant_id: UUID
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """What every event records: the tenant it belongs to, who caused it, and when."""

    actor: Actor
    tenant_id: UUID
    at: datetime


class Owned(Protocol):
    @property
    def tenant_id(self) -> UUID: ...


S = TypeVar("S", bound=Owned)


def refuse(code: str, message: str) -> NoReturn:
    raise DomainError(code, message)


def existing(state: S | None, command: Command, what: str) -> S:
    """The state, if it exists and belongs to the command's tenant; otherwise `not_found`."""
    if state is None or state.tenant_id != command.tenant_id:
        refuse("not_found", f"No such {what}.")
    return state


def not_foreign(state: Owned | None, command: Command, what: str) -> None:
    """For commands that may create the aggregate: refuse only another tenant's aggregate."""
    if state is not None and state.tenant_id != command.tenant_id:
        refuse("not_found", f"No such {what}.")


class ContractRef(Protocol):
    @property
    def tenant_id(self) -> UUID: ...
    @property
    def contract_id(self) -> UUID: ...


def own_contract(contract: ContractRef, command: Command, contract_id: UUID) -> None:
    """Refuse a command that names another tenant's contract, or facts of another contract."""
    if contract.tenant_id != command.tenant_id or contract.contract_id != contract_id:
        refuse("not_found", "No such contract.")


def require_role(command: Command, *roles: Role) -> None:
    if command.actor.role not in roles:
        allowed = " or ".join(role.value for role in roles)
        refuse("forbidden", f"Only {allowed} may do this.")


def require_text(value: str, field: str) -> None:
    if not value.strip():
        refuse("text_required", f"{field} must not be blank.")


class Stamp(TypedDict):
    actor: Actor
    tenant_id: UUID
    at: datetime


def stamp(command: Command) -> Stamp:
    """The fields every event copies from the command that caused it."""
    return {"actor": command.actor, "tenant_id": command.tenant_id, "at": command.at}
