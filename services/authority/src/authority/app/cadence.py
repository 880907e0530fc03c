"""The follow-up cadences a case may decide (opfølgning, barnets lov § 95)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventkit import UnitOfWork
from samspil_contracts import FOLLOW_UP_CADENCE_MONTHS
from samspil_contracts import FollowUpCadenceSet as WireCadenceSet

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.domain import DomainError
from authority.domain.case import SetFollowUpCadence


@dataclass(frozen=True, slots=True)
class Arrangement:
    """The case's follow-up arrangement from now on: every ``months``, and why (given to the
    child and the parents)."""

    months: int
    justification: str


async def decide_arrangement(
    kit: Kit,
    uow: UnitOfWork,
    case_id: UUID,
    contract_id: UUID,
    arranged: Arrangement,
    acting: Acting,
) -> int:
    """Recorded on the case and published to the scheduler in ``uow``; the case's revision."""
    require_honoured(arranged.months)
    command = SetFollowUpCadence(
        **acting.stamp(), months=arranged.months, justification=arranged.justification
    )
    _, loaded = await kit.run(uow, kit.aggregates.case, case_id, command, acting)
    cadence = WireCadenceSet(
        case_id=case_id,
        contract_id=contract_id,
        interval_months=arranged.months,
        justification=arranged.justification,
    )
    await kit.publish(uow, acting, cadence, loaded.revision)
    return loaded.revision


def require_honoured(months: int) -> None:
    """Only a cadence the scheduler honours: the event contract's bound is the one both keep,
    so a cadence accepted here never leaves a contract without follow-ups."""
    lowest, highest = FOLLOW_UP_CADENCE_MONTHS.start, FOLLOW_UP_CADENCE_MONTHS.stop - 1
    if months not in FOLLOW_UP_CADENCE_MONTHS:
        raise DomainError(
            "cadence_out_of_range",
            f"a follow-up cadence is {lowest} to {highest} months (barnets lov § 95)",
        )
