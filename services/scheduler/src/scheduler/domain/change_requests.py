"""The caseworker's answer to a provider's change request (ændringsanmodning): due the
municipality's order answer period (``order_answer_working_days``, 5 by default) of working
days after the request, scheduled once; met by the grant or refusal."""

from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import ResolveChangeAnswer, ScheduleChangeAnswer
from scheduler.domain.decisions import cancelled, ensure_open, scheduled
from scheduler.domain.events import Event, SubjectClosed
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs
from scheduler.domain.rules import Rules

K = DeadlineKind.CHANGE_REQUEST_ANSWER_DUE


def schedule_change_answer(
    cmd: ScheduleChangeAnswer, state: DeadlineSet, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if state.of_kind(K):
        return []  # a redelivered request: scheduled already
    requested_on = to_local_date(cmd.requested_at)
    due = rules.calendar.add_working_days(requested_on, rules.order_answer_working_days)
    # The authority's duty: no provider on the deadline, so no reminder goes to the provider.
    refs = Refs(case_id=cmd.case_id, contract_id=cmd.contract_id)
    return [
        scheduled(
            cmd.subject,
            K,
            sequence=1,
            refs=refs,
            anchor=requested_on,
            due_date=due,
            rules=rules,
            at=cmd.at,
        )
    ]


def resolve_change_answer(cmd: ResolveChangeAnswer, state: DeadlineSet) -> list[Event]:
    if state.is_new:
        # The answer overtook the request (they travel on different topics): close the
        # subject so the request, when it arrives, sets no deadline for an answered request.
        return [SubjectClosed(subject=cmd.subject, reason="answered before scheduled", at=cmd.at)]
    return list(cancelled(state.open(K), "change request answered", cmd.at))
