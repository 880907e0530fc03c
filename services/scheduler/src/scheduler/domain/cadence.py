"""A per-contract follow-up cadence (opfølgning, barnets lov § 95), as the case decided it.

Every cadence of a whole number of months is honoured: which ones a case may decide is the
authority's refusal to make, against the bound the event contract carries, so no cadence
reaching the scheduler can leave a contract without follow-ups.
"""

from datetime import datetime

from scheduler.domain.errors import DomainError
from scheduler.domain.events import CadenceSet
from scheduler.domain.model import Cadence, Subject


def validated_cadence(months: int, justification: str) -> Cadence:
    if months < 1:
        raise DomainError("cadence_too_short", "a follow-up cadence is at least 1 month")
    if not justification.strip():
        raise DomainError("justification_required", "a deviating cadence must be justified")
    return Cadence(months=months, justification=justification.strip())


def cadence_set(subject: Subject, cadence: Cadence, at: datetime) -> CadenceSet:
    return CadenceSet(
        subject=subject, months=cadence.months, justification=cadence.justification, at=at
    )
