"""Test data: actors, a moment, invented citizens and typical terms."""

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from authority.domain import Actor, Goal, GoalArea, PriceUnit, Role
from authority.domain.case import Cpr, Person

CASEWORKER = Actor("cw-anna", Role.CASEWORKER)
OTHER_CASEWORKER = Actor("cw-bo", Role.CASEWORKER)
TEAM_LEADER = Actor("tl-carla", Role.TEAM_LEADER)
OTHER_TEAM_LEADER = Actor("tl-dan", Role.TEAM_LEADER)
FINANCE = Actor("fin-eva", Role.FINANCE)
SYSTEM = Actor("provider-gateway", Role.SYSTEM)

AT = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
TODAY = AT.date()

# Invented numbers with real dates (7th digit 4: born 2000-2036, else 1937-1999).
CHILD_CPR = "0102034321"  # 1 Feb 2003
MOTHER_CPR = "1508804322"  # 15 Aug 1980
FATHER_CPR = "2912784323"  # 29 Dec 1978

CHILD = Person("Invented Child", Cpr(CHILD_CPR))
MOTHER = Person("Invented Mother", Cpr(MOTHER_CPR))
FATHER = Person("Invented Father", Cpr(FATHER_CPR))


def goals() -> tuple[Goal, ...]:
    return (
        Goal(UUID(int=1), GoalArea.FAMILY_RELATIONS, "Calm mornings before school"),
        Goal(UUID(int=2), GoalArea.SCHOOL, "Attends school every day"),
    )


def new_id() -> UUID:
    return uuid4()


START = date(2025, 4, 1)
PRICE = 55_000  # 550.00 DKK per hour
UNIT = PriceUnit.HOUR
