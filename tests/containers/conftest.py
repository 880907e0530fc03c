"""The compose stack on a real Docker engine, with host networking (docker-compose.host.yml).

deploy/scripts/test.sh starts the engine and builds the images first, and passes what they
are called: DOCKER_HOST, COMPOSE (the compose binary), SAMSPIL_IMAGE_TAG, KAFKA_IMAGE,
POSTGRES_IMAGE. Without them these tests skip (fail under SAMSPIL_CONTAINERS_REQUIRED=1).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from devstack.ports import free_port, free_port_run

ROOT = Path(__file__).resolve().parents[2]
TIMINGS = ROOT / "var" / "images" / "timings.txt"
SERVICES = ("authority", "provider", "scheduler")


@dataclass
class ComposeStack:
    project: str
    env: dict[str, str]
    ports: dict[str, int]
    seconds_to_healthy: float

    def compose(self, *args: str, timeout: float = 300) -> str:
        command = [
            self.env["COMPOSE"], "-p", self.project,
            "-f", str(ROOT / "docker-compose.yml"), "-f", str(ROOT / "docker-compose.host.yml"),
            *args,
        ]  # fmt: skip
        done = subprocess.run(
            command,
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    def container(self, service: str) -> dict[str, object]:
        ids = self.compose("ps", "-q", service).split()
        (found,) = json.loads(docker("inspect", *ids))
        state: dict[str, object] = found
        return state

    def states(self) -> dict[str, str]:
        """service -> health (or status, for a container without a health check)."""
        rows = [json.loads(line) for line in self.compose("ps", "--format", "json").splitlines()]
        return {row["Service"]: row.get("Health") or row["State"] for row in rows}


def docker(*args: str) -> str:
    done = subprocess.run(
        ["docker", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _required_env() -> dict[str, str]:
    missing = [
        name for name in ("DOCKER_HOST", "COMPOSE", "KAFKA_IMAGE") if not os.environ.get(name)
    ]
    if missing:
        reason = f"no engine or images ({', '.join(missing)} unset): run deploy/scripts/test.sh"
        if os.environ.get("SAMSPIL_CONTAINERS_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return dict(os.environ)


@pytest.fixture(scope="module")
def compose_stack() -> Iterator[ComposeStack]:
    env = _required_env()
    base, kafka, pg = free_port_run(3), free_port_run(2), free_port()
    ports = dict(zip(SERVICES, range(base, base + 3), strict=True))
    env |= {
        "JWT_SECRET": secrets.token_urlsafe(48),
        "SAMSPIL_COMPOSE_KAFKA_PORT": str(kafka),
        "SAMSPIL_COMPOSE_CONTROLLER_PORT": str(kafka + 1),
        "SAMSPIL_COMPOSE_PG_PORT": str(pg),
        **{f"SAMSPIL_COMPOSE_{name.upper()}_PORT": str(port) for name, port in ports.items()},
    }
    stack = ComposeStack(f"samspil-test-{uuid.uuid4().hex[:8]}", env, ports, 0.0)
    started = time.monotonic()
    try:
        stack.compose(
            "up", "--detach", "--no-build", "--wait", "--wait-timeout", "300", timeout=360
        )
        stack.seconds_to_healthy = time.monotonic() - started
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        with TIMINGS.open("a") as out:
            out.write(f"compose up to all healthy {stack.seconds_to_healthy:.1f} s\n")
        yield stack
    except BaseException:
        print(stack.compose("logs", "--no-color", "--tail", "60"))
        raise
    finally:
        stack.compose("down", "--volumes", "--remove-orphans", "--timeout", "20")
