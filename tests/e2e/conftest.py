"""The three services as real processes on the real broker, each with its own database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.harness import ROOT, ServiceProcess

SERVICES = ("authority", "provider", "scheduler")


@dataclass
class Stack:
    processes: dict[str, ServiceProcess]
    issuer: DevIssuer
    topic_prefix: str

    @property
    def digital_post(self) -> Path:
        """Where the authority's local Digital Post delivers."""
        return digital_post_dir(self.topic_prefix)

    def url(self, service: str) -> str:
        return self.processes[service].url

    def client(
        self, service: str, *roles: str, user: str = "e2e-user", **claims: str
    ) -> httpx.Client:
        token = self.issuer.issue(user, roles, **claims)  # type: ignore[arg-type]
        return httpx.Client(
            base_url=self.url(service), headers={"Authorization": f"Bearer {token}"}, timeout=15
        )


def digital_post_dir(prefix: str) -> Path:
    return ROOT / "var" / "digital-post" / prefix.rstrip(".")


@pytest.fixture(scope="session")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    with started_stack(kafka_bootstrap, new_database_url) as shared:
        yield shared


@contextmanager
def started_stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """The three services on their own databases and topic prefix, stopped on exit."""
    prefix = f"e2e{uuid.uuid4().hex[:8]}."
    digital_post = digital_post_dir(prefix)
    common = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_TOPIC_PREFIX": prefix,
        "SAMSPIL_ENV": "test",
        "TOPIC_PARTITIONS": "2",
        "JWT_SECRET": DEV_JWT_SECRET,
        "LOG_LEVEL": "INFO",
    }
    processes = {
        name: ServiceProcess(
            name,
            {
                **common,
                "DATABASE_URL": new_database_url(name),
                **({"ADJUSTABLE_CLOCK": "true"} if name == "scheduler" else {}),
                **({"DIGITAL_POST_DIR": str(digital_post)} if name == "authority" else {}),
                # The tests' webhook receivers listen on 127.0.0.1.
                **({"WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8"} if name == "provider" else {}),
            },
        )
        for name in SERVICES
    }
    try:
        for process in processes.values():
            process.start(timeout=float(os.environ.get("E2E_START_TIMEOUT", "240")))
        yield Stack(processes, DevIssuer(DEV_JWT_SECRET), prefix)
    finally:
        for process in processes.values():
            process.stop()
