"""The three services as processes, each writing its finished spans to its own file."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.e2e.conftest import SERVICES, Stack
from tests.harness import ServiceProcess


@dataclass
class TracedStack(Stack):
    trace_files: dict[str, Path] = field(default_factory=dict)


@pytest.fixture(scope="session")
def traced_stack(
    kafka_bootstrap: str,
    new_database_url: Callable[[str], str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[TracedStack]:
    traces = tmp_path_factory.mktemp("traces")
    prefix = f"ops{uuid.uuid4().hex[:8]}."
    common = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, "KAFKA_TOPIC_PREFIX": prefix,
        "SAMSPIL_ENV": "test", "TOPIC_PARTITIONS": "2", "JWT_SECRET": DEV_JWT_SECRET,
        "LOG_LEVEL": "INFO", "OTEL_EXPORTER_OTLP_ENDPOINT": "",
    }  # fmt: skip
    files = {name: traces / f"{name}.jsonl" for name in SERVICES}
    processes = {
        name: ServiceProcess(
            name,
            {
                **common,
                "DATABASE_URL": new_database_url(name),
                "SAMSPIL_TRACE_FILE": str(files[name]),
                **({"ADJUSTABLE_CLOCK": "true"} if name == "scheduler" else {}),
            },
        )
        for name in SERVICES
    }
    try:
        for process in processes.values():
            process.start(timeout=90)
        yield TracedStack(processes, DevIssuer(DEV_JWT_SECRET), prefix, files)
    finally:
        for process in processes.values():
            process.stop()
