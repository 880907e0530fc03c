"""The service images: multi-stage, pinned, built from the lock file, run as a numeric non-root
user that matches the Kubernetes securityContext. Pure text checks: no Docker engine needed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SERVICES = ("authority", "provider", "scheduler")
PINNED_BASE = re.compile(r"^python:3\.11\.\d+-slim-[a-z]+(@sha256:[0-9a-f]{64})?$")

Instruction = tuple[str, str]  # (keyword, arguments)


def instructions(service: str) -> list[Instruction]:
    """Dockerfile instructions with continuation lines joined and comments dropped."""
    text = (REPO / "services" / service / "Dockerfile").read_text()
    logical = re.sub(r"\\\n\s*", " ", text)
    parsed = []
    for line in logical.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, args = line.strip().partition(" ")
            parsed.append((keyword.upper(), args.strip()))
    return parsed


def stages(service: str) -> list[list[Instruction]]:
    """Instructions grouped by build stage, each starting with its FROM."""
    grouped: list[list[Instruction]] = []
    for keyword, args in instructions(service):
        if keyword == "FROM":
            grouped.append([])
        if grouped:
            grouped[-1].append((keyword, args))
    return grouped


def args_of(stage: list[Instruction], keyword: str) -> list[str]:
    return [args for kw, args in stage if kw == keyword]


def numeric_user(service: str) -> int:
    (user,) = args_of(stages(service)[-1], "USER")
    assert re.fullmatch(r"\d+(:\d+)?", user), f"USER must be numeric uid[:gid], got {user!r}"
    return int(user.split(":")[0])


service_cases = pytest.mark.parametrize("service", SERVICES)


@service_cases
def test_images_are_multi_stage_on_a_pinned_slim_python_311(service: str) -> None:
    built = stages(service)

    assert len(built) >= 2
    for stage in built:
        base = stage[0][1].split()[0]
        assert PINNED_BASE.match(base), base
    # Build and runtime on the same base, so the copied virtualenv's interpreter exists.
    assert len({stage[0][1].split()[0] for stage in built}) == 1


@service_cases
def test_dependencies_come_from_the_lock_file_with_a_pinned_uv(service: str) -> None:
    build = stages(service)[0]
    runs = " ".join(args_of(build, "RUN"))

    assert re.search(r"\buv==\d+\.\d+\.\d+\b", runs)
    assert "uv sync --frozen" in runs
    assert "--no-dev" in runs
    assert f"--package samspil-{service}" in runs


@service_cases
def test_the_runtime_stage_runs_as_a_numeric_non_root_user(service: str) -> None:
    runtime = stages(service)[-1]

    assert numeric_user(service) != 0
    # Nothing after USER may switch back to root.
    keywords = [kw for kw, _ in runtime]
    assert keywords.count("USER") == 1
    assert "RUN" not in keywords[keywords.index("USER") :]


@service_cases
def test_the_runtime_stage_holds_only_the_built_virtualenv(service: str) -> None:
    for copy in args_of(stages(service)[-1], "COPY"):
        assert "--from=build" in copy, copy


@service_cases
def test_the_image_serves_its_module_on_all_interfaces_with_a_health_check(service: str) -> None:
    runtime = stages(service)[-1]
    env = " ".join(args_of(runtime, "ENV"))

    assert args_of(runtime, "CMD") == [f'["python", "-m", "{service}"]']
    assert "HOST=0.0.0.0" in env.split()
    assert "PORT=8000" in env.split()
    assert args_of(runtime, "EXPOSE") == ["8000"]
    (health,) = args_of(runtime, "HEALTHCHECK")
    assert "/healthz" in health


@service_cases
def test_kubernetes_runs_the_pods_as_the_images_user(service: str) -> None:
    deployment = yaml.safe_load(
        (REPO / "deploy" / "k8s" / "base" / service / "deployment.yaml").read_text()
    )

    pod_security = deployment["spec"]["template"]["spec"]["securityContext"]

    assert pod_security["runAsUser"] == numeric_user(service)
