"""The sandbox case follows the real aggregates' rules: one answer (the same one again is a
repeat), a contract only once accepted, countersigned once under the offered terms' hash,
reports only for its follow-up and goals, claims only in force and numbered once."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from provider.domain import DomainError
from provider.domain import sandbox as sb

TODAY = date(2027, 1, 4)


def refused(code: str, step: object, *args: object) -> None:
    with pytest.raises(DomainError) as caught:
        step(*args)  # type: ignore[operator]
    assert caught.value.code == code


def in_force() -> sb.SandboxCase:
    case, _ = sb.answer(sb.new_case(uuid.uuid4(), TODAY), sb.ACCEPTED, "yes")
    case, _ = sb.countersign(case, 1, case.terms_sha256())
    return case


def test_an_order_is_answered_once_and_a_repeat_changes_nothing() -> None:
    # Given a new sandbox order, when it is accepted
    case = sb.new_case(uuid.uuid4(), TODAY)
    accepted, caused = sb.answer(case, sb.ACCEPTED, "yes")
    # Then the contract is offered; the same answer again is a repeat, another a conflict
    assert (accepted.status, caused) == (sb.ACCEPTED, ["contract.offered"])
    assert sb.answer(accepted, sb.ACCEPTED, "yes") == (accepted, [])
    refused("order_already_answered", sb.answer, accepted, sb.DECLINED, "no")


def test_a_declined_order_has_no_contract() -> None:
    declined, caused = sb.answer(sb.new_case(uuid.uuid4(), TODAY), sb.DECLINED, "no")
    assert caused == []
    refused("not_found", sb.offered, declined)
    refused("not_found", sb.countersign, declined, 1, None)


def test_countersigning_needs_the_offered_version_and_terms_and_happens_once() -> None:
    case, _ = sb.answer(sb.new_case(uuid.uuid4(), TODAY), sb.ACCEPTED, "yes")
    refused("stale_version", sb.countersign, case, 2, None)
    refused("terms_hash_mismatch", sb.countersign, case, 1, "0" * 64)
    signed, caused = sb.countersign(case, 1, case.terms_sha256())
    assert caused == ["contract.in_force", "status_report.due"]
    refused("already_countersigned", sb.countersign, signed, 1, None)


def test_reports_name_the_cases_follow_up_and_goals_and_repeat_safely() -> None:
    case = in_force()
    goals = set(case.goal_ids)
    refused("unknown_followup_ref", sb.report, case, "r1", "invented", goals)
    refused("unknown_goal", sb.report, case, "r1", case.followup_ref, {uuid.uuid4()})
    reported, _ = sb.report(case, "r1", case.followup_ref, goals)
    assert sb.report(reported, "r1", case.followup_ref, goals) == (reported, [])


def test_claims_need_a_contract_in_force_and_a_new_number() -> None:
    accepted, _ = sb.answer(sb.new_case(uuid.uuid4(), TODAY), sb.ACCEPTED, "yes")
    refused("contract_not_in_force", sb.claim, accepted, "C-1")
    claimed, _ = sb.claim(in_force(), "C-1")
    refused("duplicate_claim_number", sb.claim, claimed, "C-1")
