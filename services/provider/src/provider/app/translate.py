"""Between the contracts' vocabulary (pydantic, on the wire) and the provider's domain."""

from __future__ import annotations

import json

from samspil_contracts import ContractOffered, GoalArea, GoalProgress, OrderChanged, OrderPlaced
from samspil_contracts import Frequency as WireFrequency
from samspil_contracts import Goal as WireGoal
from samspil_contracts import Progress as WireProgress
from samspil_contracts import Scope as WireScope

from provider.domain import Frequency, Goal, Per, PriceUnit, Scope
from provider.domain import GoalArea as DomainArea
from provider.domain.contract import ContractTerms
from provider.domain.order import OrderSnapshot
from provider.domain.report import GoalStatus, Progress

# The domain's scale is the provider's own wording; the authority reads the contracts' scale.
PROGRESS: dict[Progress, WireProgress] = {
    Progress.WORSE: WireProgress.REGRESSED,
    Progress.UNCHANGED: WireProgress.NO_PROGRESS,
    Progress.SOME_PROGRESS: WireProgress.SOME_PROGRESS,
    Progress.CLEAR_PROGRESS: WireProgress.GOOD_PROGRESS,
    Progress.GOAL_REACHED: WireProgress.GOAL_REACHED,
}


def goal(wire: WireGoal) -> Goal:
    return Goal(wire.goal_id, DomainArea(wire.area.value), wire.description)


def scope(wire: WireScope) -> Scope:
    return Scope(wire.hours, Per(wire.per.value))


def frequency(wire: WireFrequency) -> Frequency:
    return Frequency(wire.times, Per(wire.per.value))


def snapshot(event: OrderPlaced | OrderChanged) -> OrderSnapshot:
    return OrderSnapshot(
        measure_code=event.measure.value,
        case_ref=str(event.case_id),
        goals=tuple(goal(g) for g in event.goals),
        scope=scope(event.scope),
        frequency=frequency(event.frequency),
        start=event.start,
        expected_duration_months=event.expected_duration_months,
    )


def terms(offer: ContractOffered, ordered: OrderSnapshot) -> ContractTerms:
    box = offer.individual_terms
    """The offer's price and dates; goals, scope and frequency as ordered (what delivery and
    reports check against); every term offered kept sealed as received, to be shown."""
    return ContractTerms(
        measure_code=offer.measure.value,
        price_oere=offer.price.amount_ore,
        price_unit=PriceUnit(offer.price.per.value),
        goals=ordered.goals,
        scope=ordered.scope,
        frequency=ordered.frequency,
        start=offer.start,
        end=offer.end,
        payment_terms_days=offer.payment_terms_days,
        terms_sha256=offer.terms_sha256,
        sealed_terms=None if box is None else json.dumps(box.model_dump()),
    )


def progress(statuses: tuple[GoalStatus, ...], goals: tuple[Goal, ...]) -> tuple[GoalProgress, ...]:
    areas = {g.goal_id: g.area for g in goals}
    return tuple(
        GoalProgress(
            goal_id=s.goal_id,
            area=GoalArea(areas[s.goal_id].value),
            progress=PROGRESS[s.progress],
        )
        for s in statuses
    )
