"""Which phase of a deadline fires, decided from the index rows alone (no aggregate load).

An index row is ``pending`` exactly when the aggregate would still fire that phase (it is
rewritten in the same transaction as every change of the deadline set; see
``phases.rows_for``). So the rows answer what ``domain.due_occurrences`` answers
from a loaded ``DeadlineSet``: of a deadline's pending phases due by now, only the latest
fires (once, also after downtime), and firing it completes every earlier phase, as
``evolve`` records it in ``last_phase``. What the fire records and publishes follows from
the row too: the original due time, and the moment it actually fired.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlinePhase as WirePhase
from samspil_contracts import DeadlineReached

from scheduler.app.phases import PhaseRow
from scheduler.app.ports import DuePhase
from scheduler.domain import DeadlineFired, DeadlineKind, DeadlinePhase, Refs, Subject, SubjectKind
from scheduler.domain.kinds import PHASE_ORDER


def latest_due(pending_due: Iterable[tuple[UUID, DeadlinePhase]]) -> dict[UUID, DeadlinePhase]:
    """Per deadline, the latest of its pending phases due by now: the one that fires."""
    latest: dict[UUID, DeadlinePhase] = {}
    for deadline_id, phase in pending_due:
        known = latest.get(deadline_id)
        if known is None or PHASE_ORDER.index(phase) > PHASE_ORDER.index(known):
            latest[deadline_id] = phase
    return latest


def completed_by(phase: DeadlinePhase) -> tuple[DeadlinePhase, ...]:
    """The phases a fire of ``phase`` leaves done: it and every earlier one."""
    return PHASE_ORDER[: PHASE_ORDER.index(phase) + 1]


def due_phase(row: PhaseRow) -> DuePhase:
    """What firing needs to know of the phase an index row holds."""
    return DuePhase(
        deadline_id=row.deadline_id,
        phase=DeadlinePhase(row.phase),
        subject=Subject(SubjectKind(row.subject_kind), row.subject_id),
        kind=DeadlineKind(row.kind),
        due_at=row.due_at,
        fire_at=row.fire_at,
        refs=Refs(
            case_id=row.case_id,
            order_id=row.order_id,
            contract_id=row.contract_id,
            provider_id=row.provider_id,
        ),
    )


def reached_event_id(deadline_id: UUID, phase: DeadlinePhase) -> UUID:
    """The same deadline phase always publishes under the same event id."""
    return uuid5(NAMESPACE_URL, f"urn:samspil:deadline:{deadline_id}:{phase}")


def fired(due: DuePhase, now: datetime) -> DeadlineFired:
    return DeadlineFired(
        subject=due.subject,
        deadline_id=due.deadline_id,
        phase=due.phase,
        due_at=due.due_at,
        fired_at=now,
    )


def reached(due: DuePhase, now: datetime) -> DeadlineReached:
    """The integration event: the original due time, and when it actually fired."""
    refs = due.refs
    return DeadlineReached(
        deadline_id=due.deadline_id,
        kind=WireKind(due.kind.value),
        phase=WirePhase(due.phase.value),
        subject=str(due.subject.id),
        case_id=refs.case_id,
        order_id=refs.order_id,
        contract_id=refs.contract_id,
        provider_id=refs.provider_id,
        due_at=due.due_at,
        fired_at=now,
    )
