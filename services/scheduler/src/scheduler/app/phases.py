"""The deadline index's rows: one per scheduled phase of a deadline, derived from its set.

The index is the scheduler's read model (``ports.DeadlineIndex``), rewritten from the
subject's ``DeadlineSet`` in the transaction of every change, so firing (``due``) and the
deadline lists read it and never load an aggregate. A row is ``pending`` exactly when the
aggregate would still fire that phase.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple
from uuid import UUID

from scheduler.domain import Deadline, DeadlinePhase, DeadlineSet, DeadlineStatus
from scheduler.domain.kinds import PHASE_ORDER


class PhaseRow(NamedTuple):
    """A tuple, not a dataclass: every command on a subject builds all its rows again."""

    deadline_id: UUID
    phase: str
    subject_kind: str
    subject_id: UUID
    kind: str
    status: str  # pending | done | cancelled
    fire_at: datetime  # in UTC
    due_at: datetime  # in UTC
    case_id: UUID | None
    order_id: UUID | None
    contract_id: UUID | None
    provider_id: UUID | None


def status(deadline: Deadline, phase: DeadlinePhase) -> str:
    if deadline.status is DeadlineStatus.CANCELLED:
        return "cancelled"  # resolved or withdrawn, also after it fired: it is off every list
    if deadline.last_phase is not None and PHASE_ORDER.index(phase) <= PHASE_ORDER.index(
        deadline.last_phase
    ):
        return "done"
    return "pending"


def rows_for(state: DeadlineSet) -> list[PhaseRow]:
    subject = state.subject
    return [
        PhaseRow(
            deadline_id=deadline.deadline_id,
            phase=phase.value,
            subject_kind=subject.kind.value,
            subject_id=subject.id,
            kind=deadline.kind.value,
            status=status(deadline, phase),
            fire_at=fire_at.astimezone(UTC),  # SQLite keeps no offset: store UTC
            due_at=deadline.due_at.astimezone(UTC),
            case_id=deadline.refs.case_id,
            order_id=deadline.refs.order_id,
            contract_id=deadline.refs.contract_id,
            provider_id=deadline.refs.provider_id,
        )
        for deadline in state.deadlines
        for phase in PHASE_ORDER
        if (fire_at := deadline.timing.at(phase)) is not None
    ]
