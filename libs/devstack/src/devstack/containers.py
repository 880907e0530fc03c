"""Kafka and PostgreSQL in containers, for machines that have a Docker engine.

Containers live as long as this Python process (testcontainers' reaper removes them after), which
suits a test session; `python -m devstack up` therefore keeps running while they are needed.
"""

from __future__ import annotations

import socket
import subprocess
from typing import Any

KAFKA_IMAGE = "apache/kafka:4.1.0"
POSTGRES_IMAGE = "postgres:17.6-bookworm"

_started: dict[str, Any] = {}


def docker_available() -> bool:
    """A reachable engine, asked quickly: a missing or stopped daemon must not slow tests down."""
    try:
        done = subprocess.run(
            ["docker", "info", "--format", "{{.ServerVersion}}"],
            capture_output=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def kafka() -> str:
    """Start (once per process) an apache/kafka KRaft container; return its bootstrap servers.

    testcontainers' KafkaContainer only knows the Confluent image, so this configures the Apache
    image directly. The advertised listener must name the host port, so it is chosen up front.
    """
    if "kafka" not in _started:
        # Imported lazily: testcontainers pulls in SQLAlchemy and the Docker SDK (seconds).
        from testcontainers.core.container import DockerContainer  # noqa: PLC0415
        from testcontainers.core.wait_strategies import LogMessageWaitStrategy  # noqa: PLC0415

        port = _free_port()
        container = DockerContainer(KAFKA_IMAGE).with_bind_ports(9092, port)
        host = container.get_docker_client().host()
        container.with_envs(
            KAFKA_NODE_ID="1",
            KAFKA_PROCESS_ROLES="broker,controller",
            KAFKA_LISTENERS="PLAINTEXT://:9092,CONTROLLER://:9093",
            KAFKA_ADVERTISED_LISTENERS=f"PLAINTEXT://{host}:{port}",
            KAFKA_CONTROLLER_LISTENER_NAMES="CONTROLLER",
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            KAFKA_CONTROLLER_QUORUM_VOTERS="1@localhost:9093",
            KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_MIN_ISR="1",
            KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS="0",
            KAFKA_AUTO_CREATE_TOPICS_ENABLE="false",
        )
        container.waiting_for(LogMessageWaitStrategy("Kafka Server started"))
        _started["kafka"] = (container.start(), f"{host}:{port}")
    return str(_started["kafka"][1])


def postgres() -> str:
    """Start (once per process) a PostgreSQL container; return its superuser URL."""
    if "postgres" not in _started:
        from testcontainers.community.postgres import PostgresContainer  # noqa: PLC0415

        container = PostgresContainer(
            POSTGRES_IMAGE,
            username="samspil",
            password="samspil",  # noqa: S106 - throwaway container, dbname="postgres", driver=None
        )
        container.start()
        _started["postgres"] = (container, container.get_connection_url())
    return str(_started["postgres"][1])


def started() -> bool:
    return bool(_started)


def stop() -> list[str]:
    names = list(_started)
    for container, _url in _started.values():
        container.stop()
    _started.clear()
    return names


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
