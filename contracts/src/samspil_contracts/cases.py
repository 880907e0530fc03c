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


class DecidedMeasure(StrEnum):
    """What a decision can be on: every ``MeasureCode`` (the measures ordered from a
    provider), and the family coordinator (familiekoordinator, seed 002), a støttende indsats
    under barnets lov § 32, stk. 1, nr. 8 (anden hjælp) that the municipality runs itself:
    it is never ordered, so it is no ``MeasureCode`` of orders and contracts."""

    DAYCARE_OR_EDUCATION = "sel_52_3_1"
    SUPPORT_IN_HOME = "sel_52_3_2"
    FAMILY_TREATMENT = "sel_52_3_3"
    FAMILY_RESIDENTIAL_STAY = "sel_52_3_4"
    RESPITE_CARE = "sel_52_3_5"
    CONTACT_PERSON = "sel_52_3_6"
    PLACEMENT = "sel_52_3_7"
    TRAINEESHIP = "sel_52_3_8"
    PERSONAL_ADVISER = "sel_52_3_9"
    OTHER_SUPPORT = "sel_52_3_10"
    FAMILY_COORDINATOR = "family_coordinator"


class DecisionApproved(_CaseEvent):
    """A decision (afgørelse) on a measure, approved under the team leader's supervision: a
    støttende indsats (barnets lov § 32, stk. 1), placement (§ 46) or ungestøtte (§ 114);
    ``legal_basis`` cites the paragraph, ``measure`` keeps its stable code.

    v2: ``plan_made``, whether the caseworker decided to make the child's plan (barnets plan
    § 91, ungeplan § 108 from 16, named by ``plan_kind``): if so it is due no later than 3
    months after ``decided_on``. v1 records read as a barnets plan made (every decision then
    called for a plan).

    v3: ``measure`` is a ``DecidedMeasure``, which adds the family coordinator (v2 records
    are the same shape).
    """

    type_name: ClassVar[str] = "dk.samspil.case.decision_approved"
    schema_version: ClassVar[int] = 3

    decision_id: UUID
    measure: DecidedMeasure
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


class CoordinationMeeting(StrEnum):
    """The family coordinator's meetings with the family's professional network (seed 002)."""

    START = "start"  # opstartsmøde, within the first 2 months
    FOLLOW_UP = "follow_up"  # opfølgningsmøde, about every 8 weeks


class CoordinationMeetingHeld(_CaseEvent):
    """The family coordinator held a meeting of a family coordinator decision: the start
    meeting, or a follow-up meeting; the next follow-up is counted from ``held_on``."""

    type_name: ClassVar[str] = "dk.samspil.case.coordination_meeting_held"

    decision_id: UUID
    meeting: CoordinationMeeting
    held_on: date


class FamilyContactRecorded(_CaseEvent):
    """The family coordinator was in contact with the family (fast kontakt, about weekly,
    seed 002); the next contact is expected a week after ``contacted_on``."""

    type_name: ClassVar[str] = "dk.samspil.case.family_contact_recorded"

    decision_id: UUID
    contacted_on: date


class CoordinationEnded(_CaseEvent):
    """The family coordinator's work on a decision ended (the measure ended or was
    withdrawn): its start meeting, follow-up meetings and contacts are no longer due. The
    caseworker's reason stays on the case (it may be about the child)."""

    type_name: ClassVar[str] = "dk.samspil.case.coordination_ended"

    decision_id: UUID
    ended_on: date


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
