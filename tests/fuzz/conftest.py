"""Consumer fuzzing: each consuming service as a real process on the shared broker and
PostgreSQL (its own database and topic prefix), fed records hypothesis makes up."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.e2e.conftest import SERVICES
from tests.fuzz.run import Target
from tests.harness import ServiceProcess

RETRY_SECONDS, MAX_ATTEMPTS = 0.2, 3
# Each example produces, waits for the consumer and reads the dead letters (a second or
# two): a few examples per service keep the suite fast; raise it for a longer hunt.
EXAMPLES = int(os.environ.get("SAMSPIL_FUZZ_EXAMPLES", "6"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each run is seconds
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    print_blob=True,
)


@pytest.fixture(scope="session")
def start_target(
    kafka_bootstrap: str, new_database_url: Callable[[str], str]
) -> Iterator[Callable[[str, str, str], Target]]:
    """Describes one consumer (service, group suffix, inbox name) of the three services,
    started together on first use (each on its own database and topic prefix, so poison
    sent to one service is parked by that service alone)."""
    started: dict[str, ServiceProcess] = {}

    def start_all() -> None:
        for service in SERVICES:
            env = {
                "DATABASE_URL": new_database_url(f"fuzz_{service}"),
                "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
                "KAFKA_TOPIC_PREFIX": f"fz{uuid.uuid4().hex[:8]}.",
                "SAMSPIL_ENV": "test",
                "TOPIC_PARTITIONS": "2",
                "INBOUND_RETRY_SECONDS": str(RETRY_SECONDS),
                "INBOUND_MAX_ATTEMPTS": str(MAX_ATTEMPTS),
                "TENANT_METADATA_MAX_AGE_MS": "500",
                "LOG_LEVEL": "INFO",
            }
            started[service] = ServiceProcess(service, env)
        with ThreadPoolExecutor(len(SERVICES)) as pool:
            list(pool.map(lambda p: p.start(timeout=240), started.values()))

    def target(service: str, group: str, inbox: str) -> Target:
        if not started:
            start_all()
        process = started[service]
        prefix = process.env["KAFKA_TOPIC_PREFIX"]
        plain = process.env["DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")
        return Target(
            process, kafka_bootstrap, f"{prefix}{group}", inbox, plain,
            retry_budget=RETRY_SECONDS * MAX_ATTEMPTS + 2,
        )  # fmt: skip

    try:
        yield target
    finally:
        for process in started.values():
            process.stop()
