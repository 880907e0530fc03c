"""The images and docker-compose.yml, built and run: healthy, usable as the README shows,
recovering from a crash, and leaving nothing behind."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time

import httpx
import pytest

from tests.containers.conftest import ROOT, SERVICES, ComposeStack, docker

pytestmark = pytest.mark.containers


def readme_walkthrough(stack: ComposeStack) -> str:
    """The README's curl walk-through, pointed at the containers, as one bash script."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## A walk through the API with curl", 1)[1]
    script = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert script, "the README's walk-through has a sh block"
    body = re.sub(
        r"^A=http://127\.0\.0\.1:8001; P=http://127\.0\.0\.1:8002$",
        f"A={stack.url('authority')}; P={stack.url('provider')}",
        script[1],
        count=1,
        flags=re.MULTILINE,
    )
    assert stack.url("authority") in body, "the walk-through's first line names the services"
    return f'set -euo pipefail\n{body}\necho "WALKED $CASE $CW"\n'


def test_every_container_becomes_healthy(compose_stack: ComposeStack) -> None:
    # Given the stack brought up by the fixture (`compose up --wait`)
    # Then Kafka, PostgreSQL and the three services all report healthy
    assert compose_stack.states() == dict.fromkeys(("kafka", "postgres", *SERVICES), "healthy")
    for service in SERVICES:
        assert httpx.get(f"{compose_stack.url(service)}/readyz", timeout=10).status_code == 200
    # and the services run as the image's numeric non-root user
    assert compose_stack.container("authority")["Config"]["User"] == "10001:10001"  # type: ignore[index]


def test_the_readme_walkthrough_runs_against_the_containers(compose_stack: ComposeStack) -> None:
    # When the README's curl commands run against the containers
    done = subprocess.run(
        ["bash", "-c", readme_walkthrough(compose_stack)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    # Then the case it made exists, with its investigation concluded and the decision proposed
    _, case_id, token = done.stdout.strip().splitlines()[-1].split()
    case = httpx.get(
        f"{compose_stack.url('authority')}/cases/{case_id}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert case.status_code == 200, case.text
    assert "investigation" in case.text
    assert [d["measure"] for d in case.json()["decisions"]] == ["sel_52_3_2"], case.text
    compose_stack.env["WALKED_CASE"], compose_stack.env["WALKED_TOKEN"] = case_id, token


def test_every_service_log_line_is_redacted_json(compose_stack: ComposeStack) -> None:
    # Given the services' output so far: start-up (uvicorn, alembic, FastStream, aiokafka)
    # and the walk-through's requests, which carried CPR numbers and names in their bodies
    out = compose_stack.compose("logs", "--no-color", "--no-log-prefix", *SERVICES)
    lines = [line for line in out.splitlines() if line.strip()]
    # Then every line is one JSON object with its service and level, without colour codes
    assert len(lines) > 20
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            pytest.fail(f"not a JSON line: {line[:300]!r}")
        assert record["service"] in SERVICES, line
        assert "level" in record, line
    assert "\x1b[" not in out
    # and no personal data, while the requests were logged with their correlation ids
    for secret in ("0103151234", "1208851234", "Emil", "Mette"):
        assert secret not in out
    requests = [json.loads(line) for line in lines if '"http_request"' in line]
    assert requests
    assert all(r["correlation_id"] and "?" not in r["path"] for r in requests)


def test_a_killed_service_is_restarted_and_keeps_its_data(compose_stack: ComposeStack) -> None:
    # Given the authority container, serving the case of the walk-through
    before = compose_stack.container("authority")
    pid = before["State"]["Pid"]  # type: ignore[index]
    # When its process is killed from outside (a crash: no shutdown, no goodbye)
    os.kill(int(pid), signal.SIGKILL)  # the engine is local: its pids are this host's
    # Then the engine restarts it, it becomes healthy again, and the case is still there
    deadline = time.monotonic() + 300  # a restart runs its start-up again (migrations, topics)
    while time.monotonic() < deadline:
        now = compose_stack.container("authority")
        restarted = now["RestartCount"] > before["RestartCount"]  # type: ignore[operator]
        if restarted and now["State"].get("Health", {}).get("Status") == "healthy":  # type: ignore[union-attr]
            break
        time.sleep(1)
    else:
        pytest.fail(f"authority did not come back healthy: {compose_stack.states()}")
    case_id = compose_stack.env.get("WALKED_CASE")
    if case_id:
        case = httpx.get(
            f"{compose_stack.url('authority')}/cases/{case_id}",
            headers={"Authorization": f"Bearer {compose_stack.env['WALKED_TOKEN']}"},
            timeout=10,
        )
        assert case.status_code == 200


def test_down_removes_every_container_and_volume(compose_stack: ComposeStack) -> None:
    # When the stack is taken down with its volumes
    compose_stack.compose("down", "--volumes", "--remove-orphans", "--timeout", "20")
    # Then nothing of the project is left on the engine
    label = f"label=com.docker.compose.project={compose_stack.project}"
    assert docker("ps", "-aq", "--filter", label).strip() == ""
    assert docker("volume", "ls", "-q", "--filter", label).strip() == ""
