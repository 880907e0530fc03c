"""Status reports: every goal of the contract is covered exactly once."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest
from provider.domain import Actor, Role
from provider.domain.common import DomainError
from provider.domain.contract import ContractFacts
from provider.domain.report import (
    GoalStatus,
    Progress,
    StatusReportSubmitted,
    SubmitStatusReport,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CONTRACT_ID, REPORT_ID = uuid4(), uuid4()
SCHOOL, HOME = uuid4(), uuid4()
AT = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)
STAFF = Actor("staff-1", Role.STAFF)
CONTRACT = ContractFacts(
    tenant_id=TENANT,
    contract_id=CONTRACT_ID,
    in_force=True,
    goal_ids=frozenset({SCHOOL, HOME}),
    price_oere=65_000,
)


def status(goal_id: UUID, progress: Progress = Progress.SOME_PROGRESS) -> GoalStatus:
    return GoalStatus(goal_id, progress, "Attends four days of five.")


def submit(*per_goal: GoalStatus) -> SubmitStatusReport:
    return SubmitStatusReport(
        actor=STAFF,
        tenant_id=TENANT,
        at=AT,
        report_id=REPORT_ID,
        contract=CONTRACT,
        followup_ref="3-month follow-up",
        per_goal=per_goal,
    )


COMPLETE = submit(status(SCHOOL), status(HOME, Progress.GOAL_REACHED))
SUBMITTED = StatusReportSubmitted(
    actor=STAFF,
    tenant_id=TENANT,
    at=AT,
    report_id=REPORT_ID,
    contract_id=CONTRACT_ID,
    followup_ref="3-month follow-up",
    per_goal=COMPLETE.per_goal,
)


def test_a_report_covering_every_goal_is_submitted() -> None:
    given().when(COMPLETE).then(SUBMITTED)


@pytest.mark.parametrize(
    ("per_goal", "code"),
    [
        ((status(SCHOOL),), "missing_goal"),
        ((status(SCHOOL), status(HOME), status(uuid4())), "unknown_goal"),
        ((status(SCHOOL), status(HOME), status(HOME)), "duplicate_goal"),
    ],
)
def test_a_report_must_cover_every_goal_exactly_once(
    per_goal: tuple[GoalStatus, ...], code: str
) -> None:
    given().when(submit(*per_goal)).then_refused(code)


def test_each_goal_status_needs_a_text() -> None:
    command = submit(status(SCHOOL), GoalStatus(HOME, Progress.WORSE, ""))
    given().when(command).then_refused("text_required")


def test_a_submitted_report_is_final() -> None:
    given(SUBMITTED).when(COMPLETE).then_refused("already_submitted")


def test_a_report_on_another_tenants_contract_is_not_found() -> None:
    command = replace(COMPLETE, contract=replace(CONTRACT, tenant_id=OTHER_TENANT))
    given().when(command).then_refused("not_found")
    given(SUBMITTED).when(replace(COMPLETE, tenant_id=OTHER_TENANT)).then_refused("not_found")
