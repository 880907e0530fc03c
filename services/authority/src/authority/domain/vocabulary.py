"""Words shared by several aggregates: measures, goals, price units.

Enum values equal the wire values of `samspil_contracts`, so the app maps them by value.
"""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from authority.domain.errors import require_some, require_text, require_unique


class MeasureCode(StrEnum):
    """Measures (foranstaltninger) under the Social Services Act § 52, stk. 3."""

    DAYCARE_OR_EDUCATION = "sel_52_3_1"
    SUPPORT_IN_HOME = "sel_52_3_2"  # praktisk, pædagogisk eller anden støtte i hjemmet
    FAMILY_TREATMENT = "sel_52_3_3"  # familiebehandling
    FAMILY_RESIDENTIAL_STAY = "sel_52_3_4"
    RESPITE_CARE = "sel_52_3_5"  # aflastning
    PERMANENT_CONTACT_PERSON = "sel_52_3_6"  # fast kontaktperson
    PLACEMENT = "sel_52_3_7"  # anbringelse
    TRAINEESHIP = "sel_52_3_8"
    PERSONAL_ADVISER = "sel_52_3_9"
    OTHER_SUPPORT = "sel_52_3_10"
    # Efterværn (after-care for 18-22 year olds) rests on § 76, not § 52 stk. 3.
    AFTER_CARE = "sel_76"


class GoalArea(StrEnum):
    """The six areas of an action plan (handleplan, § 140)."""

    DEVELOPMENT_BEHAVIOUR = "development_and_behaviour"  # udvikling og adfærd
    FAMILY_RELATIONS = "family_relations"  # familieforhold
    SCHOOL = "school"  # skoleforhold
    HEALTH = "health"  # sundhedsforhold
    LEISURE_FRIENDSHIPS = "leisure_and_friendships"  # fritidsforhold og venskaber
    OTHER = "other"  # andre relevante forhold


@dataclass(frozen=True, slots=True)
class Goal:
    """One goal of the action plan, carried into orders and contracts (mål for indsatsen)."""

    goal_id: UUID
    area: GoalArea
    text: str


class PriceUnit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    SESSION = "session"


def require_goals(goals: tuple[Goal, ...]) -> None:
    """A measure without goals cannot be followed up; each goal must say something."""
    require_some(goals, "goal")
    require_unique((g.goal_id for g in goals), "goal_id")
    for goal in goals:
        require_text(goal.text, "goal_text")
