"""The parties of a case (barnets lov § 3): the custody holders, and the child from 10 years.

Each party gets the decision in a letter of its own. A parent's relation (mother, father) is
recorded on the case; cases opened before it was asked fall back on the CPR number's last
digit (odd for a man), which is how the CPR register records legal sex.
"""

from dataclasses import dataclass
from datetime import date

from authority.domain.case.people import Custody, CustodyHolder, Person, Recipient, Relation
from authority.domain.case.state import CaseState

PARTY_AGE = 10  # § 3: children from 10 years exercise party rights


@dataclass(frozen=True, slots=True)
class Party:
    recipient: Recipient
    person: Person


def age_on(person: Person, day: date) -> int:
    born = person.cpr.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def child_is_party(child: Person, on: date) -> bool:
    return age_on(child, on) >= PARTY_AGE


def relation_of(parent: Person) -> Relation:
    if parent.relation is not None:
        return parent.relation
    return Relation.FATHER if int(parent.cpr.digits[-1]) % 2 else Relation.MOTHER


def custody_holders(custody: Custody, parents: tuple[Person, ...]) -> tuple[Party, ...]:
    if custody.holder is CustodyHolder.GUARDIAN:
        assert custody.guardian is not None  # checked when the custody was made
        return (Party(Recipient.GUARDIAN, custody.guardian),)
    wanted = custody.required_recipients(child_is_party=False)
    found = (Party(Recipient(relation_of(p).value), p) for p in parents)
    return tuple(p for p in found if p.recipient in wanted)


def parties(case: CaseState, on: date) -> tuple[Party, ...]:
    """Who is a party on ``on``: the child first (if 10 or older), then the custody holders."""
    holders = custody_holders(case.custody, case.parents)
    if child_is_party(case.child, on):
        return (Party(Recipient.CHILD, case.child), *holders)
    return holders
