"""Delivery: only under a contract in force; sessions are logged between start and stop."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from provider.domain import Actor, Per, Role, Scope
from provider.domain.common import DomainError
from provider.domain.contract import ContractFacts
from provider.domain.delivery import (
    CreateTreatmentPlan,
    DateRange,
    DeliveryStarted,
    DeliveryStopped,
    LogSession,
    PlanItem,
    SessionLog,
    SessionLogged,
    StartDelivery,
    StopDelivery,
    TreatmentPlanCreated,
    decide,
    deviation,
    evolve,
    hours_per_week,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CONTRACT_ID, GOAL_ID, SESSION_ID = uuid4(), uuid4(), uuid4()
AT = datetime(2025, 4, 10, 15, 0, tzinfo=UTC)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
STAFF = Actor("staff-1", Role.STAFF)
IN_FORCE = ContractFacts(
    tenant_id=TENANT,
    contract_id=CONTRACT_ID,
    in_force=True,
    goal_ids=frozenset({GOAL_ID}),
    price_oere=65_000,
)
NOT_IN_FORCE = replace(IN_FORCE, in_force=False)
START = date(2025, 4, 1)
STARTED = DeliveryStarted(
    actor=COORDINATOR, tenant_id=TENANT, at=AT, contract_id=CONTRACT_ID, on=START
)
SESSION = SessionLog(SESSION_ID, date(2025, 4, 3), 90, "Morning routine practised.")
LOGGED = SessionLogged(
    actor=STAFF, tenant_id=TENANT, at=AT, contract_id=CONTRACT_ID, session=SESSION
)


def start(contract: ContractFacts = IN_FORCE) -> StartDelivery:
    return StartDelivery(actor=COORDINATOR, tenant_id=TENANT, at=AT, contract=contract, on=START)


def log(on: date = SESSION.on, session_id: UUID = SESSION_ID) -> LogSession:
    return LogSession(
        actor=STAFF,
        tenant_id=TENANT,
        at=AT,
        contract=IN_FORCE,
        session_id=session_id,
        on=on,
        minutes=90,
        note=SESSION.note,
    )


def plan(goal_id: UUID) -> CreateTreatmentPlan:
    items = (PlanItem(goal_id, "Practise the morning routine with the parents."),)
    return CreateTreatmentPlan(
        actor=COORDINATOR, tenant_id=TENANT, at=AT, contract=IN_FORCE, items=items
    )


def test_a_treatment_plan_links_to_the_contract_goals() -> None:
    command = plan(GOAL_ID)
    created = TreatmentPlanCreated(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        plan_version=1,
        items=command.items,
    )
    given().when(command).then(created)


def test_a_plan_item_for_a_goal_outside_the_contract_is_refused() -> None:
    given().when(plan(uuid4())).then_refused("unknown_goal")


def test_delivery_starts_under_a_contract_in_force() -> None:
    given().when(start()).then(STARTED)


def test_delivery_is_refused_unless_the_contract_is_in_force() -> None:
    given().when(start(NOT_IN_FORCE)).then_refused("contract_not_in_force")
    command = replace(log(), contract=NOT_IN_FORCE)
    given(STARTED).when(command).then_refused("contract_not_in_force")


def test_another_tenants_contract_is_not_found() -> None:
    foreign = replace(IN_FORCE, tenant_id=OTHER_TENANT)
    given().when(start(foreign)).then_refused("not_found")
    command = replace(log(), tenant_id=OTHER_TENANT)
    given(STARTED).when(command).then_refused("not_found")


def test_staff_log_sessions_once_started() -> None:
    given().when(log()).then_refused("not_started")
    state = given(STARTED).when(log()).then(LOGGED)
    assert state is not None
    assert state.sessions == (SESSION,)


def test_a_retried_session_log_is_counted_once() -> None:
    given(STARTED, LOGGED).when(log()).then()


def test_a_session_outside_start_and_today_is_refused() -> None:
    before = log(on=date(2025, 3, 31), session_id=uuid4())
    given(STARTED).when(before).then_refused("invalid_date")
    tomorrow = log(on=date(2025, 4, 11), session_id=uuid4())
    given(STARTED).when(tomorrow).then_refused("invalid_date")


def test_after_a_stop_only_earlier_sessions_may_still_be_logged() -> None:
    stop = StopDelivery(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        contract=NOT_IN_FORCE,
        on=date(2025, 4, 5),
        reason="The measure ended at follow-up.",
    )
    stopped = DeliveryStopped(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        contract_id=CONTRACT_ID,
        on=date(2025, 4, 5),
        reason="The measure ended at follow-up.",
    )
    given(STARTED).when(stop).then(stopped)
    late = log(on=date(2025, 4, 8), session_id=uuid4())
    given(STARTED, stopped).when(late).then_refused("delivery_stopped")
    given(STARTED, stopped).when(log()).then(LOGGED)
    given(STARTED, stopped).when(start()).then_refused("delivery_stopped")


def test_deviation_shows_delivered_against_agreed_week_by_week() -> None:
    def session(day: int, minutes: int) -> SessionLog:
        return SessionLog(uuid4(), date(2025, 4, day), minutes, "")

    logs = [session(3, 90), session(8, 60), session(10, 60), session(20, 60)]
    period = DateRange(date(2025, 4, 2), date(2025, 4, 13))  # Wednesday to the next Sunday

    report = deviation(Decimal(4), logs, period)

    rows = [(w.week.start, w.agreed_minutes, w.delivered_minutes) for w in report.weeks]
    assert rows == [(date(2025, 4, 2), 171, 90), (date(2025, 4, 7), 240, 120)]
    assert [w.deviation_minutes for w in report.weeks] == [-81, -120]
    assert (report.agreed_minutes, report.delivered_minutes) == (411, 210)


def test_scope_per_day_or_month_converts_to_hours_per_week() -> None:
    assert hours_per_week(Scope(2, Per.DAY)) == 14
    assert hours_per_week(Scope(52, Per.MONTH)) == 12
