"""What a decision on a støttende indsats states under barnets lov § 32 (values only)."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from authority.domain.case.people import Recipient


class InvestigationKind(StrEnum):
    """What the decision's knowledge of the child rests on (§ 32, stk. 4)."""

    CHILD_INVESTIGATION = "child_investigation"  # børnefaglig undersøgelse, § 20
    ASSESSMENT = "assessment"  # afdækning, § 19: narrower than an investigation


class PlanKind(StrEnum):
    """The plan a decision calls for (values equal ``samspil_contracts.PlanKind``)."""

    CHILDS_PLAN = "barnets_plan"  # barnets plan, § 91
    YOUTH_PLAN = "ungeplan"  # ungeplan, § 108: for a young person from 16 years


class DecisionBasis(StrEnum):
    """§ 32, stk. 4: on a concluded afdækning or undersøgelse, or started in parallel."""

    CONCLUDED = "concluded"
    PARALLEL = "parallel"  # with a justification on file


@dataclass(frozen=True, slots=True)
class Consent:
    """The custody holders' consent (samtykke, § 32, stk. 2): who gave it, and when."""

    given_by: frozenset[Recipient]
    given_on: date


class CoordinationMeeting(StrEnum):
    """The family coordinator's meetings with the family's network (seed 002)."""

    START = "start"  # opstartsmøde
    FOLLOW_UP = "follow_up"  # opfølgningsmøde
