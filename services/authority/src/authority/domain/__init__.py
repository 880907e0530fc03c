"""The authority's pure domain: decide/evolve per aggregate, stdlib only, no I/O, no clock.

Aggregates live in subpackages: `case`, `order`, `contract`, `change` (a contract's change
requests), `followup`, `concern`, `settlement`.
"""

from authority.domain.audit import CASEWORK, Actor, Command, Event, Role, stamp
from authority.domain.errors import DomainError
from authority.domain.vocabulary import Goal, GoalArea, MeasureCode, PriceUnit

__all__ = [
    "CASEWORK",
    "Actor",
    "Command",
    "DomainError",
    "Event",
    "Goal",
    "GoalArea",
    "MeasureCode",
    "PriceUnit",
    "Role",
    "stamp",
]
