"""Notice given on a contract (opsigelse): it ends after its last day.

The contract stays in force through the last day, so the deadlines due by then still
stand; a follow-up after it is cancelled with the status report that prepares it, and so is
anything else due after it (the expiry). A `contract_ends` deadline falls due at the start
of the day after the last day: its firing is the fact that the contract ended, after which
the app closes the set (`Cancel`). When both parties give notice the earlier last day wins:
a later one changes nothing, an earlier one replaces the `contract_ends` set for the later.
"""

from dataclasses import replace
from datetime import time, timedelta

from scheduler.domain.commands import ScheduleContractEnd
from scheduler.domain.decisions import cancelled
from scheduler.domain.events import DeadlineScheduled, Event
from scheduler.domain.follow_ups import FOLLOW_UP, STATUS_REPORT
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.local_time import at_local, to_local_date
from scheduler.domain.model import Deadline, DeadlineSet, Refs, Timing, deadline_id

ENDS = DeadlineKind.CONTRACT_ENDS
REASON = "after the contract's last day under notice"


def schedule_end(cmd: ScheduleContractEnd, state: DeadlineSet) -> list[Event]:
    current = state.latest(ENDS)
    if state.closed or (current is not None and current.anchor <= cmd.last_day):
        return []  # ended already, or this last day (or an earlier one) is set: nothing new
    earlier: list[Event] = list(cancelled(state.open(ENDS), "an earlier last day", cmd.at))
    late_rounds = {
        d.sequence for d in state.open(FOLLOW_UP) if to_local_date(d.due_at) > cmd.last_day
    }

    def after_last_day(d: Deadline) -> bool:
        if d.kind in (FOLLOW_UP, STATUS_REPORT):
            return d.sequence in late_rounds
        return to_local_date(d.due_at) > cmd.last_day

    open_ = (d for d in state.open() if d.kind is not ENDS and after_last_day(d))
    events: list[Event] = list(cancelled(open_, REASON, cmd.at))
    return [*earlier, *events, _ends(cmd, state, state.next_sequence(ENDS))]


def _ends(cmd: ScheduleContractEnd, state: DeadlineSet, sequence: int) -> DeadlineScheduled:
    known = next((d.refs for d in state.deadlines), Refs())
    refs = replace(
        known, contract_id=cmd.contract_id, provider_id=cmd.provider_id, order_id=cmd.order_id
    )
    # At midnight after the last day: not in force a moment longer than agreed.
    ends_at = at_local(cmd.last_day + timedelta(days=1), time(0, 0))
    return DeadlineScheduled(
        subject=cmd.subject,
        deadline_id=deadline_id(ENDS, cmd.subject, sequence),
        kind=ENDS,
        sequence=sequence,
        refs=refs,
        anchor=cmd.last_day,
        timing=Timing(due_at=ends_at, overdue_at=ends_at + timedelta(days=1)),
        at=cmd.at,
    )
