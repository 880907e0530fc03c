"""The provider's pure domain: one subpackage per aggregate, each with `decide` and `evolve`.

material  published material (prices, time horizons, method, competences, places)
capacity  places per measure code, held by accepted orders
order     the order inbox: received → accepted | declined | withdrawn
contract  individual contracts, in force when both parties signed the current version
delivery  treatment plan, sessions, start and stop; deviation from the agreed scope
report    status reports covering every contract goal
change    a contract's change requests (extend, scope, end early) and their answers
concern   notifications of concern and use of force
claim     claims, credit notes and the authority's decision on them
"""

from provider.domain.common import Actor, Command, DomainError, Event, Role
from provider.domain.values import Frequency, Goal, GoalArea, Per, PriceUnit, Scope

__all__ = [
    "Actor",
    "Command",
    "DomainError",
    "Event",
    "Frequency",
    "Goal",
    "GoalArea",
    "Per",
    "PriceUnit",
    "Role",
    "Scope",
]
