"""Value objects shared by several aggregates: goals, scope and frequency, prices."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class GoalArea(StrEnum):
    """The six areas of the child's plan (barnets plan, barnets lov § 91; formerly handleplan)."""

    DEVELOPMENT_AND_BEHAVIOUR = "development_and_behaviour"
    FAMILY_RELATIONS = "family_relations"
    SCHOOL = "school"
    HEALTH = "health"
    LEISURE_AND_FRIENDSHIPS = "leisure_and_friendships"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal from the authority's action plan, as ordered and contracted."""

    goal_id: UUID
    area: GoalArea
    text: str


class Per(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Scope:
    """How much help (omfang): hours per period."""

    hours: int
    per: Per


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often (hyppighed): sessions per period."""

    times: int
    per: Per


class PriceUnit(StrEnum):
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    SESSION = "session"
