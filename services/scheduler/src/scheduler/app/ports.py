"""What the scheduler's application layer needs from the outside, as protocols.

Every port that writes takes the caller's unit of work (``eventkit.Transaction``), so its
rows commit or roll back with the events; the adapters (SQL) and the tests' in-memory
fakes implement them. The read side is in ``queries``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from uuid import UUID

from eventkit import Transaction
from servicekit.handler import Projection

from scheduler.domain import DeadlineKind, DeadlinePhase, DeadlineSet, Event, Refs, Subject

if TYPE_CHECKING:
    from scheduler.app.municipal_rules import RulesVersion


class Clock(Protocol):
    def now(self) -> datetime: ...


class DeadlineIndex(Projection[Event, DeadlineSet], Protocol):
    """The queryable table of every phase to fire (``phases.rows_for``), kept in step with
    the aggregates: a change rewrites its subject's rows."""

    async def following_up(self, tx: Transaction, case_id: UUID) -> list[UUID]:
        """The contracts of ``case_id`` with a follow-up pending."""
        ...


class RulesStore(Protocol):
    """Append-only versions of each municipality's rules."""

    async def latest(self, tx: Transaction, municipality: str) -> RulesVersion | None: ...

    async def at(self, tx: Transaction, municipality: str, version: int) -> RulesVersion | None: ...

    async def history(self, tx: Transaction, municipality: str) -> list[RulesVersion]: ...

    async def append(self, tx: Transaction, version: RulesVersion) -> None:
        """Stores `version`; refuses (stale_rules_version) one whose number is taken."""
        ...


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What intake needs to know about a case before it decides."""

    municipality: str | None
    # The version of the municipality's rules in force (0: none stored, the defaults);
    # None: not known yet.
    rules_version: int | None


class CaseDirectory(Protocol):
    """Per case: the municipality it belongs to and its responsible caseworker, as last heard."""

    async def note(
        self,
        tx: Transaction,
        case_id: UUID,
        as_of: datetime,
        municipality: str | None = None,
        caseworker_id: str | None = None,
    ) -> CaseFacts:
        """Records what is given (an older caseworker assignment never overwrites a newer
        one); the case's municipality (``municipality`` if given, else as known) and the
        version of its rules in force, in the same round trip."""
        ...


@dataclass(frozen=True, slots=True)
class DuePhase:
    """A deadline phase to fire, as its index row holds it: all that firing needs to know."""

    deadline_id: UUID
    phase: DeadlinePhase
    subject: Subject
    kind: DeadlineKind
    due_at: datetime
    fire_at: datetime  # the phase's scheduled moment
    refs: Refs


class FiringQueue(Protocol):
    """The due phases of the index, claimed and marked in the firing transaction."""

    async def claim(self, tx: Transaction, now: datetime, limit: int) -> list[DuePhase]:
        """Up to about ``limit`` phases to fire now, locked so no other instance takes them:
        one per deadline, its latest phase due by ``now`` (see ``due.latest_due``)."""
        ...

    async def mark_fired(self, tx: Transaction, fired: Sequence[DuePhase]) -> None:
        """Each fired phase, and every earlier phase of its deadline, is done."""
        ...
