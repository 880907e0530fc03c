"""Vocabulary shared by several events: measures, goals, contacts, money."""

from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

Text = Annotated[str, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
MunicipalityCode = Annotated[
    str, Field(pattern=r"^\d{3}$", description="Kommunekode of the municipality, e.g. 101")
]
Ore = Annotated[int, Field(ge=0, description="Amount in øre (1/100 DKK)")]
Currency = Literal["DKK"]


class Value(BaseModel):
    """Base of value objects inside events: frozen and closed like the events."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class MeasureCode(StrEnum):
    """The measures of the Social Services Act § 52, stk. 3 (nr. 1-10)."""

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


def legal_basis_for(measure: MeasureCode) -> str:
    """The citation a caseworker writes for ``measure``."""
    return f"Serviceloven § 52, stk. 3, nr. {measure.number}"


class GoalArea(StrEnum):
    """The six areas of an action plan (handleplan, § 140)."""

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
    amount_ore: Ore
    currency: Currency = "DKK"
    per: PriceUnit


class Party(StrEnum):
    AUTHORITY = "authority"
    PROVIDER = "provider"
