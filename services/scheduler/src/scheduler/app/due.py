"""Which phase of a deadline fires, decided from the index rows alone (no aggregate load).

An index row is ``pending`` exactly when the aggregate would still fire that phase (it is
rewritten in the same transaction as every change of the deadline set; see
``adapters.index.rows_for``). So the rows answer what ``domain.due_occurrences`` answers
from a loaded ``DeadlineSet``: of a deadline's pending phases due by now, only the latest
fires (once, also after downtime), and firing it completes every earlier phase, as
``evolve`` records it in ``last_phase``.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from scheduler.domain import DeadlinePhase
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
