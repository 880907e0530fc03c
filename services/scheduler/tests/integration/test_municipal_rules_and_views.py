"""Municipal rules and the per-case/caseworker/provider views, on the real broker and database.

One scheduler process serves the module; each test uses its own ids and municipality.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from samspil_contracts import (
    CaseworkerAssigned,
    ContractInForce,
    DecisionApproved,
    IntegrationEvent,
    InvestigationStarted,
    OrderPlaced,
)
from samspil_contracts.testing import example_event
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.harness import ServiceProcess, wait_for
from tests.kafka_tools import produce

pytestmark = pytest.mark.integration
CPH = ZoneInfo("Europe/Copenhagen")
ISSUER = DevIssuer(DEV_JWT_SECRET)
OPS = {"Authorization": f"Bearer {ISSUER.issue('ops-test', ['ops'])}"}
CASEWORKER = {"Authorization": f"Bearer {ISSUER.issue('cw-test', ['caseworker'])}"}
EASTER_EVE = date(2027, 3, 24)  # Wednesday before Maundy Thursday; DST starts 28 March


@pytest.fixture(scope="module")
def scheduler(
    kafka_bootstrap: str, new_database_url: Callable[[str], str]
) -> Iterator[ServiceProcess]:
    env = {
        "DATABASE_URL": new_database_url("scheduler_rules"),
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_TOPIC_PREFIX": f"schr{uuid.uuid4().hex[:8]}.",
        "SAMSPIL_ENV": "test",
        "TOPIC_PARTITIONS": "2",
        "FIRE_INTERVAL_SECONDS": "0.2",
    }
    process = ServiceProcess("scheduler", env).start(timeout=180)
    process.env = env  # type: ignore[attr-defined]
    yield process
    process.stop()


def send(scheduler: ServiceProcess, event: IntegrationEvent, at: datetime | None = None) -> None:
    prefix, bootstrap = (
        scheduler.env["KAFKA_TOPIC_PREFIX"],
        scheduler.env["KAFKA_BOOTSTRAP_SERVERS"],
    )  # type: ignore[attr-defined]
    asyncio.run(produce(bootstrap, prefix, event, occurred_at=at or datetime.now(UTC)))


def assign(scheduler: ServiceProcess, case_id: uuid.UUID, who: str, at: datetime) -> None:
    send(scheduler, CaseworkerAssigned(case_id=case_id, caseworker_id=who), at)


def get(scheduler: ServiceProcess, path: str, **params: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{scheduler.url}{path}", params=params, headers=OPS, timeout=60)
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()
    return rows


def local(value: object) -> datetime:
    return datetime.fromisoformat(str(value)).astimezone(CPH)


def contract(start: date, **update: object) -> ContractInForce:
    ids = {"contract_id": uuid.uuid4(), "case_id": uuid.uuid4(), "start": start}
    return example_event(ContractInForce).model_copy(update={**ids, **update})


def phase_at(rows: list[dict[str, Any]], kind: str, phase: str) -> datetime:
    [row] = [r for r in rows if r["kind"] == kind and r["phase"] == phase]
    return local(row["fire_at"])


def test_a_contract_signed_just_before_easter_gets_working_days_across_dst(
    scheduler: ServiceProcess,
) -> None:
    # Given a contract in force from the Wednesday before Easter 2027, ending Christmas Eve
    signed = contract(EASTER_EVE, expected_end=date(2027, 12, 24))
    # When the scheduler consumes it
    send(scheduler, signed)
    cid = str(signed.contract_id)
    rows = wait_for(
        lambda: get(scheduler, "/deadlines", contract_id=cid), timeout=120, what="contract rows"
    )
    # Then the first follow-up is 3 months later at 09:00 summer time (+02:00)
    follow_up = phase_at(rows, "follow_up_due", "due")
    assert (follow_up.date(), follow_up.hour) == (date(2027, 6, 24), 9)
    assert follow_up.utcoffset() == timedelta(hours=2)
    # And the status report 10 working days before it
    assert phase_at(rows, "status_report_due", "due").date() == date(2027, 6, 10)
    # And expiry moves back from the Christmas Eve closing day, at 09:00 winter time (+01:00),
    # warned 30 days before
    expiry = phase_at(rows, "contract_expiry", "due")
    assert (expiry.date(), expiry.hour, expiry.utcoffset()) == (
        date(2027, 12, 23),
        9,
        timedelta(hours=1),
    )
    assert phase_at(rows, "contract_expiry", "warning").date() == date(2027, 11, 23)


def put_rules(scheduler: ServiceProcess, code: str, body: dict[str, Any], **kw: Any) -> Any:
    headers = kw.get("headers", OPS)
    url = f"{scheduler.url}/municipalities/{code}/rules"
    return httpx.put(url, json=body, headers=headers, timeout=60)


def test_a_municipality_closing_day_moves_its_deadlines_and_no_one_elses(
    scheduler: ServiceProcess,
) -> None:
    # Given municipality 751 closes on Thursday 24 June 2027 (rules version 1)
    current = httpx.get(
        f"{scheduler.url}/municipalities/751/rules", headers=CASEWORKER, timeout=60
    ).json()
    assert current["version"] == 0  # the defaults
    settings = {**current["settings"], "closing_days": ["2027-06-24"]}
    change = {"based_on_version": 0, "settings": settings, "reason": "staff day"}
    saved = put_rules(scheduler, "751", change)
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 1
    # When a contract of 751 and one of 101 come into force the day before Maundy Thursday
    ours = contract(EASTER_EVE, municipality="751")
    theirs = contract(EASTER_EVE, municipality="101")
    for signed in (ours, theirs):
        send(scheduler, signed)

    def follow_up(signed: ContractInForce) -> date:
        rows = wait_for(
            lambda: get(scheduler, "/deadlines/upcoming", contract_id=str(signed.contract_id)),
            timeout=120,
            what="follow-up",
        )
        [row] = [r for r in rows if r["kind"] == "follow_up_due"]
        return local(row["due_at"]).date()

    # Then 751's follow-up moves back to the working day before its closing day
    assert follow_up(ours) == date(2027, 6, 23)
    assert follow_up(theirs) == date(2027, 6, 24)


def test_rules_changes_are_versioned_and_bad_ones_refused(scheduler: ServiceProcess) -> None:
    # Given municipality 461 at version 1
    base = httpx.get(f"{scheduler.url}/municipalities/461/rules", headers=OPS, timeout=60).json()
    first = {"based_on_version": 0, "settings": base["settings"], "reason": "adopted"}
    assert put_rules(scheduler, "461", first).status_code == 200
    # When someone edits from the old version, or relaxes the law, or is not ops
    stale = put_rules(scheduler, "461", first)
    lax = {**first, "based_on_version": 1}
    lax["settings"] = {**base["settings"], "follow_up_interval_months": 12}
    unlawful = put_rules(scheduler, "461", lax)
    garbled = put_rules(scheduler, "461", {**lax, "settings": {"payment_days": "soon"}})
    forbidden = put_rules(scheduler, "461", {**first, "based_on_version": 1}, headers=CASEWORKER)
    every_day = [f"{d:%m-%d}" for d in (date(2024, 1, 1) + timedelta(n) for n in range(366))]
    shut = {**first, "based_on_version": 1}
    shut["settings"] = {**base["settings"], "annual_closing_days": every_day}
    never_open = put_rules(scheduler, "461", shut)
    summer = [f"{d:%m-%d}" for d in (date(2024, 7, 1) + timedelta(n) for n in range(45))]
    shut["settings"] = {**base["settings"], "annual_closing_days": summer}
    long_summer = put_rules(scheduler, "461", shut)  # within the list's bound, but 45 days shut
    # Then each is refused as problem+json, and the history holds the one change
    refused = (
        (stale, 409), (unlawful, 422), (garbled, 422), (forbidden, 403),
        (never_open, 422), (long_summer, 422),
    )  # fmt: skip
    for response, status in refused:
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
    assert long_summer.json()["type"].endswith("/calendar_closed_too_long")
    history = httpx.get(
        f"{scheduler.url}/municipalities/461/rules/history", headers=OPS, timeout=60
    ).json()
    assert [(v["version"], v["changed_by"], v["reason"]) for v in history] == [
        (1, "ops-test", "adopted")
    ]


def test_the_caseworker_view_lists_their_cases_deadlines_and_follows_reassignment(
    scheduler: ServiceProcess,
) -> None:
    now = datetime.now(UTC)
    mine, other = f"cw-{uuid.uuid4().hex[:8]}", f"cw-{uuid.uuid4().hex[:8]}"
    case_a, case_b = uuid.uuid4(), uuid.uuid4()
    # Given case A is mine and case B is the other caseworker's
    assign(scheduler, case_a, mine, now - timedelta(hours=1))
    assign(scheduler, case_b, other, now - timedelta(hours=1))
    # And A has a fresh order, B an investigation and an order placed 30 days ago
    order_a = order(case_a)
    send(scheduler, order_a)
    started = example_event(InvestigationStarted).model_copy(
        update={"case_id": case_b, "started_on": now.date(), "aware_on": now.date()}
    )
    send(scheduler, started)
    send(scheduler, order(case_b), now - timedelta(days=30))

    def kinds(when: str, **params: str) -> set[tuple[str, str]]:
        return {(r["case_id"], r["kind"]) for r in get(scheduler, f"/deadlines/{when}", **params)}

    order_kinds = {"order_receipt_due", "order_answer_due"}
    # Then I see A's order deadlines as upcoming, and the other sees B's
    assert wait_for(
        lambda: kinds("upcoming", caseworker_id=mine) or None, timeout=120, what="mine"
    ) == {(str(case_a), k) for k in order_kinds}
    assert wait_for(
        lambda: (found := kinds("overdue", caseworker_id=other)) and len(found) == 2 and found,
        timeout=120,
        what="overdue",
    ) == {(str(case_b), k) for k in order_kinds}
    # And the provider of A's order sees exactly those
    assert kinds("upcoming", provider_id=str(order_a.provider_id)) == {
        (str(case_a), k) for k in order_kinds
    }
    # When B is reassigned to me, and a stale assignment (older) arrives after it
    assign(scheduler, case_b, mine, now)
    assign(scheduler, case_b, "cw-old", now - timedelta(hours=2))
    # (and then B's decision: same partition, so once its deadline shows, all of it was read)
    decided = example_event(DecisionApproved).model_copy(
        update={"case_id": case_b, "decided_on": now.date()}
    )
    send(scheduler, decided)
    # Then B's deadlines are mine, and none are left with the other caseworker
    expected = {(str(case_a), k) for k in order_kinds} | {
        (str(case_b), "investigation_limit"),
        (str(case_b), "action_plan_due"),
    }
    assert wait_for(
        lambda: kinds("upcoming", caseworker_id=mine) == expected, timeout=120, what="reassigned"
    )
    assert kinds("overdue", caseworker_id=mine) == {(str(case_b), k) for k in order_kinds}
    assert kinds("overdue", caseworker_id=other) == set()
    assert kinds("upcoming", caseworker_id="cw-old") == set()


def order(case_id: uuid.UUID) -> OrderPlaced:
    ids = {"order_id": uuid.uuid4(), "case_id": case_id, "provider_id": uuid.uuid4()}
    return example_event(OrderPlaced).model_copy(update=ids)


def test_a_coordinator_sees_only_its_own_providers_deadlines(scheduler: ServiceProcess) -> None:
    # Given deadlines of two providers (orders placed with each)
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    for provider in (mine, theirs):
        send(scheduler, order(uuid.uuid4()).model_copy(update={"provider_id": provider}))
    wait_for(lambda: get(scheduler, "/deadlines", provider_id=str(theirs)), what="deadlines")

    def as_coordinator(path: str, **claims: str) -> httpx.Response:
        token = ISSUER.issue("coord", ["coordinator"], **claims)  # type: ignore[arg-type]
        headers = {"Authorization": f"Bearer {token}"}
        return httpx.get(f"{scheduler.url}{path}", headers=headers, timeout=60)

    for path in ("/deadlines", "/deadlines/upcoming", "/deadlines/overdue"):
        # When a coordinator's token names no provider, or no provider id, it is refused
        for claims in ({}, {"tenant_id": "not-a-provider"}):
            refused = as_coordinator(path, **claims)
            assert refused.status_code == 403, (path, claims, refused.text)
            assert refused.headers["content-type"].startswith("application/problem+json")
        # And with its provider it sees that provider's deadlines only
        seen = as_coordinator(path, tenant_id=str(mine))
        assert seen.status_code == 200, seen.text
        assert {row["provider_id"] for row in seen.json()} <= {str(mine)}
    assert as_coordinator("/deadlines", tenant_id=str(mine)).json()


def test_rules_that_would_close_the_year_are_refused(scheduler: ServiceProcess) -> None:
    base = httpx.get(f"{scheduler.url}/municipalities/563/rules", headers=OPS, timeout=60).json()
    every_day = [f"{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)]
    body = {
        "based_on_version": 0,
        "settings": {**base["settings"], "annual_closing_days": every_day},
        "reason": "closed all year",
    }
    response = put_rules(scheduler, "563", body)
    assert response.status_code == 422, response.text
