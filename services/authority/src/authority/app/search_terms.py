"""What a case search looks for, in terms a blind index can match.

Names and CPR numbers are personal data: the read model keeps only keyed hashes of them
(``Blinder``), so a search hashes its words the same way and compares hashes. A word is
normalised first (case, accents, the Danish æ/ø/å as ae/oe/aa), so "Søren" finds "Soeren".
Only whole words match: a blind index cannot answer a prefix without leaking it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from authority.domain.case import CaseState

CPR_SHAPE = re.compile(r"\s*([0-9]{6})-?([0-9]{4})\s*")
CASE_NUMBER = re.compile(r"[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{0,4}")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 5


class Blinder(Protocol):
    """A keyed hash (HMAC) of a search term; the key never leaves the adapter."""

    def __call__(self, term: str) -> str: ...


def words(name: str) -> list[str]:
    """``name``'s words, normalised: "Anne-Søs Ødegård" → ["anne", "soes", "oedegaard"]."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_DANISH)
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    return _WORD.findall(plain)


def cpr_term(digits: str) -> str:
    return f"cpr:{digits}"


def name_term(word: str) -> str:
    return f"name:{word}"


def terms_of(state: CaseState) -> set[str]:
    """What the case is found by: the child's name words and CPR number; nothing once erased."""
    if state.erased or state.child.name == "[erased]":
        return set()
    return {cpr_term(state.child.cpr.digits), *(name_term(w) for w in words(state.child.name))}


@dataclass(frozen=True)
class Query:
    """A typed search: a CPR number (``cpr`` the 10 digits), else free text matched against
    the child's name words, the case number and the caseworker."""

    text: str = ""
    cpr: str | None = None

    @property
    def case_number(self) -> str | None:
        """The typed case number (4-8 hex digits, a dash allowed), upper case, or None."""
        text = self.text.strip()
        return text.replace("-", "").upper() if CASE_NUMBER.fullmatch(text) else None

    @property
    def case_id(self) -> UUID | None:
        try:
            return UUID(self.text.strip())
        except ValueError:
            return None

    def name_words(self) -> list[str]:
        return words(self.text)[:MAX_WORDS]


def parse(typed: str) -> Query:
    found = CPR_SHAPE.fullmatch(typed)
    if found:
        return Query(cpr=found.group(1) + found.group(2))
    return Query(text=typed.strip()[:100])
