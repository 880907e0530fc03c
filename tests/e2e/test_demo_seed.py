"""`make run`'s demo data, seeded through the public APIs of running services.

The seed is the first thing a new user sees; an API rule it does not follow (a required field
added to a decision, say) stops `make run` with a traceback. It runs here as `make run` runs it,
once per stage, and what it made is read back from both sides: the authority's API as its
caseworker and finance, and each provider's API with the key the seed handed out.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import ok
from tests.harness import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]
SEED = Path(__file__).resolve().parents[2] / "deploy" / "demo" / "seed.py"
STAGES = 17  # deploy/demo/demodata/stages.py: one case each
EVERY_CASE_STATUS = {
    "opened",
    "investigating",
    "investigation_concluded",
    "decision_proposed",
    "action_plan_adopted",
}


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: the seed's contracts run on the scheduler's real clock (another
    test may move the shared one on, past a notice's last day)."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where `make run` runs the seed (its var/demo-credentials.json)."""
    return tmp_path_factory.mktemp("demo")


def run_seed(stack: Stack, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(SEED), "--authority", stack.url("authority"),
         "--provider", stack.url("provider"), "--cases", str(STAGES)],
        cwd=cwd, capture_output=True, text=True, timeout=500, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def seeded(stack: Stack, checkout: Path) -> list[dict[str, str]]:
    """The seed run against the stack as `make run` runs it; the providers it made."""
    run_seed(stack, checkout)
    path = checkout / "var" / "demo-credentials.json"
    tenants: list[dict[str, str]] = json.loads(path.read_text())
    return tenants


def provider(stack: Stack, tenant: dict[str, str]) -> httpx.Client:
    headers = {"X-Api-Key": tenant["api_key"]}
    return httpx.Client(base_url=stack.url("provider"), headers=headers, timeout=15)


def individual(stack: Stack, tenants: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Every individual contract as its provider lists it."""
    found = []
    for tenant in tenants:
        with provider(stack, tenant) as api:
            rows = ok(api.get("/contracts"))
        found += [c for c in rows if c["kind"] == "individual"]
    return found


def test_providers_publish_offers_and_sign_framework_contracts(
    stack: Stack, seeded: list[dict[str, str]]
) -> None:
    # Given the seed has run
    # Then every provider has an API key, its offer in the authority's registry, and a
    # framework contract signed by both sides, on both sides
    assert len(seeded) >= 3
    assert all(t["api_key"].startswith("spk_") for t in seeded)
    ids = {t["tenant_id"] for t in seeded}
    with stack.client("authority", "caseworker", user="karen") as cw:
        registry = {p["provider_id"] for p in ok(cw.get("/providers"))}
        frameworks = [f for f in ok(cw.get("/standard-contracts")) if f["provider_id"] in ids]
    assert ids <= registry
    assert {f["provider_id"] for f in frameworks if f["in_force"]} == ids
    for tenant in seeded:
        with provider(stack, tenant) as api:
            rows = ok(api.get("/contracts"))
        assert any(c["kind"] == "standard" and c["in_force"] for c in rows), tenant["name"]


def test_cases_run_from_an_underretning_to_a_measure_ended(
    stack: Stack, seeded: list[dict[str, str]]
) -> None:
    # Given the seed has run
    with stack.client("authority", "caseworker", user="karen") as cw:
        cases = rows_of(ok(cw.get("/cases", params={"limit": 200})))
        notifications = ok(cw.get("/notifications"))
        concerns = ok(cw.get("/concerns"))
    # Then there are cases at every stage, and an underretning still to be assessed
    assert {c["status"] for c in cases} >= EVERY_CASE_STATUS
    assert any(n["assessed_at"] is None for n in notifications)
    assert any(n["receipt_sent_at"] for n in notifications)
    # And the providers' concerns have arrived, one of them acknowledged
    assert len(concerns) >= 2
    assert any(c["acknowledged_by"] for c in concerns)
    # And orders were answered both ways
    with stack.client("authority", "caseworker", user="karen") as cw:
        statuses = {o["status"] for o in rows_of(ok(cw.get("/orders")))}
    assert {"awaiting_answer", "accepted", "declined", "ended"} <= statuses


def test_individual_contracts_are_in_force_on_both_sides_amended_under_notice_and_ended(
    stack: Stack, seeded: list[dict[str, str]]
) -> None:
    # Given the seed has run, and the individual contracts as the providers list them, once
    # the last steps have arrived over Kafka (a draft to countersign, an ending)
    def settled() -> list[dict[str, Any]] | None:
        found = individual(stack, seeded)
        drafts = [c for c in found if c["countersigned_version"] is None]
        return found if drafts and any(c["ended"] for c in found) else None

    contracts = wait_for(settled, what="a draft to countersign and an ended contract")
    with stack.client("authority", "caseworker", user="karen") as cw:
        here = {c["contract_id"]: ok(cw.get(f"/contracts/{c['contract_id']}")) for c in contracts}
    # Then most are in force, the authority agreeing with the provider on each
    in_force = [c for c in contracts if c["in_force"]]
    assert len(in_force) >= 7
    assert all(here[c["contract_id"]]["in_force"] for c in in_force)
    # And an amendment is pending beside the version in force, on both sides
    [pending] = [c for c in in_force if c["version"] == 2 and c["countersigned_version"] == 1]
    versions = here[pending["contract_id"]]
    assert (versions["in_force_version"], versions["pending_version"]) == (1, 2)
    # And one amendment both signed; one in force under the provider's notice
    assert any(c["countersigned_version"] == 2 for c in in_force)
    [notice] = [c for c in in_force if c["notice"]]
    assert notice["notice"]["given_by"] == "provider"
    assert here[notice["contract_id"]]["in_force"] is True
    # And one ended at its follow-up, on both sides
    [ended] = [c for c in contracts if c["ended"]]
    assert here[ended["contract_id"]]["ended"] is True


def test_follow_ups_reports_and_claims_fill_the_dashboard(
    stack: Stack, seeded: list[dict[str, str]]
) -> None:
    # Given the seed has run
    with stack.client("authority", "finance", user="finn") as finance:
        claims = ok(finance.get("/claims"))
    # Then the providers' claims arrived: the older approved, the latest waiting, and one
    # over the contract's scope rejected
    assert {c["status"] for c in claims} == {"approved", "received", "rejected"}
    assert all(c["problems"] for c in claims if c["status"] == "rejected")
    # And the dashboard shows follow-ups held on time and late, goals reported on,
    # answers from the providers and costs per measure
    browser = httpx.Client(base_url=stack.url("authority"), timeout=15)
    issued = ok(browser.post("/dev/token", json={"user_id": "lars", "roles": ["team_leader"]}))
    browser.cookies.set("samspil_session", issued["access_token"])
    page = browser.get("/ui/dashboard", headers={"Accept": "text/html", "Accept-Language": "en"})
    assert page.status_code == 200, page.text
    held = re.search(r'id="fig-fu">.*?class="big">([^<]+)</p>', page.text, re.S)
    assert held is not None
    assert held.group(1).strip() not in {"-", "0%", "100%"}  # some on time, some late
    for name in (t["name"] for t in seeded):
        assert name in page.text  # its answer time to the orders
    assert "kr." in page.text or "DKK" in page.text  # costs per measure


def rows_of(found: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = found["items"] if isinstance(found, dict) else found
    return rows


def test_a_second_make_run_keeps_the_demo_data_and_does_not_seed_it_again(
    stack: Stack, seeded: list[dict[str, str]], checkout: Path
) -> None:
    # Given the seed has run, and the providers the authority knows
    with stack.client("authority", "caseworker", user="karen") as cw:
        before = ok(cw.get("/providers"))
        cases_before = rows_of(ok(cw.get("/cases", params={"limit": 200})))
        # When `make run` starts again on the same data
        done = run_seed(stack, checkout)
        # Then the seed says so and adds no providers of the same names, nor cases
        assert "not seeded again" in done.stdout
        assert len(ok(cw.get("/providers"))) == len(before)
        assert len(rows_of(ok(cw.get("/cases", params={"limit": 200})))) == len(cases_before)
