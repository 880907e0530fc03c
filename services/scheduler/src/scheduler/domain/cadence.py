"""A per-contract follow-up cadence: more often than the default, never less than the law."""

from datetime import datetime

from scheduler.domain.errors import DomainError
from scheduler.domain.events import CadenceSet
from scheduler.domain.model import Cadence, Subject
from scheduler.domain.rules import Rules


def validated_cadence(months: int, justification: str, rules: Rules) -> Cadence:
    if months < 1:
        raise DomainError("cadence_too_short", "a follow-up cadence is at least 1 month")
    if months > rules.max_cadence_months:
        limit = rules.max_cadence_months
        raise DomainError(
            "cadence_too_long", f"the law requires follow-up at least every {limit} months"
        )
    if not justification.strip():
        raise DomainError("justification_required", "a deviating cadence must be justified")
    return Cadence(months=months, justification=justification.strip())


def cadence_set(subject: Subject, cadence: Cadence, at: datetime) -> CadenceSet:
    return CadenceSet(
        subject=subject, months=cadence.months, justification=cadence.justification, at=at
    )
