"""Barnets lov § 3 (the child from 10 years is a party) and § 20, stk. 3 (the 4-month limit
counts from when the municipality became aware)."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from uuid import UUID

from authority.domain import MeasureCode
from authority.domain.case import (
    CaseOpened,
    CaseState,
    ConcludeInvestigation,
    Cpr,
    Custody,
    CustodyHolder,
    DecisionApproved,
    DecisionCommunicated,
    DecisionProposed,
    InvestigationStarted,
    LinkNotification,
    NotificationLinked,
    Person,
    PreliminaryAssessmentRecorded,
    Recipient,
    RecordDecisionCommunicated,
    RecordPreliminaryAssessment,
    Relation,
    StartInvestigation,
    decide,
    evolve,
    parties,
)
from authority.domain.case.awareness import months_later
from authority.domain.errors import DomainError
from servicekit.decider import Decider
from testkit import DeciderSpec, Given

from .builders import AT, CASEWORKER, SYSTEM, TEAM_LEADER

case = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
CASE = UUID(int=1)
TWELVE = Person("Invented Twelve", Cpr("0203134321"))  # born 2 Mar 2013
NINE = Person("Invented Nine", Cpr("0104164321"))  # born 1 Apr 2016
MOTHER = Person("Invented Mother", Cpr("1508804322"), Relation.MOTHER)
FATHER = Person("Invented Father", Cpr("2912784323"), Relation.FATHER)


def _state(child: Person, custody: CustodyHolder = CustodyHolder.JOINT) -> CaseState:
    return CaseState(CASE, child, (MOTHER, FATHER), Custody(custody), "Karen", "cw-anna")


def test_paragraph_3_a_child_of_10_or_more_is_a_party_beside_the_custody_holders() -> None:
    on = date(2025, 3, 3)
    found = parties(_state(TWELVE), on)
    assert [p.recipient for p in found] == [Recipient.CHILD, Recipient.MOTHER, Recipient.FATHER]
    assert [p.recipient for p in parties(_state(NINE), on)] == [Recipient.MOTHER, Recipient.FATHER]
    ten_today = Person("Invented Ten", Cpr("0303154321"))
    assert parties(_state(ten_today), date(2025, 3, 3))[0].recipient is Recipient.CHILD
    assert parties(_state(ten_today), date(2025, 3, 2))[0].recipient is Recipient.MOTHER


def test_paragraph_3_only_the_custody_holder_is_a_parent_party() -> None:
    found = parties(_state(NINE, CustodyHolder.FATHER), date(2025, 3, 3))
    assert [(p.recipient, p.person) for p in found] == [(Recipient.FATHER, FATHER)]
    unmarked = (replace(MOTHER, relation=None), replace(FATHER, relation=None))
    state = replace(_state(NINE), parents=unmarked)  # before relations were recorded
    assert [p.recipient for p in parties(state, date(2025, 3, 3))] == [
        Recipient.MOTHER,
        Recipient.FATHER,
    ]


def _opened(child: Person, *events: object) -> Given:  # type: ignore[type-arg]
    opened = CaseOpened(
        actor=CASEWORKER,
        at=AT - timedelta(days=30),
        case_id=CASE,
        child=child,
        parents=(MOTHER, FATHER),
        custody=Custody(CustodyHolder.JOINT),
        contact_person="Karen",
        caseworker_id=CASEWORKER.user_id,
    )
    return case.given(opened, *events)


DECISION = UUID(int=5)
approved = (
    DecisionProposed(
        actor=CASEWORKER,
        at=AT,
        decision_id=DECISION,
        measure=MeasureCode.SUPPORT_IN_HOME,
        legal_basis="Barnets lov § 32, stk. 1, nr. 2",
        assessment="Støtte i hjemmet",
    ),
    DecisionApproved(actor=TEAM_LEADER, at=AT, decision_id=DECISION),
)


def test_paragraph_3_the_decision_reaches_the_child_only_from_10_years() -> None:
    holders = frozenset({Recipient.MOTHER, Recipient.FATHER})
    command = RecordDecisionCommunicated(
        actor=CASEWORKER, at=AT, decision_id=DECISION, recipients=holders
    )
    _opened(NINE, *approved).when(command).then(
        DecisionCommunicated(actor=CASEWORKER, at=AT, decision_id=DECISION, recipients=holders)
    )
    _opened(TWELVE, *approved).when(command).then_refused("recipients_incomplete")
    everyone = replace(command, recipients=holders | {Recipient.CHILD})
    assert _opened(TWELVE, *approved).when(everyone).events()


RECEIVED = AT - timedelta(days=20)
linked = NotificationLinked(
    actor=CASEWORKER, at=AT - timedelta(days=19), notification_id=UUID(int=7), received_at=RECEIVED
)
started = InvestigationStarted(
    actor=CASEWORKER, at=AT, investigation_id=UUID(int=300), aware_since=RECEIVED
)


def test_paragraph_20_stk_3_the_limit_counts_from_the_notifications_receipt() -> None:
    link = LinkNotification(
        actor=CASEWORKER, at=linked.at, notification_id=UUID(int=7), received_at=RECEIVED
    )
    _opened(TWELVE).when(link).then(linked)
    _opened(TWELVE, linked).when(link).then()  # linked once: a repeat changes nothing
    start = StartInvestigation(actor=CASEWORKER, at=AT, investigation_id=UUID(int=300))
    _opened(TWELVE, linked).when(start).then(started)
    _opened(TWELVE).when(start).then(replace(started, aware_since=AT))


def test_a_providers_concern_is_linked_to_the_case_by_the_integration_layer() -> None:
    # Given an open case, when the system (a provider's concern) links a notification
    link = LinkNotification(
        actor=SYSTEM, at=linked.at, notification_id=UUID(int=7), received_at=RECEIVED
    )
    # Then the case records it as a caseworker's link would be
    _opened(TWELVE).when(link).then(replace(linked, actor=SYSTEM))


def test_paragraph_20_stk_3_concluding_late_needs_a_preliminary_assessment() -> None:
    limit = months_later(RECEIVED, 4)
    assert limit == datetime(2025, 6, 11, 9, 30, tzinfo=RECEIVED.tzinfo)
    conclude = ConcludeInvestigation(actor=CASEWORKER, at=limit, summary="Støtte anbefales")
    assert _opened(TWELVE, linked, started).when(conclude).events()  # on the limit: in time
    that_evening = replace(conclude, at=limit + timedelta(hours=8))
    assert _opened(TWELVE, linked, started).when(that_evening).events()  # the same day
    late = replace(conclude, at=limit + timedelta(days=1))
    _opened(TWELVE, linked, started).when(late).then_refused("preliminary_assessment_required")
    preliminary = RecordPreliminaryAssessment(
        actor=CASEWORKER, at=limit - timedelta(days=3), assessment="Afventer psykologen"
    )
    recorded = PreliminaryAssessmentRecorded(
        actor=CASEWORKER, at=preliminary.at, assessment="Afventer psykologen"
    )
    _opened(TWELVE, linked, started).when(preliminary).then(recorded)
    assert _opened(TWELVE, linked, started, recorded).when(late).events()


def test_paragraph_20_stk_3_the_preliminary_assessment_belongs_to_an_open_investigation() -> None:
    preliminary = RecordPreliminaryAssessment(actor=CASEWORKER, at=AT, assessment="x")
    _opened(TWELVE).when(preliminary).then_refused("investigation_not_open")
    _opened(TWELVE, started).when(replace(preliminary, assessment="")).then_refused(
        "assessment_required"
    )
    assert months_later(datetime(2025, 10, 31, tzinfo=AT.tzinfo), 4).date() == date(2026, 2, 28)
