"""When the municipality became aware, and the 4-month limit of barnets lov § 20, stk. 3.

The child investigation must be concluded no later than 4 months after the municipality
became aware that the child may need support: the receipt of the first notification of
concern (underretning) on the case, if any, else the start of the investigation. If the
limit cannot be met, a preliminary assessment (foreløbig vurdering) is made first, and the
investigation concluded as soon as possible after.
"""

import calendar
from datetime import datetime

from authority.domain.audit import stamp
from authority.domain.case.commands import (
    LinkNotification,
    RecordPreliminaryAssessment,
    StartInvestigation,
)
from authority.domain.case.events import (
    CaseEvent,
    InvestigationStarted,
    NotificationLinked,
    PreliminaryAssessmentRecorded,
)
from authority.domain.case.state import CaseState, Investigation
from authority.domain.errors import require, require_text

LIMIT_MONTHS = 4  # § 20, stk. 3


def months_later(moment: datetime, months: int) -> datetime:
    """``moment`` plus calendar months, clamped to the month's end (31 Oct + 4 = 28/29 Feb)."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def limit(investigation: Investigation) -> datetime | None:
    """The § 20, stk. 3 limit, counted from awareness (None for an investigation recorded
    before its start was kept)."""
    anchor = investigation.aware_since or investigation.started_at
    return None if anchor is None else months_later(anchor, LIMIT_MONTHS)


def link(command: LinkNotification, case: CaseState) -> list[CaseEvent]:
    if command.notification_id in case.notification_ids:
        return []  # linked already: a repeat changes nothing
    return [
        NotificationLinked(
            **stamp(command),
            notification_id=command.notification_id,
            received_at=command.received_at,
        )
    ]


def start(command: StartInvestigation, case: CaseState) -> list[CaseEvent]:
    require(
        case.investigation is None,
        "investigation_already_started",
        "the child investigation has already been started",
    )
    aware = case.aware_since
    return [
        InvestigationStarted(
            **stamp(command),
            investigation_id=command.investigation_id,
            kind=command.kind,
            aware_since=aware if aware is not None and aware < command.at else command.at,
        )
    ]


def preliminary(command: RecordPreliminaryAssessment, case: CaseState) -> list[CaseEvent]:
    require(
        case.investigation is not None and not case.investigation_concluded,
        "investigation_not_open",
        "a preliminary assessment (§ 20, stk. 3) belongs to an open child investigation",
    )
    text = require_text(command.assessment, "assessment")
    return [PreliminaryAssessmentRecorded(**stamp(command), assessment=text)]


def require_in_time_or_assessed(investigation: Investigation, at: datetime) -> None:
    """Concluding after the limit's day needs the preliminary assessment on file (§ 20,
    stk. 3). Days are those of the instants given (the app's UTC): never a day too late."""
    due = limit(investigation)
    require(
        due is None or at.date() <= due.date() or investigation.preliminary_assessment is not None,
        "preliminary_assessment_required",
        "the 4 months of § 20, stk. 3 have passed: record a preliminary assessment first",
    )
