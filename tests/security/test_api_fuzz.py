"""Schemathesis over the three running services' OpenAPI: 0 responses >= 500, and every
error is application/problem+json (issue 18 item 6).

Each service is fuzzed by the schemathesis CLI in all its phases: examples, boundary
coverage (the values just inside and outside every bound), fuzzing, and stateful sequences
along OpenAPI links (added here from each create operation to the operations that take the
id it returns). The seed is fixed and generation deterministic, with a fixed number of
examples per operation, so a run repeats itself and takes a few minutes. Path parameters are
pinned to the ids of a small world built first (a case through contract, report, concern
and claim), so generated requests reach real resources instead of stopping at 404.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Stack
from tests.security.fuzz_world import World, build_world

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("SAMSPIL_FUZZ_EXAMPLES", "8"))
STEPS = 8  # per stateful scenario
ST = Path(sys.executable).parent / "st"
LINK_NAME = str.maketrans({"/": "_", "{": None, "}": None})
# What each create operation returns, and so which operations can follow it.
CREATES = {
    ("post", "/cases"): "case_id",
    ("post", "/cases/{case_id}/decisions"): "decision_id",
    ("post", "/orders"): "order_id",
    ("post", "/contracts"): "contract_id",
    ("post", "/standard-contracts"): "standard_contract_id",
    ("post", "/claims"): "claim_id",
    ("post", "/concerns"): "concern_id",
    ("post", "/admin/tenants"): "tenant_id",
}


@pytest.fixture(scope="module")
def world(stack: Stack) -> World:
    return build_world(stack)


def with_links(schema: dict[str, Any]) -> dict[str, Any]:
    """Links from each create operation's answer to the operations that take its id."""
    paths = schema["paths"]
    for (method, path), key in CREATES.items():
        responses = paths.get(path, {}).get(method, {}).get("responses", {})
        answer = responses.get("201") or responses.get("200")
        if answer is None:
            continue
        links = answer.setdefault("links", {})
        for target, operations in paths.items():
            if f"{{{key}}}" not in target:
                continue
            ref = target.replace("~", "~0").replace("/", "~1")
            for target_method in operations:
                name = (
                    f"{target_method}{target}".replace("/", "_").replace("{", "").replace("}", "")
                )
                links[name] = {
                    "operationRef": f"#/paths/{ref}/{target_method}",
                    "parameters": {f"path.{key}": f"$response.body#/{key}"},
                }
    return schema


def _fuzz(stack: Stack, service: str, headers: dict[str, str], world: World, tmp: Path) -> None:
    url = stack.url(service)
    schema = with_links(httpx.get(f"{url}/openapi.json", timeout=30).json())
    (tmp / "openapi.json").write_text(json.dumps(schema))
    params = "\n".join(f'"path.{name}" = "{value}"' for name, value in world.ids.items())
    config = f"[parameters]\n{params}\n\n[phases.stateful]\nmax-steps = {STEPS}\n"
    (tmp / "schemathesis.toml").write_text(config)
    args = [
        str(ST),
        "--config-file",
        str(tmp / "schemathesis.toml"),
        "run",
        str(tmp / "openapi.json"),
        "--url",
        url,
        "--checks",
        "not_a_server_error,problem_json_errors",
        "--max-examples",
        str(EXAMPLES),
        "--generation-deterministic",
        # One worker: CPython 3.11.7's AST builder keeps its recursion depth per interpreter,
        # and hypothesis parses lambdas' source in each worker thread; two threads at once
        # break it ("AST constructor recursion depth mismatch", python/cpython#106905).
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "--continue-on-failure",
        "--no-color",
    ]
    for name, value in headers.items():
        args += ["--header", f"{name}: {value}"]
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.security.fuzz_checks",
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(  # noqa: PLW1510 - the exit code is asserted below
        args, capture_output=True, text=True, env=env, cwd=tmp, timeout=900
    )
    print(run.stdout[run.stdout.find("SUMMARY") :])  # phases, cases, time: in the test's output
    failures = run.stdout[run.stdout.find("FAILURES") :] if "FAILURES" in run.stdout else ""
    assert run.returncode == 0, f"{service}: {failures or run.stdout[-3000:]}{run.stderr[-2000:]}"
    assert "Stateful" in run.stdout, "the stateful phase did not run"


def _bearer(stack: Stack, *roles: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {stack.issuer.issue('fuzz', roles)}"}


def test_the_authority_api_never_answers_5xx(stack: Stack, world: World, tmp_path: Path) -> None:
    headers = _bearer(stack, "caseworker", "team_leader", "finance")
    _fuzz(stack, "authority", headers, world, tmp_path)


def test_the_provider_api_never_answers_5xx(stack: Stack, world: World, tmp_path: Path) -> None:
    headers = _bearer(stack, "ops") | {"X-Api-Key": world.tenant.api_key}
    _fuzz(stack, "provider", headers, world, tmp_path)


def test_the_scheduler_api_never_answers_5xx(stack: Stack, world: World, tmp_path: Path) -> None:
    headers = _bearer(stack, "ops", "caseworker")
    _fuzz(stack, "scheduler", headers, world, tmp_path)
