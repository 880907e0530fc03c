"""The images: one Dockerfile for the three services and one for Kafka, multi-stage, with the
upstream base images as build-argument defaults, built from the lock file (and the Kafka pom),
running as numeric non-root users that match the Kubernetes securityContext. Pure text checks;
tests/containers/ builds and runs them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SERVICES = ("authority", "provider", "scheduler")
PINNED_PYTHON = re.compile(r"^python:3\.11\.\d+-slim-[a-z]+(@sha256:[0-9a-f]{64})?$")

Instruction = tuple[str, str]  # (keyword, arguments)


def instructions(path: Path) -> list[Instruction]:
    """Dockerfile instructions with continuation lines joined and comments dropped."""
    logical = re.sub(r"\\\n\s*", " ", path.read_text())
    parsed = []
    for line in logical.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, args = line.strip().partition(" ")
            parsed.append((keyword.upper(), args.strip()))
    return parsed


def stages(path: Path) -> list[list[Instruction]]:
    """Instructions grouped by build stage, each starting with its FROM."""
    grouped: list[list[Instruction]] = []
    for keyword, args in instructions(path):
        if keyword == "FROM":
            grouped.append([])
        if grouped:
            grouped[-1].append((keyword, args))
    return grouped


def build_args(path: Path) -> dict[str, str]:
    """The ARGs declared before the first FROM, with their defaults."""
    found = {}
    for keyword, args in instructions(path):
        if keyword == "FROM":
            break
        if keyword == "ARG":
            name, _, default = args.partition("=")
            found[name] = default
    return found


def args_of(stage: list[Instruction], keyword: str) -> list[str]:
    return [args for kw, args in stage if kw == keyword]


SERVICE_IMAGE = REPO / "Dockerfile"
KAFKA_IMAGE = REPO / "deploy" / "kafka" / "Dockerfile"


def numeric_user(path: Path) -> int:
    (user,) = args_of(stages(path)[-1], "USER")
    assert re.fullmatch(r"\d+(:\d+)?", user), f"USER must be numeric uid[:gid], got {user!r}"
    return int(user.split(":")[0])


def test_one_dockerfile_serves_the_three_services() -> None:
    assert not [p for p in REPO.glob("services/*/Dockerfile")], "one parameterised Dockerfile"
    build = stages(SERVICE_IMAGE)[0]
    runs = " ".join(args_of(build, "RUN"))

    assert "SERVICE" in args_of(build, "ARG")
    assert "--package samspil-${SERVICE}" in runs


def test_the_base_image_is_a_build_argument_defaulting_to_the_pinned_upstream() -> None:
    built = stages(SERVICE_IMAGE)

    assert PINNED_PYTHON.match(build_args(SERVICE_IMAGE)["PYTHON_IMAGE"])
    assert len(built) >= 2
    # Build and runtime on the same base, so the copied virtualenv's interpreter exists.
    assert {stage[0][1].split()[0] for stage in built} == {"${PYTHON_IMAGE}"}


def test_dependencies_come_from_the_lock_file_with_a_pinned_uv() -> None:
    runs = " ".join(args_of(stages(SERVICE_IMAGE)[0], "RUN"))

    assert re.search(r"\buv==\d+\.\d+\.\d+\b", runs)
    assert "uv sync --frozen" in runs
    assert "--no-dev" in runs


@pytest.mark.parametrize("path", [SERVICE_IMAGE, KAFKA_IMAGE], ids=["services", "kafka"])
def test_the_runtime_stage_runs_as_a_numeric_non_root_user(path: Path) -> None:
    runtime = stages(path)[-1]

    assert numeric_user(path) != 0
    # Nothing after USER may switch back to root.
    keywords = [kw for kw, _ in runtime]
    assert keywords.count("USER") == 1
    assert "RUN" not in keywords[keywords.index("USER") :]


def test_the_runtime_stage_holds_only_the_built_virtualenv() -> None:
    for copy in args_of(stages(SERVICE_IMAGE)[-1], "COPY"):
        assert "--from=build" in copy, copy


def test_the_image_serves_its_module_on_all_interfaces_with_a_health_check() -> None:
    runtime = stages(SERVICE_IMAGE)[-1]
    env = " ".join(args_of(runtime, "ENV")).split()

    # exec: the service is PID 1 and receives the SIGTERM of docker stop and Kubernetes
    assert args_of(runtime, "CMD") == ['exec python -m "$SAMSPIL_SERVICE"']
    assert "SAMSPIL_SERVICE=${SERVICE}" in env
    assert "HOST=0.0.0.0" in env
    assert "PORT=8000" in env
    assert args_of(runtime, "EXPOSE") == ["8000"]
    (health,) = args_of(runtime, "HEALTHCHECK")
    assert "/healthz" in health


def test_kafka_is_built_from_the_local_stacks_maven_artifacts() -> None:
    jars, runtime = stages(KAFKA_IMAGE)
    defaults = build_args(KAFKA_IMAGE)

    assert jars[0][1].split()[0] == "${MAVEN_IMAGE}"
    assert defaults["MAVEN_IMAGE"].startswith("maven:3.")
    assert runtime[0][1] == "${JRE_IMAGE}"
    assert defaults["JRE_IMAGE"].startswith("eclipse-temurin:17")
    assert "deploy/kafka/pom.xml pom.xml" in args_of(jars, "COPY")
    assert "dependency:copy-dependencies" in " ".join(args_of(jars, "RUN"))
    (health,) = args_of(runtime, "HEALTHCHECK")
    assert "Healthcheck" in health


@pytest.mark.parametrize("service", SERVICES)
def test_kubernetes_runs_the_pods_as_the_images_user(service: str) -> None:
    deployment = yaml.safe_load(
        (REPO / "deploy" / "k8s" / "base" / service / "deployment.yaml").read_text()
    )

    pod_security = deployment["spec"]["template"]["spec"]["securityContext"]

    assert pod_security["runAsUser"] == numeric_user(SERVICE_IMAGE)
