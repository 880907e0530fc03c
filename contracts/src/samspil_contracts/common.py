"""Vocabulary shared by several events: measures, goals, contacts, money."""

from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

# Bounds every event keeps, and every API that feeds one: the largest event they allow (30
# goals of 4,000 four-byte characters, say) stays well under the 1 MiB a record may have.
MAX_GOALS = 30  # goals of an action plan, an order, a status report
MAX_LIST = 100  # claim lines, published competences, time horizons
MAX_ORE = 10**15  # 10 000 000 000 000 DKK: within a 64-bit integer and a float's exact range
MAX_UNIT_PRICE_ORE = 10**8  # a price per hour, day, month or session: 1 000 000 DKK
MAX_REVISION = 2**31 - 1  # stream revisions are 32-bit in every event store
MAX_PLACES = 100_000  # places a provider offers for a measure
MAX_QUANTITY = 100_000  # units on one claim line; x the unit price x MAX_LIST <= MAX_ORE
# A case's follow-up cadence (opfølgning, barnets lov § 95) in months: the one bound the
# authority refuses outside of and the scheduler honours in full, so a cadence accepted is
# never one that leaves a contract without follow-ups.
FOLLOW_UP_CADENCE_MONTHS = range(1, 25)

Text = Annotated[str, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=20000)]  # narratives, sealed
# The wire schema is unchanged by the bound's move here (no new event version).
CadenceMonths = Annotated[
    int, Field(ge=FOLLOW_UP_CADENCE_MONTHS.start, le=FOLLOW_UP_CADENCE_MONTHS.stop - 1)
]
MunicipalityCode = Annotated[
    str, Field(pattern=r"^\d{3}$", description="Kommunekode of the municipality, e.g. 101")
]
Ore = Annotated[int, Field(ge=0, le=MAX_ORE, description="Amount in øre (1/100 DKK)")]
UnitPriceOre = Annotated[
    int, Field(ge=0, le=MAX_UNIT_PRICE_ORE, description="Price per unit in øre (1/100 DKK)")
]

Currency = Literal["DKK"]


class Value(BaseModel):
    """Base of value objects inside events: frozen and closed like the events."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class MeasureCode(StrEnum):
    """The measures a decision can order: støttende indsatser under barnets lov § 32, stk. 1
    (nr. 1-8) and placement (anbringelse, § 46). The codes are the stable values first stored
    under the repealed Act (``sel_52_3_<n>``); ``legal_basis_for`` gives the law in force."""

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

    @property
    def number(self) -> int:
        return int(self.value.rsplit("_", 1)[1])


# Each stored code's place in barnets lov (in force since 1 January 2024). A personal adviser
# (personlig rådgiver) is a fixed contact person under barnets lov.
BARNETS_LOV = {
    MeasureCode.DAYCARE_OR_EDUCATION: "§ 32, stk. 1, nr. 1",
    MeasureCode.SUPPORT_IN_HOME: "§ 32, stk. 1, nr. 2",
    MeasureCode.FAMILY_TREATMENT: "§ 32, stk. 1, nr. 5",
    MeasureCode.FAMILY_RESIDENTIAL_STAY: "§ 32, stk. 1, nr. 6",
    MeasureCode.RESPITE_CARE: "§ 32, stk. 1, nr. 7",
    MeasureCode.CONTACT_PERSON: "§ 32, stk. 1, nr. 3",
    MeasureCode.PLACEMENT: "§ 46",
    MeasureCode.TRAINEESHIP: "§ 32, stk. 1, nr. 4",
    MeasureCode.PERSONAL_ADVISER: "§ 32, stk. 1, nr. 3",
    MeasureCode.OTHER_SUPPORT: "§ 32, stk. 1, nr. 8",
}


def legal_basis_for(measure: MeasureCode) -> str:
    """The citation a caseworker writes for ``measure`` under the law in force."""
    return f"Barnets lov {BARNETS_LOV[measure]}"


class GoalArea(StrEnum):
    """The six areas of the child's plan (barnets plan, barnets lov § 91; formerly handleplan)."""

    DEVELOPMENT_AND_BEHAVIOUR = "development_and_behaviour"
    FAMILY_RELATIONS = "family_relations"
    SCHOOL = "school"
    HEALTH = "health"
    LEISURE_AND_FRIENDSHIPS = "leisure_and_friendships"
    OTHER = "other"


class Goal(Value):
    goal_id: UUID
    area: GoalArea
    description: Text


Goals = Annotated[tuple[Goal, ...], Field(min_length=1, max_length=MAX_GOALS)]


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Scope(Value):
    """How much help (omfang): hours per period."""

    hours: int = Field(ge=1, le=744)
    per: Period


class Frequency(Value):
    """How often (hyppighed): sessions per period."""

    times: int = Field(ge=1, le=100)
    per: Period


class ContactPerson(Value):
    """A professional's work contact; not citizen personal data."""

    name: ShortText
    email: ShortText
    phone: ShortText | None = None


class PriceUnit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    SESSION = "session"


class Price(Value):
    amount_ore: UnitPriceOre
    currency: Currency = "DKK"
    per: PriceUnit


class Party(StrEnum):
    AUTHORITY = "authority"
    PROVIDER = "provider"
