"""Milestones of a case at the authority that providers and the scheduler act on.

No personal data here: a case is named only by its id.
"""

from datetime import date
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import Field

from samspil_contracts import topics
from samspil_contracts.base import IntegrationEvent
from samspil_contracts.common import (
    CadenceMonths,
    Goals,
    MeasureCode,
    MunicipalityCode,
    ShortText,
    Text,
)


class _CaseEvent(IntegrationEvent):
    schema_version: ClassVar[int] = 1
    topic: ClassVar[str] = topics.AUTHORITY_CASES

    case_id: UUID


class InvestigationStarted(_CaseEvent):
    """A child investigation (børnefaglig undersøgelse, barnets lov § 20) began.

    v2: ``aware_on``, the day the municipality became aware that the child may need support
    (the receipt of the first notification of concern on the case, else the start): the
    4 months of § 20, stk. 3 count from it. v1 records read it as ``started_on``.
    """

    type_name: ClassVar[str] = "dk.samspil.case.investigation_started"
    schema_version: ClassVar[int] = 2

    investigation_id: UUID
    started_on: date
    aware_on: date
    # Optional since its introduction: the scheduler counts with this municipality's rules.
    municipality: MunicipalityCode | None = None


class CaseworkerAssigned(_CaseEvent):
    """The caseworker responsible for the case: on opening and on every reassignment.

    Consumers keep the one with the latest ``occurred_at``; the scheduler lists deadlines
    per caseworker from it.
    """

    type_name: ClassVar[str] = "dk.samspil.case.caseworker_assigned"

    caseworker_id: ShortText
    municipality: MunicipalityCode | None = None


class InvestigationConcluded(_CaseEvent):
    """The child investigation (børnefaglig undersøgelse, barnets lov § 20) or afdækning
    (§ 19) was concluded."""

    type_name: ClassVar[str] = "dk.samspil.case.investigation_concluded"

    investigation_id: UUID
    concluded_on: date


class PlanKind(StrEnum):
    """The plan a decision on a measure calls for."""

    CHILDS_PLAN = "barnets_plan"  # barnets plan, barnets lov § 91
    YOUTH_PLAN = "ungeplan"  # ungeplan, § 108: for a young person from 16 years


class DecisionApproved(_CaseEvent):
    """A decision (afgørelse) on a measure, approved under the team leader's supervision: a
    støttende indsats (barnets lov § 32, stk. 1), placement (§ 46) or ungestøtte (§ 114);
    ``legal_basis`` cites the paragraph, ``measure`` keeps its stable code.

    v2: ``plan_made``, whether the caseworker decided to make the child's plan (barnets plan
    § 91, ungeplan § 108 from 16, named by ``plan_kind``): if so it is due no later than 3
    months after ``decided_on``. v1 records read as a barnets plan made (every decision then
    called for a plan).
    """

    type_name: ClassVar[str] = "dk.samspil.case.decision_approved"
    schema_version: ClassVar[int] = 2

    decision_id: UUID
    measure: MeasureCode
    legal_basis: ShortText
    decided_on: date
    plan_made: bool
    plan_kind: PlanKind | None = None  # set when plan_made
    municipality: MunicipalityCode | None = None  # optional: see InvestigationStarted


class ActionPlanAdopted(_CaseEvent):
    """The child's plan (barnets plan, barnets lov § 91; ungeplan § 108 from 16; formerly
    handleplan) was adopted; a later version replaces it."""

    type_name: ClassVar[str] = "dk.samspil.case.action_plan_adopted"

    action_plan_id: UUID
    version: int = Field(ge=1)
    goals: Goals
    adopted_on: date


class FollowUpCadenceSet(_CaseEvent):
    """A per-case follow-up cadence, decided with a justification (opfølgning, barnets lov
    § 95).

    The first follow-up comes within 3 months; every 6 months after it is the municipality's
    default; a caseworker may set another interval for one contract, justified to the child
    and the parents. The scheduler owns the dates that follow from it.
    """

    type_name: ClassVar[str] = "dk.samspil.case.follow_up_cadence_set"

    contract_id: UUID
    interval_months: CadenceMonths
    justification: Text


class FollowUpOutcome(StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"
    END = "end"


class FollowUpHeld(_CaseEvent):
    """A follow-up (opfølgning, barnets lov § 95) was held; the next one is counted from
    ``held_on``."""

    type_name: ClassVar[str] = "dk.samspil.case.follow_up_held"

    order_id: UUID
    contract_id: UUID
    follow_up_id: UUID
    held_on: date
    outcome: FollowUpOutcome


class MeasureEndReason(StrEnum):
    DECISION = "decision"
    EXPIRY = "expiry"
    TERMINATION = "termination"


class MeasureEnded(_CaseEvent):
    type_name: ClassVar[str] = "dk.samspil.case.measure_ended"

    order_id: UUID
    contract_id: UUID | None = None
    ended_on: date
    reason: MeasureEndReason
    explanation: Text | None = None


class ConcernAcknowledged(_CaseEvent):
    """The authority received a provider's notification of concern (underretning)."""

    type_name: ClassVar[str] = "dk.samspil.case.concern_acknowledged"

    concern_id: UUID
    acknowledged_on: date
