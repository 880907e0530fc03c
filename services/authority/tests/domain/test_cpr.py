"""CPR numbers: 10 digits, a real date with the century from the 7th digit, never printed."""

from datetime import date
from uuid import UUID

import pytest
from authority.domain import DomainError
from authority.domain.case import CaseOpened, Custody, CustodyHolder, Person
from authority.domain.case.cpr import Cpr

from .builders import AT, CASEWORKER, CHILD, CHILD_CPR, MOTHER


def test_a_valid_number_gives_its_birth_date() -> None:
    assert Cpr(CHILD_CPR).birth_date == date(2003, 2, 1)


def test_the_usual_hyphen_is_accepted_and_dropped() -> None:
    assert Cpr("010203-4321") == Cpr(CHILD_CPR)
    assert Cpr("010203-4321").digits == CHILD_CPR


@pytest.mark.parametrize(
    ("number", "born"),
    [
        ("0102031234", date(1903, 2, 1)),  # 7th digit 0-3: 1900s
        ("0102374321", date(1937, 2, 1)),  # 7th digit 4, year 37-99: 1900s
        ("0102365321", date(2036, 2, 1)),  # 7th digit 5-8, year 00-57: 2000s
        ("0102585321", date(1858, 2, 1)),  # 7th digit 5-8, year 58-99: 1800s
        ("0102369321", date(2036, 2, 1)),  # 7th digit 9, year 00-36: 2000s
        ("0102999321", date(1999, 2, 1)),  # 7th digit 9, year 37-99: 1900s
    ],
)
def test_the_century_follows_the_seventh_digit(number: str, born: date) -> None:
    assert Cpr(number).birth_date == born


def test_a_number_without_modulus_11_is_still_valid() -> None:
    # 0102034321 fails the old modulus-11 check; such numbers are issued since 2007.
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    assert sum(int(d) * w for d, w in zip(CHILD_CPR, weights, strict=True)) % 11 != 0
    assert Cpr(CHILD_CPR).digits == CHILD_CPR


@pytest.mark.parametrize(
    "number",
    [
        "3102034321",  # 31 February
        "2902014321",  # 29 February 2001 is not a leap day
        "0013034321",  # month 13
        "0002034321",  # day 0
    ],
)
def test_a_number_without_a_real_date_is_refused(number: str) -> None:
    with pytest.raises(DomainError) as refused:
        Cpr(number)
    assert refused.value.code == "invalid_cpr"


FULLWIDTH = "".join(chr(0xFF10 + int(d)) for d in "0102034321")  # digits, but not ASCII


@pytest.mark.parametrize(
    "number",
    [
        "010203432",
        "01020343210",
        "",
        "01020A4321",
        "0102-034321",
        FULLWIDTH,
    ],
)
def test_a_number_of_the_wrong_shape_is_refused(number: str) -> None:
    with pytest.raises(DomainError) as refused:
        Cpr(number)
    assert refused.value.code == "invalid_cpr"


def test_a_refusal_never_echoes_the_number() -> None:
    with pytest.raises(DomainError) as refused:
        Cpr("3102034321")
    assert "3102034321" not in str(refused.value)
    assert "310203" not in repr(refused.value)


def test_the_number_never_prints() -> None:
    cpr = Cpr(CHILD_CPR)
    for shown in (repr(cpr), str(cpr), f"{cpr}", repr(CHILD)):
        assert "0102" not in shown
        assert "4321" not in shown


def test_a_person_hides_name_and_number_in_events_too() -> None:
    opened = CaseOpened(
        actor=CASEWORKER,
        at=AT,
        case_id=UUID(int=7),
        child=CHILD,
        parents=(MOTHER,),
        custody=Custody(CustodyHolder.GUARDIAN, guardian=Person("Invented Guardian", MOTHER.cpr)),
        contact_person="Anna",
        caseworker_id="cw-anna",
    )
    shown = repr(opened)
    assert "Invented" not in shown
    assert CHILD_CPR[:6] not in shown
    assert MOTHER.cpr.digits[:6] not in shown
