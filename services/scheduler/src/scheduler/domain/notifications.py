"""A notification of concern's deadlines (barnets lov §§ 135-136), scheduled once.

The assessment falls due 24 clock hours after receipt, whatever the day: it is a child's
safety, and the municipality's on-call service answers nights and holidays. It warns a few
hours ahead and is escalated (overdue) an hour after. The receipt to a professional reporter
falls due on the 6th working day after the day of receipt, at the usual time of day.
"""

from datetime import timedelta

from scheduler.domain.calendar_dk import to_local_date
from scheduler.domain.commands import ScheduleNotification
from scheduler.domain.decisions import ensure_open, scheduled
from scheduler.domain.events import DeadlineScheduled, Event
from scheduler.domain.kinds import DeadlineKind
from scheduler.domain.model import DeadlineSet, Refs, Timing, deadline_id
from scheduler.domain.rules import Rules

K = DeadlineKind


def schedule_notification(
    cmd: ScheduleNotification, state: DeadlineSet, rules: Rules
) -> list[Event]:
    ensure_open(state)
    if state.of_kind(K.NOTIFICATION_ASSESSMENT_DUE):
        return []  # a redelivered receipt: scheduled already
    received_on = to_local_date(cmd.received_at)
    refs = Refs(case_id=cmd.case_id)
    events: list[Event] = [_assessment(cmd, refs, rules)]
    if cmd.receipt_owed:
        due = rules.calendar.add_working_days(received_on, rules.notification_receipt_working_days)
        events.append(
            scheduled(
                cmd.subject,
                K.NOTIFICATION_RECEIPT_DUE,
                sequence=1,
                refs=refs,
                anchor=received_on,
                due_date=due,
                rules=rules,
                at=cmd.at,
            )
        )
    return events


def _assessment(cmd: ScheduleNotification, refs: Refs, rules: Rules) -> DeadlineScheduled:
    due = cmd.received_at + timedelta(hours=rules.notification_assessment_hours)
    kind = K.NOTIFICATION_ASSESSMENT_DUE
    return DeadlineScheduled(
        subject=cmd.subject,
        deadline_id=deadline_id(kind, cmd.subject, 1),
        kind=kind,
        sequence=1,
        refs=refs,
        anchor=to_local_date(cmd.received_at),
        timing=Timing(
            due_at=due,
            overdue_at=due + timedelta(hours=rules.notification_escalation_hours),
            warn_at=due - timedelta(hours=rules.notification_warning_hours),
        ),
        at=cmd.at,
    )
