"""The citizens of a case: the child, the parents and who holds custody."""

from dataclasses import dataclass
from enum import StrEnum

from authority.domain.case.cpr import Cpr
from authority.domain.errors import DomainError, require_text


class Relation(StrEnum):
    """A parent's relation to the child, as the case records it."""

    MOTHER = "mother"
    FATHER = "father"


@dataclass(frozen=True, slots=True, repr=False)
class Person:
    name: str
    cpr: Cpr
    relation: Relation | None = None  # parents only; older cases have none

    def __post_init__(self) -> None:
        require_text(self.name, "name")

    def __repr__(self) -> str:
        # Names are personal data too: keep them out of logs and tracebacks.
        return f"Person(name='<redacted>', cpr={self.cpr!r})"


class CustodyHolder(StrEnum):
    """Forældremyndighedsindehaver."""

    JOINT = "joint"  # fælles
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"  # værge


class Recipient(StrEnum):
    """Who a decision is communicated to."""

    CHILD = "child"
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"


@dataclass(frozen=True, slots=True)
class Custody:
    holder: CustodyHolder
    guardian: Person | None = None

    def __post_init__(self) -> None:
        if (self.holder is CustodyHolder.GUARDIAN) != (self.guardian is not None):
            raise DomainError(
                "invalid_custody", "a guardian is named exactly when the guardian holds custody"
            )

    def required_recipients(self, child_is_party: bool = True) -> frozenset[Recipient]:
        """Every custody holder, and the child from 10 years (barnets lov § 3), must be told
        of a decision."""
        holders = {
            CustodyHolder.JOINT: {Recipient.MOTHER, Recipient.FATHER},
            CustodyHolder.MOTHER: {Recipient.MOTHER},
            CustodyHolder.FATHER: {Recipient.FATHER},
            CustodyHolder.GUARDIAN: {Recipient.GUARDIAN},
        }[self.holder]
        return frozenset({Recipient.CHILD, *holders} if child_is_party else holders)
