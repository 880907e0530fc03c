"""Invented children and parents: names from short lists, CPR numbers with real birth dates
and random serials (no real persons)."""

from __future__ import annotations

import random
from datetime import date, timedelta

FIRST = ["Emil", "Freja", "Noah", "Ida", "Oscar", "Alma", "William", "Ella", "Karl", "Clara"]
ADULT = ["Mette", "Anders", "Louise", "Jesper", "Camilla", "Thomas", "Sara", "Martin"]
LAST = ["Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Christensen", "Larsen"]
CONTACT = "Karen Jensen, socialrådgiver"
# Who consents to a decision (barnets lov § 32, stk. 2): every custody holder.
CONSENTING = {"joint": ["mother", "father"], "mother": ["mother"], "father": ["father"]}


def cpr(rng: random.Random, born: date) -> str:
    """An invented CPR number with a real birth date (the serial is random)."""
    return f"{born:%d%m%y}{rng.randint(4000, 4999):04d}"


def child(rng: random.Random) -> dict[str, str]:
    born = date(2010, 1, 1) + timedelta(days=rng.randint(0, 4000))
    return {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "cpr": cpr(rng, born)}


def family(rng: random.Random, last: str) -> tuple[str, list[dict[str, str]]]:
    """The custody and the parents (with their relation) of a child named ``last``."""
    custody = rng.choice(["joint", "joint", "mother", "father"])
    mother = {
        "name": f"{rng.choice(ADULT[::2])} {last}",
        "cpr": cpr(rng, date(1985, 5, 17)),
        "relation": "mother",
    }
    father = {
        "name": f"{rng.choice(ADULT[1::2])} {last}",
        "cpr": cpr(rng, date(1983, 9, 2)),
        "relation": "father",
    }
    parents = {"joint": [mother, father], "mother": [mother], "father": [father]}[custody]
    return custody, parents
