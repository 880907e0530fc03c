"""The Danish personal identity number (CPR-nummer): sensitive, so it never prints itself."""

import re
from dataclasses import dataclass, field
from datetime import date

from authority.domain.errors import DomainError

_SHAPE = re.compile(r"[0-9]{6}-?[0-9]{4}")
MASK = "******-****"


@dataclass(frozen=True, slots=True, repr=False)
class Cpr:
    """DDMMYY + a 4-digit serial. The 7th digit and the year give the century.

    No modulus-11 check: numbers without it have been issued since 2007.
    `digits` holds the plain number for storage (encrypted by the app); repr and str are masked.
    """

    digits: str = field(repr=False)

    def __post_init__(self) -> None:
        # The message never echoes the input: it may be a real person's number.
        if not isinstance(self.digits, str) or not _SHAPE.fullmatch(self.digits):
            raise DomainError("invalid_cpr", "a CPR number is 10 digits (DDMMYY-SSSS)")
        object.__setattr__(self, "digits", self.digits.replace("-", ""))
        if _birth_date(self.digits) is None:
            raise DomainError("invalid_cpr", "the CPR number does not start with a real date")

    @property
    def birth_date(self) -> date:
        born = _birth_date(self.digits)
        assert born is not None  # checked on construction
        return born

    def __repr__(self) -> str:
        return f"Cpr({MASK!r})"

    def __str__(self) -> str:
        return MASK


def _century(seventh_digit: int, yy: int) -> int:
    """The century rule of the CPR office (CPR-kontoret), by 7th digit and two-digit year."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800  # 7th digit 5-8


def _birth_date(digits: str) -> date | None:
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    try:
        return date(_century(int(digits[6]), yy) + yy, month, day)
    except ValueError:
        return None
