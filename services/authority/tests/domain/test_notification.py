"""Notifications of concern (underretninger), barnets lov §§ 133-137: received, assessed within
24 hours (§ 135), attached to a case, and a receipt to a professional reporter (§ 136)."""

from dataclasses import replace
from datetime import timedelta
from uuid import UUID

from authority.domain import Actor, Role
from authority.domain.errors import DomainError
from authority.domain.notification import (
    AssessNotification,
    AttachNotification,
    Channel,
    DeadlineKind,
    NotificationAssessed,
    NotificationAttached,
    NotificationDeadlineSet,
    NotificationReceived,
    NotificationState,
    ReceiptChannel,
    ReceiptSent,
    ReceiveNotification,
    RecordNotificationDeadline,
    Reporter,
    ReporterKind,
    SendReceipt,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, CHILD, FINANCE, SYSTEM

notification = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
REPORTER = Actor("nørre-skole", Role.REPORTER)
SCHOOL = Reporter(
    ReporterKind.SCHOOL, name="Lærer Jens", organisation="Nørre Skole", cvr="12345678"
)
receive = ReceiveNotification(
    actor=REPORTER,
    at=AT,
    notification_id=UUID(int=7),
    channel=Channel.API,
    reporter=SCHOOL,
    child=CHILD,
    text="Kommer sulten i skole og har blå mærker på armene",
)
received = NotificationReceived(
    actor=REPORTER,
    at=AT,
    notification_id=receive.notification_id,
    channel=receive.channel,
    reporter=SCHOOL,
    child=CHILD,
    text=receive.text,
)
assess = AssessNotification(
    actor=CASEWORKER,
    at=AT + timedelta(hours=3),
    in_danger=True,
    acute_action_needed=False,
    assessment="Bekymrende, men ikke akut: samtale med barnet i morgen",
)


def test_paragraph_134_anyone_may_report_even_anonymously() -> None:
    anonymous = replace(receive, reporter=Reporter(ReporterKind.ANONYMOUS))
    notification.given().when(anonymous).then(replace(received, reporter=anonymous.reporter))
    named = replace(anonymous, reporter=Reporter(ReporterKind.ANONYMOUS, name="Nabo"))
    notification.given().when(named).then_refused("anonymous_identified")
    by_caseworker = replace(receive, actor=CASEWORKER, channel=Channel.CASEWORKER)
    assert notification.given().when(by_caseworker).events()
    notification.given().when(replace(receive, actor=FINANCE)).then_refused("forbidden_role")


def test_paragraph_133_a_professional_reporter_names_the_organisation() -> None:
    no_school = replace(receive, reporter=Reporter(ReporterKind.SCHOOL, name="Jens"))
    notification.given().when(no_school).then_refused("reporter_organisation_required")


def test_a_notification_names_the_child_and_the_concern() -> None:
    notification.given().when(replace(receive, child=None)).then_refused("child_required")
    notification.given().when(replace(receive, text=" ")).then_refused("text_required")
    notification.given(received).when(receive).then_refused("notification_exists")


def test_a_providers_concern_arrives_on_its_case_through_the_concern_flow() -> None:
    from_provider = replace(
        receive,
        actor=SYSTEM,
        channel=Channel.PROVIDER,
        reporter=Reporter(ReporterKind.PROVIDER, organisation="Familiehuset"),
        child=None,
        text=None,
        case_id=UUID(int=9),
        concern_id=UUID(int=7),
    )
    assert notification.given().when(from_provider).events()
    as_school = replace(from_provider, reporter=SCHOOL)
    notification.given().when(as_school).then_refused("invalid_reporter")


def test_paragraph_135_the_assessment_is_recorded_once_within_24_hours() -> None:
    state = (
        notification.given(received)
        .when(assess)
        .then(
            NotificationAssessed(
                actor=CASEWORKER,
                at=assess.at,
                in_danger=True,
                acute_action_needed=False,
                assessment=assess.assessment,
            )
        )
    )
    assert isinstance(state, NotificationState)
    assert state.assessment is not None
    assert state.assessment.by == CASEWORKER.user_id
    assert state.assessment_limit == AT + timedelta(hours=24)
    again = notification.given(received, *notification.given(received).when(assess).events())
    again.when(assess).then_refused("notification_assessed")
    notification.given(received).when(replace(assess, assessment="")).then_refused(
        "assessment_required"
    )


def test_paragraph_135_an_assessment_after_24_hours_says_why_it_is_late() -> None:
    late = replace(assess, at=AT + timedelta(hours=24, minutes=1))
    notification.given(received).when(late).then_refused("late_assessment_reason_required")
    explained = replace(late, reason="Modtaget før weekenden, vagten var syg")
    assert notification.given(received).when(explained).events()
    on_the_hour = replace(assess, at=AT + timedelta(hours=24))
    assert notification.given(received).when(on_the_hour).events()


def test_paragraph_136_a_professional_reporter_gets_one_receipt() -> None:
    receipt = SendReceipt(actor=CASEWORKER, at=AT, channel=ReceiptChannel.DIGITAL_POST)
    state = (
        notification.given(received)
        .when(receipt)
        .then(ReceiptSent(actor=CASEWORKER, at=AT, channel=ReceiptChannel.DIGITAL_POST))
    )
    assert isinstance(state, NotificationState)
    assert state.receipt_owed
    assert state.receipt_sent_at == AT
    sent = ReceiptSent(actor=CASEWORKER, at=AT, channel=ReceiptChannel.DIGITAL_POST)
    notification.given(received, sent).when(receipt).then_refused("receipt_sent")
    no_cvr = replace(received, reporter=replace(SCHOOL, cvr=None))
    notification.given(no_cvr).when(receipt).then_refused("reporter_cvr_required")
    other = replace(receipt, channel=ReceiptChannel.OTHER)
    assert notification.given(no_cvr).when(other).events()


def test_paragraph_136_an_anonymous_reporter_gets_no_receipt() -> None:
    anonymous = replace(received, reporter=Reporter(ReporterKind.ANONYMOUS))
    receipt = SendReceipt(actor=CASEWORKER, at=AT, channel=ReceiptChannel.OTHER)
    notification.given(anonymous).when(receipt).then_refused("receipt_impossible")
    state = notification.given(anonymous).state
    assert isinstance(state, NotificationState)
    assert not state.receipt_owed


def test_a_notification_is_attached_to_one_case() -> None:
    attach = AttachNotification(actor=CASEWORKER, at=AT, case_id=UUID(int=9))
    attached = NotificationAttached(actor=CASEWORKER, at=AT, case_id=UUID(int=9))
    notification.given(received).when(attach).then(attached)
    notification.given(received, attached).when(attach).then_refused("notification_attached")
    notification.given().when(attach).then_refused("notification_not_found")


def test_the_schedulers_deadlines_are_recorded_by_the_system_only() -> None:
    due = AT + timedelta(hours=24)
    command = RecordNotificationDeadline(
        actor=SYSTEM, at=AT, kind=DeadlineKind.ASSESSMENT, due_at=due
    )
    state = (
        notification.given(received)
        .when(command)
        .then(
            NotificationDeadlineSet(actor=SYSTEM, at=AT, kind=DeadlineKind.ASSESSMENT, due_at=due)
        )
    )
    assert isinstance(state, NotificationState)
    assert state.assessment_due_at == due
    notification.given(received).when(replace(command, actor=CASEWORKER)).then_refused(
        "forbidden_role"
    )
