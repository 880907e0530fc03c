"""Change requests (ændringsanmodning): the provider asks to extend a contract, change its
scope or frequency, or end it early; the caseworker grants or refuses (cf. JW315/JW317).

A grant of an extension or a change of scope is answered by an amended contract version
the authority signs and offers (``ContractOffered``) as any amendment; the grant names it.
"""

from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar, Self
from uuid import UUID

from pydantic import Field, model_validator

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import MAX_REVISION, Frequency, Scope, Text
from samspil_contracts.sealed import Sealed


class ChangeKind(StrEnum):
    EXTEND = "extend"  # forlængelse: a later end
    CHANGE_SCOPE = "change_scope"  # ændret omfang og/eller hyppighed
    END_EARLY = "end_early"  # ophør før tid: a proposed last day


class ChangeRefusalReason(StrEnum):
    """Why the caseworker refused (coded, so the provider's systems can act on it)."""

    NOT_IN_CHILDS_INTEREST = "not_in_childs_interest"  # ikke i barnets interesse
    GOALS_NOT_SUPPORTED = "goals_not_supported"  # målene taler ikke for det
    NEEDS_NEW_DECISION = "needs_new_decision"  # kræver en ny afgørelse
    BUDGET = "budget"  # økonomi
    OTHER = "other"


class ChangeRequested(IntegrationEvent):
    """The provider asks the authority to change a contract in force.

    ``extend`` names a ``new_end`` or an ``expected_duration_months`` (from the start);
    ``change_scope`` a new ``scope`` and/or ``frequency``; ``end_early`` its ``last_day``.
    ``reason`` is the provider's text about the child's measure: sealed with the child's
    key (aad the request id), as a status report's narrative.
    """

    type_name: ClassVar[str] = "dk.samspil.contract.change_requested"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.PROVIDER_CONTRACTS

    request_id: UUID
    contract_id: UUID
    order_id: UUID
    case_id: UUID
    provider_id: UUID
    kind: ChangeKind
    version_in_force: int = Field(ge=1, description="The version the request changes")
    new_end: date | None = None
    expected_duration_months: int | None = Field(None, ge=1, le=240)
    scope: Scope | None = None
    frequency: Frequency | None = None
    last_day: date | None = None
    reason: Sealed

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Self:
        extend = (self.new_end, self.expected_duration_months)
        scope = (self.scope, self.frequency)
        given = {
            ChangeKind.EXTEND: any(v is not None for v in extend),
            ChangeKind.CHANGE_SCOPE: any(v is not None for v in scope),
            ChangeKind.END_EARLY: self.last_day is not None,
        }
        if not given[self.kind] or any(v for k, v in given.items() if k is not self.kind):
            raise ValueError(f"a {self.kind.value} request names its own fields, and only those")
        return self


class ChangeRequestGranted(IntegrationEvent):
    """The caseworker granted the request. For ``extend`` and ``change_scope``, the
    amended version (``amended_version``) is signed by the authority and offered: it is in
    force once the provider countersigns it; for ``end_early`` none (``None``)."""

    type_name: ClassVar[str] = "dk.samspil.contract.change_request_granted"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    request_id: UUID
    contract_id: UUID
    provider_id: UUID
    kind: ChangeKind
    amended_version: Annotated[int, Field(ge=2, le=MAX_REVISION)] | None = None
    text: Text | None = None


class ChangeRequestRefused(IntegrationEvent):
    """The caseworker refused the request, with a coded reason and a text."""

    type_name: ClassVar[str] = "dk.samspil.contract.change_request_refused"
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CONTRACTS

    request_id: UUID
    contract_id: UUID
    provider_id: UUID
    kind: ChangeKind
    reason_code: ChangeRefusalReason
    text: Text
