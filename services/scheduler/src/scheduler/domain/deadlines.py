"""The scheduler's aggregate: `decide` a command against a subject's `DeadlineSet`,
`evolve` the set by the resulting events, and ask `due_occurrences` what is due to fire.
A subject's stream starts from its empty set, `DeadlineSet(subject)` (the initial state).

See `model.py` for why the boundary is one set per subject, and `rules.py` for the dates.
"""

from scheduler.domain.cases import (
    conclude_investigation,
    schedule_action_plan,
    schedule_investigation,
)
from scheduler.domain.change_requests import resolve_change_answer, schedule_change_answer
from scheduler.domain.closing import cancel, resolve
from scheduler.domain.commands import (
    BringFirstFollowUpForward,
    Cancel,
    Command,
    ConcludeInvestigation,
    Fire,
    RecordCoordinationMeeting,
    RecordFamilyContact,
    RecordFollowUpHeld,
    RecordStartMeeting,
    RescheduleOrderAnswer,
    Resolve,
    ResolveChangeAnswer,
    ResolveOrderAnswer,
    ScheduleActionPlan,
    ScheduleChangeAnswer,
    ScheduleClaimPayment,
    ScheduleContractEnd,
    ScheduleCoordination,
    ScheduleForContractInForce,
    ScheduleInvestigation,
    ScheduleNotification,
    ScheduleOrderAnswer,
    SetCadence,
)
from scheduler.domain.contract_terms import schedule_contract
from scheduler.domain.coordination import (
    record_contact,
    record_meeting,
    record_start,
    schedule_coordination,
)
from scheduler.domain.errors import DomainError
from scheduler.domain.events import Event
from scheduler.domain.evolve import evolve
from scheduler.domain.firing import due_occurrences, fire
from scheduler.domain.follow_ups import record_held, set_cadence
from scheduler.domain.model import DeadlineSet
from scheduler.domain.notice import schedule_end
from scheduler.domain.notifications import schedule_notification
from scheduler.domain.orders_claims import (
    reschedule_order,
    resolve_order,
    schedule_order,
    schedule_payment,
)
from scheduler.domain.parallel import bring_first_forward
from scheduler.domain.rules import DEFAULT_RULES, Rules

__all__ = ["decide", "due_occurrences", "evolve"]


# One arm per command reads best and lets mypy check the match is exhaustive.
def decide(  # noqa: PLR0911, PLR0912
    command: Command, state: DeadlineSet, rules: Rules = DEFAULT_RULES
) -> list[Event]:
    """The events `command` causes; raises `DomainError` when it is refused.

    `rules` are the municipality's; the state must be the set of `command.subject`.
    """
    if state.subject != command.subject:
        raise DomainError("subject_mismatch", "the command is for another subject")
    match command:
        case ScheduleForContractInForce():
            return schedule_contract(command, state, rules)
        case RecordFollowUpHeld():
            return record_held(command, state, rules)
        case SetCadence():
            return set_cadence(command, state, rules)
        case BringFirstFollowUpForward():
            return bring_first_forward(command, state, rules)
        case ScheduleContractEnd():
            return schedule_end(command, state)
        case ScheduleOrderAnswer():
            return schedule_order(command, state, rules)
        case RescheduleOrderAnswer():
            return reschedule_order(command, state, rules)
        case ResolveOrderAnswer():
            return resolve_order(command, state)
        case ScheduleInvestigation():
            return schedule_investigation(command, state, rules)
        case ConcludeInvestigation():
            return conclude_investigation(command, state)
        case ScheduleActionPlan():
            return schedule_action_plan(command, state, rules)
        case ScheduleClaimPayment():
            return schedule_payment(command, state, rules)
        case ScheduleNotification():
            return schedule_notification(command, state, rules)
        case ScheduleChangeAnswer():
            return schedule_change_answer(command, state, rules)
        case ResolveChangeAnswer():
            return resolve_change_answer(command, state)
        case ScheduleCoordination():
            return schedule_coordination(command, state, rules)
        case RecordStartMeeting():
            return record_start(command, state, rules)
        case RecordCoordinationMeeting():
            return record_meeting(command, state, rules)
        case RecordFamilyContact():
            return record_contact(command, state, rules)
        case Resolve():
            return resolve(command, state)
        case Cancel():
            return cancel(command, state)
        case Fire():
            return fire(command, state)
