"""Notice (opsigelse) of an individual contract at the provider: in force through the last
day, ended after it; either party may give notice, once."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from provider.domain import Actor, Frequency, Goal, GoalArea, Per, PriceUnit, Role, Scope
from provider.domain.common import DomainError
from provider.domain.contract import (
    ContractCountersigned,
    ContractEnded,
    ContractOfferReceived,
    ContractTerms,
    GiveNotice,
    Notice,
    NoticeGiven,
    OwnNoticeRecorded,
    Party,
    RecordEnded,
    RecordNotice,
    TerminationReason,
    decide,
    evolve,
)
from provider.domain.delivery import StartDelivery
from provider.domain.delivery import decide as decide_delivery
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CONTRACT_ID, ORDER_ID = uuid4(), uuid4()
AT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SYSTEM = Actor("authority-contracts", Role.SYSTEM)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
TERMS = ContractTerms(
    measure_code="sel_52_3_2",
    price_oere=65_000,
    price_unit=PriceUnit.HOUR,
    goals=(Goal(uuid4(), GoalArea.SCHOOL, "Attends school every day."),),
    scope=Scope(4, Per.WEEK),
    frequency=Frequency(2, Per.WEEK),
    start=date(2025, 4, 1),
    end=None,
    payment_terms_days=30,
    terms_sha256="ab" * 32,
)
ids = {"tenant_id": TENANT, "at": AT, "contract_id": CONTRACT_ID}
in_force = (
    ContractOfferReceived(
        actor=SYSTEM, **ids, version=1, order_id=ORDER_ID, terms=TERMS, authority_signed_at=AT
    ),
    ContractCountersigned(actor=COORDINATOR, **ids, version=1, terms_sha256=TERMS.terms_sha256),
)
NOTICE = Notice(
    given_by=Party.PROVIDER,
    reason_code=TerminationReason.PROVIDER_CANNOT_DELIVER,
    notice_given_on=date(2025, 3, 10),
    last_day=date(2025, 4, 9),
)
give = GiveNotice(actor=COORDINATOR, **ids, notice=NOTICE)
given_notice = NoticeGiven(actor=COORDINATOR, **ids, notice=NOTICE)


def start_refusal(state: object) -> str | None:
    """The code delivery's start is refused with on this contract, if it is."""
    facts = state.facts  # type: ignore[attr-defined]
    start = StartDelivery(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, contract=facts, on=date(2025, 4, 1)
    )
    try:
        decide_delivery(start, None)
    except DomainError as refused:
        return refused.code
    return None


def test_the_coordinator_gives_notice_and_the_contract_stays_in_force() -> None:
    state = given(*in_force).when(give).then(given_notice)
    assert state.in_force
    assert state.notice == NOTICE
    assert start_refusal(state) is None


def test_after_the_last_day_it_has_ended_and_delivery_is_refused() -> None:
    end = RecordEnded(actor=SYSTEM, **ids)
    ended = ContractEnded(actor=SYSTEM, **ids, ended_on=NOTICE.last_day)
    state = given(*in_force, given_notice).when(end).then(ended)
    assert not state.in_force
    assert start_refusal(state) == "contract_not_in_force"
    given(*in_force, given_notice, ended).when(end).then()  # said again: nothing new


def test_the_authoritys_notice_is_recorded_and_our_own_echo_adds_nothing() -> None:
    by_authority = replace(
        NOTICE, given_by=Party.AUTHORITY, reason_code=TerminationReason.GOALS_MET
    )
    record = RecordNotice(actor=SYSTEM, **ids, notice=by_authority)
    state = (
        given(*in_force).when(record).then(NoticeGiven(actor=SYSTEM, **ids, notice=by_authority))
    )
    assert state.in_force
    given(*in_force, given_notice).when(replace(record, notice=NOTICE)).then()


def test_immediate_termination_by_the_authority_ends_it_at_once() -> None:
    at_once = replace(
        NOTICE,
        given_by=Party.AUTHORITY,
        reason_code=TerminationReason.PROVIDER_NOT_DELIVERING,
        last_day=NOTICE.notice_given_on,
    )
    record = RecordNotice(actor=SYSTEM, **ids, notice=at_once)
    state = given(*in_force).when(record).then(NoticeGiven(actor=SYSTEM, **ids, notice=at_once))
    assert not state.in_force
    assert start_refusal(state) == "contract_not_in_force"


def test_a_second_notice_is_refused() -> None:
    given(*in_force, given_notice).when(give).then_refused("contract_already_terminated")


def test_notice_without_a_period_only_for_a_serious_breach() -> None:
    at_once = replace(NOTICE, last_day=NOTICE.notice_given_on)
    given(*in_force).when(replace(give, notice=at_once)).then_refused("notice_period_required")
    breach = replace(at_once, reason_code=TerminationReason.SERIOUS_BREACH)
    state = (
        given(*in_force)
        .when(replace(give, notice=breach))
        .then(replace(given_notice, notice=breach))
    )
    assert not state.in_force


def test_only_a_contract_in_force_of_ones_own_tenant() -> None:
    given(in_force[0]).when(give).then_refused("contract_not_in_force")
    given(*in_force).when(replace(give, tenant_id=OTHER_TENANT)).then_refused("not_found")
    staff = Actor("staff-1", Role.STAFF)
    given(*in_force).when(replace(give, actor=staff)).then_refused("forbidden")


def test_at_its_expected_end_without_notice_it_has_ended_and_delivery_is_refused() -> None:
    # Given no notice; when the authority says the contract expired on its last day
    expire = RecordEnded(actor=SYSTEM, **ids, expired_on=date(2025, 9, 30))
    ended = ContractEnded(actor=SYSTEM, **ids, ended_on=date(2025, 9, 30))
    state = given(*in_force).when(expire).then(ended)
    # Then it is out of force and delivery is refused; without notice or expiry, refused
    assert start_refusal(state) == "contract_not_in_force"
    given(*in_force).when(RecordEnded(actor=SYSTEM, **ids)).then_refused("contract_not_terminated")


def test_under_the_authoritys_notice_an_earlier_last_day_of_ours_wins() -> None:
    # Given the authority's notice to NOTICE.last_day
    authority = replace(NOTICE, given_by=Party.AUTHORITY, reason_code=TerminationReason.GOALS_MET)
    theirs = NoticeGiven(actor=SYSTEM, **ids, notice=authority)
    # When we give notice to a day before it, then ours counts; to a later day, nothing here
    # changes (the authority records ours beside its own)
    earlier = replace(NOTICE, last_day=NOTICE.last_day - timedelta(days=1))
    ours = replace(give, notice=earlier)
    given(*in_force, theirs).when(ours).then(replace(given_notice, notice=earlier))
    later_notice = replace(NOTICE, last_day=NOTICE.last_day + timedelta(days=9))
    later = replace(give, notice=later_notice)
    kept = OwnNoticeRecorded(actor=COORDINATOR, **ids, notice=later_notice)
    given(*in_force, theirs).when(later).then(kept)


def test_we_give_notice_once_whichever_party_gave_the_notice_that_counts() -> None:
    # Given the authority's notice, and ours after it (kept, not counting)
    authority = replace(NOTICE, given_by=Party.AUTHORITY, reason_code=TerminationReason.GOALS_MET)
    theirs = NoticeGiven(actor=SYSTEM, **ids, notice=authority)
    later_notice = replace(NOTICE, last_day=NOTICE.last_day + timedelta(days=9))
    kept = OwnNoticeRecorded(actor=COORDINATOR, **ids, notice=later_notice)
    # When we give notice again, even to an earlier day, then it is refused
    earlier = replace(give, notice=replace(NOTICE, last_day=NOTICE.last_day - timedelta(days=1)))
    given(*in_force, theirs, kept).when(earlier).then_refused("contract_already_terminated")
    # And so it is after our notice was replaced by the authority's earlier one
    given(*in_force, given_notice, theirs).when(earlier).then_refused("contract_already_terminated")
