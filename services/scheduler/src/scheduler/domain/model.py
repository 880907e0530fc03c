"""The state of the aggregate: one `DeadlineSet` per subject.

Why one set per subject (a contract, an order, a case, a claim): every command and every
invariant concerns exactly one subject (one pending follow-up per contract, the next follow-up
counted from the last one held, an order's answer and receipt resolved together), so a small
stream per subject needs no cross-stream transaction, never contends with other subjects, and
its id is the Kafka key that keeps the subject's events in order.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID, uuid5

from scheduler.domain.kinds import (
    PHASE_ORDER,
    DeadlineKind,
    DeadlinePhase,
    DeadlineStatus,
    SubjectKind,
)

# Fixed namespace so a deadline's id is the same on every replay and every machine.
DEADLINE_NAMESPACE = UUID("6b0f3d4e-8a51-5c2e-9d2b-5a3c1f7e0b11")


@dataclass(frozen=True, slots=True)
class Subject:
    kind: SubjectKind
    id: UUID

    @property
    def key(self) -> str:
        """Stream id suffix and Kafka key, e.g. ``contract:6f1c...``."""
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True, slots=True)
class Refs:
    """The ids a deadline is about, copied onto what it fires so consumers can route it."""

    case_id: UUID | None = None
    order_id: UUID | None = None
    contract_id: UUID | None = None
    provider_id: UUID | None = None
    claim_id: UUID | None = None


def deadline_id(kind: DeadlineKind, subject: Subject, sequence: int) -> UUID:
    """Deterministic: the same kind, subject and sequence always give the same id."""
    return uuid5(DEADLINE_NAMESPACE, f"{kind}/{subject.key}/{sequence}")


@dataclass(frozen=True, slots=True)
class Timing:
    """When each phase fires. `due_at` is 09:00 local (by default) on the due date."""

    due_at: datetime
    overdue_at: datetime
    warn_at: datetime | None = None

    def at(self, phase: DeadlinePhase) -> datetime | None:
        if phase is DeadlinePhase.WARNING:
            return self.warn_at
        return self.due_at if phase is DeadlinePhase.DUE else self.overdue_at


@dataclass(frozen=True, slots=True)
class Deadline:
    deadline_id: UUID
    kind: DeadlineKind
    subject: Subject
    refs: Refs
    sequence: int
    anchor: date  # the date it was counted from (start, last follow-up held, placed, ...)
    timing: Timing
    status: DeadlineStatus = DeadlineStatus.PENDING
    last_phase: DeadlinePhase | None = None  # the latest phase fired

    @property
    def due_at(self) -> datetime:
        return self.timing.due_at

    @property
    def warn_at(self) -> datetime | None:
        return self.timing.warn_at

    @property
    def is_pending(self) -> bool:
        return self.status is DeadlineStatus.PENDING

    def unfired_phases(self) -> tuple[DeadlinePhase, ...]:
        """Scheduled phases after the last one fired, in firing order."""
        start = 0 if self.last_phase is None else PHASE_ORDER.index(self.last_phase) + 1
        return tuple(p for p in PHASE_ORDER[start:] if self.timing.at(p) is not None)


@dataclass(frozen=True, slots=True)
class Cadence:
    """A per-contract follow-up interval that overrides the municipality's default."""

    months: int
    justification: str


@dataclass(frozen=True, slots=True)
class DeadlineSet:
    subject: Subject
    deadlines: tuple[Deadline, ...] = ()
    cadence: Cadence | None = None
    closed: bool = False  # the subject was cancelled (order withdrawn, measure ended)
    # (anchor, sequence) of a follow-up not scheduled because it fell after the contract's
    # expected end; an extension of the contract resumes the series from here.
    paused: tuple[date, int] | None = None

    @property
    def is_new(self) -> bool:
        """The initial state: no event yet (nothing ever scheduled, set or closed)."""
        return (
            not self.deadlines and self.cadence is None and not self.closed and self.paused is None
        )

    def find(self, id_: UUID) -> Deadline | None:
        return next((d for d in self.deadlines if d.deadline_id == id_), None)

    def of_kind(self, kind: DeadlineKind) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.kind is kind)

    def latest(self, kind: DeadlineKind) -> Deadline | None:
        found = self.of_kind(kind)
        return found[-1] if found else None

    def pending(self, *kinds: DeadlineKind) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.is_pending and (not kinds or d.kind in kinds))

    @property
    def expected_end(self) -> date | None:
        """The contract's expected end: the anchor of its latest live expiry deadline."""
        expiry = self.latest(DeadlineKind.CONTRACT_EXPIRY)
        if expiry is None or expiry.status is DeadlineStatus.CANCELLED:
            return None
        return expiry.anchor

    @property
    def last_day(self) -> date | None:
        """The last day in force of a contract under notice (opsigelse), if it is."""
        ends = self.latest(DeadlineKind.CONTRACT_ENDS)
        if ends is None or ends.status is DeadlineStatus.CANCELLED:
            return None
        return ends.anchor

    @property
    def ends_by(self) -> date | None:
        """The earlier of the expected end and the last day under notice."""
        return min((d for d in (self.expected_end, self.last_day) if d), default=None)

    def open(self, *kinds: DeadlineKind) -> tuple[Deadline, ...]:
        """Deadlines not cancelled: pending, or fired in full and still unmet (overdue)."""
        return tuple(
            d
            for d in self.deadlines
            if d.status is not DeadlineStatus.CANCELLED and (not kinds or d.kind in kinds)
        )

    def next_sequence(self, kind: DeadlineKind) -> int:
        return len(self.of_kind(kind)) + 1

    def with_deadline(self, deadline: Deadline) -> "DeadlineSet":
        """Adds `deadline`, or replaces the one with the same id in place."""
        if self.find(deadline.deadline_id) is None:
            return replace(self, deadlines=(*self.deadlines, deadline))
        swapped = (deadline if d.deadline_id == deadline.deadline_id else d for d in self.deadlines)
        return replace(self, deadlines=tuple(swapped))
