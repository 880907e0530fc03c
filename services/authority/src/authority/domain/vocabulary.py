"""Words shared by several aggregates: measures, goals, price units.

Enum values equal the wire values of `samspil_contracts`, so the app maps them by value.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from authority.domain.errors import require_some, require_text, require_unique


class MeasureCode(StrEnum):
    """Measures (indsatser): støttende indsatser under barnets lov § 32, stk. 1, placement
    (§ 46) and ungestøtte (§ 114). The values are stable codes stored since the repealed Act
    (its § 52, stk. 3 numbering); ``LEGAL_BASIS`` gives each one's place in the law in force."""

    DAYCARE_OR_EDUCATION = "sel_52_3_1"  # § 32, stk. 1, nr. 1
    SUPPORT_IN_HOME = "sel_52_3_2"  # nr. 2: praktisk, pædagogisk eller anden støtte i hjemmet
    FAMILY_TREATMENT = "sel_52_3_3"  # nr. 5: familiebehandling
    FAMILY_RESIDENTIAL_STAY = "sel_52_3_4"  # nr. 6: døgnophold for hele familien
    RESPITE_CARE = "sel_52_3_5"  # nr. 7: støtteophold (aflastning)
    PERMANENT_CONTACT_PERSON = "sel_52_3_6"  # nr. 3: fast kontaktperson
    PLACEMENT = "sel_52_3_7"  # § 46: anbringelse
    TRAINEESHIP = "sel_52_3_8"  # nr. 4: praktiktilbud
    PERSONAL_ADVISER = "sel_52_3_9"  # nr. 3: a fixed contact person under barnets lov
    OTHER_SUPPORT = "sel_52_3_10"  # nr. 8: anden hjælp
    AFTER_CARE = "sel_76"  # ungestøtte (formerly efterværn), § 114, for 18-22 year olds
    # Familiekoordinator (seed 002): the municipality's own coordinator, never ordered from a
    # provider; of the eight kinds of § 32, stk. 1 it is nr. 8, anden hjælp.
    FAMILY_COORDINATOR = "family_coordinator"


LEGAL_BASIS = {
    MeasureCode.DAYCARE_OR_EDUCATION: "Barnets lov § 32, stk. 1, nr. 1",
    MeasureCode.SUPPORT_IN_HOME: "Barnets lov § 32, stk. 1, nr. 2",
    MeasureCode.FAMILY_TREATMENT: "Barnets lov § 32, stk. 1, nr. 5",
    MeasureCode.FAMILY_RESIDENTIAL_STAY: "Barnets lov § 32, stk. 1, nr. 6",
    MeasureCode.RESPITE_CARE: "Barnets lov § 32, stk. 1, nr. 7",
    MeasureCode.PERMANENT_CONTACT_PERSON: "Barnets lov § 32, stk. 1, nr. 3",
    MeasureCode.PLACEMENT: "Barnets lov § 46",
    MeasureCode.TRAINEESHIP: "Barnets lov § 32, stk. 1, nr. 4",
    MeasureCode.PERSONAL_ADVISER: "Barnets lov § 32, stk. 1, nr. 3",
    MeasureCode.OTHER_SUPPORT: "Barnets lov § 32, stk. 1, nr. 8",
    MeasureCode.AFTER_CARE: "Barnets lov § 114",
    MeasureCode.FAMILY_COORDINATOR: "Barnets lov § 32, stk. 1, nr. 8",
}
# Measures the municipality runs itself: decided, never ordered from a provider.
NOT_ORDERED = frozenset({MeasureCode.FAMILY_COORDINATOR})
# Measures a § 32 decision covers (purpose, duration, consent, basis: § 32, stk. 2-4).
SECTION_32 = frozenset(m for m, basis in LEGAL_BASIS.items() if "§ 32," in basis)


def legal_basis(measure: MeasureCode) -> str:
    """The citation a caseworker writes for ``measure`` under the law in force."""
    return LEGAL_BASIS[measure]


BARNETS_LOV_IN_FORCE = date(2024, 1, 1)


def cited_in_force(measure: MeasureCode, cited: str, on: date) -> str:
    """``cited`` as stored, unless it names the repealed Act for a decision taken when
    barnets lov was in force: that decision rested on barnets lov, so cite it."""
    repealed = cited.lower().startswith("serviceloven")
    return LEGAL_BASIS[measure] if repealed and on >= BARNETS_LOV_IN_FORCE else cited


class GoalArea(StrEnum):
    """The six areas of the child's plan (barnets plan, barnets lov § 91; formerly handleplan)."""

    DEVELOPMENT_BEHAVIOUR = "development_and_behaviour"  # udvikling og adfærd
    FAMILY_RELATIONS = "family_relations"  # familieforhold
    SCHOOL = "school"  # skoleforhold
    HEALTH = "health"  # sundhedsforhold
    LEISURE_FRIENDSHIPS = "leisure_and_friendships"  # fritidsforhold og venskaber
    OTHER = "other"  # andre relevante forhold


@dataclass(frozen=True, slots=True)
class Goal:
    """One goal of the child's plan, carried into orders and contracts (mål for indsatsen)."""

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
