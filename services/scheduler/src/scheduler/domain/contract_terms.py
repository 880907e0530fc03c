"""A contract in force: its follow-up series, its expiry warning, and changes to its end.

The authority publishes `ContractInForce` again when a new version of the contract is signed;
a new expected end then replaces the expiry deadline (a new end is a new fact, so it gets
its own warning) and fits the follow-up series to it: a follow-up after the new end is
cancelled and the series paused, an extension resumes a paused series.
"""

from functools import reduce

from scheduler.domain.cadence import cadence_set, validated_cadence
from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import ScheduleForContractInForce
from scheduler.domain.decisions import cancelled, ensure_open, scheduled
from scheduler.domain.errors import DomainError
from scheduler.domain.events import DeadlineScheduled, Event, FollowUpSeriesPaused
from scheduler.domain.evolve import evolve
from scheduler.domain.follow_ups import FOLLOW_UP, STATUS_REPORT, follow_up_round
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.planning import contract_expiry_date
from scheduler.domain.rules import Rules

EXPIRY = DeadlineKind.CONTRACT_EXPIRY


def schedule_contract(
    cmd: ScheduleForContractInForce, state: DeadlineSet, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if cmd.expected_end is not None and cmd.expected_end < cmd.start:
        raise DomainError("expected_end_before_start", "the contract ends before it starts")
    if state.latest(FOLLOW_UP) is not None or state.paused is not None:
        return change_expected_end(cmd, state, rules)  # a new version, or a repeated signal
    refs = Refs(case_id=cmd.case_id, contract_id=cmd.contract_id, provider_id=cmd.provider_id)
    events: list[Event] = []
    if cmd.cadence_months is not None:
        cadence = validated_cadence(cmd.cadence_months, cmd.cadence_justification)
        events.append(cadence_set(cmd.subject, cadence, cmd.at))
    if cmd.expected_end is not None:
        events.append(_expiry(cmd, refs, 1, rules))
    return events + follow_up_round(_folded(state, events), refs, cmd.start, 1, rules, cmd.at)


def change_expected_end(
    cmd: ScheduleForContractInForce, state: DeadlineSet, rules: Rules
) -> list[Event]:
    if cmd.expected_end == state.expected_end:
        return []
    refs = Refs(case_id=cmd.case_id, contract_id=cmd.contract_id, provider_id=cmd.provider_id)
    expiry = state.latest(EXPIRY)
    events: list[Event] = list(
        cancelled([expiry] if expiry else [], "expected end changed", cmd.at)
    )
    if cmd.expected_end is not None:
        events.append(_expiry(cmd, refs, state.next_sequence(EXPIRY), rules))
    return events + _fit_series(_folded(state, events), refs, cmd, rules)


def _fit_series(
    state: DeadlineSet, refs: Refs, cmd: ScheduleForContractInForce, rules: Rules
) -> list[Event]:
    end = state.expected_end
    if state.paused is not None:
        anchor, sequence = state.paused
        resumed = follow_up_round(state, refs, anchor, sequence, rules, cmd.at)
        return resumed if isinstance(resumed[0], DeadlineScheduled) else []
    current = state.pending(FOLLOW_UP)
    if end is None or not current or to_local_date(current[-1].due_at) <= end:
        return []
    follow_up = current[-1]
    same_round = state.pending(FOLLOW_UP, STATUS_REPORT)
    return [
        *cancelled(
            (d for d in same_round if d.sequence == follow_up.sequence),
            "after expected end",
            cmd.at,
        ),
        FollowUpSeriesPaused(
            subject=state.subject, anchor=follow_up.anchor, sequence=follow_up.sequence, at=cmd.at
        ),
    ]


def _expiry(
    cmd: ScheduleForContractInForce, refs: Refs, sequence: int, rules: Rules
) -> DeadlineScheduled:
    assert cmd.expected_end is not None
    return scheduled(
        cmd.subject,
        EXPIRY,
        sequence=sequence,
        refs=refs,
        anchor=cmd.expected_end,
        due_date=contract_expiry_date(cmd.expected_end, rules),
        rules=rules,
        at=cmd.at,
        warn_days=rules.contract_expiry_warning_days,
    )


def _folded(state: DeadlineSet, events: list[Event]) -> DeadlineSet:
    """The state as it will be after `events`, so later decisions see the earlier ones."""
    return reduce(evolve, events, state)
