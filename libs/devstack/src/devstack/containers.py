"""Kafka and PostgreSQL in containers, for machines that have a Docker engine.

Containers use the host's network and listen on 127.0.0.1 only (an engine started with
``--bridge=none`` has no other network, and no traffic leaves loopback). Their images come
from the environment: ``SAMSPIL_KAFKA_IMAGE`` and ``SAMSPIL_POSTGRES_IMAGE`` (built by
deploy/scripts/images.sh), else the upstream images. An image that is neither present nor
pullable raises :class:`ImageUnavailable`, and devstack falls back to local processes.

testcontainers' reaper (ryuk) is an image from a registry too: it is switched off, and the
containers are removed when this Python process exits (``atexit``) or by ``stop()``; `python
-m devstack up` therefore keeps running while they are needed.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import time
from typing import Any

from devstack import readiness
from devstack._proc import DevstackError
from devstack.ports import free_port, free_port_run
from devstack.postgres_local import PASSWORD, USER  # the same loopback-only dev credentials

KAFKA_IMAGE = "apache/kafka:4.1.0"
POSTGRES_IMAGE = "postgres:17.6-bookworm"
START_TIMEOUT_SECONDS = 120
os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")  # read when testcontainers loads

_started: dict[str, tuple[Any, str]] = {}


class ImageUnavailable(DevstackError):
    """The engine answers but has the image neither locally nor from a registry."""


def docker_available() -> bool:
    """A reachable engine, asked quickly: a missing or stopped daemon must not slow tests down."""
    return _docker("info", "--format", "{{.ServerVersion}}", timeout=3)


TEST_BROKER_HEAP = "-Xmx1536m"


def kafka_image() -> str:
    return os.environ.get("SAMSPIL_KAFKA_IMAGE") or KAFKA_IMAGE


def postgres_image() -> str:
    return os.environ.get("SAMSPIL_POSTGRES_IMAGE") or POSTGRES_IMAGE


def require_image(image: str) -> None:
    if _docker("image", "inspect", image, timeout=10):
        return
    if _docker("pull", "-q", image, timeout=300):
        return
    raise ImageUnavailable(
        f"the Docker engine has no image {image} and cannot pull it: build the local images "
        "with deploy/scripts/images.sh and set SAMSPIL_KAFKA_IMAGE / SAMSPIL_POSTGRES_IMAGE"
    )


def kafka() -> str:
    """Start (once per process) a KRaft broker container; return its bootstrap servers.

    Both the Apache image and deploy/kafka/Dockerfile read their server properties from
    KAFKA_* variables. The listeners name their host ports, so those are chosen up front.
    """
    if "kafka" not in _started:
        image = kafka_image()
        require_image(image)
        port = free_port_run(2)
        bootstrap, controller = f"127.0.0.1:{port}", f"127.0.0.1:{port + 1}"
        container = _container(image).with_envs(
            KAFKA_NODE_ID="1",
            KAFKA_PROCESS_ROLES="broker,controller",
            KAFKA_LISTENERS=f"PLAINTEXT://{bootstrap},CONTROLLER://{controller}",
            KAFKA_ADVERTISED_LISTENERS=f"PLAINTEXT://{bootstrap}",
            KAFKA_CONTROLLER_LISTENER_NAMES="CONTROLLER",
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            KAFKA_CONTROLLER_QUORUM_VOTERS=f"1@{controller}",
            KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_MIN_ISR="1",
            KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR="1",
            KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS="0",
            KAFKA_AUTO_CREATE_TOPICS_ENABLE="false",
            HEALTHCHECK_BOOTSTRAP=bootstrap,
            # A test session leaves thousands of topics (each test has its own prefix): the
            # image's 512 MiB heap then collects all the time and requests time out.
            KAFKA_HEAP_OPTS=TEST_BROKER_HEAP,
        )
        _start("kafka", container, bootstrap, readiness.kafka_answers)
    return _started["kafka"][1]


def postgres() -> str:
    """Start (once per process) a PostgreSQL container; return its superuser URL."""
    if "postgres" not in _started:
        image = postgres_image()
        require_image(image)
        port = free_port()
        url = f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{port}/postgres"
        container = (
            _container(image)
            .with_envs(POSTGRES_USER=USER, POSTGRES_PASSWORD=PASSWORD, POSTGRES_DB="postgres")
            # As the local cluster (postgres_local): a session's service processes and pools
            # outgrow the default 100 connections, and a service then fails to start.
            .with_command(
                f"postgres -c listen_addresses=127.0.0.1 -c port={port} -c max_connections=300"
            )
        )
        _start("postgres", container, url, readiness.postgres_answers)
    return _started["postgres"][1]


def started() -> list[str]:
    return list(_started)


def stop() -> list[str]:
    names = list(_started)
    for container, _url in _started.values():
        container.stop()
    _started.clear()
    return names


def _container(image: str) -> Any:
    # Imported lazily: testcontainers pulls in the Docker SDK (seconds).
    from testcontainers.core.container import DockerContainer  # noqa: PLC0415

    return DockerContainer(image).with_kwargs(network_mode="host")


def _start(name: str, container: Any, address: str, answers: Any) -> None:
    container.start()
    if not _started:
        atexit.register(stop)
    _started[name] = (container, address)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if answers(address):
            return
        container.get_wrapped_container().reload()
        if container.get_wrapped_container().status != "running":
            break
        time.sleep(0.5)
    logs = b"".join(container.get_logs()).decode(errors="replace")[-3000:]
    stop()
    raise DevstackError(f"{name} container ({container.image}) did not answer:\n{logs}")


def _docker(*args: str, timeout: float) -> bool:
    try:
        done = subprocess.run(["docker", *args], capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
